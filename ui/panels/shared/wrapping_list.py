"""A list whose long texts wrap, each row as tall as its text at the list's real width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QWidget

from ui.panels.shared.list_rows import fit_list_rows
from ui.widgets import tooltip_text

# An item's tooltip is its whole text (a longer text than fits ends in "…"),
# then its note if it has one; TIP_ROLE remembers what the tooltip was made from.
NOTE_ROLE = Qt.ItemDataRole.UserRole + 20
TIP_ROLE = Qt.ItemDataRole.UserRole + 21


class WrappingList(QListWidget):
    """A list whose long texts wrap onto as many lines as they need, up to ``max_lines``.

    Qt measures wrapped items before it knows their final width, so the last
    line of a long name could be cut off; this list measures each row itself
    whenever its width or its font (the zoom) changes. A text longer than
    ``max_lines`` ends in "…" and the whole of it is in the item's tooltip.
    """

    #: Most lines a row shows; a row taller than the list could never be read whole.
    max_lines = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSpacing(4)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def fit_rows(self) -> None:
        """Give every row the height its wrapped text needs at the current width."""
        # Measuring is the costly part of showing a step: only when something changed.
        key = (
            self.viewport().width(),
            self.font().pointSizeF(),
            self.max_lines,
            tuple(self.item(row).text() for row in range(self.count())),
        )
        if key == getattr(self, "_measured", None):
            return
        self._measured = key
        for row in range(self.count()):
            item = self.item(row)
            tip = "\n".join(part for part in (item.text(), item.data(NOTE_ROLE)) if part)
            if item.data(TIP_ROLE) != tip:
                item.setToolTip(tooltip_text(tip))
                item.setData(TIP_ROLE, tip)
        fit_list_rows(self, self.max_lines)
        # Never shorter than its tallest row: every row must fit the list.
        tallest = max((self.item(row).sizeHint().height() for row in range(self.count())), default=0)
        tallest = max(tallest, self.fontMetrics().lineSpacing() + 8)
        self.setMinimumHeight(tallest + 2 * self.frameWidth() + 2 * self.spacing() + 2)

    def viewportEvent(self, event) -> bool:
        # Only a new width changes how the text wraps (the viewport's: a scroll
        # bar coming or going changes it too); re-measuring on every resize
        # would slow down each step switch.
        if event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self, self.fit_rows)
        return super().viewportEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self.fit_rows)
