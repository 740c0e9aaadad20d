"""A thin table model over the event list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from facilitator.dates import day
from facilitator.domain.summary import EventSummary
from facilitator.i18n import N_, _

# Translators: the columns of the start page's list of events
COLUMNS = (N_("Date"), N_("Coalition"), N_("Event"), N_("Status"))


class EventListModel(QAbstractTableModel):
    """Rows are EventSummary objects; ``Qt.UserRole`` hands the summary back."""

    def __init__(self, rows: list[EventSummary] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EventSummary] = list(rows or [])

    def set_rows(self, rows: list[EventSummary]) -> None:
        """Replace all rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        """Return the number of events (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        """Return the number of columns (a table has no children)."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        """Return a column's name."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return a cell's text (display and tooltip), or the row's summary under ``UserRole``."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                day(row.date),
                row.coalition_names,
                row.title,
                row.status.label,
            )[index.column()]
        return None
