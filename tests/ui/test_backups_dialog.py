"""File ▸ Backups…: the backup folder, the backups kept, how many to keep, and a backup now."""

from __future__ import annotations

import os
import threading

import pytest
from held_work import LONG
from helpers import show_active
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

import ui.backups_dialog
from facilitator.dates import day_time
from facilitator.storage import StorageError
from facilitator.storage.backups import backup_folder, list_backups, take_backup
from ui.actions import Act
from ui.backups_dialog import BackupsDialog
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.start_tasks import BACKUP_TASK
from ui.theme import BASE_SIZES

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    yield window
    window.close()


def _with_the_dialog_from_the_file_menu(qtbot, window, drive) -> BackupsDialog:
    """Open File ▸ Backups… with the keys and run ``drive(dialog)`` while it is open, modal.

    ``drive`` runs from the dialog's own event loop; the dialog is closed
    afterwards whatever happened, so a failing step cannot leave it open.
    """
    seen: list[BackupsDialog] = []

    def on_open():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        try:
            qtbot.waitUntil(lambda: dialog.isActiveWindow())
            drive(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    qtbot.keyClick(window, Qt.Key.Key_F, ALT)
    menu = QApplication.activePopupWidget()
    assert menu is not None and menu.title() == "&File"
    QTimer.singleShot(0, on_open)
    qtbot.keyClick(menu, Qt.Key.Key_B)  # "&Backups…": returns when the dialog has closed
    [dialog] = seen
    assert isinstance(dialog, BackupsDialog) and not dialog.isVisible()
    return dialog


def _wait_for_the_backup(qtbot, dialog) -> None:
    """Wait until "Back up now", running on the pool, has ended and its outcome is shown."""
    qtbot.waitUntil(lambda: dialog.tasks.running(BACKUP_TASK) is None, timeout=LONG)


def _rows(dialog) -> list[list[str]]:
    return [
        [dialog.list.topLevelItem(i).text(c) for c in range(3)]
        for i in range(dialog.list.topLevelItemCount())
    ]


def test_the_file_menu_opens_backups_and_the_keys_set_how_many_are_kept(qtbot, window, db_path):
    Settings().set("backups_keep", 20)
    taken = [take_backup(db_path, reason=reason) for reason in ("at-start", "before-migration", "at-start")]
    seen = {}

    def drive(dialog):
        seen["folder"] = dialog.folder_label.text()
        seen["shown"] = dialog.backups()
        seen["rows"] = _rows(dialog)
        seen["focus"] = dialog.keep.hasFocus()
        # Typing a number stores it at once.
        qtbot.keyClick(dialog.keep, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(dialog.keep, "2")
        seen["setting after typing"] = Settings().get("backups_keep")
        seen["kept after typing"] = len(list_backups(db_path))
        # "Back up &now": a mnemonic clicks the button the way a click animates it, on release.
        with qtbot.waitSignal(dialog.back_up_button.clicked):
            qtbot.keyClick(dialog.keep, Qt.Key.Key_N, ALT)
        _wait_for_the_backup(qtbot, dialog)
        seen["shown after backup"] = dialog.backups()
        seen["rows after backup"] = _rows(dialog)
        seen["status"] = dialog.status.text() if dialog.status.isVisible() else None
        qtbot.keyClick(dialog.keep, Qt.Key.Key_Up)
        seen["setting after up"] = Settings().get("backups_keep")
        qtbot.keyClick(dialog.keep, Qt.Key.Key_Return)  # done: Enter closes, and starts nothing
        seen["closed by enter"] = not dialog.isVisible()

    dialog = _with_the_dialog_from_the_file_menu(qtbot, window, drive)

    assert dialog.db_path == db_path
    assert str(backup_folder()) in seen["folder"] and str(db_path) in seen["folder"]
    # Newest first, each with its date and why it was taken.
    assert seen["shown"] == taken[::-1]
    assert [row[1] for row in seen["rows"]] == [
        "When the app started",
        "Before a schema update",
        "When the app started",
    ]
    newest = taken[-1].created
    assert seen["rows"][0][0] == day_time(newest, seconds=True)  # "2 Dec 2026, 14:32:05"
    assert seen["rows"][0][2].endswith(" KB")
    assert seen["focus"]  # the spin box: keys work at once

    assert seen["setting after typing"] == 2
    assert seen["kept after typing"] == 3  # lowering the number deletes nothing by itself
    kept = list_backups(db_path)
    assert len(kept) == 2  # "Back up now" rotated down to the newest two
    assert kept[0].reason == "manual" and kept[1] == taken[-1]
    assert seen["shown after backup"] == kept
    assert seen["rows after backup"][0][1] == "Backed up by hand"
    assert seen["status"].startswith("Backed up at ")
    assert seen["setting after up"] == 3
    assert seen["closed by enter"]
    assert len(list_backups(db_path)) == 2


def test_the_dialog_is_set_in_the_app_s_large_type(qtbot, window):
    sizes = {}

    def drive(dialog):
        for widget in (dialog.keep, dialog.folder_label, dialog.list, dialog.back_up_button):
            sizes[type(widget).__name__] = widget.font().pointSizeF()

    _with_the_dialog_from_the_file_menu(qtbot, window, drive)
    assert len(sizes) == 4 and min(sizes.values()) >= BASE_SIZES["body"]


def test_an_empty_folder_says_there_are_no_backups_yet(qtbot, db_path, db):
    dialog = BackupsDialog(db_path, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty_label.isVisible() and not dialog.list.isVisible()
    assert not dialog.show_folder_button.isEnabled()  # there is no folder yet

    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    _wait_for_the_backup(qtbot, dialog)
    assert dialog.list.isVisible() and not dialog.empty_label.isVisible()
    assert len(dialog.backups()) == 1 and dialog.show_folder_button.isEnabled()


def test_a_backup_that_fails_says_why_in_the_dialog(qtbot, db_path, db, monkeypatch):
    def fail(*_args, **_kwargs):
        raise StorageError("cannot write a backup into /backups: No space left on device")

    monkeypatch.setattr("ui.backups_dialog.take_backup", fail)
    dialog = BackupsDialog(db_path, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    _wait_for_the_backup(qtbot, dialog)
    assert dialog.status.isVisible()
    assert (
        dialog.status.text()
        == "No backup was taken: cannot write a backup into /backups: No space left on device"
    )
    assert dialog.status.property("role") == "danger"
    assert QApplication.overrideCursor() is None


def test_the_action_is_declared_once_in_the_registry(window):
    action = window.actions_[Act.BACKUPS]
    assert action.text() == "&Backups…" and action.objectName() == "backups"
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert action in file_menu.actions()


def test_back_up_now_runs_on_the_pool_and_cancel_writes_nothing(qtbot, db_path, db, monkeypatch, gate):
    real = ui.backups_dialog.take_backup
    reached = threading.Event()

    def held(*args, progress, **kwargs):
        def step(done, total):
            if done == 1:  # checked, not yet copied
                reached.set()
                gate.wait()
            progress(done, total)

        return real(*args, progress=step, **kwargs)

    monkeypatch.setattr(ui.backups_dialog, "take_backup", held)
    dialog = BackupsDialog(db_path, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=LONG)
    # The GUI thread lets the worker go on: were the backup on it, this would never run.
    QTimer.singleShot(0, dialog.progress.row(BACKUP_TASK).cancel_button.click)
    QTimer.singleShot(0, gate.open.set)
    assert not dialog.back_up_button.isEnabled()
    assert dialog.back_up_button.toolTip() == "A backup is being taken"
    _wait_for_the_backup(qtbot, dialog)
    assert dialog.status.text() == "Cancelled: no backup was taken."
    assert list_backups(db_path) == [] and dialog.back_up_button.isEnabled()
    folder = backup_folder()
    assert not folder.exists() or os.listdir(folder) == []  # no half-written copy
