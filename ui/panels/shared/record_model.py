"""A thin table model over a list of domain records."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from facilitator.i18n import _

Role = Qt.ItemDataRole
RECORD_ROLE = Role.UserRole
CHOICES_ROLE = Role.UserRole + 1


@dataclass(frozen=True)
class Column:
    """One column: how to show a record, and which field an edit changes.

    ``choices`` (label, value) pairs make the cell a drop-down.
    """

    header: str
    display: Callable[[Any], Any]
    field: str | None = None
    edit_value: Callable[[Any], Any] | None = None
    choices: Sequence[tuple[str, Any]] | None = None
    alignment: Qt.AlignmentFlag | None = None


class RecordTableModel(QAbstractTableModel):
    """Rows are domain records (``Qt.UserRole`` hands the record back).

    Edits are passed to ``on_edit(record, field, value) -> bool``, which
    stores them; the model is refreshed from the reloaded event afterwards.
    When storing fails, the typed value stays visible (marked unsaved) so the
    facilitator can retry instead of typing it again.
    """

    def __init__(
        self,
        columns: Sequence[Column],
        on_edit: Callable[[Any, str, Any], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._on_edit = on_edit
        self._records: list[Any] = []
        self._unsaved: dict[tuple[uuid.UUID, str], Any] = {}
        self.read_only = False

    def set_records(self, records: Sequence[Any]) -> None:
        """Show ``records``; keeps selection and editors when the rows are the same."""
        records = list(records)
        if [r.id for r in records] == [r.id for r in self._records] and records:
            self._records = records
            self.dataChanged.emit(self.index(0, 0), self.index(len(records) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self._records = records
        self.endResetModel()

    def record(self, row: int) -> Any:
        """Return the record shown in ``row``."""
        return self._records[row]

    @property
    def records(self) -> list[Any]:
        """Return the records in display order."""
        return list(self._records)

    def row_of(self, record_id: uuid.UUID) -> int:
        """Return the row of a record id, or -1."""
        for row, record in enumerate(self._records):
            if record.id == record_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return self.columns[section].header
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].field and not self.read_only and self._on_edit:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self.columns[index.column()]
        key = (record.id, column.field or "")
        if role == RECORD_ROLE:
            return record
        if role == CHOICES_ROLE:
            return column.choices
        if role in (Role.DisplayRole, Role.EditRole):
            if key in self._unsaved:
                return self._unsaved[key]
            if role == Role.EditRole and column.edit_value is not None:
                return column.edit_value(record)
            value = column.display(record)
            return "" if value is None else value
        if role == Role.ToolTipRole:
            if key in self._unsaved:
                return _("Not saved yet — edit the cell again to retry")
            value = column.display(record)
            return str(value) if value not in (None, "") else None
        if role == Role.ForegroundRole and key in self._unsaved:
            return QBrush(QColor("#c00000"))
        if role == Role.TextAlignmentRole and column.alignment is not None:
            return int(column.alignment | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Role.EditRole
    ) -> bool:
        if role != Role.EditRole or not index.isValid() or self._on_edit is None:
            return False
        record = self._records[index.row()]
        column = self.columns[index.column()]
        if column.field is None:
            return False
        current = column.edit_value(record) if column.edit_value else column.display(record)
        key = (record.id, column.field)
        if value == current and key not in self._unsaved:
            return False
        if self._on_edit(record, column.field, value):
            self._unsaved.pop(key, None)
        else:
            self._unsaved[key] = value
        self.dataChanged.emit(index, index)
        return True
