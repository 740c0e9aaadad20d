"""What a calendar of open check-ins needs beyond the tracker's rows: addresses, limits, support.

The adoption tracker's :class:`~facilitator.followup.adoption_row.AdoptionRow`
names people but holds no e-mail addresses, no agreed limits, no support
amounts and no record version. The follow-up pages offer a calendar feed of a
coalition's open check-ins (``exports.calendar``), and each entry needs those
too: the addresses make attendees, the limits and support say what to check,
and the version makes the entry's SEQUENCE grow when the agreement changes.

Only open agreements (agreed or in progress) with a check-in date are read:
a small part of a long history, so three plain queries do.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session, aliased

from facilitator.domain import Agreement, Event, EventCoalition, Participant, SupportItem, SupportType
from facilitator.domain.email_address import EmailAddressError, normalise_email
from facilitator.followup.adoption_row import OPEN_STATUSES
from facilitator.services.common import as_uuid

__all__ = ["CheckInDetails", "SupportPromise", "known_email", "open_check_in_details", "same_person"]


@dataclass(frozen=True, slots=True)
class SupportPromise:
    """One piece of support as a check-in reviews it.

    Attributes:
        type: Time, coaching, artifact or other.
        amount: How much, or None when no amount was given.
        unit: The amount's unit ("hours", "playbook").
        owner: Who gives it, "Name (Team)", or "" when nobody is named.
        limits: Where this support stops.
    """

    type: SupportType
    amount: float | None
    unit: str
    owner: str
    limits: str


@dataclass(frozen=True, slots=True)
class CheckInDetails:
    """What one open agreement's check-in needs that the tracker's row lacks.

    Attributes:
        agreement_id: The agreement.
        version: The agreement's record version: it grows with every change
            of the agreement itself (check-in date, sponsor, limits, status).
        adopter_email: The adopter's address, or "" when unknown.
        sponsor: The sponsor as "Name (Team)", or "" when there is none.
        sponsor_email: The sponsor's address, or "".
        facilitator: The name of the facilitator of the agreement's event.
        facilitator_email: Their address, when they are also a participant of
            that event under the same name and gave one; else "".
        limits: What the coalition's support does not include.
        support: The support promised, in the agreement's order.
    """

    agreement_id: uuid.UUID
    version: int
    adopter_email: str
    sponsor: str
    sponsor_email: str
    facilitator: str
    facilitator_email: str
    limits: str
    support: tuple[SupportPromise, ...]


def known_email(value: str | None) -> str:
    """Return ``value`` when it is one plausible address, else "".

    Addresses are checked when typed or imported; this checks again, so that
    a value that came in another way can never put a line break or a second
    address into a calendar entry or a mail header.
    """
    try:
        return normalise_email(value or "")
    except EmailAddressError:
        return ""


def same_person(name: str, other: str) -> bool:
    """Return True when two names are the same once case and surrounding spaces are ignored.

    An event names its facilitator as text; when a participant of the event has
    that very name, they are taken to be the facilitator (their address then
    reaches the facilitator's calendar entries).
    """
    return bool(name.strip()) and name.strip().casefold() == other.strip().casefold()


def person_name(name: str | None, team: str | None) -> str:
    """Return "Name (Team)", the name alone without a team, or "" without a name."""
    if not name:
        return ""
    return f"{name} ({team})" if team else name


def open_check_in_details(
    session: Session, coalition: uuid.UUID | str | None = None
) -> dict[uuid.UUID, CheckInDetails]:
    """Return the details of every open agreement with a check-in date, by agreement id.

    Args:
        session: An open session.
        coalition: Only agreements of events this coalition took part in;
            None for every coalition's.

    Raises:
        NotFoundError: ``coalition`` is not a record id.
    """
    where: list[ColumnElement[bool]] = [
        Agreement.status.in_(OPEN_STATUSES),
        Agreement.check_in.is_not(None),
    ]
    if coalition is not None:
        events = select(EventCoalition.event_id).where(EventCoalition.coalition_id == as_uuid(coalition))
        where.append(Agreement.event_id.in_(events))
    adopter, sponsor = aliased(Participant), aliased(Participant)
    query = (
        select(
            Agreement.id,
            Agreement.event_id,
            Agreement.version,
            Agreement.limits,
            adopter.email,
            sponsor.name,
            sponsor.team,
            sponsor.email,
            Event.facilitator,
        )
        .join(Event, Event.id == Agreement.event_id)
        .join(adopter, adopter.id == Agreement.adopter_id)
        .outerjoin(sponsor, sponsor.id == Agreement.sponsor_id)
        .where(*where)
    )
    found = session.execute(query).all()
    if not found:
        return {}
    chosen = select(Agreement.id).where(*where)
    support = _support(session, chosen)
    facilitators = {row.event_id: row.facilitator for row in found}
    emails = _facilitator_emails(session, facilitators, select(Agreement.event_id).where(*where))
    return {
        row.id: CheckInDetails(
            agreement_id=row.id,
            version=row.version,
            adopter_email=known_email(row[4]),
            sponsor=person_name(row[5], row[6]),
            sponsor_email=known_email(row[7]) if row[5] else "",
            facilitator=row.facilitator,
            facilitator_email=emails.get(row.event_id, ""),
            limits=row.limits,
            support=tuple(support.get(row.id, ())),
        )
        for row in found
    }


def _support(session: Session, chosen: Select[uuid.UUID]) -> dict[uuid.UUID, list[SupportPromise]]:
    owner = aliased(Participant)
    query = (
        select(
            SupportItem.agreement_id,
            SupportItem.position,
            SupportItem.type,
            SupportItem.amount,
            SupportItem.unit,
            owner.name,
            owner.team,
            SupportItem.limits,
        )
        .outerjoin(owner, owner.id == SupportItem.owner_id)
        .where(SupportItem.agreement_id.in_(chosen))
    )
    result: dict[uuid.UUID, list[SupportPromise]] = defaultdict(list)
    for row in sorted(session.execute(query).all(), key=lambda r: r[1]):
        result[row[0]].append(SupportPromise(row[2], row[3], row[4], person_name(row[5], row[6]), row[7]))
    return result


def _facilitator_emails(
    session: Session, facilitators: dict[uuid.UUID, str], events: Select[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """Return, per event, the address of the participant who bears the facilitator's name."""
    query = (
        select(Participant.event_id, Participant.name, Participant.email)
        .where(Participant.event_id.in_(events), Participant.email != "")
        .order_by(Participant.position)
    )
    result: dict[uuid.UUID, str] = {}
    for event_id, name, email in session.execute(query).all():
        address = known_email(email)
        if address and event_id not in result and same_person(facilitators.get(event_id, ""), name):
            result[event_id] = address
    return result
