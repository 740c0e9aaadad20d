"""Recovery at start (a damaged file moved aside, a backup restored) and backups at start."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import started
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from facilitator.applog import log_file
from facilitator.dates import day_time
from facilitator.services import events
from facilitator.storage import StorageError, open_database
from facilitator.storage.backups import list_backups, take_backup
from facilitator.storage.integrity import check_database
from facilitator.storage.session_markers import mark_session_open
from ui import app, recovery
from ui.app import run_gui, start_window
from ui.recovery import Choice, Damage, RecoveryDialog, StartCancelled
from ui.settings import Settings

BACKED_UP = ["Backed Up Coalition One", "Backed Up Coalition Two"]


def _add_event(db_path, coalition: str, day: int = 1) -> None:
    db = open_database(db_path)
    with db.transaction() as session:
        events.plan_event(session, coalitions=[coalition], date=dt.date(2026, 3, day))
    db.close()


@pytest.fixture
def backed_up(db_path):
    """A database with two events in a verified backup and a third added after it."""
    for day, name in enumerate(BACKED_UP, start=1):
        _add_event(db_path, name, day)
    backup = take_backup(db_path)
    _add_event(db_path, "Added After The Backup", 9)
    return backup


def _damage(db_path, how: str) -> bytes:
    data = bytearray(db_path.read_bytes())
    if how == "zeroed header":
        data[:100] = bytes(100)
    else:  # truncated: half the pages are gone
        data = data[: len(data) // 2]
    db_path.write_bytes(bytes(data))
    return bytes(data)


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


def _shown_coalitions(window) -> list[str]:
    proxy = window.start.proxy
    return sorted(
        name
        for row in range(proxy.rowCount())
        for name in proxy.index(row, 0).data(Qt.ItemDataRole.UserRole).coalitions
    )


def _opened(qtbot, window):
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._db is not None)
    return window


@pytest.mark.parametrize("how", ["zeroed header", "truncated"])
def test_a_damaged_file_after_a_crash_is_moved_aside_and_the_backup_restored(
    qtbot, db_path, backed_up, answers, how
):
    damaged = _damage(db_path, how)
    mark_session_open(db_path)  # the previous session was killed
    answers.queue = [Choice.RESTORE]

    window = _opened(qtbot, start_window(str(db_path)))
    assert _shown_coalitions(window) == BACKED_UP
    window.start.open_current()
    assert window.editor.event.coalitions[0].name in BACKED_UP
    window.close()
    window.close_database()

    [damage] = answers.asked
    assert damage.backup == backed_up and damage.backup_events == 2
    assert damage.problems
    assert (damage.moved_to / db_path.name).read_bytes() == damaged  # byte for byte, nothing deleted
    assert check_database(db_path) == []


def test_a_file_that_opening_finds_damaged_is_recovered_without_a_crash_first(
    qtbot, db_path, backed_up, answers
):
    damaged = _damage(db_path, "truncated")
    answers.queue = [Choice.RESTORE]
    window = _opened(qtbot, start_window(str(db_path)))
    assert _shown_coalitions(window) == BACKED_UP
    window.close_database()
    assert (answers.asked[0].moved_to / db_path.name).read_bytes() == damaged


def test_damage_found_only_when_opening_after_the_first_paint_refreshes_the_list(
    qtbot, db_path, backed_up, answers, monkeypatch
):
    from facilitator.storage import database

    real_open = database.open_database
    damaged = []

    def damaged_meanwhile(target):
        # The quick read saw a sound file; by the time the full open runs it is not.
        if not damaged:
            damaged.append(_damage(db_path, "truncated"))
        return real_open(target)

    monkeypatch.setattr(database, "open_database", damaged_meanwhile)
    answers.queue = [Choice.RESTORE]
    window = start_window(str(db_path))
    qtbot.addWidget(window)
    assert len(_shown_coalitions(window)) == 3  # painted from the quick read
    with qtbot.waitSignal(window.opened):
        window.show()
    assert _shown_coalitions(window) == BACKED_UP  # redrawn from the restored file
    window.close_database()
    assert (answers.asked[0].moved_to / db_path.name).read_bytes() == damaged[0]


def test_without_a_backup_the_facilitator_can_start_empty(qtbot, db_path, answers):
    _add_event(db_path, "Never Backed Up")
    damaged = _damage(db_path, "zeroed header")
    mark_session_open(db_path)
    answers.queue = [Choice.EMPTY]
    window = _opened(qtbot, start_window(str(db_path)))
    assert _shown_coalitions(window) == []
    window.close_database()
    [damage] = answers.asked
    assert damage.backup is None
    assert (damage.moved_to / db_path.name).read_bytes() == damaged


def test_quit_leaves_the_damaged_file_moved_aside_and_opens_nothing(
    qapp, db_path, backed_up, answers, capsys
):
    damaged = _damage(db_path, "truncated")
    mark_session_open(db_path)
    answers.queue = [Choice.QUIT]
    assert run_gui(str(db_path)) == 1
    assert not db_path.exists()
    moved_to = answers.asked[0].moved_to
    assert (moved_to / db_path.name).read_bytes() == damaged
    assert f"moved to {moved_to}" in capsys.readouterr().err


def test_quit_after_opening_found_the_file_damaged_opens_nothing(db_path, backed_up, answers):
    _damage(db_path, "truncated")  # no crash before: opening finds it
    answers.queue = [Choice.QUIT]
    with pytest.raises(StartCancelled):
        start_window(str(db_path))
    assert not db_path.exists()


def test_a_sound_file_after_a_crash_opens_without_a_question(qtbot, db_path, backed_up, answers):
    mark_session_open(db_path)
    window = _opened(qtbot, start_window(str(db_path)))
    assert len(_shown_coalitions(window)) == 3
    window.close_database()
    assert answers.asked == []


def test_the_dialog_offers_the_backup_with_its_time_and_events(qtbot, db_path, backed_up, monkeypatch):
    damage = Damage(db_path, ["the file is truncated"], db_path.parent / "damaged", backed_up, 2)
    dialog = RecoveryDialog(damage)
    qtbot.addWidget(dialog)
    assert str(damage.moved_to) in dialog.text() and "Nothing was deleted" in dialog.text()
    assert "What was found: the file is truncated." in dialog.informativeText()
    assert f"{day_time(backed_up.created)} (2 events)?" in dialog.informativeText()
    assert [b.text() for b in dialog.buttons_.values()] == [
        "Restore backup",
        "Start with an empty database",
        "Quit",
    ]
    assert dialog.defaultButton() is dialog.buttons_[Choice.RESTORE]

    for choice in Choice:
        monkeypatch.setattr(RecoveryDialog, "exec", lambda d, c=choice: d.buttons_[c].click() or 0)
        assert RecoveryDialog(damage).choice() is choice
    monkeypatch.setattr(RecoveryDialog, "exec", lambda d: 0)  # closed with the window's X
    assert RecoveryDialog(damage).choice() is Choice.QUIT


def test_the_dialog_says_when_there_is_no_backup(qtbot, db_path):
    dialog = RecoveryDialog(Damage(db_path, ["zeroed header"], db_path.parent, None, None))
    qtbot.addWidget(dialog)
    assert "no verified backup" in dialog.informativeText()
    assert Choice.RESTORE not in dialog.buttons_
    assert dialog.escapeButton() is dialog.buttons_[Choice.QUIT]


# -- backups at start --------------------------------------------------------


def _start_and_close(qtbot, db_path):
    window = start_window(str(db_path))
    qtbot.addWidget(window)
    started(qtbot, window)  # the backup at start runs on the pool once the database is open
    window.close()
    window.close_database()
    return window


def test_a_start_on_a_changed_database_takes_a_backup_and_an_unchanged_one_does_not(qtbot, db_path):
    _add_event(db_path, "First Coalition")
    _start_and_close(qtbot, db_path)
    assert len(list_backups(db_path)) == 1
    _start_and_close(qtbot, db_path)
    assert len(list_backups(db_path)) == 1  # nothing changed in between

    _add_event(db_path, "Edited Between Starts")
    _start_and_close(qtbot, db_path)
    backups = list_backups(db_path)
    assert len(backups) == 2
    newest = open_database(backups[0].path)
    with newest.transaction() as session:
        assert len(events.list_events(session)) == 2
    newest.close()


def test_a_new_database_is_backed_up_on_the_careful_path(qtbot, db_path):
    window = start_window(str(db_path))
    qtbot.addWidget(window)
    assert window._db is not None
    started(qtbot, window)
    assert len(list_backups(db_path)) == 1
    window.close()
    window.close_database()


def test_backups_keep_setting_rotates_old_backups_out(qtbot, db_path):
    Settings().set("backups_keep", 2)
    for n in range(3):
        _add_event(db_path, f"Coalition {n}")
        _start_and_close(qtbot, db_path)
    assert len(list_backups(db_path)) == 2


def test_a_failed_backup_is_shown_and_logged_but_never_blocks_the_start(qtbot, db_path, monkeypatch):
    _add_event(db_path, "Still Opens")

    def fail(*_args, **_kwargs):
        raise StorageError("cannot write a backup into /backups: No space left on device")

    monkeypatch.setattr("facilitator.storage.backups.backup_if_changed", fail)
    window = start_window(str(db_path))
    qtbot.addWidget(window)
    started(qtbot, window)
    assert window.banner.isVisible()
    assert "No backup was taken at start: cannot write a backup" in window.banner.label.text()
    assert "No space left on device" in log_file().read_text(encoding="utf-8")
    assert _shown_coalitions(window) == ["Still Opens"]
    window.start.open_current()
    assert window.editor is not None  # working as usual
    window.close()
    window.close_database()


def test_app_module_keeps_recovery_before_the_fast_read(monkeypatch, db_path):
    # The order matters: the quick read must never be the first to touch a damaged file.
    order = []
    monkeypatch.setattr(recovery, "recover_if_needed", lambda _p: order.append("recover"))
    monkeypatch.setattr(app, "recent_events", lambda _p: order.append("read"))
    monkeypatch.setattr(app, "_open", lambda *_a: (_ for _ in ()).throw(StorageError("stop here")))
    with pytest.raises(StorageError):
        start_window(str(db_path))
    assert order == ["recover", "read"]


def test_quit_from_the_dialog_is_quiet(qapp, db_path, backed_up, answers, monkeypatch):
    # Quit is the facilitator's choice: no "Cannot open" box on top of it.
    boxes = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: boxes.append(a))
    _damage(db_path, "zeroed header")
    mark_session_open(db_path)
    answers.queue = [Choice.QUIT]
    assert run_gui(str(db_path)) == 1
    assert boxes == []
