"""No silent failures: an exception in a slot or a thread is logged, shown, and the app goes on."""

from __future__ import annotations

import threading

import pytest
from helpers import show_active
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from facilitator.applog import log_file
from ui.crash import CrashDialog, install_exception_hooks
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def hooks():
    installed = install_exception_hooks()
    yield installed
    installed.uninstall()


@pytest.fixture
def shown(monkeypatch):
    """Record each crash dialog instead of blocking on it."""
    dialogs: list[CrashDialog] = []

    def record(dialog):
        dialogs.append(dialog)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", record)
    return dialogs


def _broken_slot():
    raise RuntimeError("the slot broke on purpose")


def _form(qtbot):
    form = QWidget()
    qtbot.addWidget(form)
    form.button = QPushButton("Break", form)
    form.line = QLineEdit(form)
    layout = QVBoxLayout(form)
    layout.addWidget(form.button)
    layout.addWidget(form.line)
    form.button.clicked.connect(_broken_slot)
    show_active(qtbot, form)
    return form


def test_an_exception_in_a_slot_is_logged_and_shown_and_the_window_stays_usable(qtbot, hooks, shown):
    form = _form(qtbot)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)

    log = log_file().read_text(encoding="utf-8")
    assert "RuntimeError: the slot broke on purpose" in log
    assert "in _broken_slot" in log  # the whole traceback, not just the message
    assert len(shown) == 1
    dialog = shown[0]
    assert "RuntimeError: the slot broke on purpose" in dialog.text()
    assert str(log_file()) in dialog.informativeText()
    assert [b.text() for b in (dialog.open_log_button, dialog.copy_button, dialog.continue_button)] == [
        "Open log",
        "Copy details",
        "Continue",
    ]

    form.line.setFocus()
    qtbot.keyClicks(form.line, "still typing")
    assert form.line.text() == "still typing"
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    assert len(shown) == 2  # the next failure is reported too: the guard was released
    assert log_file().read_text(encoding="utf-8").count("RuntimeError: the slot broke on purpose") == 2


def test_the_main_window_keeps_working_after_a_slot_fails(qtbot, db, hooks, shown, monkeypatch):
    window = MainWindow(db)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    monkeypatch.setattr(window, "zoom", lambda _direction: 1 / 0)
    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    assert len(shown) == 1 and "ZeroDivisionError" in shown[0].text()
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL | SHIFT)  # open the sample event
    assert window.screen_ is not None
    window.close()


def test_an_exception_in_a_thread_is_shown_in_the_gui_thread(qtbot, hooks, shown):
    def work():
        raise ValueError("the worker failed")

    worker = threading.Thread(target=work, name="exporter")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "ValueError: the worker failed" in shown[0].text()
    assert "uncaught exception in thread exporter" in log_file().read_text(encoding="utf-8")


def test_copy_details_puts_the_traceback_on_the_clipboard_and_keeps_the_dialog(qtbot, hooks, monkeypatch):
    clicks = []

    def click_copy_then_continue(dialog):
        button = dialog.copy_button if not clicks else dialog.continue_button
        clicks.append(button.text())
        button.click()
        return 0

    monkeypatch.setattr(CrashDialog, "exec", click_copy_then_continue)
    form = _form(qtbot)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    assert clicks == ["Copy details", "Continue"]
    assert "RuntimeError: the slot broke on purpose" in QApplication.clipboard().text()


def test_an_exception_inside_the_handler_goes_to_stderr_without_a_loop(qtbot, hooks, monkeypatch, capfd):
    calls = []

    def dialog_breaks(dialog):
        calls.append(dialog)
        raise OSError("no display for the dialog")

    monkeypatch.setattr(CrashDialog, "exec", dialog_breaks)
    form = _form(qtbot)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    assert len(calls) == 1
    err = capfd.readouterr().err
    assert "the slot broke on purpose" in err and "no display for the dialog" in err
    assert "the slot broke on purpose" in log_file().read_text(encoding="utf-8")


def test_a_failure_while_the_dialog_is_up_is_logged_without_a_second_dialog(qtbot, hooks, monkeypatch, capfd):
    form = _form(qtbot)
    calls = []

    def another_failure_meanwhile(dialog):
        calls.append(dialog)
        form.button.click()  # a timer or a click while the dialog is open fails again
        return 0

    monkeypatch.setattr(CrashDialog, "exec", another_failure_meanwhile)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    assert len(calls) == 1
    assert log_file().read_text(encoding="utf-8").count("RuntimeError: the slot broke on purpose") == 2
    assert "the slot broke on purpose" in capfd.readouterr().err
