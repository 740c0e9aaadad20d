"""Successes and failures the coalition shares."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from facilitator.domain import Outcome, OutcomeKind
from facilitator.domain.base import new_id
from facilitator.i18n import N_
from facilitator.services.common import Cleaner, editable_event, enum_cleaner, text_cleaner
from facilitator.services.records import Listed, append_record, move_listed, remove_listed, update_record

OUTCOMES = Listed(Outcome, holder=lambda o: o.event.outcomes, event_id=lambda o: o.event_id)
"""Outcomes are listed in their event."""

_FIELDS: dict[str, Cleaner] = {
    "kind": enum_cleaner(OutcomeKind, N_("Kind")),
    "title": text_cleaner(N_("Title"), required=True, max_length=500),
    "what_happened": text_cleaner(N_("What happened")),
    "evidence": text_cleaner(N_("Evidence")),
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
    values = {"kind": kind, "title": title, "what_happened": what_happened, "evidence": evidence}
    return append_record(session, event.outcomes, Outcome(id=record_id or new_id()), values, _FIELDS)


def update_outcome(session: Session, outcome_id: uuid.UUID | str, **changes: object) -> Outcome:
    """Change an outcome's kind, title, what happened or evidence."""
    return update_record(session, OUTCOMES, outcome_id, changes, _FIELDS)


def remove_outcome(session: Session, outcome_id: uuid.UUID | str) -> None:
    """Remove an outcome; patterns learnt from it stay, without the link."""
    remove_listed(session, OUTCOMES, outcome_id)


def move_outcome(session: Session, outcome_id: uuid.UUID | str, index: int) -> None:
    """Move an outcome to ``index`` in the event's list."""
    move_listed(session, OUTCOMES, outcome_id, index)
