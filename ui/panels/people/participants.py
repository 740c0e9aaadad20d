"""Who is in the room: typed in fast, one person after another."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator import numbers
from facilitator.domain import Participant, ParticipantRole
from facilitator.i18n import N_, _, ngettext
from facilitator.services import participants
from facilitator.services.changes import RecordKind
from ui.editing import EventEditor
from ui.flow_layout import FlowLayout
from ui.language import document_language_choices, document_language_label
from ui.panels.shared.base import RecordPanel, RecordTable
from ui.panels.shared.column_fit import fit_columns
from ui.panels.shared.delegates import AddressDelegate
from ui.panels.shared.record_model import Column
from ui.widgets import fit_placeholder


def role_choices() -> list[tuple[str, str]]:
    """Return the (label, value) pairs of the role drop-down, in the language in use."""
    return [(role.label, role.value) for role in ParticipantRole]


_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
ROLE_COLUMN, EMAIL_COLUMN, LANGUAGE_COLUMN = 2, 3, 4


class ParticipantQuickAdd(QWidget):
    """Name, team and role in one row; Enter in any of them adds the person.

    After a person is added the name is cleared and gets the cursor, while
    team and role stay: people of one team usually come one after another.

    Args:
        add: ``add(name, team, role_value) -> bool`` stores the person.
        parent: the owning widget.
    """

    def __init__(self, add, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._add = add
        # Translators: the hint in the empty field of a new participant's name
        self.name = QLineEdit(placeholderText=_("Name"))
        self.name.setAccessibleName(_("Name of the new participant"))
        # Translators: the hint in the empty field of a new participant's team
        self.team = QLineEdit(placeholderText=_("Team"))
        self.team.setAccessibleName(_("Team of the new participant"))
        self.role = QComboBox()
        self.role.setAccessibleName(_("Role of the new participant"))
        for label, value in role_choices():
            self.role.addItem(label, value)
        self.role.setCurrentIndex(self.role.findData(ParticipantRole.POTENTIAL_ADOPTER.value))
        self.button = QPushButton(_("Add participant"))
        self.name.returnPressed.connect(self.submit)
        self.team.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)
        # A closed drop-down ignores Enter; catch it so Enter adds from there
        # too. Typed letters pick the role here as well (see _pick_role).
        self.role.installEventFilter(self)
        self._role_typed = ""
        # One row while it fits; at a high zoom (or with a language's longer
        # roles) the row wraps rather than cutting the fields' hints.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = FlowLayout(self, spacing=6, line_spacing=4)
        for widget in (self.name, self.team, self.role, self.button):
            layout.addWidget(widget)
        for line in (self.name, self.team):
            fit_placeholder(line)
        QWidget.setTabOrder(self.name, self.team)
        QWidget.setTabOrder(self.team, self.role)
        QWidget.setTabOrder(self.role, self.button)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.role and event.type() == QEvent.Type.FocusIn:
            self._role_typed = ""
        if (
            watched is self.role
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not self.role.view().isVisible()
        ):
            if event.key() in _ENTER:
                self.submit()
                return True
            return self._pick_role(event)
        return super().eventFilter(watched, event)

    def _pick_role(self, event: QKeyEvent) -> bool:
        """Choose the role whose name starts with the letters typed since the field got focus.

        Qt's own type-to-search forgets the letters after a pause of
        ``keyboardInputInterval`` (400 ms), so a facilitator who pauses mid-word
        while talking ("po…", "…t") lands on another role. Here the letters count
        from entering the field, however slowly they come; Backspace takes one back.
        """
        if event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            return False
        if event.key() == Qt.Key.Key_Backspace:
            self._role_typed = self._role_typed[:-1]
            self._select_role(self._role_typed)
            return True
        letter = event.text()
        if not letter or not letter.isprintable() or letter.isspace() and not self._role_typed:
            return False
        if self._select_role(self._role_typed + letter):
            self._role_typed += letter
        elif self._select_role(letter):  # a new word: start again from this letter
            self._role_typed = letter
        return True

    def _select_role(self, typed: str) -> bool:
        wanted = typed.casefold()
        if not wanted:
            return False
        for index in range(self.role.count()):
            if self.role.itemText(index).casefold().startswith(wanted):
                self.role.setCurrentIndex(index)
                return True
        return False

    def submit(self) -> None:
        """Add the person typed; on success clear the name for the next one."""
        name = self.name.text().strip()
        if name and self._add(name, self.team.text().strip(), self.role.currentData()):
            self.name.setText("")  # empties the field's own undo too: Ctrl+Z undoes the person
        # On failure everything typed stays for a retry; the window shows why.
        self.focus()

    def focus(self) -> None:
        """Put the cursor in the name field."""
        self.name.setFocus(Qt.FocusReason.ShortcutFocusReason)


class ParticipantsPanel(RecordPanel):
    """The event's participants: fast keyboard entry, then a table to correct them.

    In the table, typing or F2 edits a cell (the role as a drop-down; an
    e-mail address the services refuse stays in its cell, marked unsaved,
    and the window says why),
    Ctrl+Delete removes a person (refused for an adopter of an agreement),
    and Alt+Up / Alt+Down change the order.

    Args:
        editor: the open event's editor; every change goes through it.
        parent: the owning widget.
    """

    shows = frozenset({RecordKind.EVENT, RecordKind.PARTICIPANT})

    title = N_("Participants")

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.hint = QLabel(
            _(
                "Type a name, Tab, the team, Tab, the role (its first letters or ↑/↓), then Enter. "
                "Team and role stay for the next person."
            )
        )
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.quick_add = ParticipantQuickAdd(self._add)
        self.table = RecordTable(
            [
                # Translators: a column header: a participant's name
                Column(_("Name"), lambda p: p.name, "name"),
                # Translators: a column header: a participant's team
                Column(_("Team"), lambda p: p.team, "team"),
                # Translators: a column header: a participant's role
                Column(_("Role"), lambda p: p.role.label, "role", lambda p: p.role.value, role_choices()),
                # Optional and mostly filled in later, so typed here rather
                # than in the quick add, which stays name, team, role.
                Column(_("E-mail"), lambda p: p.email, "email"),  # EMAIL_COLUMN
                # The language of the person's agreement, when not the event's (LANGUAGE_COLUMN).
                # Translators: a column header: the language a participant's agreement is written in
                Column(
                    _("Agreement in"),
                    lambda p: document_language_label(p.language, _("the event's language")),
                    "language",
                    lambda p: p.language or "",
                    document_language_choices(_("The event's language")),
                ),
            ],
            on_edit=self._edit,
            on_delete=self._delete,
            on_move=self._move,
        )
        self.table.setAccessibleName(_("Participants"))
        # Names and teams are short, addresses long and without spaces: the
        # width goes where the text needs it, the role as wide as its longest.
        fit_columns(self.table, fixed=(ROLE_COLUMN, LANGUAGE_COLUMN), by_content=True)
        self.table.setItemDelegateForColumn(EMAIL_COLUMN, AddressDelegate(self.table))
        self.tally = QLabel()
        self.tally.setProperty("role", "muted")
        self.tally.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.hint)
        layout.addWidget(self.quick_add)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.tally)
        QWidget.setTabOrder(self.quick_add.button, self.table)

    def refresh(self) -> None:
        """Redraw the participants of the open event."""
        event = self.editor.event
        read_only = self.editor.read_only
        self.table.records.read_only = read_only
        self.quick_add.setVisible(not read_only)
        self.hint.setVisible(not read_only)
        self.table.set_records(event.participants)
        self.tally.setText(_tally(event.participants))

    def add_record(self) -> None:
        """Put the cursor in the name field of the quick add."""
        if not self.editor.read_only:
            self.quick_add.focus()

    def _add(self, name: str, team: str, role: str) -> bool:
        event_id = self.editor.event_id
        person = self.editor.add(
            _("Add participant {name}").format(name=name),
            Participant,
            lambda session, rid: participants.add_participant(
                session, event_id, name, team, role, record_id=rid
            ),
        )
        if person is None:
            return False
        # The editor has redrawn the table by now only if this panel is shown.
        if not self.isVisible():
            self.refresh()
        row = self.table.records.row_of(person.id)
        if row >= 0:
            self.table.scrollTo(self.table.records.index(row, 0))
        return True

    def _edit(self, person: Participant, field: str, value) -> bool:
        return self.editor.update(
            _(_CHANGES[field]).format(name=person.name),
            Participant,
            person.id,
            participants.update_participant,
            **{field: value},
        )

    def _delete(self, person: Participant) -> None:
        # The service refuses to remove an adopter; the editor then emits
        # ``failed`` with its message and the row stays.
        self.editor.remove(_("Remove participant {name}").format(name=person.name), Participant, person.id)

    def _move(self, person: Participant, index: int) -> None:
        old = self.table.records.row_of(person.id)
        self.editor.call(
            _("Move participant {name}").format(name=person.name),
            lambda session: participants.move_participant(session, person.id, index),
            lambda session: participants.move_participant(session, person.id, old),
        )


# What the Edit menu's undo names, per field; translated where it is shown.
_CHANGES = {
    "name": N_("Change the name of {name}"),
    "team": N_("Change the team of {name}"),
    "role": N_("Change the role of {name}"),
    "email": N_("Change the e-mail address of {name}"),
    "language": N_("Change the language of the agreement of {name}"),
}


def _tally(people: list[Participant]) -> str:
    if not people:
        return _("No participants yet.")
    counts = {role: sum(1 for p in people if p.role == role) for role in ParticipantRole}
    parts = [f"{role.label} {numbers.integer(n)}" for role, n in counts.items() if n]
    total = ngettext("{count} participant", "{count} participants", len(people)).format(
        count=numbers.integer(len(people))
    )
    return f"{total} — " + " · ".join(parts)
