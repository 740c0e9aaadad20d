"""Check-ins as calendar entries (RFC 5545 ``.ics``): one all-day event per agreed check-in date.

A file imported into Outlook, Google Calendar, Apple Calendar or Thunderbird
puts each check-in on its day. Imported again after a change, it updates the
entries instead of adding copies: each entry's UID is derived from its
agreement's id, and its SEQUENCE is the agreement's record version, which
grows with every change of the agreement. No Qt, no ReportLab.

Who follows a check-in up (its *owner*): the agreement's sponsor, who backs
the adoption and can clear what blocks it; without a sponsor, the facilitator
of the event, who brokered the agreement. Support owners are named in what to
check; they give the support, the owner asks whether it worked.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from icalendar import Calendar, vCalAddress
from icalendar import Event as CalendarEvent

from exports import check_in_text
from exports.values import date_text, event_name
from facilitator.domain import AgreementStatus
from facilitator.followup.adoption_row import OPEN_STATUSES, AdoptionRow
from facilitator.followup.adoptions import adoption_rows, by_urgency
from facilitator.followup.check_ins import (
    CheckInDetails,
    SupportPromise,
    known_email,
    open_check_in_details,
    person_name,
    same_person,
)
from facilitator.i18n import _
from facilitator.stored_text import clean

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; exporting only reads them
    from sqlalchemy.orm import Session

    from facilitator.domain import Event, Participant, SupportItem

__all__ = [
    "PRODID",
    "UID_NAMESPACE",
    "CheckIn",
    "calendar_bytes",
    "check_ins_of_event",
    "check_ins_of_rows",
    "coalition_check_ins",
    "write_calendar",
]

PRODID = "-//Scale Across Facilitator//EN"
UID_NAMESPACE = uuid.UUID("6f1c2a4e-93b5-5d1e-8c0a-5ca1eac055e5")
"""Fixed for ever: a check-in's UID is ``uuid5(UID_NAMESPACE, agreement id)@scale-across``."""
CATEGORY = "Scale Across"
SPONSOR, FACILITATOR = "sponsor", "facilitator"


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One agreed check-in, as a calendar entry shows it.

    Attributes:
        agreement_id: The agreement; the entry's UID is derived from it.
        date: The check-in date.
        adopter: The adopter's name.
        adopter_team: Their team, or "" when unknown.
        adopter_email: Their address, or "" when unknown (no attendee then).
        patterns: Names of the adopted patterns, in order.
        owner: Who follows the check-in up ("Name (Team)"), or "" when nobody is known.
        owner_email: The owner's address, or "".
        owner_role: Why they follow it up: "sponsor" or "facilitator" ("" without an owner).
        what_to_check: Lines of text: the patterns, the agreed limits, the
            support promised and its owners, the open fit questions.
        event_title: The name of the event where it was agreed.
        event_date: That event's date.
        coalitions: Names of the event's coalitions.
        status: Where the adoption stands.
        sequence: Grows with every change of the agreement (RFC 5545 SEQUENCE).
    """

    agreement_id: uuid.UUID
    date: dt.date
    adopter: str
    adopter_team: str
    adopter_email: str
    patterns: tuple[str, ...]
    owner: str
    owner_email: str
    owner_role: str
    what_to_check: str
    event_title: str
    event_date: dt.date
    coalitions: tuple[str, ...]
    status: AgreementStatus
    sequence: int = 0

    @property
    def uid(self) -> str:
        """Return the entry's UID: the same for this agreement in every export."""
        return f"{uuid.uuid5(UID_NAMESPACE, str(self.agreement_id))}@scale-across"

    @property
    def adopter_text(self) -> str:
        """Return "Ana Núñez (Payments)", or the name alone without a team."""
        return person_name(self.adopter, self.adopter_team)

    @property
    def summary(self) -> str:
        """Return "Check-in: Ana Núñez (Payments) — Feature flags; Contract tests"."""
        if self.patterns:
            # Translators: a calendar entry's title: who checks in, and on which patterns
            return _("Check-in: {adopter} — {patterns}").format(
                adopter=self.adopter_text, patterns="; ".join(self.patterns)
            )
        # Translators: a calendar entry's title: who checks in
        return _("Check-in: {adopter}").format(adopter=self.adopter_text)

    @property
    def description(self) -> str:
        """Return the entry's text: who, who follows up, what to check, where it was agreed."""
        owner = self.owner
        if self.owner and self.owner_role:
            role = _("sponsor") if self.owner_role == SPONSOR else _("facilitator")
            # Translators: who follows a check-in up, and why: "Zoë (Checkout) (sponsor)"
            owner = _("{person} ({role})").format(person=self.owner, role=role)
        # Translators: where a check-in was agreed: the event and its date
        agreed_at = _("{event}, {date}").format(event=self.event_title, date=date_text(self.event_date))
        if self.coalitions:
            # Translators: the event and its date, then the coalitions that ran it
            agreed_at = _("{event_and_date} ({coalitions})").format(
                event_and_date=agreed_at, coalitions=" + ".join(self.coalitions)
            )
        return "\n".join(
            [
                _("Adopter: {adopter}").format(adopter=self.adopter_text),
                _("Followed up by: {person}").format(person=owner or _("not named")),
                "",
                _("What to check:"),
                self.what_to_check or _("Whether the adoption happened."),
                "",
                _("Agreed at: {event}").format(event=agreed_at),
                _("Status: {status}").format(status=self.status.label),
            ]
        )


