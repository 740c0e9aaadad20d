"""Planning, running, closing and listing events."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from facilitator import numbers
from facilitator.domain import (
    Agreement,
    AgreementPattern,
    Coalition,
    Event,
    EventCoalition,
    EventPattern,
    EventStatus,
    FitAnswer,
    Outcome,
    Pattern,
    PatternOutcome,
    RiskAcceptance,
    StepTime,
    SupportItem,
    TopGoal,
    Trigger,
)
from facilitator.domain.base import utcnow
from facilitator.domain.summary import EventSummary
from facilitator.i18n import N_, _
from facilitator.services.coalitions import find_or_create_coalition, latest_goal
from facilitator.services.common import (
    MAX_NUMBER,
    Cleaner,
    apply_fields,
    as_uuid,
    clean_text,
    editable_event,
    enum_cleaner,
    get,
    text_cleaner,
)
from facilitator.services.errors import NotFoundError, ServiceError
from facilitator.services.languages import clean_language


def plan_event(
    session: Session,
    *,
    coalitions: Sequence[str],
    date: dt.date,
    facilitator: str = "",
    trigger: Trigger | str = Trigger.SIGNIFICANT_PROGRESS,
    agenda_id: str = "scale-across",
    title: str = "",
    event_id: uuid.UUID | None = None,
) -> Event:
    """Create a planned event for one or more coalitions (by name).

    Each coalition's TOP Goal for the event starts as its latest goal, so a
    facilitator only edits what changed.
    """
    names = [clean_text(n, N_("Coalition name"), required=True, max_length=200) for n in coalitions]
    if not names:
        raise ServiceError(_("an event needs at least one coalition"))
    # Compared as find_coalition and the event-file reader compare names.
    if len({n.casefold() for n in names}) != len(names):
        raise ServiceError(_("the same coalition is named twice"))
    if not isinstance(date, dt.date):
        raise ServiceError(_("the event date must be a date"))
    event = Event(
        id=event_id or uuid.uuid4(),
        date=date,
        title=clean_text(title, N_("Title"), max_length=300),
        facilitator=clean_text(facilitator, N_("Facilitator"), max_length=200),
        trigger=enum_cleaner(Trigger, N_("Trigger"))(trigger),
        agenda_id=clean_text(agenda_id, N_("Agenda"), required=True, max_length=64, single_line=True),
        status=EventStatus.PLANNED,
    )
    session.add(event)
    for position, name in enumerate(names):
        coalition = find_or_create_coalition(session, name)
        event.coalition_links.append(EventCoalition(coalition=coalition, position=position))
        goal = latest_goal(session, coalition.id)
        session.add(TopGoal(coalition=coalition, event=event, text=goal))
    session.flush()
    return event


def _event_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    raise ServiceError(_("the event date must be a date (got {value})").format(value=repr(value)))


_EVENT_FIELDS: dict[str, Cleaner] = {
    "title": text_cleaner(N_("Title"), max_length=300),
    "facilitator": text_cleaner(N_("Facilitator"), max_length=200),
    "trigger": enum_cleaner(Trigger, N_("Trigger")),
    "agenda_id": text_cleaner(N_("Agenda"), required=True, max_length=64, single_line=True),
    "date": _event_date,
    # The language of the event's documents; "" or None: the app's.
    "document_language": clean_language,
}


def update_event(session: Session, event_id: uuid.UUID | str, **changes: object) -> Event:
    """Change the event's title, facilitator, trigger, agenda, date or document language."""
    event = editable_event(session, event_id)
    apply_fields(event, changes, _EVENT_FIELDS)
    return event


def set_top_goal(
    session: Session, event_id: uuid.UUID | str, coalition_id: uuid.UUID | str, text: str
) -> TopGoal:
    """Record the TOP Goal a coalition states at this event."""
    event = editable_event(session, event_id)
    coalition = get(session, Coalition, coalition_id)
    if coalition.id not in {link.coalition_id for link in event.coalition_links}:
        raise ServiceError(_("{coalition} is not a coalition of this event").format(coalition=coalition.name))
    goal = session.scalars(
        select(TopGoal).where(TopGoal.event_id == event.id, TopGoal.coalition_id == coalition.id)
    ).first()
    if goal is None:
        goal = TopGoal(coalition=coalition, event=event)
        session.add(goal)
    goal.text = clean_text(text, N_("TOP Goal"), max_length=5000)
    goal.recorded_at = utcnow()
    session.flush()
    return goal


def add_coalition_to_event(session: Session, event_id: uuid.UUID | str, name: str) -> Coalition:
    """Make the event a shared event of one more coalition."""
    event = editable_event(session, event_id)
    coalition = find_or_create_coalition(session, name)
    if coalition.id in {link.coalition_id for link in event.coalition_links}:
        raise ServiceError(_("{coalition} is already part of this event").format(coalition=coalition.name))
    event.coalition_links.append(EventCoalition(coalition=coalition, position=len(event.coalition_links)))
    session.add(TopGoal(coalition=coalition, event=event, text=latest_goal(session, coalition.id)))
    session.flush()
    return coalition


