"""Table columns that share the width, and rows re-measured whenever the widths change."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from ui.panels.shared.base import RecordTable


def fit_columns(table: RecordTable, fixed: tuple[int, ...] = ()) -> None:
    """Size ``fixed`` columns to their content, share the rest of the width equally.

    A shared column is never narrower than its title (a zoomed two-line title
    such as "How to reproduce" must not lose its first letters); rows are
    re-measured whenever the widths change, so wrapped text never hides
    behind a row that is too short.
    """
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(table.records.columnCount()):
        # Fixed, sized by the fitter: ResizeToContents would read every row
        # again each time the table is laid out, i.e. on every step switch.
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    fitter = _RowFitter(table, fixed)
    table.viewport().installEventFilter(fitter)
    table.installEventFilter(fitter)
    # Rows of wrapped text are tall; scrolling by whole rows would jump.
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)


class _RowFitter(QObject):
    """Re-measures a table's rows after its width changed.

    Measuring wrapped rows is the costliest thing a table does, so it happens
    only when the width really changed, and for a hidden table (a step the room
    has left) only when it is shown again: switching steps stays instant.
    """

    def __init__(self, table: RecordTable, fixed: tuple[int, ...] = ()) -> None:
        super().__init__(table)
        self._table = table
        self._fixed = fixed
        self._fitted_width = -1
        table.records.modelReset.connect(self._fit_columns)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # A new zoom: the fixed columns and the rows are measured again.
            self._fitted_width = -1
            QTimer.singleShot(0, self._table, self._fit)
        elif event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            # After the header has stretched its sections to the new width.
            QTimer.singleShot(0, self._table, self._fit)
        return False

    def _fit(self) -> None:
        width = self._table.viewport().width()
        if self._table.isVisible() and width != self._fitted_width:
            self._fitted_width = width
            self._fit_columns()
            self._table.fit_rows()

    def _fit_columns(self) -> None:
        table = self._table
        header = table.horizontalHeader()
        for column in self._fixed:
            table.resizeColumnToContents(column)
        shared = [c for c in range(table.records.columnCount()) if c not in self._fixed]
        if not shared:
            return
        room = table.viewport().width() - sum(header.sectionSize(c) for c in self._fixed)
        titles = {c: header.sectionSizeFromContents(c).width() for c in shared}
        # Equal shares, but a column whose title needs more keeps it and the
        # others share what is left (the table scrolls sideways only when the
        # titles alone are wider than it).
        wide = {c for c in shared if titles[c] > room // len(shared)}
        rest = max(room - sum(titles[c] for c in wide), 0)
        others = [c for c in shared if c not in wide]
        for column in shared:
            if column in wide:
                size = titles[column]
            else:
                size = max(rest // len(others), titles[column])
                if column == others[-1]:
                    size = max(rest - (rest // len(others)) * (len(others) - 1), titles[column])
            header.resizeSection(column, size)
