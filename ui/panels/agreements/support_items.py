"""The support promised with one agreement: a table to edit and a line to add more."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import Agreement, Participant, ParticipantRole, SupportItem, SupportType
from facilitator.i18n import N_, _
from facilitator.services import agreements
from ui.editing import EventEditor
from ui.flow_layout import FlowLayout
from ui.panels.agreements.support_text import NONE_LABEL, format_number
from ui.panels.shared.base import RecordTable
from ui.panels.shared.number_fields import edit_number
from ui.panels.shared.people_combo import PeopleCombo
from ui.panels.shared.record_model import Column
from ui.widgets import fit_placeholder

# The unit a new item starts with; it is stored as typed, and only the units
# the services count as hours (``HOUR_UNITS``) count against a capacity.
# Translators: the unit a new support item starts with; it must stay one the app counts as hours:
# h, hour, hours, hr or hrs (German: "h")
DEFAULT_UNIT = N_("hours")
# An artifact is counted in pieces, not hours; guessing "hours" would
# silently count a playbook against someone's capacity.
# Translators: the unit a new support item of the type "Artifact" starts with (a piece)
DEFAULT_UNITS = {SupportType.ARTIFACT.value: N_("item")}


def type_choices() -> list[tuple[str, str]]:
    """Return the (label, value) pairs of the support type drop-down, in the language in use."""
    return [(kind.label, kind.value) for kind in SupportType]


def default_unit(kind: str | None) -> str:
    """Return the unit a new item of type ``kind`` starts with, in the language in use."""
    return _(DEFAULT_UNITS.get(kind or "", DEFAULT_UNIT))


class SupportQuickAdd(QWidget):
    """Type, amount, unit, owner, what and limits of a new support item; Enter adds it."""

    def __init__(self, panel: SupportItemsEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panel = panel
        self.type = QComboBox()
        for label, value in type_choices():
            self.type.addItem(label, value)
        self.type.setAccessibleName(_("Support type"))
        self.amount = QLineEdit(placeholderText=_("Amount"))
        self.unit = QLineEdit(default_unit(self.type.currentData()))
        self.unit.setAccessibleName(_("Unit"))
        self.owner = PeopleCombo(_(NONE_LABEL))
        self.owner.setAccessibleName(_("Owner of the support"))
        self.description = QLineEdit(placeholderText=_("What exactly"))
        self.limits = QLineEdit(placeholderText=_("Where it stops"))
        self.button = QPushButton(_("Add support"))
        self.type.currentIndexChanged.connect(self._default_unit)
        self._last_type = self.type.currentData()
        for line in (self.amount, self.unit, self.description, self.limits):
            line.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)
        # Rows that wrap at a high zoom or in a narrow column; the owner, what
        # and limits share what their row has left.
        for field in (self.owner, self.description, self.limits):
            field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for line in (self.description, self.limits):
            fit_placeholder(line)
        # How much and by whom on one line, what and where it stops on the next:
        # each line then gives its spare width to the owner's name or the texts.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        for widgets in (
            (self.type, self.amount, self.unit, self.owner),
            (self.description, self.limits, self.button),
        ):
            flow = FlowLayout(spacing=6, line_spacing=4)
            for widget in widgets:
                flow.addWidget(widget)
            rows.addLayout(flow)
        self._fit_widths()

    def _fit_widths(self) -> None:
        # In characters, so a zoomed "hours" or "Amount" still reads whole.
        metrics = self.fontMetrics()
        frame = 28  # the stylesheet's border and padding, and the field's own margins
        self.amount.setMinimumWidth(metrics.horizontalAdvance(self.amount.placeholderText()) + frame)
        self.amount.setMaximumWidth(metrics.horizontalAdvance(self.amount.placeholderText() + "00") + frame)
        units = (_(DEFAULT_UNIT), "playbook", *(_(unit) for unit in DEFAULT_UNITS.values()))
        widest_unit = max(units, key=metrics.horizontalAdvance)
        self.unit.setMinimumWidth(metrics.horizontalAdvance(widest_unit) + frame)
        self.unit.setMaximumWidth(metrics.horizontalAdvance(widest_unit + "00") + frame)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_widths()

    def _default_unit(self) -> None:
        kind = self.type.currentData()
        if self.unit.text().strip() in ("", default_unit(self._last_type)):
            self.unit.setText(default_unit(kind))
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
            unit=self.unit.text().strip() or default_unit(self.type.currentData()),
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
            # Translators: a column header: the type of support (coaching, time …)
            Column(_("Type"), lambda r: r.type.label, "type", lambda r: r.type.value, type_choices()),
            Column(
                _("Amount"),
                lambda r: format_number(r.amount),
                "amount",
                lambda r: edit_number(r.amount),
                alignment=Qt.AlignmentFlag.AlignRight,
            ),
            # Translators: a column header: the unit of an amount of support (hours, pieces …)
            Column(_("Unit"), lambda r: r.unit, "unit"),
            Column(
                # Translators: a column header: who gives the support
                _("Owner"),
                lambda r: r.owner.name if r.owner else "—",
                "owner_id",
                lambda r: str(r.owner_id) if r.owner_id else "",
                self._owner_choices,
            ),
            # Translators: a column header: what exactly the support is
            Column(_("What"), lambda r: r.description, "description"),
            # Translators: a column header: where the support stops
            Column(_("Limits"), lambda r: r.limits, "limits"),
        ]
        self.table = RecordTable(columns, self._edit, self._delete, self._move)
        self.table.setAccessibleName(_("Support items"))
        self.table.viewport().installEventFilter(self)
        self.table.installEventFilter(self)
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
        self._owner_choices[:] = [(_(NONE_LABEL), "")] + [(p.display_name, str(p.id)) for p in people]
        read_only = self.editor.read_only
        self.table.records.read_only = read_only
        self.table.set_records(agreement.support_items)
        self._fit_columns()
        self.quick_add.setVisible(not read_only)
        self.quick_add.set_people(people)

    def _fit_columns(self) -> None:
        # Type, amount and unit as wide as their texts; the owner up to a
        # quarter; what and limits share the rest and wrap. Every column keeps
        # its title: when they do not fit, the table scrolls sideways.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        width = self.table.viewport().width()
        titles = [header.sectionSizeFromContents(c).width() for c in range(6)]
        wanted = [max(self.table.sizeHintForColumn(c), titles[c]) for c in range(6)]
        sizes = wanted[:3] + [max(min(wanted[3], width // 4), titles[3])]
        rest = width - sum(sizes)
        # Half each, but never so much that the limits lose their title (a longer word in German).
        sizes.append(max(min(rest // 2, rest - titles[5]), titles[4]))
        sizes.append(max(width - sum(sizes), titles[5]))
        for column, size in enumerate(sizes):
            header.resizeSection(column, size)
        self.table.fit_rows()

    def titles_width(self) -> int:
        """Return the width the table needs to show every column's title whole."""
        header = self.table.horizontalHeader()
        titles = sum(header.sectionSizeFromContents(c).width() for c in range(header.count()))
        return titles + 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            if event.size().width() != event.oldSize().width():  # only a new width rewraps
                self._fit_columns()
        elif watched is self.table and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._fit_columns)
        return super().eventFilter(watched, event)

    def add_item(self, kind: str, **fields) -> bool:
        """Add a support item to the selected agreement (undoable)."""
        agreement_id = self.agreement_id
        if agreement_id is None:
            return False
        item = self.editor.add(
            _("Add support item"),
            SupportItem,
            lambda s, rid: agreements.add_support_item(s, agreement_id, kind, record_id=rid, **fields),
        )
        if item is not None:
            self.table.select_record(item.id)
        return item is not None

    def _edit(self, item: SupportItem, field: str, value) -> bool:
        return self.editor.update(
            _("Edit support item"), SupportItem, item.id, agreements.update_support_item, **{field: value}
        )

    def _delete(self, item: SupportItem) -> None:
        self.editor.remove(_("Delete support item"), SupportItem, item.id)

    def _move(self, item: SupportItem, index: int) -> None:
        old = item.position
        self.editor.call(
            _("Move support item"),
            lambda s: agreements.move_support_item(s, item.id, index),
            lambda s: agreements.move_support_item(s, item.id, old),
        )
