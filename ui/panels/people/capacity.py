"""The hours each coalition member can give adopters after the event."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from facilitator import numbers
from facilitator.domain import Participant, ParticipantRole
from facilitator.i18n import N_, _
from facilitator.services import participants
from facilitator.services.participants import CapacityLine
from facilitator.storage import StorageError
from ui.editing import EventEditor
from ui.panels.shared.base import RecordPanel, RecordTable
from ui.panels.shared.column_fit import fit_columns
from ui.panels.shared.number_fields import edit_number, without_hour_unit
from ui.panels.shared.record_model import Column

HOURS_COLUMN = 3
_RIGHT = Qt.AlignmentFlag.AlignRight


def format_hours(hours: float | None) -> str:
    """Return hours as people write them: 24, 2.5 ("2,5" in German); empty for none."""
    return "" if hours is None else numbers.decimal(hours, 2)


class CapacityPanel(RecordPanel):
    """Support capacity: the hours each coalition member says they can give.

    One row per coalition member, plus anyone who already has a capacity or
    owns support in an agreement. Typing a number in "Hours available" and
    pressing Enter stores it; an empty cell clears it. "Promised" adds up
    the hours already promised in agreements, for comparison.

    Args:
        editor: the open event's editor; every change goes through it.
        parent: the owning widget.
    """

    shows = participants.CAPACITY_REPORT_READS

    title = N_("Support capacity")

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self._lines: dict[uuid.UUID, CapacityLine] = {}
        self.hint = QLabel(
            _(
                "How many hours can each coalition member give adopters after the event? "
                "Type the number and press Enter; clear the cell if it is not known."
            )
        )
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.table = RecordTable(
            [
                # Translators: a column header: a participant's name
                Column(_("Name"), lambda p: p.name),
                # Translators: a column header: a participant's team
                Column(_("Team"), lambda p: p.team),
                # Translators: a column header: a participant's role
                Column(_("Role"), lambda p: p.role.label),
                Column(
                    _("Hours available"), self._stated_text, "hours", self._stated_value, alignment=_RIGHT
                ),
                # Translators: a column header: the hours promised in agreements
                Column(_("Promised"), self._promised_text, alignment=_RIGHT),
            ],
            on_edit=self._edit,
        )
        self.table.setAccessibleName(_("Support capacity"))
        # Role, hours and promised as wide as their texts; name and team share
        # the rest, never narrower than their titles.
        fit_columns(self.table, fixed=(2, 3, 4))
        self.empty = QLabel(
            _(
                "Nobody here is a coalition member yet. Give people the role “{role}” "
                "under Participants to record the hours they can give."
            ).format(role=ParticipantRole.COALITION_MEMBER.label)
        )
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)

    def refresh(self) -> None:
        """Redraw the capacity of the open event's coalition members."""
        event = self.editor.event
        event_id = self.editor.event_id
        try:
            report = self.editor.read(lambda session: participants.capacity_report(session, event_id))
        except StorageError:
            # A redraw must never fail: show the stated hours already loaded,
            # without the promised sums that need the query.
            report = [
                CapacityLine(c.participant_id, "", c.hours, 0.0, c.accepted_hours) for c in event.capacities
            ]
        self._lines = {line.owner_id: line for line in report}
        people = [
            p for p in event.participants if p.role == ParticipantRole.COALITION_MEMBER or p.id in self._lines
        ]
        self.table.records.read_only = self.editor.read_only
        self.hint.setVisible(bool(people) and not self.editor.read_only)
        self.table.set_records(people)
        self.table.setVisible(bool(people))
        self.empty.setVisible(not people)
        if people and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.table.records.index(0, HOURS_COLUMN))

    def add_record(self) -> None:
        """Put the cursor on the first member without hours, ready to type them."""
        records = self.table.records.records
        if not records or self.editor.read_only:
            return
        row = next((i for i, p in enumerate(records) if self._stated(p) is None), 0)
        self.table.setCurrentIndex(self.table.records.index(row, HOURS_COLUMN))
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _stated(self, person: Participant) -> float | None:
        line = self._lines.get(person.id)
        return None if line is None else line.stated_hours

    def _stated_text(self, person: Participant) -> str:
        hours = self._stated(person)
        return "—" if hours is None else format_hours(hours)

    def _stated_value(self, person: Participant) -> str:
        return edit_number(self._stated(person))

    def _promised_text(self, person: Participant) -> str:
        line = self._lines.get(person.id)
        return format_hours(line.promised_hours) if line and line.promised_hours else "—"

    def _edit(self, person: Participant, field: str, value) -> bool:
        # "12h", "12 hours": people say the unit; the service wants the number.
        text = without_hour_unit(str(value or ""))
        line = self._lines.get(person.id)
        old = None if line is None else line.stated_hours
        old_accepted = None if line is None else line.accepted_hours
        event_id, person_id = self.editor.event_id, person.id

        def redo(session) -> None:
            participants.set_capacity(session, event_id, person_id, text or None)

        def undo(session) -> None:
            participants.set_capacity(session, event_id, person_id, old)
            # Clearing the hours also dropped an accepted over-commitment;
            # accept it again so undo gives back exactly what was there.
            if old_accepted is not None:
                report = participants.capacity_report(session, event_id)
                now = next((entry for entry in report if entry.owner_id == person_id), None)
                if now is not None and now.over_committed and not now.accepted:
                    participants.accept_over_commitment(session, event_id, person_id)

        verb = _("Set the hours of {name}") if text else _("Clear the hours of {name}")
        return self.editor.call(verb.format(name=person.name), redo, undo)
