"""Patterns, the outcomes they come from, and their context and boundaries."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from facilitator import numbers
from facilitator.domain import (
    AgreementPattern,
    BoundaryCondition,
    BoundaryKind,
    Coalition,
    EventPattern,
    Outcome,
    OutcomeKind,
    Pattern,
    PatternOutcome,
)
from facilitator.domain.base import new_id
from facilitator.i18n import N_, _, ngettext
from facilitator.services.common import (
    Cleaner,
    apply_fields,
    as_uuid,
    editable_event,
    enum_cleaner,
    get,
    text_cleaner,
)
from facilitator.services.errors import ServiceError
from facilitator.services.records import Listed, move_listed, move_to_index, remove_listed, renumber

BOUNDARIES = Listed(
    BoundaryCondition,
    holder=lambda b: b.pattern.boundaries,
    siblings=lambda b: b.pattern.conditions(b.kind),
)
"""Boundary conditions are listed in their pattern, one list per kind.

A pattern is shared by the events that discuss it, so no event's status
guards its boundaries.
"""

_FIELDS: dict[str, Cleaner] = {
    "kind": enum_cleaner(OutcomeKind, N_("Kind")),
    "name": text_cleaner(N_("Pattern name"), required=True, max_length=300),
    "summary": text_cleaner(N_("Summary")),
    "guidance": text_cleaner(N_("Guidance")),
}
_BOUNDARY_TEXT = text_cleaner(N_("Condition"), required=True, max_length=5000)


def create_pattern(
    session: Session,
    event_id: uuid.UUID | str,
    name: str,
    *,
    kind: OutcomeKind | str = OutcomeKind.SUCCESS,
    summary: str = "",
    guidance: str = "",
    coalition_id: uuid.UUID | str | None = None,
    outcome_ids: Iterable[uuid.UUID | str] = (),
    record_id: uuid.UUID | None = None,
) -> Pattern:
    """Record a new pattern at this event, owned by one of its coalitions.

    The owner defaults to the event's first coalition.
    """
    event = editable_event(session, event_id)
    coalition_ids = [link.coalition_id for link in event.coalition_links]
    owner = as_uuid(coalition_id) if coalition_id is not None else coalition_ids[0]
    if owner not in coalition_ids:
        raise ServiceError(_("a pattern belongs to one of the event's coalitions"))
    pattern = Pattern(id=record_id or new_id(), coalition_id=owner)
    apply_fields(pattern, {"kind": kind, "name": name, "summary": summary, "guidance": guidance}, _FIELDS)
    session.add(pattern)
    event.pattern_links.append(EventPattern(pattern=pattern, position=len(event.pattern_links)))
    session.flush()
    for outcome_id in outcome_ids:
        link_outcome(session, pattern.id, outcome_id)
    return pattern


def reuse_pattern(session: Session, event_id: uuid.UUID | str, pattern_id: uuid.UUID | str) -> Pattern:
    """Bring a pattern from an earlier event into this one."""
    event = editable_event(session, event_id)
    pattern = get(session, Pattern, pattern_id)
    if any(link.pattern_id == pattern.id for link in event.pattern_links):
        raise ServiceError(_("“{pattern}” is already part of this event").format(pattern=pattern.name))
    event.pattern_links.append(EventPattern(pattern=pattern, position=len(event.pattern_links)))
    session.flush()
    return pattern


def known_patterns(
    session: Session,
    coalition_ids: Iterable[uuid.UUID | str],
    *,
    exclude_event_id: uuid.UUID | str | None = None,
) -> list[Pattern]:
    """Return the coalitions' patterns, by name, except those already in an event."""
    ids = [as_uuid(i) for i in coalition_ids]
    query = (
        select(Pattern)
        .where(Pattern.coalition_id.in_(ids))
        .options(selectinload(Pattern.boundaries))
        .order_by(func.lower(Pattern.name))
    )
    patterns = list(session.scalars(query))
    if exclude_event_id is not None:
        taken = set(
            session.scalars(
                select(EventPattern.pattern_id).where(EventPattern.event_id == as_uuid(exclude_event_id))
            )
        )
        patterns = [p for p in patterns if p.id not in taken]
    return patterns


def update_pattern(session: Session, pattern_id: uuid.UUID | str, **changes: object) -> Pattern:
    """Change a pattern's name, kind, summary or guidance (it is shared by all its events)."""
    pattern = get(session, Pattern, pattern_id)
    apply_fields(pattern, changes, _FIELDS)
    return pattern


