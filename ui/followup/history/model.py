"""The History table: a thin model over history rows and a proxy that filters them.

Sorting happens in the source model with Python's sort on each column's real
value (dates as dates, counts as numbers): a proxy sort would call back into
Python for every comparison, which is far too slow for ten thousand rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from operator import attrgetter
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from facilitator import numbers
from facilitator.dates import day
from facilitator.domain import EventStatus
from facilitator.followup.history import HistoryFilter, HistoryRow
from facilitator.i18n import N_, _, ngettext
from ui.widgets import tooltip_text

Role = Qt.ItemDataRole
ROW_ROLE = Role.UserRole  # the HistoryRow itself
SORT_ROLE = Role.UserRole + 1  # the value the column sorts by
_STATUS_ORDER = {EventStatus.PLANNED: 0, EventStatus.RUNNING: 1, EventStatus.CLOSED: 2}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class Column(NamedTuple):
    """One column: its header (marked, translated by ``headerData``), what it shows and what it sorts by."""

    title: str
    display: Callable[[HistoryRow], str]
    sort_key: Callable[[HistoryRow], Any]
    numeric: bool = False


def _count(field: str, title: str) -> Column:
    value = attrgetter(field)
    return Column(title, lambda row: numbers.integer(value(row)), value, numeric=True)


# Translators: an event without a title, in a list of events
UNTITLED = N_("(untitled)")
# The headers are marked here and translated when the view asks (headerData).
COLUMNS: tuple[Column, ...] = (
    # Translators: a column header of the History table: the event's date
    Column(N_("Date"), lambda r: day(r.date), attrgetter("date")),
    # Translators: a column header of the History table: the event's title
    Column(N_("Event"), lambda r: r.title or _(UNTITLED), lambda r: r.title.casefold()),
    # Translators: a column header of the History table
    Column(N_("Coalitions"), lambda r: r.coalition_names, lambda r: r.coalition_names.casefold()),
    # Translators: a column header of the History table: the event's status
    Column(N_("Status"), lambda r: r.status.label, lambda r: _STATUS_ORDER[r.status]),
    # "People": the full word would take the width the event titles need at 1280 px.
    # Translators: a column header of the History table: the number of participants; keep it short
    _count("participants", N_("People")),
    # Translators: a column header of the History table: the number of agreements
    _count("agreements", N_("Agreements")),
    # Translators: a column header of the History table: the number of agreements adopted
    _count("adopted", N_("Adopted")),
    # Translators: a column header of the History table: the number of check-ins overdue
    _count("overdue", N_("Overdue")),
)
EVENT_COLUMN, COALITIONS_COLUMN, STATUS_COLUMN, OVERDUE_COLUMN = 1, 2, 3, len(COLUMNS) - 1


class HistoryModel(QAbstractTableModel):
    """Rows are HistoryRow objects, kept in the order of the last sort.

    ``warning`` is the colour overdue counts are drawn in; the page sets it
    from the theme.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._base: list[HistoryRow] = []  # newest first, as loaded
        self._rows: list[HistoryRow] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.warning = QBrush(QColor("#8f000d"))
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[HistoryRow]) -> None:
        """Replace all rows, keeping the current sort."""
        self.beginResetModel()
        self._base = list(rows)
        self._rows = self._sorted()
        self.endResetModel()

    def rows(self) -> list[HistoryRow]:
        """Return every row in the order loaded (newest first)."""
        return self._base

    def row_at(self, row: int) -> HistoryRow:
        """Return the history row shown at ``row``."""
        return self._rows[row]

    def row_of(self, event_id: uuid.UUID) -> int | None:
        """Return the row of an event, or None when it is not listed."""
        return next((i for i, r in enumerate(self._rows) if r.event_id == event_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Role.DisplayRole:
            return _(COLUMNS[section].title)
        if role == Role.TextAlignmentRole and COLUMNS[section].numeric:
            return _RIGHT
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Role.DisplayRole:
            return COLUMNS[column].display(row)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return _variant(COLUMNS[column].sort_key(row))
        if role == Role.TextAlignmentRole and COLUMNS[column].numeric:
            return _RIGHT
        if column == OVERDUE_COLUMN and row.overdue:
            if role == Role.ForegroundRole:
                return self.warning
            if role == Role.FontRole:
                return self._bold
        if role == Role.ToolTipRole:
            return _tooltip(row, column)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's real value; ties keep the newest-first order."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        old = self.persistentIndexList()
        moved = [id(self._rows[i.row()]) for i in old]
        self._rows = self._sorted()
        # Rows are found again by identity: hashing ten thousand UUIDs is slower.
        where = {id(row): i for i, row in enumerate(self._rows)} if old else {}
        self.changePersistentIndexList(
            old, [self.index(where[key], i.column()) for key, i in zip(moved, old, strict=True)]
        )
        self.layoutChanged.emit()

    def _sorted(self) -> list[HistoryRow]:
        if self._sort is None:
            return list(self._base)
        column, order = self._sort
        # Python's sort is stable, also reversed: equal rows stay newest first.
        return sorted(
            self._base,
            key=COLUMNS[column].sort_key,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )


def _variant(value: Any) -> Any:
    """Return a sort key Qt can hold: dates as their day number."""
    return value.toordinal() if hasattr(value, "toordinal") else value


def _tooltip(row: HistoryRow, column: int) -> str | None:
    if column == STATUS_COLUMN and row.status == EventStatus.CLOSED:
        return _("Closed: opens read-only; reopening it for edits is a deliberate step")
    if column == OVERDUE_COLUMN and row.overdue:
        return ngettext(
            "{count} open agreement past its check-in date",
            "{count} open agreements past their check-in date",
            row.overdue,
        ).format(count=numbers.integer(row.overdue))
    # Titles and names can be longer than their columns (they end in "…"): the tooltip has them whole.
    if column == EVENT_COLUMN:
        title = row.title or _(UNTITLED)
        if row.facilitator:
            title = _("{title} — facilitated by {name}").format(title=title, name=row.facilitator)
        return tooltip_text(title)
    if column == COALITIONS_COLUMN:
        return tooltip_text(row.coalition_names)
    return None


class HistoryProxy(QSortFilterProxyModel):
    """Shows the rows a HistoryFilter accepts; sorting is passed to the source model."""

    def __init__(self, source: HistoryModel, parent=None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self._filter = HistoryFilter()
        self._people_loader: Callable[[], Mapping[uuid.UUID, str]] | None = None
        self._people: Mapping[uuid.UUID, str] | None = None
        # Bound once: filterAcceptsRow runs for every row on each keystroke.
        self._row_at = source.row_at
        self._matches: Callable[[HistoryRow], bool] = self._filter.matches

    @property
    def history_filter(self) -> HistoryFilter:
        """Return the filter in force."""
        return self._filter

    def set_filter(self, history_filter: HistoryFilter) -> None:
        """Filter by ``history_filter`` (no work when it did not change)."""
        if history_filter == self._filter:
            return
        self.beginFilterChange()
        self._filter = history_filter
        self._bind()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_people_loader(self, loader: Callable[[], Mapping[uuid.UUID, str]]) -> None:
        """Read participants' names and teams through ``loader`` once a filter needs them.

        For rows loaded without people (see ``history_rows(with_people=False)``);
        a new loader forgets what the previous one read. Call it before
        giving the model the rows it goes with: their reset filters again.
        """
        self._people_loader = loader
        self._people = None
        self._bind()

    def _bind(self) -> None:
        matches = self._filter.matches
        if self._filter.needs_people and self._people_loader is not None:
            if self._people is None:
                self._people = self._people_loader()
            people = self._people
            self._matches = lambda row: matches(row, people)
        else:
            self._matches = matches

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        return self._matches(self._row_at(source_row))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the source model sort; this proxy keeps the source order."""
        self.sourceModel().sort(column, order)
