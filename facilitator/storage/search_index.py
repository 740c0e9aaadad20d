"""The search index's tables and triggers: the one place their SQL is written.

``search_docs`` holds one row per searchable record (its id, kind, event and
the text to search); ``search_index`` is an FTS5 table over it with external
content. Triggers on every source table keep ``search_docs`` in step, and
triggers on ``search_docs`` keep the FTS5 index in step, so every write path
(services, undo/restore, event-file import, foreign-key cascades, raw SQL)
updates the index in the same transaction.

Accents fold twice: ``unicode61 remove_diacritics 2`` folds letters that
decompose (ë, é, ç), and :data:`FOLDS` spells out the letters it keeps
(ł, ø, ß, æ …), applied with ``replace()`` to the text handed to FTS5 and, by
:func:`fold`, to the user's query. The stored ``search_docs.body`` stays as
typed, so snippets show the real text; every mapping is letter to letters, so
token positions agree between the two. Because the index holds folded text,
FTS5's own ``'rebuild'`` command must never be used: :func:`rebuild` refills it.

Caution for later migrations: Alembic batch mode recreates a table (copy,
drop, rename), which drops the triggers on it. A migration that batch-alters
any table in :data:`SOURCES` must call :func:`install` afterwards (and
:func:`rebuild` if rows changed meanwhile).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Connection

from facilitator.folding import PLAIN_LETTERS, plain_letters
from facilitator.progress import Progress, report

__all__ = [
    "FOLDS",
    "REBUILD_BATCH",
    "SOURCES",
    "fold",
    "install",
    "is_search_table",
    "rebuild",
    "uninstall",
]

# Letters unicode61 leaves alone even with remove_diacritics 2.
FOLDS = PLAIN_LETTERS

# Private-use characters that mark matches in snippets; removed from the
# stored text so that a user's own text can never fake a match mark.
MATCH_START = "\ue000"
MATCH_END = "\ue001"

TABLES = ("search_docs", "search_index")


@dataclass(frozen=True)
class Source:
    """A table whose records are searchable.

    ``event`` is an SQL expression over the row alias ``{row}`` giving the
    record's event id (or NULL).
    """

    table: str
    kind: str
    fields: tuple[str, ...]
    event: str
    # SQL over ``{row}``: when a record without an event happened (rebuild order).
    undated: str = "NULL"

    def watched(self) -> tuple[str, ...]:
        """Return the columns whose change must update the record's document."""
        links = [c for c in ("event_id", "agreement_id") if f"{{row}}.{c}" in self.event]
        return self.fields + tuple(links)


_AGREEMENT_EVENT = "(SELECT a.event_id FROM agreements AS a WHERE a.id = {row}.agreement_id)"
_FIRST_PRESENTED = (
    "(SELECT min(e.date) FROM event_patterns AS ep JOIN events AS e ON e.id = ep.event_id "
    "WHERE ep.pattern_id = {row}.id)"
)

SOURCES = (
    Source("events", "event", ("title", "facilitator"), "{row}.id"),
    Source("top_goals", "top_goal", ("text",), "{row}.event_id"),
    Source("participants", "participant", ("name", "team"), "{row}.event_id"),
    Source("outcomes", "outcome", ("title", "what_happened", "evidence"), "{row}.event_id"),
    Source("patterns", "pattern", ("name", "summary", "guidance"), "NULL", _FIRST_PRESENTED),
    Source("boundary_conditions", "boundary", ("text",), "{row}.event_id"),
    Source("agreements", "agreement", ("limits", "notes", "status_reason"), "{row}.event_id"),
    Source("support_items", "support_item", ("description", "limits"), _AGREEMENT_EVENT),
    Source("status_changes", "status_change", ("note",), _AGREEMENT_EVENT),
)


def fold(text: str) -> str:
    """Return ``text`` with the letters of :data:`FOLDS` replaced, as the index stores it."""
    return plain_letters(text)


def is_search_table(name: str | None) -> bool:
    """Tell whether a table belongs to the search index (itself or an FTS5 shadow table).

    Schema comparisons with the ORM models skip these: the index is not a model.
    """
    return name is not None and any(name == t or name.startswith(f"{t}_") for t in TABLES)


def _fold_sql(expr: str) -> str:
    for letter, plain in FOLDS.items():
        expr = f"replace({expr}, '{letter}', '{plain}')"
    return expr


def _body_sql(source: Source, row: str) -> str:
    joined = " || char(10) || ".join(f"coalesce({row}.{f}, '')" for f in source.fields)
    cleaned = f"replace(replace({joined}, '{MATCH_START}', ''), '{MATCH_END}', '')"
    return f"trim({cleaned}, char(10))"


# Documents are numbered newest first (a new one gets the lowest id yet), so
# FTS5's natural rowid order lists the newest records first, and records that
# rank equally come newest first too.
_NEXT_ID = "(SELECT coalesce(min(id), 1) - 1 FROM search_docs)"


def _upsert_sql(source: Source) -> str:
    return (
        "INSERT INTO search_docs (id, record_id, kind, event_id, body) VALUES "
        f"({_NEXT_ID}, NEW.id, '{source.kind}', {source.event.format(row='NEW')}, "
        f"{_body_sql(source, 'NEW')}) "
        "ON CONFLICT (record_id) DO UPDATE SET kind = excluded.kind, "
        "event_id = excluded.event_id, body = excluded.body;"
    )


