"""Two arrangements of the same widgets in a grid: side by side when wide, stacked when narrow."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QGridLayout, QWidget

Place = tuple[int, int, int, int]  # row, column, row span, column span


class Reflow:
    """Moves widgets between a wide and a narrow grid arrangement.

    The same panels sit in a full-width Prepare page and in a narrow column of
    the walk-through; reflowing beats clipping fields the room must read.
    """

    def __init__(
        self,
        grid: QGridLayout,
        cells: Sequence[tuple[QWidget, Place, Place]],
        stretches: tuple[Mapping[int, int], Mapping[int, int]],
        threshold: int,
    ) -> None:
        self.grid = grid
        self.cells = list(cells)
        self.stretches = stretches
        self.threshold = threshold
        self.narrow: bool | None = None
        self.apply(False)

    def fit(self, width: int) -> None:
        """Choose the arrangement for ``width`` pixels."""
        self.apply(width < self.threshold)

    def fit_room(self, width: int, chars: int) -> None:
        """Choose the arrangement for ``width`` pixels, ``chars`` average characters wide.

        Narrow when the threshold (in characters) says so, or when the wide
        arrangement's widgets would not fit their smallest widths into ``width``:
        long names or a high zoom make the wide row wider than any threshold.
        """
        self.apply(chars < self.threshold or self.wide_minimum() > width)

    def wide_minimum(self) -> int:
        """Return the smallest width of the wide arrangement (its widgets side by side)."""
        columns: dict[int, int] = {}
        for widget, (_row, column, _rows, span), _narrow in self.cells:
            if span == 1 and not widget.isHidden():
                columns[column] = max(columns.get(column, 0), widget.minimumSizeHint().width())
        spacing = max(self.grid.horizontalSpacing(), 0)
        return sum(columns.values()) + spacing * max(len(columns) - 1, 0)

    def apply(self, narrow: bool) -> None:
        """Place every widget for the narrow or the wide arrangement."""
        if narrow == self.narrow:
            return
        self.narrow = narrow
        for widget, _wide, _narrow in self.cells:
            self.grid.removeWidget(widget)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for widget, wide, stacked in self.cells:
            self.grid.addWidget(widget, *(stacked if narrow else wide))
        for column, stretch in self.stretches[1 if narrow else 0].items():
            self.grid.setColumnStretch(column, stretch)
