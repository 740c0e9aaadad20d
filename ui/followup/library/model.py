"""The pattern library's table: a thin model over PatternRow and its filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from facilitator import numbers
from facilitator.dates import day, iso
from facilitator.domain import OutcomeKind
from facilitator.folding import fold
from facilitator.followup.library import PatternRow
from facilitator.i18n import N_, _
from ui.widgets import tooltip_text

# Marked here, translated when the view asks (headerData).
#: Headers as shown: two lines where one would make the column wider than its figures.
HEADERS = (
    # Translators: a column header of the pattern library
    N_("Pattern"),
    # Translators: a column header of the pattern library: success or failure
    N_("Kind"),
    # Translators: a column header of the pattern library: the coalition that owns the pattern
    N_("Coalition"),
    # Translators: a column header of the pattern library, on two lines (keep the line break)
    N_("First\npresented"),
    # Translators: a column header of the pattern library: the number of events that presented it
    N_("Events"),
    # Translators: a column header of the pattern library, on two lines (keep the line break)
    N_("Teams\nreached"),
    # Translators: a column header of the pattern library: the number of teams that adopted it
    N_("Adopted"),
)
#: Each column's tooltip on its header.
SORT_TIPS = (
    N_("Sort by pattern"),
    N_("Sort by kind"),
    N_("Sort by coalition"),
    N_("Sort by first presented"),
    N_("Sort by events"),
    N_("Sort by teams reached"),
    N_("Sort by adopted"),
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMBERS = {4, 5, 6}


def _display(row: PatternRow, column: int) -> str:
    first = day(row.first_presented) if row.first_presented else "—"
    return (
        row.name,
        row.kind.label,
        row.coalition,
        first,
        numbers.integer(row.events),
        numbers.integer(row.teams_reached),
        numbers.integer(row.adopted_teams),
    )[column]


def _sort_key(row: PatternRow, column: int):
    # Never-presented patterns sort after every date, not as a type error.
    first = iso(row.first_presented) if row.first_presented else "9999"
    return (
        row.name.casefold(),
        row.kind.label,
        row.coalition.casefold(),
        first,
        row.events,
        row.teams_reached,
        row.adopted_teams,
    )[column]


class PatternTableModel(QAbstractTableModel):
    """Rows are PatternRow objects; ``Qt.UserRole`` hands the row back."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[PatternRow] = []
        self._folded: list[str] | None = None

    def set_rows(self, rows: list[PatternRow]) -> None:
        """Replace all rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self._folded = None  # folded when first filtered by text: most views never are
        self.endResetModel()

    def row_at(self, row: int) -> PatternRow:
        """Return the pattern shown on source row ``row``."""
        return self._rows[row]

    def folded_text(self, row: int) -> str:
        """Return the name and summary of source row ``row``, folded for matching."""
        if self._folded is None:
            self._folded = [fold(f"{r.name}\n{r.summary}") for r in self._rows]
        return self._folded[row]

    def column_texts(self, column: int) -> set[str]:
        """Return the distinct texts shown in ``column``, to size it."""
        return {_display(row, column) for row in self._rows}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(SORT_TIPS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, index.column())
        if role == SORT_ROLE:
            return _sort_key(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0:
                return tooltip_text(f"{row.name}\n\n{row.summary}" if row.summary else row.name)
            return _display(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class LibraryFilter(QSortFilterProxyModel):
    """Keeps the patterns whose name or summary holds the text, of a kind and a coalition."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._kind: OutcomeKind | None = None
        self._coalition: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_criteria(self, text: str, kind: OutcomeKind | None, coalition: str | None) -> None:
        """Filter by words (all must appear, accents ignored), kind and coalition (None: any)."""
        self.beginFilterChange()
        self._words = fold(text).split()
        self._kind = kind
        self._coalition = coalition
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def patterns(self) -> PatternTableModel:
        """Return the model this filter reads.

        Raises:
            TypeError: the source is not a PatternTableModel.
        """
        model = self.sourceModel()
        if not isinstance(model, PatternTableModel):
            raise TypeError("LibraryFilter filters a PatternTableModel")
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.patterns()
        row = model.row_at(source_row)
        if self._kind is not None and row.kind != self._kind:
            return False
        if self._coalition is not None and row.coalition != self._coalition:
            return False
        return not self._words or all(word in model.folded_text(source_row) for word in self._words)
