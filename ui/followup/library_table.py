"""The pattern library's table view: sortable, one row chosen, columns fitted to a projector."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

MAX_COLUMN_WIDTH = 220
HEADER_ROOM = 34  # padding and the sort arrow beside a header's words
CELL_ROOM = 16  # a cell's padding and grid line


class PatternTable(QTableView):
    """Shows the filtered patterns; the pattern column takes the room the figures leave."""

    def __init__(self, proxy: QSortFilterProxyModel) -> None:
        super().__init__()
        self.setModel(proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(40)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)

    def fit_columns(self) -> None:
        """Size each column but the pattern's to its widest value or header line.

        Measured here rather than by Qt's own fit, which asks the model for
        every cell several times and leaves room for padding and a sort arrow
        on every column: slow on a big library, and at projector font sizes
        it squeezes the pattern names out.
        """
        model = self.model().sourceModel()
        header_metrics = self.horizontalHeader().fontMetrics()
        metrics = self.fontMetrics()
        for column in range(1, model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = max(header_metrics.horizontalAdvance(line) for line in title.splitlines()) + HEADER_ROOM
            values = model.column_texts(column)
            if values:
                width = max(width, max(metrics.horizontalAdvance(v) for v in values) + CELL_ROOM)
            # A long coalition name must not push the pattern names out of sight.
            self.setColumnWidth(column, min(width, MAX_COLUMN_WIDTH))
