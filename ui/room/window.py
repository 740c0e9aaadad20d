"""The room view's window: the slide full screen, with nothing to click, type in or focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from facilitator.i18n import N_, _
from ui.room.canvas import RoomCanvas

TITLE = N_("Scale Across — room view")


class RoomWindow(QWidget):
    """A top-level window that shows the room's slide and never takes the keyboard focus.

    It is shown without being activated, so the facilitator's typing stays in
    the console. Should a window manager give it the keys anyway, each key is
    handed to ``on_key`` (the console), so a clicker's Page Down works
    whichever window has the focus.
    """

    def __init__(self, on_key: Callable[[QKeyEvent], None], console: QWidget | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setWindowTitle(_(TITLE))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # No pointer on the projector.
        self.setCursor(Qt.CursorShape.BlankCursor)
        self._on_key = on_key
        self._console = console
        self.canvas = RoomCanvas(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    def changeEvent(self, event: QEvent) -> None:
        """Hand the activation straight back to the console.

        Some window systems activate every window they show, whatever the
        window asks; the facilitator's typing must never land here.
        """
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            console = self._console
            if console is not None and console.isVisible():
                console.activateWindow()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Hand every key to the console."""
        self._on_key(event)
        event.accept()
