"""Who is in the room: typed in fast, one person after another."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import Participant, ParticipantRole
from facilitator.services import participants
from facilitator.services.changes import RecordKind
from ui.editing import EventEditor
from ui.panels.shared.base import RecordPanel, RecordTable
from ui.panels.shared.column_fit import fit_columns
from ui.panels.shared.delegates import AddressDelegate
from ui.panels.shared.record_model import Column

ROLE_CHOICES = [(role.label, role.value) for role in ParticipantRole]
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
ROLE_COLUMN, EMAIL_COLUMN = 2, 3


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
        self.name = QLineEdit(placeholderText="Name")
        self.name.setAccessibleName("Name of the new participant")
        self.team = QLineEdit(placeholderText="Team")
        self.team.setAccessibleName("Team of the new participant")
        self.role = QComboBox()
        self.role.setAccessibleName("Role of the new participant")
        for label, value in ROLE_CHOICES:
            self.role.addItem(label, value)
        self.role.setCurrentIndex(self.role.findData(ParticipantRole.POTENTIAL_ADOPTER.value))
        self.button = QPushButton("Add participant")
        self.name.returnPressed.connect(self.submit)
        self.team.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)
        # A closed drop-down ignores Enter; catch it so Enter adds from there
        # too. Typed letters pick the role here as well (see _pick_role).
        self.role.installEventFilter(self)
        self._role_typed = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name, 3)
        layout.addWidget(self.team, 2)
        layout.addWidget(self.role, 0)
        layout.addWidget(self.button, 0)
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

    title = "Participants"

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.hint = QLabel(
            "Type a name, Tab, the team, Tab, the role (its first letters or ↑/↓), then Enter. "
            "Team and role stay for the next person."
        )
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.quick_add = ParticipantQuickAdd(self._add)
        self.table = RecordTable(
            [
                Column("Name", lambda p: p.name, "name"),
                Column("Team", lambda p: p.team, "team"),
                Column("Role", lambda p: p.role.label, "role", lambda p: p.role.value, ROLE_CHOICES),
                # Optional and mostly filled in later, so typed here rather
                # than in the quick add, which stays name, team, role.
                Column("E-mail", lambda p: p.email, "email"),  # EMAIL_COLUMN
            ],
            on_edit=self._edit,
            on_delete=self._delete,
            on_move=self._move,
        )
        self.table.setAccessibleName("Participants")
        # Names and teams are short, addresses long and without spaces: the
        # width goes where the text needs it, the role as wide as its longest.
        fit_columns(self.table, fixed=(ROLE_COLUMN,), by_content=True)
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
            f"Add participant {name}",
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
            f"Change {_FIELD_WORDS[field]} of {person.name}",
            Participant,
            person.id,
            participants.update_participant,
            **{field: value},
        )

    def _delete(self, person: Participant) -> None:
        # The service refuses to remove an adopter; the editor then emits
        # ``failed`` with its message and the row stays.
        self.editor.remove(f"Remove participant {person.name}", Participant, person.id)

    def _move(self, person: Participant, index: int) -> None:
        old = self.table.records.row_of(person.id)
        self.editor.call(
            f"Move participant {person.name}",
            lambda session: participants.move_participant(session, person.id, index),
            lambda session: participants.move_participant(session, person.id, old),
        )


_FIELD_WORDS = {"name": "the name", "team": "the team", "role": "the role", "email": "the e-mail address"}


def _tally(people: list[Participant]) -> str:
    if not people:
        return "No participants yet."
    counts = {role: sum(1 for p in people if p.role == role) for role in ParticipantRole}
    parts = [f"{role.label} {n}" for role, n in counts.items() if n]
    total = f"{len(people)} participant{'s' if len(people) != 1 else ''}"
    return f"{total} — " + " · ".join(parts)
