"""A table of agreements whose columns are fitted to the width it has, from font metrics.

Shared by the adoption tracker and the walk-through's Adoption review: both
are read from the back of a room on a 1280-pixel projector, where Qt's own
fit (every column as wide as its longest text) pushes the patterns out.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from facilitator.followup.adoptions import AdoptionRow
from ui.followup.adoptions.model import BOLD_COLUMNS, AdoptionTableModel

SAMPLE_ROWS = 400  # rows measured: enough for the long names, cheap on a big history
CELL_ROOM = 18  # a cell's padding and grid line
HEADER_ROOM = 34  # a header's padding and its sort arrow
MIN_WIDTH = 60


class AdoptionTable(QTableView):
    """Shows AdoptionRow objects, one row chosen; ``stretch`` takes the width the others leave.

    Args:
        model: The rows.
        stretch: The column key that takes the remaining width (the patterns).
        caps: Widest a column may get, in average characters; uncapped columns
            (the status, the check-in) always show their whole text.
        optional: Column keys hidden, last first, while the table is too narrow
            for them (the detail beside the table shows them).
        stretch_chars: Narrowest the stretching column gets, in average characters,
            before optional columns are hidden.
        lines: Text lines per row; with more than one, long texts wrap.
    """

    def __init__(
        self,
        model: AdoptionTableModel,
        *,
        stretch: str = "patterns",
        caps: Mapping[str, int] | None = None,
        optional: Sequence[str] = (),
        stretch_chars: int = 14,
        lines: int = 1,
    ) -> None:
        super().__init__()
        self._adoptions = model
        self.setModel(model)
        self._stretch = model.keys.index(stretch)
        self._caps = dict(caps or {})
        self._capped = {model.keys.index(key) for key in self._caps}
        self._optional = [model.keys.index(key) for key in optional]
        self._lines = lines
        self._stretch_chars = stretch_chars
        self._wanted: list[int] = []  # capped widths
        self._measure_due = False  # a measure is queued after a zoom
        self._natural: list[int] = []  # widths that show every measured text whole
        self._floor = MIN_WIDTH
        self._fitted_width = -1
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        # Whole rows or a clean "…": single letters stacked down a cell help no one.
        self.setWordWrap(lines > 1)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Sideways only when even every column's title does not fit (200 % on a
        # 720p projector); otherwise the stretching column takes what is left.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(MIN_WIDTH)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Sized in fit(), not stretched: a stretching column is squeezed below
        # its title when the others fill the width.
        self._size_rows()

    def current_row(self) -> AdoptionRow | None:
        """Return the selected agreement, or None."""
        index = self.currentIndex()
        return self._adoptions.row_at(index.row()) if index.isValid() else None

    def select_agreement(self, agreement_id: uuid.UUID) -> None:
        """Select an agreement's row if it is shown."""
        row = self._adoptions.row_of(agreement_id)
        if row >= 0:
            self.setCurrentIndex(self._adoptions.index(row, 0))

    def measure(self) -> None:
        """Measure each column's widest text (headers and the first rows) and fit the columns."""
        model = self._adoptions
        plain = self.fontMetrics()
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        header = QFontMetrics(self.horizontalHeader().font())
        rows = model.rows()[:SAMPLE_ROWS]
        self._wanted, self._natural, self._titles = [], [], []
        for column, key in enumerate(model.keys):
            # Overdue and at-risk cells are bold; measure them so, whichever rows are.
            metrics = bold if key in BOLD_COLUMNS else plain
            text = model.columns[column].text
            widest = max(
                (metrics.horizontalAdvance(line) for row in rows for line in text(row).split("\n")), default=0
            )
            # The header's own measure knows its bold font; ours its sort arrow.
            title = max(
                header.horizontalAdvance(model.columns[column].title) + HEADER_ROOM,
                self.horizontalHeader().sectionSizeFromContents(column).width(),
            )
            self._titles.append(title)
            wanted = max(widest + CELL_ROOM, title)
            self._natural.append(wanted)
            if key in self._caps:
                wanted = min(wanted, max(title, plain.averageCharWidth() * self._caps[key] + CELL_ROOM))
            self._wanted.append(wanted)
        self._floor = min(
            self._wanted[self._stretch], plain.averageCharWidth() * self._stretch_chars + CELL_ROOM
        )
        self._fitted_width = -1
        self.fit()

    def fit(self) -> None:
        """Share the viewport's width: measured columns first, the stretching one takes the rest."""
        width = self.viewport().width()
        if not self._wanted or width == self._fitted_width:
            return
        self._fitted_width = width
        shown = [c for c in range(len(self._wanted)) if c != self._stretch]
        floor = self._floor
        hidden = set()  # optional columns give way first
        for column in reversed(self._optional):
            if sum(self._wanted[c] for c in shown if c not in hidden) + floor <= width:
                break
            hidden.add(column)
        for column in range(len(self._wanted)):
            self.setColumnHidden(column, column in hidden)
        fixed = [c for c in shown if c not in hidden]
        # Too narrow still: the capped columns (names, events) give up the same
        # share; the status and the check-in, which say what is late, never do.
        capped = [c for c in fixed if c in self._capped]
        room = width - floor - sum(self._wanted[c] for c in fixed if c not in self._capped)
        total = sum(self._wanted[c] for c in capped)
        sizes = {}
        for column in fixed:
            wanted = self._wanted[column]
            if column in self._capped and total > room:
                # Never below the column's title: a cut "Adopter" names nothing.
                wanted = max(MIN_WIDTH, self._titles[column], wanted * max(room, 0) // max(total, 1))
            sizes[column] = wanted
        # Width the stretching column cannot use (its text fits on its lines)
        # lets capped columns show more of their names.
        spare = width - sum(sizes.values()) - self._natural[self._stretch] // self._lines
        short = {c: self._natural[c] - sizes[c] for c in capped if self._natural[c] > sizes[c]}
        need = sum(short.values())
        for column, missing in short.items():
            sizes[column] += missing * min(max(spare, 0), need) // need
        # The stretching column keeps at least its title: the widest capped
        # columns give up what it lacks, down to their own titles.
        deficit = self._titles[self._stretch] - (width - sum(sizes.values()))
        for column in sorted(capped, key=lambda c: sizes[c] - self._titles[c], reverse=True):
            if deficit <= 0:
                break
            give = min(deficit, max(sizes[column] - self._titles[column], 0))
            sizes[column] -= give
            deficit -= give
        for column, size in sizes.items():
            self.setColumnWidth(column, size)
        self.setColumnWidth(self._stretch, max(self._titles[self._stretch], width - sum(sizes.values())))

    def _size_rows(self) -> None:
        line = self.fontMetrics().lineSpacing()
        self.verticalHeader().setDefaultSectionSize(self._lines * line + 14)
        # Never shorter than the header and one row: a row must fit the view.
        header = self.horizontalHeader()
        self.setMinimumHeight(
            header.sizeHint().height()
            + self._lines * line
            + 14
            + 2 * self.frameWidth()
            + self.horizontalScrollBar().sizeHint().height()
        )  # it may scroll sideways

    def viewportEvent(self, event) -> bool:
        # The viewport, not the view: a scroll bar coming or going changes its width too.
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().viewportEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # A zoom or theme change brings a new font: rows and columns follow it.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._size_rows()
            if self._wanted and not self._measure_due:
                # One zoom sends these many times (measuring each took 2 s at
                # 10,000 events): measure once, when they are all handled.
                self._measure_due = True
                QTimer.singleShot(0, self, self._measure_again)

    def _measure_again(self) -> None:
        self._measure_due = False
        self.measure()
