"""The few bulk reads the figures need, as plain tuples straight from the driver.

Plain SQL on the session's own DBAPI connection, on purpose: the rows come
back as the driver gives them (identifiers as stored, dates as ISO text on
SQLite) with none of the per-row and per-value work of ORM objects or
SQLAlchemy ``Row``\\ s, which on a history of 10,000 events would cost more
than all the arithmetic. Each query is a plain scan of one table (the one
join follows a primary key); joining the rest happens in Python with dicts,
which SQLite's nested-loop joins cannot beat on text keys. The SQL is
portable (no dialect functions, no parameters); enum columns hold their
string values.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from facilitator.followup.scan import Rows, scan

QUERIES = {
    "coalitions": "SELECT id, name FROM coalitions",
    "events": "SELECT id, date FROM events",
    "event_coalitions": "SELECT event_id, coalition_id FROM event_coalitions",
    # Each agreement with its adopter's team and name.
    "agreements": (
        "SELECT a.id, a.event_id, p.team, p.name, a.status "
        "FROM agreements a JOIN participants p ON p.id = a.adopter_id"
    ),
    "adoptions": "SELECT agreement_id, changed_at FROM status_changes WHERE to_status = 'adopted'",
    "agreement_patterns": "SELECT agreement_id, pattern_id FROM agreement_patterns",
    "patterns": "SELECT id, coalition_id, name, created_at FROM patterns",
    "event_patterns": "SELECT event_id, pattern_id FROM event_patterns",
    "failures": "SELECT event_id FROM outcomes WHERE kind = 'failure'",
    # Every condition: the fit check's answers name them, documented boundaries count some.
    "conditions": "SELECT id, pattern_id, kind, event_id, recorded_at FROM boundary_conditions",
    "fit_answers": "SELECT agreement_id, boundary_id, answer FROM fit_answers",
}


@dataclass(frozen=True)
class HistoryRows:
    """The raw rows of each query in :data:`QUERIES`, columns in the query's order."""

    coalitions: Rows
    events: Rows
    event_coalitions: Rows
    agreements: Rows
    adoptions: Rows
    agreement_patterns: Rows
    patterns: Rows
    event_patterns: Rows
    failures: Rows
    conditions: Rows
    fit_answers: Rows


def read_history(session: Session) -> HistoryRows:
    """Run every query inside the session's transaction: one consistent snapshot."""
    return HistoryRows(**scan(session, QUERIES, as_text=True))
