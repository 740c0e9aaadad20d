"""Each quarter's facts kept in the database, worked out again only where a write changed something.

Triggers mark the day of every write to the history's rows as stale
(``facilitator.storage.figures_stale``), in the writing transaction, on every
write path. A look reads the marks, works out the facts of the quarters they
fall in from those quarters' rows alone, stores them and removes exactly the
marks it read: a mark set again meanwhile has a new number and stays for the
next look. So a look after one edit reads one quarter's rows, not the history.

A role that may only read still gets current figures: what it works out is
used and not stored. Facts that cannot be read (a database from a later
version, a damaged row) are worked out again from the whole history.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from facilitator.figures.dates import quarter_index
from facilitator.figures.facts import QuarterFacts
from facilitator.figures.queries import read_history
from facilitator.figures.tally import tally
from facilitator.followup.gc_pause import collector_paused
from facilitator.progress import Progress
from facilitator.storage.figures_stale import EVERYTHING, FACTS, STALE

if TYPE_CHECKING:
    from facilitator.storage import Database

# Any fixed number will do: it names "the figures' facts" among the app's advisory locks.
_LOCK = 5_170_711

# The last text read per quarter and what it holds: a look that finds the same
# text again (most quarters, most looks) does not parse it again.
_parsed: dict[int, tuple[str, QuarterFacts]] = {}
_parsed_lock = threading.Lock()


def current_facts(connection: Connection) -> dict[int, QuarterFacts]:
    """Return every quarter's facts as the connection's transaction sees the history.

    On a server, one look at a time works them out (an advisory lock held to
    the end of the transaction): two at once could each store what they read
    before the other's write. SQLite's transactions already take the write
    lock when they begin.
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK})")
    try:
        with connection.begin_nested():
            marks = [tuple(row) for row in connection.exec_driver_sql(f"SELECT day, mark FROM {STALE}")]
            kept = None if _everything(marks) else _read_kept(connection)
    except DBAPIError:
        # The tables are not there for this role (or this database): no keeping.
        return tally(read_history(connection))
    if kept is None:
        every = tally(read_history(connection))
        _store(connection, dict(every), marks, everything=True)
        return every
    quarters = {quarter_index(dt.date.fromisoformat(day)) for day, _ in marks}
    if not quarters:
        return kept
    fresh = tally(read_history(connection, quarters), quarters)
    changed = {quarter: fresh.get(quarter) for quarter in quarters}
    for quarter, worked_out in changed.items():
        if worked_out is None:
            kept.pop(quarter, None)
        else:
            kept[quarter] = worked_out
    _store(connection, changed, marks, everything=False)
    return kept


def work_out_if_all_stale(db: Database, progress: Progress | None = None) -> bool:
    """Work out and keep every quarter's facts now if all are stale; tell whether it did.

    After the update that brings the kept facts (or anything else that marks
    everything), the first look would read the whole history: at 10,000
    events about 0.4 s. The first start after an update does it here, on the
    pool, with the rest of the update, so that look is a quick one. A
    database this role may only read is left as it is.

    Raises:
        StorageError: As ``Database.transaction``.
    """
    if db.read_only:
        return False
    with db.transaction() as session:
        due = session.connection().exec_driver_sql(f"SELECT 1 FROM {STALE} WHERE day = '{EVERYTHING}'")
        if due.first() is None:
            return False
        if progress is not None:
            progress(0, 1)
        with collector_paused():
            current_facts(session.connection())
    if progress is not None:
        progress(1, 1)
    return True


def forget_parsed() -> None:
    """Drop the parsed facts kept in this process (benchmarks time the parsing with it)."""
    with _parsed_lock:
        _parsed.clear()


def _everything(marks: list[tuple[str, int]]) -> bool:
    for day, _ in marks:
        if day == EVERYTHING:
            return True
        try:
            dt.date.fromisoformat(day)
        except (TypeError, ValueError):
            return True  # a mark nobody can place: no quarter is sure to be current
    return False


def _read_kept(connection: Connection) -> dict[int, QuarterFacts] | None:
    """Return the stored facts by quarter, or None where any of them cannot be read."""
    rows = connection.exec_driver_sql(f"SELECT quarter, facts FROM {FACTS}").all()
    kept: dict[int, QuarterFacts] = {}
    with _parsed_lock:
        for quarter, stored in rows:
            known = _parsed.get(quarter)
            if known is not None and known[0] == stored:
                kept[quarter] = known[1]
                continue
            try:
                facts = QuarterFacts.from_text(stored)
            except ValueError:
                return None
            _parsed[quarter] = (stored, facts)
            kept[quarter] = facts
    return kept


def _store(
    connection: Connection,
    changed: dict[int, QuarterFacts | None],
    marks: list[tuple[str, int]],
    *,
    everything: bool,
) -> None:
    """Store what was worked out and remove the marks it answers, if this role may write."""
    stored = {quarter: facts.to_text() for quarter, facts in changed.items() if facts is not None}
    try:
        with connection.begin_nested():
            if everything:
                connection.execute(text(f"DELETE FROM {FACTS}"))
            else:
                for quarter in (q for q, facts in changed.items() if facts is None):
                    connection.execute(text(f"DELETE FROM {FACTS} WHERE quarter = :q"), {"q": quarter})
            if stored:
                connection.execute(
                    text(
                        f"INSERT INTO {FACTS} (quarter, facts) VALUES (:q, :facts) "
                        "ON CONFLICT (quarter) DO UPDATE SET facts = excluded.facts"
                    ),
                    [{"q": quarter, "facts": facts} for quarter, facts in stored.items()],
                )
            if marks:
                connection.execute(
                    text(f"DELETE FROM {STALE} WHERE day = :day AND mark = :mark"),
                    [{"day": day, "mark": mark} for day, mark in marks],
                )
    except DBAPIError:
        return  # a role that may only read: the next look works the same quarters out again
    with _parsed_lock:
        for quarter, facts_text in stored.items():
            facts = changed[quarter]
            assert facts is not None
            _parsed[quarter] = (facts_text, facts)
