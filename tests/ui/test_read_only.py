"""Cannot write: a read-only file or a full disk is said plainly, the typed text waits for a retry.

Tests run as root, and chmod does not stop root from writing; the ext4
immutable flag (``chattr +i``) does.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from helpers import focused, show_active, type_text
from PySide6.QtCore import Qt
from sqlalchemy import event as sa_event

from facilitator.demo import create_demo_event
from facilitator.services import events, outcomes
from facilitator.storage import StorageError, open_database
from facilitator.storage.database import integrity_check
from ui.app import start_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def demo(db_path):
    """A database file holding the sample event; returns its id (the file is closed)."""
    db = open_database(db_path)
    with db.transaction() as session:
        event_id = create_demo_event(session, date=dt.date(2026, 11, 3)).id
    db.close()
    return event_id


def _stored(db_path, event_id) -> list[str]:
    db = open_database(db_path)
    try:
        with db.transaction() as session:
            titles = [o.title for o in events.load_event(session, event_id).outcomes]
        assert integrity_check(db) == "ok"
        return titles
    finally:
        db.close()


def _chattr(flag: str, path) -> None:
    subprocess.run(["chattr", flag, str(path)], check=True, capture_output=True, text=True)


@pytest.fixture
def make_immutable():
    """Make files immutable (``chattr +i``) and always undo it, or skip where that is impossible."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed: no way to make a file unwritable for root")
    done = []

    def immutable(path):
        try:
            _chattr("+i", path)
        except subprocess.CalledProcessError as exc:
            pytest.skip(f"this file system does not support the immutable flag: {exc.stderr.strip()}")
        done.append(path)

    def writable_again(path):
        _chattr("-i", path)
        done.remove(path)

    immutable.undo = writable_again
    yield immutable
    for path in done:
        _chattr("-i", path)


def _window_on_outcomes(qtbot, db_path, event_id):
    window = start_window(str(db_path))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: window._db is not None)
    window.open_event(event_id, view=1)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # the outcomes step
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)  # add a record
    return window, focused()


def _close(window) -> None:
    window.close()
    window.close_database()


def test_a_read_only_file_says_so_keeps_the_text_and_the_retry_stores_it(
    qtbot, db_path, demo, make_immutable
):
    before = _stored(db_path, demo)
    make_immutable(db_path)
    window, line = _window_on_outcomes(qtbot, db_path, demo)

    type_text(line, "Geschafft trotz Schreibschutz")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.banner.isVisible()
    assert "the database file cannot be written" in window.banner.label.text()
    assert "What you typed is still there" in window.banner.label.text()
    assert window.saved_label.text() == "Last edit NOT saved"
    assert line.text() == "Geschafft trotz Schreibschutz"

    make_immutable.undo(db_path)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert not window.banner.isVisible()
    assert line.text() == ""
    _close(window)
    assert _stored(db_path, demo) == [*before, "Geschafft trotz Schreibschutz"]


def _disk_full(dbapi_connection, _record):
    # No page beyond those the file has now: the next page it needs is "disk full".
    pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
    dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")


def _fill_to_the_brim(db_path, event_id) -> None:
    """Add small outcomes to the event until not even one more fits in the file's pages.

    A new outcome lands where these did (the table's last page, and index
    pages too few to need splitting yet), so after the first refusal any
    outcome at least as large is refused too.
    """
    db = open_database(db_path)
    sa_event.listen(db.engine, "connect", _disk_full)
    db.engine.dispose()  # the connection opening made has no limit yet
    try:
        with pytest.raises(StorageError, match="the disk is full"):
            for n in range(500):
                with db.transaction() as session:
                    outcomes.add_outcome(session, event_id, "success", f"Platzhalter {n}")
    finally:
        db.close()


def test_a_full_disk_says_so_keeps_the_text_and_the_retry_stores_it(qtbot, db_path, demo):
    _fill_to_the_brim(db_path, demo)
    before = _stored(db_path, demo)
    window, line = _window_on_outcomes(qtbot, db_path, demo)
    engine = window.db.engine
    sa_event.listen(engine, "connect", _disk_full)
    engine.dispose()  # every connection from now on meets the full disk

    type_text(line, "Ein Erfolg, der nicht mehr auf die Platte passt")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.banner.isVisible()
    assert "the disk is full" in window.banner.label.text()
    assert window.saved_label.text() == "Last edit NOT saved"
    assert line.text() == "Ein Erfolg, der nicht mehr auf die Platte passt"

    sa_event.remove(engine, "connect", _disk_full)
    engine.dispose()  # space was freed: new connections have room again
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert not window.banner.isVisible()
    assert line.text() == ""
    _close(window)
    assert _stored(db_path, demo) == [*before, "Ein Erfolg, der nicht mehr auf die Platte passt"]
