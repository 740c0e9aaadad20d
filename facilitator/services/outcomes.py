"""Successes and failures the coalition shares."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from facilitator.domain import Outcome, OutcomeKind
from facilitator.domain.base import new_id
from facilitator.services.common import (
    apply_fields,
    editable_event,
    enum_cleaner,
    get,
    move_to_index,
    renumber,
    text_cleaner,
)

_FIELDS = {
    "kind": enum_cleaner(OutcomeKind, "Kind"),
    "title": text_cleaner("Title", required=True, max_length=500),
    "what_happened": text_cleaner("What happened"),
    "evidence": text_cleaner("Evidence"),
}


def add_outcome(
    session: Session,
    event_id: uuid.UUID | str,
    kind: OutcomeKind | str,
    title: str,
    what_happened: str = "",
    evidence: str = "",
    *,
    record_id: uuid.UUID | None = None,
) -> Outcome:
    """Add a success or failure at the end of the event's outcomes."""
    event = editable_event(session, event_id)
    outcome = Outcome(id=record_id or new_id(), position=len(event.outcomes))
    apply_fields(
        outcome,
        {"kind": kind, "title": title, "what_happened": what_happened, "evidence": evidence},
        _FIELDS,
    )
    event.outcomes.append(outcome)
    session.flush()
    return outcome


def update_outcome(session: Session, outcome_id: uuid.UUID | str, **changes) -> Outcome:
    """Change an outcome's kind, title, what happened or evidence."""
    outcome = get(session, Outcome, outcome_id)
    editable_event(session, outcome.event_id)
    apply_fields(outcome, changes, _FIELDS)
    return outcome


def remove_outcome(session: Session, outcome_id: uuid.UUID | str) -> None:
    """Remove an outcome; patterns learnt from it stay, without the link."""
    outcome = get(session, Outcome, outcome_id)
    event = editable_event(session, outcome.event_id)
    event.outcomes.remove(outcome)
    session.flush()
    renumber(event.outcomes)


def move_outcome(session: Session, outcome_id: uuid.UUID | str, index: int) -> None:
    """Move an outcome to ``index`` in the event's list."""
    outcome = get(session, Outcome, outcome_id)
    event = editable_event(session, outcome.event_id)
    move_to_index(event.outcomes, outcome, index)
