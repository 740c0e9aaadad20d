"""Who is in the room, and the hours coalition members can give."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator import numbers
from facilitator.domain import Agreement, Event, Participant, ParticipantRole, SupportCapacity
from facilitator.domain.base import new_id
from facilitator.domain.email_address import EmailAddressError, normalise_email
from facilitator.i18n import N_, _, ngettext
from facilitator.services.changes import RecordKind
from facilitator.services.common import (
    MAX_NUMBER,
    Cleaner,
    editable_event,
    enum_cleaner,
    get,
    hours_cleaner,
    text_cleaner,
)
from facilitator.services.errors import ServiceError
from facilitator.services.languages import clean_language
from facilitator.services.records import (
    Listed,
    append_record,
    find_record,
    move_listed,
    take_out,
    update_record,
)

PARTICIPANTS = Listed(Participant, holder=lambda p: p.event.participants, event_id=lambda p: p.event_id)
"""Participants are listed in their event."""


def clean_email(value: object) -> str:
    """Return a participant's e-mail address as stored: stripped, "" for none.

    The rule is :func:`facilitator.domain.email_address.normalise_email`'s,
    which the event-file reader applies too.

    Raises:
        ServiceError: ``value`` is not text, or not one plausible address.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ServiceError(_("E-mail must be text"))
    try:
        return normalise_email(value)
    except EmailAddressError as exc:
        raise ServiceError(str(exc)) from None


_FIELDS: dict[str, Cleaner] = {
    "name": text_cleaner(N_("Name"), required=True, max_length=200),
    "team": text_cleaner(N_("Team"), max_length=200),
    "role": enum_cleaner(ParticipantRole, N_("Role")),
    "email": clean_email,
    # The language of this person's documents (their agreement); "" or None: the event's.
    "language": clean_language,
}
# The unit is stored as typed, so hours typed in any shipped language count,
# whatever language the app speaks when it adds them up.
HOUR_UNITS = frozenset({"h", "hour", "hours", "hr", "hrs", "std", "std.", "stunde", "stunden"})


def add_participant(
    session: Session,
    event_id: uuid.UUID | str,
    name: str,
    team: str = "",
    role: ParticipantRole | str = ParticipantRole.POTENTIAL_ADOPTER,
    *,
    email: str = "",
    record_id: uuid.UUID | None = None,
) -> Participant:
    """Add a person to the event, at the end of the list.

    Args:
        session: The caller's session.
        event_id: The event, which must not be closed.
        name: The person's name (required).
        team: Their team, "" when unknown.
        role: Their role (a member or its stored value).
        email: Their e-mail address; "" (or only spaces) when unknown.
        record_id: The id to give the record, so that redo after undo brings
            back the very same record.

    Returns:
        The new participant.

    Raises:
        ServiceError: the event is closed or a value is refused (nothing is added).
    """
    event = editable_event(session, event_id)
    values = {"name": name, "team": team, "role": role, "email": email}
    return append_record(session, event.participants, Participant(id=record_id or new_id()), values, _FIELDS)


def update_participant(session: Session, participant_id: uuid.UUID | str, **changes: object) -> Participant:
    """Change a participant's ``name``, ``team``, ``role``, ``email`` or ``language`` (given as keywords).

    Raises:
        NotFoundError: there is no such participant.
        ServiceError: the event is closed or a value is refused (nothing changes).
    """
    return update_record(session, PARTICIPANTS, participant_id, changes, _FIELDS)


def remove_participant(session: Session, participant_id: uuid.UUID | str) -> None:
    """Remove a participant who is not the adopter of an agreement."""
    participant = find_record(session, PARTICIPANTS, participant_id)
    adopting = session.scalar(
        select(func.count()).select_from(Agreement).where(Agreement.adopter_id == participant.id)
    )
    if adopting:
        raise ServiceError(
            ngettext(
                "{name} is the adopter in {count} agreement; remove or reassign it first",
                "{name} is the adopter in {count} agreements; remove or reassign those first",
                adopting,
            ).format(name=participant.name, count=numbers.integer(adopting))
        )
    take_out(session, PARTICIPANTS, participant)


def move_participant(session: Session, participant_id: uuid.UUID | str, index: int) -> None:
    """Move a participant to ``index`` in the event's list."""
    move_listed(session, PARTICIPANTS, participant_id, index)


