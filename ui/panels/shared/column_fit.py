"""Table columns that share the width, and rows re-measured whenever the widths change."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QStyleOptionViewItem

from ui.panels.shared.base import RecordTable

# Where a line may break in a cell: spaces, and the zero-width spaces a
# delegate puts into what it paints (ui/panels/shared/delegates.py).
_BREAKS = re.compile(r"[\s\u200b]+")


def fit_columns(table: RecordTable, fixed: tuple[int, ...] = (), *, by_content: bool = False) -> None:
    """Size ``fixed`` columns to their content, share the rest of the width (equally, or by content).

    A shared column is never narrower than its title (a zoomed two-line title
    such as "How to reproduce" must not lose its first letters); rows are
    re-measured whenever the widths change, so wrapped text never hides
    behind a row that is too short.

    Args:
        table: The table whose columns are sized.
        fixed: The columns sized to their content.
        by_content: Share by what the rows hold instead of equally (see
            :func:`share_by_need`): long addresses get more of the width
            than the short names beside them. The widths then follow every
            edit, not only new rows.
    """
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(table.records.columnCount()):
        # Fixed, sized by the fitter: ResizeToContents would read every row
        # again each time the table is laid out, i.e. on every step switch.
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    fitter = _RowFitter(table, fixed, by_content)
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

    def __init__(self, table: RecordTable, fixed: tuple[int, ...] = (), by_content: bool = False) -> None:
        super().__init__(table)
        self._table = table
        self._fixed = fixed
        self._by_content = by_content
        self._fitted_width = -1
        table.records.modelReset.connect(self._fit_columns)
        if by_content:
            table.records.dataChanged.connect(self._refit)

    def _refit(self) -> None:
        # Content-shared widths change with what is typed; rows follow the new widths.
        if self._table.isVisible():
            self._fit_columns()
            self._table.schedule_fit()

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
        if self._by_content:
            needs, words = {}, {}
            for column in shared:
                line, word = _measure(table, column)
                needs[column], words[column] = max(line, titles[column]), max(word, titles[column])
            for column, size in share_by_need(max(room, 0), needs, words, titles).items():
                header.resizeSection(column, size)
            return
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


def share_by_need(
    room: int, needs: dict[int, int], words: dict[int, int], titles: dict[int, int]
) -> dict[int, int]:
    """Return a width per column from what its text needs on one line and its widest word.

    When everything fits on one line, each column gets what it needs and an
    equal part of what is left. Otherwise a column needing no more than an
    equal share keeps what it needs (short names stay on one line), and the
    others divide the rest in proportion to what they need, so they wrap to
    about as many lines and no row grows tall for one long address; none
    gets less than its widest word. When even the widest words do not fit
    (a narrow screen at a high zoom), the room is divided in proportion to
    them, and a cell elides what does not fit (its tooltip has it); only a
    title never loses letters.

    Args:
        room: The width to divide.
        needs: Per column, the width its widest text needs on one line.
        words: Per column, the width of its widest word (and at least its title).
        titles: Per column, the width of its title.
    """
    if not needs:
        return {}
    columns = list(needs)
    if sum(needs.values()) <= room:
        spare = room - sum(needs.values())
        sizes = {c: needs[c] + spare // len(columns) for c in columns}
    elif sum(words.values()) >= room:
        total = max(sum(words.values()), 1)
        sizes = {c: max(max(room, 0) * words[c] // total, titles[c]) for c in columns}
    else:
        sizes = {}
        left, remaining = dict(needs), room
        while left:
            fair = remaining // len(left)
            settled = {c: need for c, need in left.items() if need <= fair}
            if not settled:
                total = max(sum(left.values()), 1)
                shares = {c: remaining * need // total for c, need in left.items()}
                settled = {c: words[c] for c in left if shares[c] < words[c]}
                if not settled:
                    sizes.update(shares)
                    break
            for column, size in settled.items():
                sizes[column] = size
                remaining -= size
                del left[column]
    # Rounding leaves a few pixels: the last column takes them, so the columns fill the row.
    sizes[columns[-1]] += max(room - sum(sizes.values()), 0)
    return sizes


def _measure(table: RecordTable, column: int) -> tuple[int, int]:
    """Return the width the widest cell of ``column`` needs on one line, and its widest word.

    Measured as painted (through the column's delegate), with the cell's own
    padding, so a column given the word's width shows every word whole.
    """
    base = QStyleOptionViewItem()
    table.initViewItemOption(base)
    line = word = 0
    for row in range(table.records.rowCount()):
        index = table.records.index(row, column)
        delegate = table.itemDelegateForIndex(index)
        option = QStyleOptionViewItem(base)
        if isinstance(delegate, QStyledItemDelegate):
            delegate.initStyleOption(option, index)
        text = option.text
        if not text:
            continue
        metrics = QFontMetrics(option.font)
        hint = delegate.sizeHint(option, index).width()
        padding = max(hint - metrics.horizontalAdvance(text), 0)
        line = max(line, hint)
        word = max(word, max(metrics.horizontalAdvance(w) for w in _BREAKS.split(text)) + padding)
    # The grid line takes a pixel of the section, as in QTableView.sizeHintForColumn.
    grid = 1 if table.showGrid() else 0
    return line + grid, word + grid
