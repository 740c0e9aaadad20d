"""The adoption tracker: every agreement, its status, owners and check-in.

A read model for coalition leads: a handful of aggregate queries, never one
query per agreement, so the tracker opens fast on a history of thousands of
events. Status history and dated changes live in
:mod:`facilitator.followup.adoption_status` and are re-exported here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from facilitator.domain import (
    Agreement,
    AgreementStatus,
    Coalition,
    Event,
    EventCoalition,
)
from facilitator.followup.adoption_query import read_rows
from facilitator.followup.adoption_row import OPEN_STATUSES, AdoptionRow
from facilitator.followup.adoption_status import (
    StatusStep,
    record_status_change,
    status_history,
)
from facilitator.i18n import _
from facilitator.services.coalitions import find_coalition
from facilitator.services.common import as_uuid
from facilitator.services.errors import NotFoundError

__all__ = [
    "OPEN_STATUSES",
    "AdoptionRow",
    "StatusStep",
    "adoption_rows",
    "by_urgency",
    "coalition_names",
    "count_open_agreements",
    "open_agreements_before",
    "record_status_change",
    "status_history",
]


def adoption_rows(
    session: Session,
    *,
    today: dt.date | None = None,
    coalition: uuid.UUID | str | None = None,
    event_id: uuid.UUID | str | None = None,
    statuses: Iterable[AgreementStatus | str] | None = None,
) -> list[AdoptionRow]:
    """Return every agreement, newest event first, in each event's order.

    Args:
        session: An open session.
        today: The date overdue check-ins are judged against (default: today).
        coalition: Only agreements of events this coalition took part in.
        event_id: Only the agreements of this event.
        statuses: Only agreements in these statuses, e.g. :data:`OPEN_STATUSES`
            (a fraction of a long history, so much faster to read).
    """
    where: list[ColumnElement[bool]] = []
    if coalition is not None:
        where.append(Agreement.event_id.in_(_events_of([as_uuid(coalition)])))
    if event_id is not None:
        where.append(Agreement.event_id == as_uuid(event_id))
    if statuses is not None:
        where.append(Agreement.status.in_([AgreementStatus(status) for status in statuses]))
    return _rows(session, where, today or dt.date.today())


def open_agreements_before(
    session: Session, event_id: uuid.UUID | str, *, today: dt.date | None = None
) -> list[AdoptionRow]:
    """Return the open agreements of earlier events that share a coalition with this one.

    Earlier means an earlier date, or the same date and created before this
    event. The most urgent come first: the earliest check-in, then those
    without one.

    Raises:
        NotFoundError: there is no such event.
    """
    event_id = as_uuid(event_id)
    found = session.execute(select(Event.date, Event.created_at).where(Event.id == event_id)).one_or_none()
    if found is None:
        raise NotFoundError(_("no event with id {id}").format(id=event_id))
    date, created = found
    coalitions = select(EventCoalition.coalition_id).where(EventCoalition.event_id == event_id)
    where = [
        Agreement.event_id.in_(_events_of(coalitions)),
        Agreement.event_id != event_id,
        Agreement.status.in_(OPEN_STATUSES),
        or_(Event.date < date, and_(Event.date == date, Event.created_at < created)),
    ]
    return by_urgency(_rows(session, where, today or dt.date.today()))


def count_open_agreements(session: Session, coalition_names: list[str], on_date: dt.date) -> int:
    """Return how many open agreements a new event of these coalitions would review.

    For an event not created yet: every stored event on or before
    ``on_date`` counts as earlier. Names match case-insensitively, as
    coalitions are found when an event is planned.
    """
    found = (find_coalition(session, name) for name in coalition_names if name.strip())
    coalitions = [coalition.id for coalition in found if coalition is not None]
    if not coalitions:
        return 0
    query = (
        select(func.count(Agreement.id))
        .join(Event, Event.id == Agreement.event_id)
        .where(
            Agreement.event_id.in_(_events_of(coalitions)),
            Agreement.status.in_(OPEN_STATUSES),
            Event.date <= on_date,
        )
    )
    return session.scalar(query) or 0


def coalition_names(session: Session) -> list[str]:
    """Return the names of all coalitions (for a filter), without their goal histories."""
    return list(session.scalars(select(Coalition.name)))


def _events_of(coalitions: Iterable[uuid.UUID] | Select[uuid.UUID]) -> Select[uuid.UUID]:
    """Return a subquery of the events any of ``coalitions`` (ids or a subquery) took part in."""
    return select(EventCoalition.event_id).where(EventCoalition.coalition_id.in_(coalitions))


def _rows(session: Session, where: list[ColumnElement[bool]], today: dt.date) -> list[AdoptionRow]:
    return read_rows(session, where, today)


def by_urgency(rows: list[AdoptionRow]) -> list[AdoptionRow]:
    """Return rows by check-in date, earliest first, those without one last."""
    return sorted(rows, key=lambda r: (r.check_in is None, r.check_in or dt.date.max, r.event_date))
