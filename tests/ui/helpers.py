"""Driving the app like a facilitator: typing any text, focus, modal dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def type_text(widget, text: str) -> None:
    """Type text one key event per character.

    qtbot.keyClicks aborts the whole test process on non-ASCII characters
    (a Qt assertion in qasciikey.cpp), so names like "Zoë Łukasz" go this way.
    """
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def focused():
    """Return the widget with keyboard focus."""
    return QApplication.focusWidget()


def show_active(qtbot, window) -> None:
    """Show a window and wait until it is active, so shortcuts reach it."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


def window_on_event(qtbot, db, event_id, view, size=(1600, 900)):
    """Show the main window active at ``size`` with ``event_id`` open at ``view``; return it."""
    from ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(*size)
    show_active(qtbot, window)
    window.open_event(event_id, view=view)
    return window


def freeze_step_clock(monkeypatch):
    """Give the step timer a clock that moves only when the test says; return ``advance(seconds)``.

    Tests move time on exactly instead of waiting, which holds however busy
    the machine is.
    """
    from ui.walkthrough.timer import StepTimer

    now = [1000.0]
    monkeypatch.setattr(StepTimer, "clock", staticmethod(lambda: now[0]))

    def advance(seconds: float) -> None:
        now[0] += seconds

    return advance


def started(qtbot, window, timeout: int = 60_000):
    """Show a window from ``start_window`` and wait until it is open and its start work has ended.

    The database opens after the first paint (or after an update on the
    pool), then the backup at start runs on the pool: this waits for each on
    its own condition, never for a while.
    """
    if window._db is None:
        # Opened after the first paint, or when the update hands it over; the
        # backup at start begins as ``opened`` is handled.
        with qtbot.waitSignal(window.opened, timeout=timeout):
            window.show()
    else:
        window.show()
    qtbot.waitUntil(lambda: not window.tasks.tasks(), timeout=timeout)
    return window


def answer_save_dialog(monkeypatch, target, chosen_filter: str = "") -> list[tuple[str, str, str]]:
    """Answer every save dialog with ``target`` and ``chosen_filter``.

    Returns the (title, suggested, filters) of each dialog asked, as it fills.
    """
    from PySide6.QtWidgets import QFileDialog

    asked: list[tuple[str, str, str]] = []

    def answer(parent=None, title="", suggested="", filters="", *_rest, **_options):
        asked.append((title, suggested, filters))
        return str(target), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked
