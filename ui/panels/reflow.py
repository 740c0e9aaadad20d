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