def set_capacity(
    session: Session, event_id: uuid.UUID | str, participant_id: uuid.UUID | str, hours: object
) -> SupportCapacity | None:
    """Record the hours a coalition member can give; None or '' clears it."""
    event = editable_event(session, event_id)
    participant = get(session, Participant, participant_id)
    if participant.event_id != event.id:
        raise ServiceError(_("{name} is not a participant of this event").format(name=participant.name))
    value = hours_cleaner(N_("Capacity"))(hours)
    row = next((c for c in event.capacities if c.participant_id == participant.id), None)
    if value is None:
        if row is not None:
            event.capacities.remove(row)
        session.flush()
        return None
    if row is None:
        row = SupportCapacity(participant=participant)
        event.capacities.append(row)
    row.hours = value
    session.flush()
    return row


@dataclass(frozen=True)
class CapacityLine:
    """Promised against stated hours for one support owner."""

    owner_id: uuid.UUID
    owner_name: str
    stated_hours: float | None
    promised_hours: float
    accepted_hours: float | None = None

    @property
    def over_committed(self) -> bool:
        """Return True when more hours are promised than the owner stated."""
        return self.promised_hours > (self.stated_hours or 0.0) + 1e-9

    @property
    def accepted(self) -> bool:
        """Return True when the room knowingly accepted this over-commitment."""
        return (
            self.over_committed
            and self.accepted_hours is not None
            and self.promised_hours <= self.accepted_hours + 1e-9
        )

    @property
    def needs_attention(self) -> bool:
        """Return True for an over-commitment nobody has accepted yet."""
        return self.over_committed and not self.accepted

    @property
    def remaining_hours(self) -> float:
        """Return stated minus promised hours (negative when over-committed)."""
        return (self.stated_hours or 0.0) - self.promised_hours


CAPACITY_REPORT_READS = frozenset(
    {
        RecordKind.EVENT,
        RecordKind.PARTICIPANT,
        RecordKind.CAPACITY,
        RecordKind.AGREEMENT,
        RecordKind.SUPPORT_ITEM,
    }
)
"""The kinds of record :func:`capacity_report` reads: a change to any of them can change it."""


def capacity_report(session: Session, event_id: uuid.UUID | str) -> list[CapacityLine]:
    """Return, per owner, hours promised in support items against hours stated.

    Only support items measured in hours count (see HOUR_UNITS): other units
    such as documents or sessions cannot be compared with a capacity in hours.
    """
    return capacity_lines(get(session, Event, event_id))


def capacity_lines(event: Event) -> list[CapacityLine]:
    """Return :func:`capacity_report` for an event already loaded (its capacities and agreements)."""
    stated = {c.participant_id: c.hours for c in event.capacities}
    accepted = {c.participant_id: c.accepted_hours for c in event.capacities}
    promised: dict[uuid.UUID, float] = {}
    for agreement in event.agreements:
        for item in agreement.support_items:
            if item.owner_id is None or item.amount is None:
                continue
            if item.unit.strip().lower() not in HOUR_UNITS:
                continue
            promised[item.owner_id] = promised.get(item.owner_id, 0.0) + item.amount
    lines = []
    for participant in event.participants:
        if participant.id in stated or participant.id in promised:
            lines.append(
                CapacityLine(
                    owner_id=participant.id,
                    owner_name=participant.name,
                    stated_hours=stated.get(participant.id),
                    promised_hours=promised.get(participant.id, 0.0),
                    accepted_hours=accepted.get(participant.id),
                )
            )
    return lines


def accept_over_commitment(
    session: Session, event_id: uuid.UUID | str, participant_id: uuid.UUID | str, accept: bool = True
) -> CapacityLine:
    """Accept (or withdraw acceptance of) an owner's current over-commitment.

    The acceptance covers the hours promised now; promising more later makes
    the warning come back. An owner with no stated capacity is taken to have
    stated zero hours.
    """
    event = editable_event(session, event_id)
    participant = get(session, Participant, participant_id)
    line = next((c for c in capacity_report(session, event.id) if c.owner_id == participant.id), None)
    if line is None or (accept and not line.over_committed):
        raise ServiceError(_("{name} is not over-committed").format(name=participant.name))
    if accept and line.promised_hours > MAX_NUMBER:
        raise ServiceError(
            _("more than {maximum} promised hours cannot be accepted").format(
                maximum=numbers.integer(int(MAX_NUMBER))
            )
        )
    row = next((c for c in event.capacities if c.participant_id == participant.id), None)
    if row is None:
        row = SupportCapacity(participant=participant, hours=0.0)
        event.capacities.append(row)
    row.accepted_hours = line.promised_hours if accept else None
    session.flush()
    return next(c for c in capacity_report(session, event.id) if c.owner_id == participant.id)
