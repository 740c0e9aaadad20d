"""Damage found after a clean previous session gets the same restore offer as after a crash.

No session marker is left here: the previous session ended cleanly, so
nothing checks the file before it opens. A zeroed header shows when the file
is opened; pages that opening never reads show when the start backup checks
the file. Both must move the file aside and offer the newest verified backup.
A file that is not ours is never moved aside, backups or not.
"""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import started
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from refused_files import FILE_NAME, overwrite_pages, snapshot

from facilitator import paths
from facilitator.services import events, participants
from facilitator.storage import open_database
from facilitator.storage.backups import list_backups, take_backup
from facilitator.storage.integrity import check_database
from facilitator.storage.session_markers import previous_session_unclean
from ui import app, recovery
from ui.app import run_gui, start_window
from ui.recovery import Choice, Damage

BACKED_UP = ["Backed Up Coalition One", "Backed Up Coalition Two"]


def _add_event(db_path, coalition: str, day: int, people: int = 0) -> None:
    db = open_database(db_path)
    with db.transaction() as session:
        event_id = events.plan_event(session, coalitions=[coalition], date=dt.date(2026, 3, day)).id
    for n in range(people):
        with db.transaction() as session:
            participants.add_participant(session, event_id, f"Person {n}", "Team")
    db.close()


@pytest.fixture
def backed_up(db_path):
    """Two events in a verified backup; a third, with participants, added after it."""
    for day, name in enumerate(BACKED_UP, start=1):
        _add_event(db_path, name, day)
    backup = take_backup(db_path)
    _add_event(db_path, "Added After The Backup", 9, people=40)
    assert not previous_session_unclean(db_path)
    return backup


def _damage(db_path, how: str) -> bytes:
    if how == "zeroed header":
        with db_path.open("r+b") as handle:
            handle.write(bytes(100))
    else:  # pages that neither the quick read nor opening reads
        overwrite_pages(db_path, "participants")
    return db_path.read_bytes()


@pytest.fixture
def answers(monkeypatch):
    """Answer the recovery dialog with the choices queued in ``answers.queue``."""

    class Answers:
        def __init__(self) -> None:
            self.queue: list[Choice] = []
            self.asked: list[Damage] = []

        def __call__(self, damage: Damage) -> Choice:
            self.asked.append(damage)
            return self.queue.pop(0)

    answers = Answers()
    monkeypatch.setattr(recovery, "ask_recovery", answers)
    return answers


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    return shown


def _shown_coalitions(window) -> list[str]:
    proxy = window.start.proxy
    return sorted(
        name
        for row in range(proxy.rowCount())
        for name in proxy.index(row, 0).data(Qt.ItemDataRole.UserRole).coalitions
    )


def _start(qtbot, db_path, path_taken: str, monkeypatch):
    """Start the window the way the app does, waiting until the database is open."""
    if path_taken == "careful":
        monkeypatch.setattr(app, "recent_events", lambda _path: None)
    window = start_window(str(db_path))
    qtbot.addWidget(window)
    if window._db is None:  # the fast path: opened after the first paint
        assert path_taken == "fast"
        assert len(_shown_coalitions(window)) == 3  # painted from the damaged file
    # The backup at start, on the pool, is what finds the damage; the offer follows.
    return started(qtbot, window)


@pytest.mark.parametrize(
    "how, path_taken",
    [("zeroed header", "careful"), ("overwritten pages", "fast"), ("overwritten pages", "careful")],
)
def test_damage_after_a_clean_session_is_moved_aside_and_the_backup_offered(
    qtbot, db_path, backed_up, answers, monkeypatch, how, path_taken
):
    damaged = _damage(db_path, how)
    answers.queue = [Choice.RESTORE]

    window = _start(qtbot, db_path, path_taken, monkeypatch)

    [damage] = answers.asked
    assert damage.backup == backed_up and damage.backup_events == 2
    assert damage.problems
    assert (damage.moved_to / FILE_NAME).read_bytes() == damaged  # byte for byte, nothing deleted
    assert _shown_coalitions(window) == BACKED_UP  # the list comes from the restored file
    assert not window.banner.isVisible()
    window.start.open_current()
    assert window.editor.event.coalitions[0].name in BACKED_UP
    window.close()
    window.close_database()
    assert check_database(db_path) == []


def test_quit_after_damage_found_by_the_start_backup_closes_the_window(
    qtbot, db_path, backed_up, answers, monkeypatch
):
    damaged = _damage(db_path, "overwritten pages")
    answers.queue = [Choice.QUIT]
    window = _start(qtbot, db_path, "fast", monkeypatch)
    assert not window.isVisible()
    assert not db_path.exists()
    assert (answers.asked[0].moved_to / FILE_NAME).read_bytes() == damaged


def test_quit_on_the_careful_path_closes_the_window(qtbot, db_path, backed_up, answers, monkeypatch):
    damaged = _damage(db_path, "overwritten pages")
    answers.queue = [Choice.QUIT]
    window = _start(qtbot, db_path, "careful", monkeypatch)
    assert not window.isVisible()
    assert not db_path.exists()
    assert (answers.asked[0].moved_to / FILE_NAME).read_bytes() == damaged


def test_a_start_without_damage_takes_its_backup_and_asks_nothing(
    qtbot, db_path, backed_up, answers, monkeypatch
):
    window = _start(qtbot, db_path, "fast", monkeypatch)
    assert answers.asked == []
    assert len(_shown_coalitions(window)) == 3
    assert list_backups(db_path)[0].reason == "at-start"
    window.close_database()


def test_a_text_file_is_refused_untouched_even_beside_backups_of_its_name(
    qapp, db_path, backed_up, answers, boxes
):
    db_path.write_text("shopping list: milk, eggs\n" * 40, encoding="utf-8")
    before = snapshot(db_path.parent)

    assert run_gui(str(db_path)) == 1

    assert answers.asked == []
    [text] = boxes
    assert "not a SQLite file" in text
    assert snapshot(db_path.parent) == before
    assert not paths.damaged_dir().exists()


def test_a_zeroed_file_with_no_backup_of_its_name_is_refused_untouched(qapp, db_path, answers, boxes):
    _add_event(db_path, "Never Backed Up", 1)
    _damage(db_path, "zeroed header")
    before = snapshot(db_path.parent)

    assert run_gui(str(db_path)) == 1

    assert answers.asked == []
    [text] = boxes
    assert "cannot be recognised: its SQLite header is zeroed" in text
    assert snapshot(db_path.parent) == before
    assert not paths.damaged_dir().exists()
