"""The console's small picture of what the room sees, with what comes next."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.room.canvas import RoomCanvas
from ui.widgets import heading


class RoomPreview(QFrame):
    """A scaled copy of the room's slide (same lines, same pages), its state, and the next step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.title = heading("Room sees", "muted")
        # Plain text: the state names a screen, the next step an agenda's title.
        self.state_label = heading("", "muted")
        self.canvas = RoomCanvas()
        self.next_label = heading("", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.canvas)
        layout.addWidget(self.state_label)
        layout.addWidget(self.next_label)
        self._room = QSize(1920, 1080)

    def set_room_size(self, size: QSize) -> None:
        """Draw as on a room screen of ``size``: the preview keeps its shape."""
        if size.isEmpty():
            return
        self._room = QSize(size)
        self.canvas.set_virtual_size(self._room)
        self._fit_canvas(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the room's shape at the column's width."""
        super().resizeEvent(event)
        self._fit_canvas(event.size().width())

    def _fit_canvas(self, width: int) -> None:
        inner = max(width - 12, 40)
        height = max(inner * self._room.height() // max(self._room.width(), 1), 20)
        if self.canvas.height() != height:
            self.canvas.setFixedHeight(height)

    def show_state(self, state: str, next_step: str) -> None:
        """Say what the room sees (live, held, black, white) and which step comes next."""
        self.state_label.setText(state)
        self.next_label.setText(next_step)
        self.next_label.setVisible(bool(next_step))
        self.canvas.setToolTip(state)

    def minimumSizeHint(self) -> QSize:
        """Small: the column decides the width."""
        return QSize(80, 60)
