"""The few bulk reads the figures need, as plain tuples straight from the driver.

Plain SQL on the session's own DBAPI connection, on purpose: the rows come
back as the driver gives them (identifiers as stored, dates as ISO text on
SQLite) with none of the per-row and per-value work of ORM objects or
SQLAlchemy ``Row``\\ s, which on a history of 10,000 events would cost more
than all the arithmetic. Each query is a plain scan of one table (its joins
follow a primary key); joining the rest happens in Python with dicts,
which SQLite's nested-loop joins cannot beat on text keys. The SQL is
portable (no dialect functions, no parameters); enum columns hold their
string values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from facilitator.figures.dates import Quarter
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
    # Every condition, with its event's date (NULL once the event is gone): the
    # fit check's answers name them, documented boundaries count some.
    "conditions": (
        "SELECT c.id, c.pattern_id, c.kind, c.event_id, c.recorded_at, e.date "
        "FROM boundary_conditions c LEFT JOIN events e ON e.id = c.event_id"
    ),
    "fit_answers": "SELECT agreement_id, boundary_id, answer FROM fit_answers",
}

LIVE = ("coalitions", "patterns")
"""The queries read whole at every look: names and owners as they are now."""


def quarter_queries(quarters: Iterable[int]) -> dict[str, str]:
    """Return :data:`QUERIES` narrowed to the rows of some quarters (the live ones whole).

    Events by their date; the rows that hang off an event or an agreement by
    it; conditions by the day they were stated, plus every condition an
    agreement of those quarters answered (its fit depends on the condition).
    The dates are literals made from quarter numbers: nothing from the user.
    """
    ranges = [(Quarter.from_index(i).first_day, Quarter.from_index(i + 1).first_day) for i in quarters]

    def within(column: str) -> str:
        return " OR ".join(f"({column} >= '{start}' AND {column} < '{end}')" for start, end in ranges)

    events = f"SELECT id FROM events WHERE {within('date')}"
    agreements = f"SELECT id FROM agreements WHERE event_id IN ({events})"
    narrowed = {
        "events": f"SELECT id, date FROM events WHERE {within('date')}",
        "event_coalitions": f"{QUERIES['event_coalitions']} WHERE event_id IN ({events})",
        "agreements": f"{QUERIES['agreements']} WHERE a.event_id IN ({events})",
        "adoptions": f"{QUERIES['adoptions']} AND agreement_id IN ({agreements})",
        "agreement_patterns": f"{QUERIES['agreement_patterns']} WHERE agreement_id IN ({agreements})",
        "event_patterns": f"{QUERIES['event_patterns']} WHERE event_id IN ({events})",
        "failures": f"{QUERIES['failures']} AND event_id IN ({events})",
        # Three indexed reads, not one OR that would scan every condition.
        "conditions": (
            f"{QUERIES['conditions']} WHERE c.event_id IN ({events}) UNION "
            f"{QUERIES['conditions']} WHERE c.event_id IS NULL AND ({within('c.recorded_at')}) UNION "
            f"{QUERIES['conditions']} WHERE c.id IN "
            f"(SELECT boundary_id FROM fit_answers WHERE agreement_id IN ({agreements}))"
        ),
        "fit_answers": f"{QUERIES['fit_answers']} WHERE agreement_id IN ({agreements})",
    }
    return {name: narrowed.get(name, sql) for name, sql in QUERIES.items()}


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


def read_history(connection: Connection, quarters: Iterable[int] | None = None) -> HistoryRows:
    """Run every query (or those of :func:`quarter_queries`) inside the connection's transaction."""
    queries = QUERIES if quarters is None else quarter_queries(quarters)
    return HistoryRows(**scan(connection, queries, as_text=True))


def read_live(connection: Connection) -> dict[str, Rows]:
    """Return the rows of :data:`LIVE` by name: what every look reads whole."""
    return scan(connection, {name: QUERIES[name] for name in LIVE}, as_text=True)