def remove_pattern_from_event(
    session: Session, event_id: uuid.UUID | str, pattern_id: uuid.UUID | str
) -> None:
    """Take a pattern out of an event; it is deleted if no event uses it any more.

    Raises:
        ServiceError: an agreement of this event adopts the pattern.
    """
    event = editable_event(session, event_id)
    pattern = get(session, Pattern, pattern_id)
    link = next((x for x in event.pattern_links if x.pattern_id == pattern.id), None)
    if link is None:
        raise ServiceError(_("“{pattern}” is not part of this event").format(pattern=pattern.name))
    adopting = [a for a in event.agreements if any(p.pattern_id == pattern.id for p in a.pattern_links)]
    if adopting:
        raise ServiceError(
            ngettext(
                "{count} agreement adopts “{pattern}”; remove it from that agreement first",
                "{count} agreements adopt “{pattern}”; remove it from them first",
                len(adopting),
            ).format(count=numbers.integer(len(adopting)), pattern=pattern.name)
        )
    event.pattern_links.remove(link)
    session.flush()
    renumber(event.pattern_links)
    still_used = session.scalar(
        select(func.count()).select_from(EventPattern).where(EventPattern.pattern_id == pattern.id)
    ) or session.scalar(
        select(func.count()).select_from(AgreementPattern).where(AgreementPattern.pattern_id == pattern.id)
    )
    if not still_used:
        session.delete(pattern)
        session.flush()


def move_pattern(
    session: Session, event_id: uuid.UUID | str, pattern_id: uuid.UUID | str, index: int
) -> None:
    """Move a pattern to ``index`` in the event's order of discussion."""
    event = editable_event(session, event_id)
    link = next((x for x in event.pattern_links if x.pattern_id == as_uuid(pattern_id)), None)
    if link is None:
        raise ServiceError(_("that pattern is not part of this event"))
    move_to_index(event.pattern_links, link, index)


def link_outcome(session: Session, pattern_id: uuid.UUID | str, outcome_id: uuid.UUID | str) -> None:
    """Note that a pattern was learnt from an outcome (idempotent)."""
    pattern = get(session, Pattern, pattern_id)
    outcome = get(session, Outcome, outcome_id)
    if any(link.outcome_id == outcome.id for link in pattern.outcome_links):
        return
    pattern.outcome_links.append(PatternOutcome(outcome=outcome))
    session.flush()


def unlink_outcome(session: Session, pattern_id: uuid.UUID | str, outcome_id: uuid.UUID | str) -> None:
    """Remove the link between a pattern and an outcome, if there is one."""
    pattern = get(session, Pattern, pattern_id)
    for link in list(pattern.outcome_links):
        if link.outcome_id == as_uuid(outcome_id):
            pattern.outcome_links.remove(link)
    session.flush()


def add_boundary(
    session: Session,
    pattern_id: uuid.UUID | str,
    kind: BoundaryKind | str,
    text: str,
    *,
    event_id: uuid.UUID | str | None = None,
    record_id: uuid.UUID | None = None,
) -> BoundaryCondition:
    """Add a condition to a pattern's "works when", "breaks when" or prerequisites."""
    pattern = get(session, Pattern, pattern_id)
    kind = enum_cleaner(BoundaryKind, N_("Boundary kind"))(kind)
    event = editable_event(session, event_id) if event_id is not None else None
    siblings = pattern.conditions(kind)
    condition = BoundaryCondition(
        id=record_id or new_id(),
        kind=kind,
        text=_BOUNDARY_TEXT(text),
        position=len(siblings),
        event_id=event.id if event is not None else None,
    )
    pattern.boundaries.append(condition)
    session.flush()
    return condition


def update_boundary(session: Session, boundary_id: uuid.UUID | str, text: str) -> BoundaryCondition:
    """Change the wording of a boundary condition."""
    condition = get(session, BoundaryCondition, boundary_id)
    condition.text = _BOUNDARY_TEXT(text)
    return condition


def remove_boundary(session: Session, boundary_id: uuid.UUID | str) -> None:
    """Remove a boundary condition and close the gap in its list."""
    remove_listed(session, BOUNDARIES, boundary_id)


def move_boundary(session: Session, boundary_id: uuid.UUID | str, index: int) -> None:
    """Move a condition to ``index`` within its own list (same kind)."""
    move_listed(session, BOUNDARIES, boundary_id, index)


def coalition_of(session: Session, pattern_id: uuid.UUID | str) -> Coalition:
    """Return the coalition that owns a pattern."""
    return get(session, Pattern, pattern_id).coalition
