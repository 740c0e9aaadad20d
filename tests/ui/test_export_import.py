"""Import of an event file runs off the GUI thread; Cancel stores nothing; Import waits meanwhile."""

from __future__ import annotations

import datetime as dt

import pytest
from held_work import LONG, hold
from helpers import show_active
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from facilitator.demo import create_demo_event
from facilitator.domain import Event
from facilitator.eventfile import export_event, import_event_file, writer
from facilitator.storage import open_database
from ui.actions import Act
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
HELD = "Not now: “Import of event.yaml” is running. Wait for it, or cancel it."


@pytest.fixture
def event_file(tmp_path):
    """An event file from another facilitator's database; returns (path, event id)."""
    other = open_database(tmp_path / "other.sqlite3")
    try:
        with other.transaction() as session:
            event_id = create_demo_event(session, date=dt.date(2026, 11, 3)).id
            path = export_event(session, event_id, tmp_path / "files" / "event.yaml")
    finally:
        other.close()
    return path, event_id


@pytest.fixture
def window(qtbot, db, event_file, monkeypatch):
    win = MainWindow(db)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(event_file[0]), ""))
    return win


def _events(db) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(Event))


def test_the_import_is_stored_in_a_worker_while_the_window_goes_on_then_opens(
    qtbot, window, db, event_file, monkeypatch, gate
):
    # Held once the records are added, before they are committed.
    hold(monkeypatch, writer.Writer, "write", gate, after=True)
    action = window.actions_[Act.IMPORT_EVENT_FILE]
    seen = []

    def from_the_event_loop():
        # Runs only if the GUI thread gets back to its event loop while the worker is held.
        seen.append((action.isEnabled(), action.toolTip(), action.statusTip()))
        gate.open.set()

    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
        row = window.progress_panel.row("import")
        qtbot.waitUntil(lambda: row.label.text() == "Importing event.yaml: storing the event", timeout=LONG)
        QTimer.singleShot(0, from_the_event_loop)

    assert seen == [(False, HELD, HELD)]
    assert gate.in_gui_thread == [False]  # stored in a pool thread
    assert ended.args[0].outcome == "done" and ended.args[0].done == ended.args[0].total == 4
    assert window.editor is not None and window.editor.event_id == event_file[1]
    assert window.statusBar().currentMessage() == "Imported event.yaml"
    assert action.isEnabled() and not action.toolTip().startswith("Not now")
    assert not action.statusTip().startswith("Not now") and not window.progress_panel.isVisible()


def test_a_cancelled_import_stores_nothing(qtbot, window, db, monkeypatch, gate):
    hold(monkeypatch, writer.Writer, "write", gate, after=True)
    before = _events(db)
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        window.actions_[Act.IMPORT_EVENT_FILE].trigger()
        row = window.progress_panel.row("import")
        # The worker waits with every record added to its transaction, not yet committed.
        qtbot.waitUntil(lambda: gate.in_gui_thread == [False], timeout=LONG)
        qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
        assert row.label.text() == "Import of event.yaml: cancelling…"
        gate.open.set()

    assert ended.args[0].outcome == "cancelled"
    assert _events(db) == before  # the transaction was rolled back
    assert window.editor is None and not window.banner.isVisible()
    assert window.statusBar().currentMessage() == "Cancelled: nothing of event.yaml was imported"
    assert window.actions_[Act.IMPORT_EVENT_FILE].isEnabled()


def test_a_conflict_found_in_the_workers_transaction_reaches_the_banner_with_its_line(
    qtbot, window, db, event_file
):
    path, event_id = event_file
    import_event_file(db, path)  # the same file came in before
    before = _events(db)
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    assert ended.args[0].outcome == "failed"
    text = window.banner.label.text()
    assert text.startswith(
        f"The event file was not imported: {path}:4:7: event.id: an event with id {event_id} "
    )
    assert "already in this database" in text
    assert _events(db) == before and window.editor is None
