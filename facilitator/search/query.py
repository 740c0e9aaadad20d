"""Search every record: user text becomes a safe FTS5 query; hits come back in context.

Ordering: bm25 (``ORDER BY rank``) must score every match before it can
return the best, which for a common word on a large history means scoring
tens of thousands of rows. So a query is first counted up to
:data:`RANK_LIMIT` matches; at most that many are ranked by relevance, more
are listed newest first (``ORDER BY rowid``, which FTS5 serves straight from
its index without sorting, since documents are numbered newest first; see
``facilitator.storage.search_index``). Equally relevant records (a goal
carried from event to event) come newest first too, in that order ("newest"
is the most recently added; after a rebuild, the latest event date).

On a history of 200,000 records, ranking "team" (30,000 matches) took 80 ms
and "the*" 200 ms; newest first took 0.1 ms, and a whole search with its
snippets 8 ms (median). The index's prefix indexes (see
``facilitator.storage.search_index``) keep the as-you-type prefix of the last
word fast.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Collection
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.exc import DBAPIError

from facilitator.i18n import _
from facilitator.progress import Progress
from facilitator.search import query_pg
from facilitator.search.hits import SearchHit, parse_snippet
from facilitator.services.errors import ServiceError
from facilitator.storage.search_index import MATCH_END, MATCH_START, fold, rebuild

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

RANK_LIMIT = 1000
MAX_TERMS = 16
MAX_QUERY_CHARS = 1000
SNIPPET_TOKENS = 16

# Control characters, and the snippet marks (which the stored text never holds).
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{MATCH_START}{MATCH_END}]")
# A pattern opens in the latest event that presented it; so does a boundary
# whose own event was deleted. Looked up for all such hits in one query: as a
# correlated subquery per hit, PostgreSQL scanned every event for each one
# (80 ms for 17 pattern hits at 10,000 events).
_LATEST_EVENTS = (
    "SELECT pattern_id, event_id FROM (SELECT ep.pattern_id, ep.event_id, row_number() OVER "
    "(PARTITION BY ep.pattern_id ORDER BY e.date DESC, e.created_at DESC) AS n "
    "FROM event_patterns AS ep JOIN events AS e ON e.id = ep.event_id WHERE ep.pattern_id IN :ids) AS r "
    "WHERE n = 1"
)


def query_words(text: str) -> tuple[list[str], bool] | None:
    """Return the words a search looks for and whether the last is a prefix, or None.

    Control characters are dropped, letters of ``FOLDS`` folded, words with
    no letter or digit ignored, and at most :data:`MAX_TERMS` kept. The last
    word matches as a prefix, so results follow the typing, unless it has a
    single letter or digit (as a prefix it would match nearly every record,
    and slowly).
    """
    text = fold(_CONTROL.sub(" ", text[:MAX_QUERY_CHARS]))
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)][:MAX_TERMS]
    if not words:
        return None
    return words, sum(ch.isalnum() for ch in words[-1]) > 1


def match_expression(text: str) -> str | None:
    """Turn what a user typed into an FTS5 query, or None when nothing is searchable.

    Every word is quoted (so FTS5 syntax such as ``NEAR``, ``*``, ``:``, ``^``
    or parentheses is only text), all words must match, and the last one
    matches as a prefix (see :func:`query_words`).
    """
    found = query_words(text)
    if found is None:
        return None
    words, prefix = found
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if prefix:
        quoted[-1] += "*"
    return " AND ".join(quoted)


def search(session: Session | Connection, text: str, *, limit: int = 50) -> list[SearchHit]:
    """Return up to ``limit`` records matching ``text`` (see the module docstring for order).

    ``session`` is the window's session, or a plain connection
    (``Database.reading()``) for a command that need not load the ORM.

    Raises:
        ServiceError: the database has no usable search index (with the
            command that rebuilds it).
    """
    words = query_words(text)
    if words is None or limit < 1:
        return []
    connection = session if isinstance(session, Connection) else session.connection()
    try:
        if connection.dialect.name == "postgresql":
            found = query_pg.matches(connection, *words, limit=limit, rank_limit=RANK_LIMIT)
        else:
            found = _matches(connection, match_expression(text) or "", limit)
        docs = _documents(connection, [rowid for rowid, _snippet in found])
        events = _events(connection, {d[2] for d in docs.values() if d[2]})
        patterns = _pattern_coalitions(
            connection, {d[0] for d in docs.values() if d[1] == "pattern" and not d[2]}
        )
    except DBAPIError as exc:
        session.rollback()
        raise ServiceError(
            _("the search index cannot be read ({reason}); rebuild it with: {command}").format(
                reason=exc.orig, command="scale-across db reindex"
            )
        ) from None
    hits = []
    for rowid, snippet in found:
        if rowid not in docs:
            continue  # the index is behind its table; reindex repairs it
        record_id, kind, event_id = docs[rowid]
        outside_events = ("", None, patterns.get(record_id, ()))
        title, date, coalitions = outside_events if event_id is None else events.get(event_id, outside_events)
        hits.append(
            SearchHit(
                kind=kind,
                record_id=uuid.UUID(str(record_id)),
                event_id=uuid.UUID(str(event_id)) if event_id else None,
                event_title=title,
                event_date=date,
                coalitions=coalitions,
                snippet=parse_snippet(snippet),
            )
        )
    return hits


def _matches(connection: Connection, expression: str, limit: int) -> list[tuple[int, str]]:
    count = connection.exec_driver_sql(
        "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)",
        (expression, RANK_LIMIT + 1),
    ).scalar_one()
    if not count:
        return []
    # Either order is FTS5's own, so snippets are made only for the rows returned.
    order = "rank" if count <= RANK_LIMIT else "rowid"
    rows = connection.exec_driver_sql(
        f"SELECT rowid, snippet(search_index, 0, ?, ?, '…', {SNIPPET_TOKENS}) FROM search_index "
        f"WHERE search_index MATCH ? ORDER BY {order} LIMIT ?",
        (MATCH_START, MATCH_END, expression, limit),
    )
    return [(rowid, snippet or "") for rowid, snippet in rows]


def _rows(connection: Connection, sql: str, ids: Collection[object]) -> list[tuple[Any, ...]]:
    """Run ``sql`` with ``:ids`` bound to a list (any backend's placeholders)."""
    query = text(sql).bindparams(bindparam("ids", expanding=True))
    return [tuple(row) for row in connection.execute(query, {"ids": list(ids)})]


def _documents(connection: Connection, rowids: list[int]) -> dict[int, tuple[str, str, str | None]]:
    if not rowids:
        return {}
    rows = _rows(
        connection,
        "SELECT d.id, d.record_id, d.kind, d.event_id, CASE d.kind WHEN 'pattern' THEN d.record_id "
        "WHEN 'boundary' THEN (SELECT b.pattern_id FROM boundary_conditions AS b WHERE b.id = d.record_id) "
        "END FROM search_docs AS d WHERE d.id IN :ids",
        rowids,
    )
    outside = {pattern for _, _, _, event_id, pattern in rows if event_id is None and pattern is not None}
    latest = dict(_rows(connection, _LATEST_EVENTS, outside)) if outside else {}
    return {
        rowid: (record_id, kind, event_id if event_id is not None else latest.get(pattern))
        for rowid, record_id, kind, event_id, pattern in rows
    }


def _events(
    connection: Connection, event_ids: set[str]
) -> dict[str, tuple[str, dt.date | None, tuple[str, ...]]]:
    if not event_ids:
        return {}
    ids = tuple(event_ids)
    names: dict[str, list[str]] = {}
    for event_id, name in _rows(
        connection,
        "SELECT ec.event_id, c.name FROM event_coalitions AS ec "
        "JOIN coalitions AS c ON c.id = ec.coalition_id "
        "WHERE ec.event_id IN :ids ORDER BY ec.event_id, ec.position",
        ids,
    ):
        names.setdefault(event_id, []).append(name)
    rows = _rows(connection, "SELECT id, title, date FROM events WHERE id IN :ids", ids)
    return {
        event_id: (title or "", _date(date), tuple(names.get(event_id, ()))) for event_id, title, date in rows
    }


def _pattern_coalitions(connection: Connection, pattern_ids: set[str]) -> dict[str, tuple[str, ...]]:
    if not pattern_ids:
        return {}
    ids = tuple(pattern_ids)
    rows = _rows(
        connection,
        "SELECT p.id, c.name FROM patterns AS p JOIN coalitions AS c ON c.id = p.coalition_id "
        "WHERE p.id IN :ids",
        ids,
    )
    return {pattern_id: (name,) for pattern_id, name in rows}


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class _Transactional(Protocol):
    """A database that runs a block as one transaction (``facilitator.storage.Database``)."""

    def transaction(self) -> AbstractContextManager[Session]: ...


def reindex(target: _Transactional | Session, *, progress: Progress | None = None) -> int:
    """Reinstall the search triggers and rebuild the index; return how many records it holds.

    Args:
        target: A ``Database`` (rebuilt in a transaction of its own) or a
            ``Session`` (rebuilt in the caller's transaction).
        progress: Called with (records indexed, records in all) after each
            batch. A :class:`~facilitator.progress.Cancelled` it raises passes
            through, and with a ``Database`` the index is left as it was.
    """
    from sqlalchemy.orm import Session

    if isinstance(target, Session):
        return rebuild(target.connection(), progress=progress)
    with target.transaction() as session:
        return rebuild(session.connection(), progress=progress)