def check_ins_of_event(event: Event) -> list[CheckIn]:
    """Return a check-in for every agreement of a fully loaded event that has a check-in date.

    Whatever the agreement's status: an abandoned one becomes a cancelled
    entry, so that importing the file again takes it off the calendar.
    """
    people = {person.id: person for person in event.participants}
    facilitator_email = next(
        (
            known_email(person.email)
            for person in event.participants
            if same_person(event.facilitator, person.name) and known_email(person.email)
        ),
        "",
    )
    result = []
    for agreement in event.agreements:
        if agreement.check_in is None:
            continue
        adopter = people[agreement.adopter_id]
        sponsor = people.get(agreement.sponsor_id) if agreement.sponsor_id else None
        if sponsor is not None:
            owner, owner_email, role = _person(sponsor), known_email(sponsor.email), SPONSOR
        else:
            owner, owner_email = event.facilitator, facilitator_email
            role = FACILITATOR if owner else ""
        names = tuple(pattern.name for pattern in agreement.patterns)
        support = [_promise(item, people) for item in agreement.support_items]
        result.append(
            CheckIn(
                agreement_id=agreement.id,
                date=agreement.check_in,
                adopter=adopter.name,
                adopter_team=adopter.team,
                adopter_email=known_email(adopter.email),
                patterns=names,
                owner=owner,
                owner_email=owner_email,
                owner_role=role,
                what_to_check=check_in_text.what_to_check(
                    names, agreement.limits, support, check_in_text.fit_lines(agreement, people)
                ),
                event_title=event_name(event),
                event_date=event.date,
                coalitions=tuple(coalition.name for coalition in event.coalitions),
                status=agreement.status,
                sequence=max(agreement.version - 1, 0),
            )
        )
    return result


def check_ins_of_rows(
    rows: Iterable[AdoptionRow], *, details: Mapping[uuid.UUID, CheckInDetails] | None = None
) -> list[CheckIn]:
    """Return a check-in for every open row (agreed or in progress) that has a check-in date.

    Args:
        rows: The adoption tracker's rows, across events, in the order wanted.
        details: :func:`facilitator.followup.check_ins.open_check_in_details`
            for these rows: addresses, limits, support and versions. A row
            without details still gets its entry, with no attendees, the
            support owners' names only and SEQUENCE 0.
    """
    found = details or {}
    result = []
    for row in rows:
        if not row.is_open or row.check_in is None:
            continue
        more = found.get(row.agreement_id)
        team = "" if row.adopter_team == row.adopter else row.adopter_team
        if row.sponsor:
            owner = more.sponsor if more is not None and more.sponsor else row.sponsor
            owner_email, role = (more.sponsor_email if more is not None else ""), SPONSOR
        elif more is not None and more.facilitator:
            owner, owner_email, role = more.facilitator, more.facilitator_email, FACILITATOR
        else:
            owner, owner_email, role = "", "", ""
        if more is not None:
            what = check_in_text.what_to_check(
                row.patterns, more.limits, more.support, check_in_text.row_fit_lines(row)
            )
        else:
            owners = (
                [_("Support owners: {people}").format(people=", ".join(row.owners))] if row.owners else []
            )
            what = check_in_text.what_to_check(
                row.patterns, "", (), owners + check_in_text.row_fit_lines(row)
            )
        coalitions = " + ".join(row.coalitions)
        result.append(
            CheckIn(
                agreement_id=row.agreement_id,
                date=row.check_in,
                adopter=row.adopter,
                adopter_team=team,
                adopter_email=more.adopter_email if more is not None else "",
                patterns=row.patterns,
                owner=owner,
                owner_email=owner_email,
                owner_role=role,
                what_to_check=what,
                event_title=row.event_title or _("Scale Across — {coalitions}").format(coalitions=coalitions),
                event_date=row.event_date,
                coalitions=row.coalitions,
                status=row.status,
                sequence=max(more.version - 1, 0) if more is not None else 0,
            )
        )
    return result


