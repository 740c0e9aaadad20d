"""A cheap fingerprint of everything an event shows, to notice changes made elsewhere.

On a shared database another facilitator's window may change the open
event. Reading the whole event every few seconds would cost more than the
room can spare, so a window polls :func:`event_stamp` instead: one query
that counts the event's records and sums their versions (every UPDATE raises
a record's version, every INSERT or DELETE changes the count), with the
latest change time. A different stamp means: load the event again.
"""

from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlalchemy.orm import Session

__all__ = ["event_stamp"]

_OWN = (
    "event_coalitions",
    "outcomes",
    "participants",
    "step_times",
    "top_goals",
    "agreements",
    "boundary_conditions",
    "event_patterns",
    "support_capacities",
)
_OF_AGREEMENTS = ("agreement_patterns", "fit_answers", "risk_acceptances", "status_changes", "support_items")

_PARTS = [
    "SELECT version, stored_at FROM events WHERE id = :e",
    *(f"SELECT version, stored_at FROM {t} WHERE event_id = :e" for t in _OWN),
    *(
        f"SELECT x.version, x.stored_at FROM {t} AS x JOIN agreements AS a ON a.id = x.agreement_id "
        "WHERE a.event_id = :e"
        for t in _OF_AGREEMENTS
    ),
    "SELECT p.version, p.stored_at FROM patterns AS p JOIN event_patterns AS ep ON ep.pattern_id = p.id "
    "WHERE ep.event_id = :e",
    "SELECT po.version, po.stored_at FROM pattern_outcomes AS po JOIN outcomes AS o ON o.id = po.outcome_id "
    "WHERE o.event_id = :e",
]
_STAMP = text(
    f"SELECT count(*), coalesce(sum(version), 0), max(stored_at) FROM ({' UNION ALL '.join(_PARTS)}) AS r"
)


def event_stamp(session: Session, event_id: uuid.UUID) -> tuple[object, ...]:
    """Return (records, sum of versions, latest change) of the event; equal stamps, same content."""
    row = session.execute(_STAMP, {"e": event_id}).one()
    return tuple(row)
