"""Remove a record so that undo can bring it back exactly.

Removing a record also removes rows that hang off it (support items of an
agreement, links of an outcome) and clears references to it (a removed
participant is no longer a sponsor). ``remove_record`` captures all of that
before it removes, and ``restore_record`` puts every row and reference back,
with the same ids and in the same place in its list.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from facilitator.domain import (
    Agreement,
    Base,
    BoundaryCondition,
    EventPattern,
    Outcome,
    Participant,
    Pattern,
    SupportCapacity,
    SupportItem,
)
from facilitator.services import agreements, outcomes, participants, patterns
from facilitator.services.common import as_uuid, get, move_to_index
from facilitator.services.errors import ServiceError


@dataclass
class Removed:
    """Everything needed to undo one removal."""

    kind: type[Base]
    record_id: uuid.UUID
    index: int
    # Rows in insertion order: parents before the rows that refer to them.
    rows: list[tuple[type[Base], dict[str, Any]]] = field(default_factory=list)
    # References the removal set to NULL: (model, id, column, old value).
    cleared: list[tuple[type[Base], uuid.UUID, str, Any]] = field(default_factory=list)
    event_id: uuid.UUID | None = None


def _values(record: Base) -> dict[str, Any]:
    mapper = inspect(type(record))
    return {attr.key: getattr(record, attr.key) for attr in mapper.column_attrs}


def _rows(records) -> list[tuple[type[Base], dict[str, Any]]]:
    return [(type(r), _values(r)) for r in records]


def remove_record(
    session: Session, kind: type[Base], record_id: uuid.UUID | str, *, event_id=None
) -> Removed:
    """Remove a participant, outcome, boundary, agreement, support item, or
    (with ``event_id``) a pattern from an event; return what undo needs."""
    record_id = as_uuid(record_id)
    if kind is Participant:
        person = get(session, Participant, record_id)
        removed = Removed(kind, record_id, person.position, _rows([person]))
        removed.rows += _rows(
            session.scalars(select(SupportCapacity).where(SupportCapacity.participant_id == record_id))
        )
        for agreement in session.scalars(select(Agreement).where(Agreement.sponsor_id == record_id)):
            removed.cleared.append((Agreement, agreement.id, "sponsor_id", record_id))
        for item in session.scalars(select(SupportItem).where(SupportItem.owner_id == record_id)):
            removed.cleared.append((SupportItem, item.id, "owner_id", record_id))
        participants.remove_participant(session, record_id)
    elif kind is Outcome:
        outcome = get(session, Outcome, record_id)
        removed = Removed(kind, record_id, outcome.position, _rows([outcome]))
        removed.rows += _rows(outcome.pattern_links)
        outcomes.remove_outcome(session, record_id)
    elif kind is BoundaryCondition:
        condition = get(session, BoundaryCondition, record_id)
        removed = Removed(kind, record_id, condition.position, _rows([condition]))
        patterns.remove_boundary(session, record_id)
    elif kind is Agreement:
        agreement = get(session, Agreement, record_id)
        removed = Removed(kind, record_id, agreement.position, _rows([agreement]))
        removed.rows += _rows(agreement.pattern_links)
        removed.rows += _rows(agreement.support_items)
        removed.rows += _rows(agreement.status_history)
        agreements.remove_agreement(session, record_id)
    elif kind is SupportItem:
        item = get(session, SupportItem, record_id)
        removed = Removed(kind, record_id, item.position, _rows([item]))
        agreements.remove_support_item(session, record_id)
    elif kind is Pattern:
        if event_id is None:
            raise ServiceError("say which event the pattern is removed from")
        removed = _remove_pattern(session, as_uuid(event_id), record_id)
    else:
        raise ServiceError(f"{kind.__name__} records cannot be removed this way")
    session.flush()
    return removed


def _remove_pattern(session: Session, event_id: uuid.UUID, pattern_id: uuid.UUID) -> Removed:
    pattern = get(session, Pattern, pattern_id)
    link = session.scalars(
        select(EventPattern).where(
            EventPattern.event_id == event_id, EventPattern.pattern_id == pattern_id
        )
    ).first()
    if link is None:
        raise ServiceError(f"“{pattern.name}” is not part of this event")
    removed = Removed(Pattern, pattern_id, link.position, event_id=event_id)
    # The pattern row may be deleted too when no other event uses it; keep
    # it (and its boundaries and outcome links) so undo can recreate it.
    removed.rows = _rows([pattern]) + _rows(pattern.boundaries) + _rows(pattern.outcome_links)
    removed.rows.append((EventPattern, _values(link)))
    patterns.remove_pattern_from_event(session, event_id, pattern_id)
    return removed


def restore_record(session: Session, removed: Removed) -> None:
    """Put a removed record back, with its rows, references and list position."""
    for model, values in removed.rows:
        if session.get(model, values["id"]) is None:
            session.add(model(**values))
            session.flush()
    for model, record_id, column, value in removed.cleared:
        record = session.get(model, record_id)
        if record is not None:
            setattr(record, column, value)
    session.flush()
    session.expire_all()
    _put_back_in_place(session, removed)
    session.flush()


def _put_back_in_place(session: Session, removed: Removed) -> None:
    if removed.kind is Participant:
        record = get(session, Participant, removed.record_id)
        siblings = record.event.participants
    elif removed.kind is Outcome:
        record = get(session, Outcome, removed.record_id)
        siblings = record.event.outcomes
    elif removed.kind is BoundaryCondition:
        record = get(session, BoundaryCondition, removed.record_id)
        siblings = record.pattern.conditions(record.kind)
    elif removed.kind is Agreement:
        record = get(session, Agreement, removed.record_id)
        siblings = record.event.agreements
    elif removed.kind is SupportItem:
        record = get(session, SupportItem, removed.record_id)
        siblings = record.agreement.support_items
    else:
        record = session.scalars(
            select(EventPattern).where(
                EventPattern.event_id == removed.event_id,
                EventPattern.pattern_id == removed.record_id,
            )
        ).one()
        siblings = record.event.pattern_links
    move_to_index(siblings, record, removed.index)


__all__ = ["Removed", "remove_record", "restore_record"]