def move_to_step(session: Session, event_id: uuid.UUID | str, step_id: str) -> Event:
    """Note the agenda step the room is on; a planned event starts running."""
    event = editable_event(session, event_id)
    event.current_step_id = clean_text(step_id, N_("Step"), required=True, max_length=64, single_line=True)
    if event.status == EventStatus.PLANNED:
        event.status = EventStatus.RUNNING
    return event


def record_step_time(session: Session, event_id: uuid.UUID | str, step_id: str, seconds: float) -> StepTime:
    """Store the total time spent on a step (the timer's current reading)."""
    event = editable_event(session, event_id)
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, int | float)
        or not 0 <= seconds <= MAX_NUMBER  # also refuses NaN, which compares false
    ):
        raise ServiceError(_("step time must be zero or more seconds"))
    step_id = clean_text(step_id, N_("Step"), required=True, max_length=64, single_line=True)
    row = next((r for r in event.step_times if r.step_id == step_id), None)
    if row is None:
        row = StepTime(step_id=step_id)
        event.step_times.append(row)
    row.seconds = float(seconds)
    session.flush()
    return row


def close_event(session: Session, event_id: uuid.UUID | str) -> Event:
    """Mark the event closed; it becomes history."""
    event = get(session, Event, event_id)
    event.status = EventStatus.CLOSED
    event.closed_at = utcnow()
    return event


def reopen_event(session: Session, event_id: uuid.UUID | str) -> Event:
    """Reopen a closed event for edits (a deliberate action)."""
    event = get(session, Event, event_id)
    if event.status == EventStatus.CLOSED:
        event.status = EventStatus.RUNNING
        event.closed_at = None
    return event


def delete_event(session: Session, event_id: uuid.UUID | str) -> None:
    """Delete an event and its records; patterns and coalitions stay."""
    event = get(session, Event, event_id)
    session.delete(event)
    session.flush()


def list_events(session: Session, *, limit: int | None = None) -> list[EventSummary]:
    """Return events newest first (by date, then by creation)."""
    query = (
        select(Event)
        .options(selectinload(Event.coalition_links).selectinload(EventCoalition.coalition))
        .order_by(Event.date.desc(), Event.created_at.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        EventSummary(
            id=e.id,
            date=e.date,
            title=e.title,
            coalitions=tuple(c.name for c in e.coalitions),
            status=e.status,
            facilitator=e.facilitator,
        )
        for e in session.scalars(query)
    ]


def resolve_event_id(session: Session, text: str) -> uuid.UUID:
    """Return the id of the one event whose id is ``text`` or starts with it.

    Hyphens are optional, as in ``scale-across events`` output.

    Raises:
        NotFoundError: no event or more than one event matches.
    """
    wanted = text.strip().lower().replace("-", "")
    if not wanted:
        raise NotFoundError(_("no event id given"))
    matches = [i for i in session.scalars(select(Event.id)) if i.hex.startswith(wanted)]
    if not matches:
        raise NotFoundError(_("no event with an id starting {start}").format(start=repr(text)))
    if len(matches) > 1:
        raise NotFoundError(
            _("{count} events have ids starting {start}; give more characters").format(
                count=numbers.integer(len(matches)), start=repr(text)
            )
        )
    return matches[0]


def load_event(session: Session, event_id: uuid.UUID | str) -> Event:
    """Return the event with everything in it loaded, usable after the session ends."""
    query = (
        select(Event)
        .where(Event.id == as_uuid(event_id))
        .options(
            selectinload(Event.coalition_links)
            .selectinload(EventCoalition.coalition)
            .selectinload(Coalition.goals),
            selectinload(Event.goals),
            selectinload(Event.participants),
            selectinload(Event.outcomes).selectinload(Outcome.pattern_links),
            selectinload(Event.pattern_links)
            .selectinload(EventPattern.pattern)
            .options(
                selectinload(Pattern.boundaries),
                selectinload(Pattern.outcome_links).selectinload(PatternOutcome.outcome),
                selectinload(Pattern.coalition),
            ),
            selectinload(Event.agreements).options(
                selectinload(Agreement.adopter),
                selectinload(Agreement.sponsor),
                selectinload(Agreement.pattern_links).selectinload(AgreementPattern.pattern),
                selectinload(Agreement.support_items).selectinload(SupportItem.owner),
                selectinload(Agreement.status_history),
                selectinload(Agreement.fit_answers).options(
                    selectinload(FitAnswer.owner), selectinload(FitAnswer.boundary)
                ),
                selectinload(Agreement.risk_acceptance).selectinload(RiskAcceptance.accepted_by),
            ),
            selectinload(Event.capacities),
            selectinload(Event.step_times),
        )
    )
    event = session.scalars(query).first()
    if event is None:
        raise NotFoundError(_("no event with id {id}").format(id=event_id))
    return event
