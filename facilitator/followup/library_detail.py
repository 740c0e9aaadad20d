"""One pattern across the history: where it came from, how it grew, who adopted it."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.domain import (
    Agreement,
    AgreementPattern,
    AgreementStatus,
    BoundaryCondition,
    BoundaryKind,
    Coalition,
    Event,
    EventPattern,
    EventStatus,
    Outcome,
    OutcomeKind,
    Participant,
    Pattern,
    PatternOutcome,
)
from facilitator.i18n import _
from facilitator.services.common import as_uuid
from facilitator.services.errors import NotFoundError

_KIND_ORDER = {kind: index for index, kind in enumerate(BoundaryKind)}


def team_of(team: str | None, name: str) -> str:
    """Return an adopter's team: the team stripped, or the person's name without one."""
    return (team or "").strip() or name.strip()


@dataclass(frozen=True)
class SourceOutcome:
    """An outcome a pattern was learnt from, and the event that shared it."""

    outcome_id: uuid.UUID
    title: str
    kind: OutcomeKind
    evidence: str
    event_id: uuid.UUID
    event_date: dt.date
    event_title: str


@dataclass(frozen=True)
class Presentation:
    """An event that presented the pattern."""

    event_id: uuid.UUID
    date: dt.date
    title: str
    status: EventStatus


@dataclass(frozen=True)
class BoundaryLine:
    """One condition: works when, breaks when, or a prerequisite."""

    boundary_id: uuid.UUID
    kind: BoundaryKind
    text: str


@dataclass(frozen=True)
class BoundaryGroup:
    """The conditions stated at one event (or, without an event, on one day).

    Attributes:
        event_id: The event where they were stated; None when not recorded.
        date: The event's date, or the day they were recorded without one.
    """

    event_id: uuid.UUID | None
    date: dt.date
    title: str
    lines: tuple[BoundaryLine, ...]


@dataclass(frozen=True)
class Adoption:
    """One agreement adopting the pattern, with where it stands."""

    agreement_id: uuid.UUID
    event_id: uuid.UUID
    adopter: str
    team: str
    status: AgreementStatus
    status_reason: str
    check_in: dt.date | None
    event_date: dt.date
    event_title: str


@dataclass(frozen=True)
class PatternDetail:
    """Everything the history holds about one pattern, each part in date order."""

    pattern_id: uuid.UUID
    name: str
    kind: OutcomeKind
    summary: str
    guidance: str
    coalition: str
    outcomes: tuple[SourceOutcome, ...]
    events: tuple[Presentation, ...]
    boundaries: tuple[BoundaryGroup, ...]
    adoptions: tuple[Adoption, ...]


def pattern_detail(session: Session, pattern_id: uuid.UUID | str) -> PatternDetail:
    """Return one pattern with its outcomes, events, boundaries over time and adoptions.

    Raises:
        NotFoundError: there is no such pattern.
    """
    pid = as_uuid(pattern_id)
    head = session.execute(
        select(Pattern.name, Pattern.kind, Pattern.summary, Pattern.guidance, Coalition.name)
        .join(Coalition, Coalition.id == Pattern.coalition_id)
        .where(Pattern.id == pid)
    ).first()
    if head is None:
        raise NotFoundError(_("no pattern with id {id}").format(id=pattern_id))
    name, kind, summary, guidance, coalition = head
    return PatternDetail(
        pid,
        name,
        kind,
        summary,
        guidance,
        coalition,
        outcomes=_outcomes(session, pid),
        events=_presentations(session, pid),
        boundaries=_boundary_groups(session, pid),
        adoptions=_adoptions(session, pid),
    )


def _outcomes(session: Session, pid: uuid.UUID) -> tuple[SourceOutcome, ...]:
    query = (
        select(Outcome.id, Outcome.title, Outcome.kind, Outcome.evidence, Event.id, Event.date, Event.title)
        .join(PatternOutcome, PatternOutcome.outcome_id == Outcome.id)
        .join(Event, Event.id == Outcome.event_id)
        .where(PatternOutcome.pattern_id == pid)
        .order_by(Event.date, Event.id, Outcome.position)
    )
    return tuple(SourceOutcome(*row) for row in session.execute(query))


def _presentations(session: Session, pid: uuid.UUID) -> tuple[Presentation, ...]:
    query = (
        select(Event.id, Event.date, Event.title, Event.status)
        .join(EventPattern, EventPattern.event_id == Event.id)
        .where(EventPattern.pattern_id == pid)
        .order_by(Event.date, Event.created_at)
    )
    return tuple(Presentation(*row) for row in session.execute(query))


def _boundary_groups(session: Session, pid: uuid.UUID) -> tuple[BoundaryGroup, ...]:
    query = (
        select(
            BoundaryCondition.id,
            BoundaryCondition.kind,
            BoundaryCondition.text,
            BoundaryCondition.position,
            BoundaryCondition.recorded_at,
            Event.id,
            Event.date,
            Event.title,
        )
        .outerjoin(Event, Event.id == BoundaryCondition.event_id)
        .where(BoundaryCondition.pattern_id == pid)
    )
    groups: dict[tuple[dt.date, str, uuid.UUID | None], list[tuple[int, int, BoundaryLine]]] = {}
    for bid, kind, text, position, recorded_at, event_id, date, title in session.execute(query):
        # Without an event (stated outside one, or its event deleted) the
        # day it was recorded is the best "when" there is.
        key = (date or recorded_at.date(), title or "", event_id)
        groups.setdefault(key, []).append((_KIND_ORDER[kind], position, BoundaryLine(bid, kind, text)))
    return tuple(
        BoundaryGroup(event_id, date, title, tuple(line for *_, line in sorted(lines, key=lambda x: x[:2])))
        for (date, title, event_id), lines in sorted(
            groups.items(), key=lambda item: (item[0][0], item[0][2] is not None, item[0][1])
        )
    )


def _adoptions(session: Session, pid: uuid.UUID) -> tuple[Adoption, ...]:
    query = (
        select(
            Agreement.id,
            Event.id,
            Participant.name,
            Participant.team,
            Agreement.status,
            Agreement.status_reason,
            Agreement.check_in,
            Event.date,
            Event.title,
        )
        .join(AgreementPattern, AgreementPattern.agreement_id == Agreement.id)
        .join(Participant, Participant.id == Agreement.adopter_id)
        .join(Event, Event.id == Agreement.event_id)
        .where(AgreementPattern.pattern_id == pid)
        .order_by(Event.date, Event.id, Agreement.position)
    )
    return tuple(
        Adoption(agreement, event, name, team_of(team, name), status, reason, check_in, date, title)
        for agreement, event, name, team, status, reason, check_in, date, title in session.execute(query)
    )
