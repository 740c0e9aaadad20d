"""Coalitions and the history of their TOP Goal."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from facilitator.domain import Coalition, Event, TopGoal
from facilitator.i18n import N_, _
from facilitator.services.common import clean_text, get
from facilitator.services.errors import ServiceError


@dataclass(frozen=True)
class GoalRecord:
    """The TOP Goal as stated at one event."""

    text: str
    event_id: uuid.UUID
    event_date: dt.date
    recorded_at: dt.datetime


def find_coalition(session: Session, name: str) -> Coalition | None:
    """Return the coalition with this name, ignoring case in every script, or None."""
    # Compared in Python: SQLite's lower() folds only ASCII, so "Łukasz" would never
    # match itself and every event would create the coalition anew.
    wanted = name.strip().casefold()
    return next((c for c in session.scalars(select(Coalition)) if c.name.casefold() == wanted), None)


def find_or_create_coalition(session: Session, name: str) -> Coalition:
    """Return the coalition with this name (case-insensitive), creating it if new."""
    name = clean_text(name, N_("Coalition name"), required=True, max_length=200)
    existing = find_coalition(session, name)
    if existing is not None:
        return existing
    coalition = Coalition(name=name)
    session.add(coalition)
    session.flush()
    return coalition


def list_coalitions(session: Session) -> list[Coalition]:
    """Return all coalitions by name, with their goals loaded."""
    query = select(Coalition).options(selectinload(Coalition.goals)).order_by(Coalition.name)
    return list(session.scalars(query))


def rename_coalition(session: Session, coalition_id: uuid.UUID | str, name: str) -> Coalition:
    """Rename a coalition; another coalition's name (ignoring case) is refused.

    Names identify coalitions when events are imported and when a new event
    names its coalitions, so two coalitions must never share one.
    """
    coalition = get(session, Coalition, coalition_id)
    name = clean_text(name, N_("Coalition name"), required=True, max_length=200)
    other = find_coalition(session, name)
    if other is not None and other.id != coalition.id:
        raise ServiceError(_("another coalition is already called “{name}”").format(name=other.name))
    coalition.name = name
    return coalition


def goal_history(session: Session, coalition_id: uuid.UUID | str) -> list[GoalRecord]:
    """Return the coalition's TOP Goals, oldest first, by event date."""
    coalition = get(session, Coalition, coalition_id)
    rows = session.execute(
        select(TopGoal, Event.date)
        .join(Event, Event.id == TopGoal.event_id)
        .where(TopGoal.coalition_id == coalition.id)
        .order_by(Event.date, TopGoal.recorded_at)
    ).all()
    return [GoalRecord(g.text, g.event_id, date, g.recorded_at) for g, date in rows]


def latest_goal(session: Session, coalition_id: uuid.UUID | str) -> str:
    """Return the goal from the coalition's most recent event, or ''."""
    history = goal_history(session, coalition_id)
    return history[-1].text if history else ""
