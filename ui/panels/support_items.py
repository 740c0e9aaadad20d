"""The support promised with one agreement: a table to edit and a line to add more."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import Agreement, Participant, ParticipantRole, SupportItem, SupportType
from facilitator.services import agreements
from ui.editing import EventEditor
from ui.panels.base import RecordTable
from ui.panels.people_combo import PeopleCombo
from ui.panels.record_model import Column
from ui.panels.reflow import Reflow
from ui.panels.support_text import NONE_LABEL, format_number

TYPE_CHOICES = [(kind.label, kind.value) for kind in SupportType]
DEFAULT_UNIT = "hours"
# An artifact is counted in pieces, not hours; guessing "hours" would
# silently count a playbook against someone's capacity.
DEFAULT_UNITS = {SupportType.ARTIFACT.value: "item"}


class SupportQuickAdd(QWidget):
    """Type, amount, unit, owner, what and limits of a new support item; Enter adds it."""

    def __init__(self, panel: SupportItemsEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panel = panel
        self.type = QComboBox()
        for label, value in TYPE_CHOICES:
            self.type.addItem(label, value)
        self.type.setAccessibleName("Support type")
        self.amount = QLineEdit(placeholderText="Amount")
        self.amount.setMaximumWidth(110)
        self.unit = QLineEdit(DEFAULT_UNIT)
        self.unit.setAccessibleName("Unit")
        self.unit.setMaximumWidth(120)
        self.owner = PeopleCombo(NONE_LABEL)
        self.owner.setAccessibleName("Owner of the support")
        self.description = QLineEdit(placeholderText="What exactly")
        self.limits = QLineEdit(placeholderText="Where it stops")
        self.button = QPushButton("Add support")
        self.type.currentIndexChanged.connect(self._default_unit)
        self._last_type = self.type.currentData()
        for line in (self.amount, self.unit, self.description, self.limits):
            line.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self._reflow = Reflow(
            grid,
            [
                (self.type, (0, 0, 1, 1), (0, 0, 1, 1)),
                (self.amount, (0, 1, 1, 1), (0, 1, 1, 1)),
                (self.unit, (0, 2, 1, 1), (0, 2, 1, 1)),
                (self.owner, (0, 3, 1, 1), (0, 3, 1, 2)),
                (self.description, (0, 4, 1, 1), (1, 0, 1, 2)),
                (self.limits, (0, 5, 1, 1), (1, 2, 1, 2)),
                (self.button, (0, 6, 1, 1), (1, 4, 1, 1)),
            ],
            ({3: 1, 4: 2, 5: 2}, {0: 1, 3: 1}),
            900,
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._reflow.fit(event.size().width())
        super().resizeEvent(event)

    def _default_unit(self) -> None:
        kind = self.type.currentData()
        previous = DEFAULT_UNITS.get(self._last_type, DEFAULT_UNIT)
        if self.unit.text().strip() in ("", previous):
            self.unit.setText(DEFAULT_UNITS.get(kind, DEFAULT_UNIT))
        self._last_type = kind

    def set_people(self, people: Sequence[Participant]) -> None:
        """Offer the event's participants as owners; the first coalition member by default."""
        current = self.owner.current_id()
        if current is None:
            members = [p for p in people if p.role == ParticipantRole.COALITION_MEMBER]
            current = members[0].id if members else None
        self.owner.set_people(people, current)

    def submit(self) -> None:
        """Add the item; on success clear the line for the next one."""
        if not (self.amount.text().strip() or self.description.text().strip()):
            self.amount.setFocus()
            return
        if self._panel.add_item(
            self.type.currentData(),
            amount=self.amount.text().strip() or None,
            unit=self.unit.text().strip() or DEFAULT_UNIT,
            owner_id=self.owner.current_id(),
            description=self.description.text(),
            limits=self.limits.text(),
        ):
            for line in (self.amount, self.description, self.limits):
                line.clear()
        self.amount.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus(self) -> None:
        """Put the cursor in the first field."""
        self.type.setFocus(Qt.FocusReason.ShortcutFocusReason)


class SupportItemsEditor(QWidget):
    """Support items of the selected agreement: inline edit, Ctrl+Delete, Alt+Up/Down."""

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.agreement_id: uuid.UUID | None = None
        # Mutated in place on refresh: the owner column keeps a reference to it.
        self._owner_choices: list[tuple[str, str]] = []
        columns = [
            Column("Type", lambda r: r.type.label, "type", lambda r: r.type.value, TYPE_CHOICES),
            Column("Amount", lambda r: format_number(r.amount), "amount",
                   alignment=Qt.AlignmentFlag.AlignRight),
            Column("Unit", lambda r: r.unit, "unit"),
            Column("Owner", lambda r: r.owner.name if r.owner else "—", "owner_id",
                   lambda r: str(r.owner_id) if r.owner_id else "", self._owner_choices),
            Column("What", lambda r: r.description, "description"),
            Column("Limits", lambda r: r.limits, "limits"),
        ]
        self.table = RecordTable(columns, self._edit, self._delete, self._move)
        self.table.setAccessibleName("Support items")
        self.table.setMinimumHeight(100)
        self.table.viewport().installEventFilter(self)
        self.quick_add = SupportQuickAdd(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The add line comes first so it stays in view when the list grows.
        layout.addWidget(self.quick_add)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.quick_add.button, self.table)

    def show_items(self, agreement: Agreement, people: Sequence[Participant]) -> None:
        """Show the support of ``agreement`` with the event's people as owners."""
        self.agreement_id = agreement.id
        self._owner_choices[:] = [(NONE_LABEL, "")] + [(p.display_name, str(p.id)) for p in people]
        read_only = self.editor.read_only
        self.table.records.read_only = read_only
        self.table.set_records(agreement.support_items)
        self.quick_add.setVisible(not read_only)
        self.quick_add.set_people(people)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        width = max(self.table.viewport().width(), 400)
        for column, share in enumerate((0.13, 0.09, 0.09, 0.2, 0.25)):
            header.resizeSection(column, int(width * share))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def add_item(self, kind: str, **fields) -> bool:
        """Add a support item to the selected agreement (undoable)."""
        agreement_id = self.agreement_id
        if agreement_id is None:
            return False
        item = self.editor.add(
            "Add support item",
            SupportItem,
            lambda s, rid: agreements.add_support_item(s, agreement_id, kind, record_id=rid, **fields),
        )
        if item is not None:
            self.table.select_record(item.id)
        return item is not None

    def _edit(self, item: SupportItem, field: str, value) -> bool:
        return self.editor.update(
            "Edit support item", SupportItem, item.id, agreements.update_support_item, **{field: value}
        )

    def _delete(self, item: SupportItem) -> None:
        self.editor.remove("Delete support item", SupportItem, item.id)

    def _move(self, item: SupportItem, index: int) -> None:
        old = item.position
        self.editor.call(
            "Move support item",
            lambda s: agreements.move_support_item(s, item.id, index),
            lambda s: agreements.move_support_item(s, item.id, old),
        )
