"""The start page's table, measured on a sample of rows rather than all of them."""

from __future__ import annotations

from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

#: Rows measured from the first one on screen.
SAMPLE_ROWS = 40


class EventTable(QTableView):
    """A table whose columns fit the rows on screen and a few more.

    Qt measures a table's first 1,000 rows (``resizeContentsPrecision``),
    and every row of one it does not show when that is set to "the rows on
    screen", dozens of times per zoom or theme change. With 10,000 events
    the hidden start page's list froze the window for 4.8 s under an open
    event, 9 s on the start page, 40 s on a follow-up page (now 1.1, 0.45
    and 0.3-1.5 s). A longer name further down ends in "…"; its tooltip has
    it whole.
    """

    def sizeHintForColumn(self, column: int) -> int:
        """Return the width the column's widest cell needs, among ``SAMPLE_ROWS`` from the top row."""
        model = self.model()
        if model is None or column < 0:
            return -1
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegateForColumn(column) or self.itemDelegate()
        first = max(0, self.rowAt(0))
        widest = -1
        for row in range(first, min(model.rowCount(), first + SAMPLE_ROWS)):
            index = model.index(row, column)
            widest = max(widest, delegate.sizeHint(option, index).width())
        # As QTableView's own: the grid line takes a pixel.
        return widest + (1 if widest >= 0 and self.showGrid() else 0)
