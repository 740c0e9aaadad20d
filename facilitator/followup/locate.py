"""Where a record is shown in an open event: which kind of panel, and which row.

Search results and follow-up pages name any record; an event screen shows
some of them inside another record's row (a support item inside its
agreement, a boundary under its pattern). This maps one onto the other.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from facilitator.domain import BoundaryCondition, StatusChange, SupportItem

#: Record kind → the agenda capture kind whose panel shows it.
CAPTURE_OF_KIND: dict[str, str] = {
    "top_goal": "top_goal",
    "participant": "participants",
    "outcome": "outcomes",
    "pattern": "patterns",
    "boundary": "boundaries",
    "agreement": "agreements",
    "support_item": "agreements",
    "status_change": "agreements",
}


@dataclass(frozen=True, slots=True)
class Place:
    """Where to show a record.

    Attributes:
        capture: The agenda capture kind whose panel shows it ("agreements").
        row_id: The id of the row to select there (the agreement of a
            support item, the pattern of a boundary), or None for the panel only.
    """

    capture: str
    row_id: uuid.UUID | None


def locate(session: Session, kind: str, record_id: uuid.UUID | None) -> Place | None:
    """Return where an event screen shows the record, or None for the event itself.

    Args:
        session: An open session.
        kind: A record kind as search results name them ("boundary", …).
        record_id: The record's id; None means the event as a whole.
    """
    capture = CAPTURE_OF_KIND.get(kind)
    if capture is None or record_id is None:
        return None
    parent_of = {
        "boundary": (BoundaryCondition, "pattern_id"),
        "support_item": (SupportItem, "agreement_id"),
        "status_change": (StatusChange, "agreement_id"),
    }
    if kind in parent_of:
        model, column = parent_of[kind]
        record = session.get(model, record_id)
        return Place(capture, getattr(record, column) if record is not None else None)
    return Place(capture, record_id)
