"""Remove a record so that undo can bring it back exactly.

Removing a record also removes rows that hang off it (support items of an
agreement, links of an outcome) and clears references to it (a removed
participant is no longer a sponsor). ``remove_record`` captures all of that
before it removes, and ``restore_record`` puts every row and reference back,
with the same ids and in the same place in its list.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from facilitator.domain import (
    Agreement,
    Base,
    BoundaryCondition,
    EventPattern,
    FitAnswer,
    Outcome,
    Participant,
    Pattern,
    RiskAcceptance,
    SupportCapacity,
    SupportItem,
)
from facilitator.i18n import _
from facilitator.services import agreements, outcomes, participants, patterns
from facilitator.services.common import as_uuid, get
from facilitator.services.errors import ServiceError
from facilitator.services.records import Listed, Positioned, move_to_index

Row = tuple[type[Base], dict[str, Any]]
"""A removed row: its ORM class and its column values by attribute name."""

Cleared = tuple[type[Base], uuid.UUID, str, Any]
"""A reference the removal set to NULL: (model, id, column, old value)."""

# The kinds remove_record takes (besides patterns, which are linked to events
# rather than listed in them), each with the list it goes back into.
_LISTED: dict[type[Base], Listed[Any]] = {
    Participant: participants.PARTICIPANTS,
    Outcome: outcomes.OUTCOMES,
    BoundaryCondition: patterns.BOUNDARIES,
    Agreement: agreements.AGREEMENTS,
    SupportItem: agreements.SUPPORT_ITEMS,
}
_REMOVE: dict[type[Base], Callable[[Session, uuid.UUID], None]] = {
    Participant: participants.remove_participant,
    Outcome: outcomes.remove_outcome,
    BoundaryCondition: patterns.remove_boundary,
    Agreement: agreements.remove_agreement,
    SupportItem: agreements.remove_support_item,
}


@dataclass
class Removed:
    """Everything needed to undo one removal."""

    kind: type[Base]
    record_id: uuid.UUID
    index: int
    # Rows in insertion order: parents before the rows that refer to them.
    rows: list[Row] = field(default_factory=list)
    cleared: list[Cleared] = field(default_factory=list)
    event_id: uuid.UUID | None = None


def _values(record: Base) -> dict[str, Any]:
    mapper = inspect(type(record))
    return {attr.key: getattr(record, attr.key) for attr in mapper.column_attrs}


def _rows(records: Iterable[Base]) -> list[Row]:
    return [(type(r), _values(r)) for r in records]


def remove_record(
    session: Session,
    kind: type[Base],
    record_id: uuid.UUID | str,
    *,
    event_id: uuid.UUID | str | None = None,
) -> Removed:
    """Remove a participant, outcome, boundary, agreement, support item, or
    (with ``event_id``) a pattern from an event; return what undo needs.

    Raises:
        NotFoundError: there is no such record.
        ServiceError: the record cannot be removed (the service says why), or
            a pattern is removed without saying from which event.
    """
    record_id = as_uuid(record_id)
    if kind is Pattern:
        if event_id is None:
            raise ServiceError(_("say which event the pattern is removed from"))
        removed = _remove_pattern(session, as_uuid(event_id), record_id)
    elif kind in _LISTED:
        record = get(session, _LISTED[kind].model, record_id)
        removed = Removed(kind, record_id, record.position, _rows([record]) + _dependents(session, record))
        if isinstance(record, Participant):
            removed.cleared = _references_to(session, record_id)
        _REMOVE[kind](session, record_id)
    else:
        raise ServiceError(f"{kind.__name__} records cannot be removed this way")
    session.flush()
    return removed


def _dependents(session: Session, record: Base) -> list[Row]:
    """Return the rows removed with ``record`` (its removal cascades to them)."""
    if isinstance(record, Participant):
        return _rows(
            session.scalars(select(SupportCapacity).where(SupportCapacity.participant_id == record.id))
        )
    if isinstance(record, Outcome):
        return _rows(record.pattern_links)
    if isinstance(record, Agreement):
        acceptance = [record.risk_acceptance] if record.risk_acceptance is not None else []
        return (
            _rows(record.pattern_links)
            + _rows(record.support_items)
            + _rows(record.status_history)
            + _rows(record.fit_answers)
            + _rows(acceptance)
        )
    if isinstance(record, BoundaryCondition):
        # The answers given to a condition go with it (the database cascades).
        return _rows(session.scalars(select(FitAnswer).where(FitAnswer.boundary_id == record.id)))
    return []


def _references_to(session: Session, participant_id: uuid.UUID) -> list[Cleared]:
    """Return the references to a participant its removal sets to NULL."""
    cleared: list[Cleared] = []
    for agreement in session.scalars(select(Agreement).where(Agreement.sponsor_id == participant_id)):
        cleared.append((Agreement, agreement.id, "sponsor_id", participant_id))
    for item in session.scalars(select(SupportItem).where(SupportItem.owner_id == participant_id)):
        cleared.append((SupportItem, item.id, "owner_id", participant_id))
    for answer in session.scalars(select(FitAnswer).where(FitAnswer.owner_id == participant_id)):
        cleared.append((FitAnswer, answer.id, "owner_id", participant_id))
    accepted = select(RiskAcceptance).where(RiskAcceptance.accepted_by_id == participant_id)
    for acceptance in session.scalars(accepted):
        cleared.append((RiskAcceptance, acceptance.id, "accepted_by_id", participant_id))
    return cleared


def _remove_pattern(session: Session, event_id: uuid.UUID, pattern_id: uuid.UUID) -> Removed:
    pattern = get(session, Pattern, pattern_id)
    link = _event_link(session, event_id, pattern_id)
    if link is None:
        raise ServiceError(_("“{pattern}” is not part of this event").format(pattern=pattern.name))
    removed = Removed(Pattern, pattern_id, link.position, event_id=event_id)
    # The pattern row may be deleted too when no other event uses it; keep
    # it (and its boundaries and outcome links) so undo can recreate it.
    removed.rows = _rows([pattern]) + _rows(pattern.boundaries) + _rows(pattern.outcome_links)
    removed.rows.append((EventPattern, _values(link)))
    patterns.remove_pattern_from_event(session, event_id, pattern_id)
    return removed


def _event_link(session: Session, event_id: uuid.UUID, pattern_id: uuid.UUID) -> EventPattern | None:
    return session.scalars(
        select(EventPattern).where(EventPattern.event_id == event_id, EventPattern.pattern_id == pattern_id)
    ).first()


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
    record: Positioned
    if removed.kind in _LISTED:
        kind = _LISTED[removed.kind]
        record = get(session, kind.model, removed.record_id)
        siblings = kind.ordered_among(record)
    else:
        link = session.scalars(
            select(EventPattern).where(
                EventPattern.event_id == removed.event_id,
                EventPattern.pattern_id == removed.record_id,
            )
        ).one()
        record, siblings = link, link.event.pattern_links
    move_to_index(siblings, record, removed.index)


__all__ = ["Removed", "remove_record", "restore_record"]
