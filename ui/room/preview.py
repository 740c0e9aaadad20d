"""The console's small picture of what the room sees, with what comes next."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.room.canvas import RoomCanvas
from ui.widgets import heading

# The picture takes at most this share of the console's height: on a 720p
# laptop the agenda, the timer and the prompts still need the column.
HEIGHT_SHARE = 0.16


class RoomPreview(QFrame):
    """A scaled copy of the room's slide (same lines, same pages), its state, and the next step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        # Plain text: the state names a screen, the next step an agenda's title.
        self.state_label = heading("", "muted")
        self.canvas = RoomCanvas()
        self.next_label = heading("", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.canvas, 0, Qt.AlignmentFlag.AlignHCenter)
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

    def showEvent(self, event: QShowEvent) -> None:
        """Follow the console's height too: on a short screen the picture gives way to the agenda."""
        super().showEvent(event)
        self.window().installEventFilter(self)
        self._fit_canvas(self.width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit when the console is resized."""
        if watched is self.window() and event.type() == QEvent.Type.Resize:
            self._fit_canvas(self.width())
        return super().eventFilter(watched, event)

    def _fit_canvas(self, width: int) -> None:
        room_width, room_height = max(self._room.width(), 1), max(self._room.height(), 1)
        inner = max(width - 12, 40)
        tallest = max(int(self.window().height() * HEIGHT_SHARE), 40)
        height = max(min(inner * room_height // room_width, tallest), 20)
        size = QSize(height * room_width // room_height, height)
        if self.canvas.size() != size:
            self.canvas.setFixedSize(size)

    def show_state(self, state: str, next_step: str) -> None:
        """Say what the room sees (live, held, black, white) and which step comes next."""
        self.state_label.setText(state)
        self.next_label.setText(next_step)
        self.next_label.setVisible(bool(next_step))
        self.canvas.setToolTip(state)

    def minimumSizeHint(self) -> QSize:
        """Small: the column decides the width."""
        return QSize(80, 60)
