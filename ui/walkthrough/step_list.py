"""The agenda's steps in the walk-through's side column, each as tall as its wrapped text."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QWidget

from ui.panels.shared.list_rows import fit_list_rows


class StepList(QListWidget):
    """One row per step: mark, number, title, and the time used against the timebox.

    Titles wrap to the column's width, so a zoomed step reads whole; when the
    column is too short for every step the list scrolls and keeps the current
    step in view (``content_height`` tells the column how tall it would like to be).
    """

    #: The rows were measured again (their heights may have changed).
    fitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._measured: tuple[int, tuple[str, ...], float] | None = None

    def fit_rows(self) -> None:
        """Give every row the height its wrapped text needs at the list's width.

        Qt's own measure is taken before the width is known (see ``fit_list_rows``).
        """
        width = max(self.viewport().width(), 40)
        # Measured as the widest the row will read (any mark, the widest figures):
        # the marks and the running time change every second, the wrapping does not.
        texts = tuple(_widest(self.item(row).text()) for row in range(self.count()))
        key = (width, texts, self.font().pointSizeF())
        if key == self._measured:
            return
        self._measured = key
        fit_list_rows(self, measured=_widest)
        self.fitted.emit()

    def content_height(self) -> int:
        """Return the height that shows every step without scrolling."""
        self.fit_rows()
        rows = sum(self.item(row).sizeHint().height() for row in range(self.count()))
        return rows + 2 * self.frameWidth()

    def viewportEvent(self, event: QEvent) -> bool:
        # The viewport, not the list: a scroll bar that comes or goes changes the width text wraps at.
        if isinstance(event, QResizeEvent) and event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self, self._refit)
        return super().viewportEvent(event)

    def _refit(self) -> None:
        self.fit_rows()
        self.scroll_to_current()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # A new zoom: measure again once every widget has its new font.
            self._measured = None
            QTimer.singleShot(0, self, self.fit_rows)

    def scroll_to_current(self) -> None:
        """Keep the current step in view."""
        item = self.currentItem()
        if item is not None:
            self.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)


_DIGIT = re.compile(r"\d")


def _widest(text: str) -> str:
    """Return a step's row with the widest mark and figures it can show."""
    return "▶" + _DIGIT.sub("0", text[1:]) if text else text
