"""The pattern library's table view: sortable, one row chosen, columns fitted to a projector."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.followup.library.model import LibraryFilter

MAX_COLUMN_CHARS = 18  # the widest a column but the pattern's gets, in average characters
HEADER_ROOM = 34  # padding and the sort arrow beside a header's words
CELL_ROOM = 16  # a cell's padding and grid line


class PatternTable(QTableView):
    """Shows the filtered patterns; the pattern column takes the room the figures leave."""

    def __init__(self, proxy: LibraryFilter) -> None:
        super().__init__()
        self._proxy = proxy
        self.setModel(proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self._size_rows()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The pattern column takes the room the figures leave (see _fit_pattern),
        # sized rather than stretched: a stretching column is squeezed below
        # its title when the others fill the width.
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)

    def fit_columns(self) -> None:
        """Size each column but the pattern's to its widest value or header line.

        Measured here rather than by Qt's own fit, which asks the model for
        every cell several times and leaves room for padding and a sort arrow
        on every column: slow on a big library, and at projector font sizes
        it squeezes the pattern names out.
        """
        model = self._proxy.patterns()
        header = self.horizontalHeader()
        header_metrics = header.fontMetrics()
        metrics = self.fontMetrics()
        widest = metrics.averageCharWidth() * MAX_COLUMN_CHARS
        for column in range(1, model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            # The header's own measure knows its bold font; a title is never cut.
            title_width = max(
                max(header_metrics.horizontalAdvance(line) for line in title.splitlines()) + HEADER_ROOM,
                header.sectionSizeFromContents(column).width(),
            )
            width = title_width
            values = model.column_texts(column)
            if values:
                width = max(width, max(metrics.horizontalAdvance(v) for v in values) + CELL_ROOM)
            # A long coalition name must not push the pattern names out of sight (it ends in "…").
            self.setColumnWidth(column, max(min(width, widest), title_width))
        self._fit_pattern()

    def _fit_pattern(self) -> None:
        # The pattern names take what the figures leave, never less than their
        # title (then the table scrolls sideways).
        header = self.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        title = str(self._proxy.patterns().headerData(0, Qt.Orientation.Horizontal))
        least = max(
            header.sectionSizeFromContents(0).width(),
            QFontMetrics(bold).horizontalAdvance(title) + HEADER_ROOM,
        )
        others = sum(header.sectionSize(c) for c in range(1, header.count()))
        header.resizeSection(0, max(least, self.viewport().width() - others))

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
            self._fit_pattern()
        return super().viewportEvent(event)

    def _size_rows(self) -> None:
        # In lines of the current font, so a zoomed row still fits its text;
        # never shorter than the header and one row.
        self.ensurePolished()
        row = self.fontMetrics().height() + 14
        self.verticalHeader().setDefaultSectionSize(row)
        # The sideways scroll bar counts: the columns can be wider than the table.
        self.setMinimumHeight(
            self.horizontalHeader().sizeHint().height()
            + row
            + 2 * self.frameWidth()
            + self.horizontalScrollBar().sizeHint().height()
        )

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        self._size_rows()
        self.fit_columns()
