"""Message boxes whose buttons stay readable at every zoom and in every language.

Qt's ``QMessageBox`` caps its own width (800 px on a 1280 px screen) and then
squeezes its buttons to fit, cutting "Copy details" to "py deta" at the
largest zoom or in a language with longer words. :class:`MessageBox` widens
itself to its buttons while the screen has room, and stacks them one above
the other when it has not. A box Qt leaves taller than the screen (long words
at the largest zoom on a 720p projector) widens to the screen so its text
wraps into fewer lines and its buttons come back into view. Use it wherever a
box has buttons of its own words (a box with only OK or Yes/No needs no more
room than Qt gives it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

_REFIT = (QEvent.Type.Show, QEvent.Type.LayoutRequest, QEvent.Type.FontChange, QEvent.Type.StyleChange)
SCREEN_MARGIN = 48  # pixels left free at the screen's edges when the box is widened to its buttons


class MessageBox(QMessageBox):
    """A ``QMessageBox`` that gives its buttons the width their text needs (see the module)."""

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # Qt sizes the box in its own handlers of these events; fit after it.
        if event.type() in _REFIT:
            self._fit_buttons()
        return handled

    def _fit_buttons(self) -> None:
        buttons, layout = self.findChild(QDialogButtonBox), self.layout()
        if buttons is None or layout is None or not self.isVisible():
            return
        margins = layout.contentsMargins()
        needed = buttons.sizeHint().width() + margins.left() + margins.right()
        room = self.screen().availableGeometry()
        screen = room.width() - SCREEN_MARGIN
        if needed > self.width():
            if needed > screen and buttons.orientation() == Qt.Orientation.Horizontal:
                # One above the other: as wide as the widest of them, not all of them.
                buttons.setOrientation(Qt.Orientation.Vertical)
                needed = buttons.sizeHint().width() + margins.left() + margins.right()
            if needed > self.width():
                self.setFixedWidth(min(needed, screen))
        if self.height() > room.height() and self.width() < screen:
            # Taller than the screen (long words at the largest zoom): wider, the
            # text wraps into fewer lines and the buttons come back into view.
            self.setFixedWidth(screen)
            layout.activate()
            height = layout.totalHeightForWidth(screen) if layout.hasHeightForWidth() else 0
            self.setFixedHeight(min(max(height, layout.totalMinimumSize().height()), room.height()))