def coalition_check_ins(
    session: Session, coalition: uuid.UUID | str | None = None, *, today: dt.date | None = None
) -> list[CheckIn]:
    """Return the open check-ins of one coalition's events (or of all), soonest first.

    The follow-up pages' calendar feed: the tracker's rows of open agreements
    with the details the calendar needs, read in the caller's session.
    """
    rows = adoption_rows(session, today=today, coalition=coalition, statuses=OPEN_STATUSES)
    return check_ins_of_rows(by_urgency(rows), details=open_check_in_details(session, coalition))


def calendar_bytes(check_ins: Sequence[CheckIn], *, name: str, now: dt.datetime | None = None) -> bytes:
    """Return an iCalendar file (RFC 5545) with one all-day event per check-in.

    Args:
        check_ins: The check-ins, in the order to write them.
        name: The calendar's name as calendar programs show it (X-WR-CALNAME).
        now: When the file is made (DTSTAMP); the current time by default.
            A naive time is taken as UTC.
    """
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    stamp = stamp.replace(tzinfo=dt.UTC) if stamp.tzinfo is None else stamp.astimezone(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # Translators: the name of a calendar file's calendar, when it has no other
    calendar.add("x-wr-calname", _one_line(name) or _("Check-ins"))
    for check_in in check_ins:
        calendar.add_component(_entry(check_in, stamp))
    data: bytes = calendar.to_ical()
    return data


def write_calendar(path: Path, check_ins: Sequence[CheckIn], *, name: str) -> Path:
    """Write :func:`calendar_bytes` to ``path`` atomically; return the path.

    Raises:
        ExportError: the file cannot be written.
    """
    from exports.files import write_atomically  # loads the PDF renderers: only when writing

    return write_atomically(Path(path), calendar_bytes(check_ins, name=name))


def _entry(check_in: CheckIn, stamp: dt.datetime) -> CalendarEvent:
    """Return one check-in as a VEVENT. Every user string goes in as a value, which icalendar escapes."""
    entry = CalendarEvent()
    entry.add("uid", check_in.uid)
    entry.add("dtstamp", stamp)
    entry.add("sequence", max(check_in.sequence, 0))
    entry.add("dtstart", check_in.date)
    entry.add("dtend", check_in.date + dt.timedelta(days=1))
    entry.add("summary", _text(check_in.summary))
    entry.add("description", _text(check_in.description))
    entry.add("categories", [CATEGORY])
    # A check-in is a reminder for the day, not a meeting that makes anyone busy.
    entry.add("transp", "TRANSPARENT")
    entry.add("status", "CANCELLED" if check_in.status == AgreementStatus.ABANDONED else "CONFIRMED")
    owner_email = known_email(check_in.owner_email)
    if owner_email:
        entry.add("organizer", _address(owner_email, check_in.owner))
    adopter_email = known_email(check_in.adopter_email)
    if adopter_email:
        entry.add("attendee", _address(adopter_email, check_in.adopter_text, "REQ-PARTICIPANT"))
    if owner_email:
        entry.add("attendee", _address(owner_email, check_in.owner, "CHAIR"))
    return entry


def _address(email: str, name: str, role: str | None = None) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    shown = _one_line(name)
    if shown:
        # icalendar quotes the value and writes quotes and carets as RFC 6868 asks.
        address.params["CN"] = shown
    if role:
        address.params["ROLE"] = role
    return address


def _text(value: str) -> str:
    """Return text as the app stores it: control characters gone, every line end a newline."""
    return clean(value).text


def _one_line(value: str) -> str:
    """Return text on one line, for a name in a parameter (no client shows a line break there)."""
    return " ".join(_text(value).split())


def _person(person: Participant) -> str:
    return person_name(person.name, person.team)


def _promise(item: SupportItem, people: Mapping[uuid.UUID, Participant]) -> SupportPromise:
    owner = people.get(item.owner_id) if item.owner_id else None
    return SupportPromise(item.type, item.amount, item.unit, _person(owner) if owner else "", item.limits)