def _source_triggers(source: Source) -> list[str]:
    name, table = f"search_{source.table}", source.table
    upsert = _upsert_sql(source)
    columns = ", ".join(source.watched())
    return [
        f"CREATE TRIGGER IF NOT EXISTS {name}_ai AFTER INSERT ON {table} BEGIN {upsert} END",
        (f"CREATE TRIGGER IF NOT EXISTS {name}_au AFTER UPDATE OF {columns} ON {table} BEGIN {upsert} END"),
        (
            f"CREATE TRIGGER IF NOT EXISTS {name}_ad AFTER DELETE ON {table} "
            "BEGIN DELETE FROM search_docs WHERE record_id = OLD.id; END"
        ),
    ]


_DOCS_TABLE = (
    "CREATE TABLE IF NOT EXISTS search_docs ("
    "id INTEGER PRIMARY KEY, record_id CHAR(32) NOT NULL UNIQUE, kind VARCHAR(32) NOT NULL, "
    "event_id CHAR(32), body TEXT NOT NULL)"
)
# Prefix indexes keep as-you-type queries ("te*", "the*") fast on a big history.
_INDEX_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
    "body, content='search_docs', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
)


def _statements() -> list[str]:
    add = f"INSERT INTO search_index (rowid, body) VALUES (NEW.id, {_fold_sql('NEW.body')});"
    drop = (
        "INSERT INTO search_index (search_index, rowid, body) "
        f"VALUES ('delete', OLD.id, {_fold_sql('OLD.body')});"
    )
    statements = [
        _DOCS_TABLE,
        _INDEX_TABLE,
        f"CREATE TRIGGER IF NOT EXISTS search_docs_ai AFTER INSERT ON search_docs BEGIN {add} END",
        f"CREATE TRIGGER IF NOT EXISTS search_docs_ad AFTER DELETE ON search_docs BEGIN {drop} END",
        # An upsert that only moves a record to another event leaves the index alone.
        (
            "CREATE TRIGGER IF NOT EXISTS search_docs_au AFTER UPDATE OF body ON search_docs "
            f"WHEN OLD.body IS NOT NEW.body BEGIN {drop} {add} END"
        ),
    ]
    for source in SOURCES:
        statements += _source_triggers(source)
    return statements


def install(connection: Connection) -> None:
    """Create the search tables and triggers that are missing (idempotent).

    On PostgreSQL the index is a tsvector (``search_index_pg``); on other
    databases this does nothing.
    """
    if connection.dialect.name == "postgresql":
        from facilitator.storage import search_index_pg

        search_index_pg.install(connection)
    if connection.dialect.name != "sqlite":
        return
    for statement in _statements():
        connection.exec_driver_sql(statement)


def uninstall(connection: Connection) -> None:
    """Drop every search table and trigger (the downgrade, and the start of a rebuild)."""
    if connection.dialect.name == "postgresql":
        from facilitator.storage import search_index_pg

        search_index_pg.uninstall(connection)
    if connection.dialect.name != "sqlite":
        return
    rows = (
        connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'"
        )
        .scalars()
        .all()
    )
    for name in rows:
        connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    connection.exec_driver_sql("DROP TABLE IF EXISTS search_index")
    connection.exec_driver_sql("DROP TABLE IF EXISTS search_docs")


# Documents indexed per progress report: a report per row would cost more than the work.
REBUILD_BATCH = 2000


def rebuild(connection: Connection, *, progress: Progress | None = None) -> int:
    """Rebuild the index from the source tables; return the number of documents.

    Everything is dropped and made again, so a damaged or wiped index is
    repaired too. Documents are numbered from the newest record (by its
    event's date) to the oldest, as the triggers number them.

    Args:
        connection: The connection whose transaction holds the whole rebuild.
        progress: Called with (documents indexed, documents in all) after each
            batch of :data:`REBUILD_BATCH`, from (0, total) on. A :class:`Cancelled`
            it raises passes through; the caller's transaction rolling back
            leaves the index as it was.
    """
    if connection.dialect.name == "postgresql":
        from facilitator.storage import search_index_pg

        return search_index_pg.rebuild(connection, progress=progress, batch=REBUILD_BATCH)
    if connection.dialect.name != "sqlite":
        return 0
    uninstall(connection)
    install(connection)
    # Fill with the index's own trigger out of the way, then index in batches.
    connection.exec_driver_sql("DROP TRIGGER search_docs_ai")
    selects = " UNION ALL ".join(
        f"SELECT src.id AS record_id, '{s.kind}' AS kind, {s.event.format(row='src')} AS event_id, "
        f"{_body_sql(s, 'src')} AS body, {s.undated.format(row='src')} AS undated "
        f"FROM {s.table} AS src"
        for s in SOURCES
    )
    connection.exec_driver_sql(
        "INSERT INTO search_docs (record_id, kind, event_id, body) "
        f"SELECT d.record_id, d.kind, d.event_id, d.body FROM ({selects}) AS d "
        "LEFT JOIN events AS e ON e.id = d.event_id "
        "ORDER BY coalesce(e.date, d.undated) DESC, e.created_at DESC, d.kind"
    )
    count: int = connection.exec_driver_sql("SELECT count(*) FROM search_docs").scalar_one()
    # The table was made empty just above, so its rows are numbered 1 to count.
    fill = f"INSERT INTO search_index (rowid, body) SELECT id, {_fold_sql('body')} FROM search_docs "
    report(progress, 0, count)
    for first in range(1, count + 1, REBUILD_BATCH):
        last = min(first + REBUILD_BATCH - 1, count)
        connection.exec_driver_sql(fill + "WHERE id BETWEEN ? AND ?", (first, last))
        if last < count:
            report(progress, last, count)
    # One merged b-tree instead of the many a bulk load leaves: faster queries.
    connection.exec_driver_sql("INSERT INTO search_index (search_index) VALUES ('optimize')")
    install(connection)
    # The last batch is reported only now, so "all done" means the index is ready to commit.
    if count:
        report(progress, count, count)
    return count
