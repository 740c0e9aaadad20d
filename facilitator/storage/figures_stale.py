"""The days whose figures a write changed, and the table the figures are kept in by quarter.

``figures_stale`` holds one row per day whose rows changed since the
figures of its quarter were last computed: ``day`` is the ISO date
('YYYY-MM-DD'), or :data:`EVERYTHING` ('*') when every quarter must be
computed again (a new database, a TRUNCATE, a migration). Triggers write it
on every write path (services, undo, event-file import, cascades, raw SQL,
another facilitator on a shared server), in the writing transaction, so a
mark commits exactly when the write does.

Marking a day inserts ``(day, 1)`` or adds one to the row's ``mark``. The
reader deletes only the marks it read (``WHERE day = :d AND mark = :m``):
a write that marks the day again meanwhile changes ``mark``, so its row
survives and the quarter is computed again next time. On PostgreSQL a
transaction adds one once per day however many of its rows mark it; on
SQLite once per row.

A day is the date of the event a row belongs to, through its links (an
agreement's status change: the agreement's event). A row whose event is gone
marks nothing: the event's own delete marked that date. ``patterns`` and
``coalitions`` have no triggers: the figures read them whole, and deleting
one cascades into tables that do.

On PostgreSQL the row triggers are deferred to the commit, as the history
token's are, and the first of them in a transaction takes the token's row
lock before marking anything: two facilitators' commits then queue on that
one row and never deadlock over days they mark in different orders.
(Deferred triggers of one row fire in the order of their names, so ours,
"figures_…", would otherwise run before "history_token_…".)

``figures_quarters`` holds the computed facts, one row per quarter; the
figures' own code fills it. It has no triggers.

Caution for later migrations, as for the search index and the history
token: Alembic batch mode recreates a table and drops its triggers; call
:func:`install` afterwards (it marks everything, which such a change needs).
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from facilitator.storage import history_token

STALE = "figures_stale"
FACTS = "figures_quarters"
EVERYTHING = "*"

_PREFIX = "figures_stale"
_EVERYTHING_FUNCTION = f"{_PREFIX}_everything"
_TOKEN_LOCKED = f"{_PREFIX}.token_locked"

# Where a row's days come from. ``{row}`` is NEW or OLD; ``{e_day}`` is the
# ISO text of ``e.date`` (an event), ``{row_day}`` of ``{row}.date`` and
# ``{recorded_day}`` of ``{row}.recorded_at`` in the backend's SQL.
_OWN_DATE = "SELECT {row_day} AS day"
_BY_EVENT = "SELECT {e_day} AS day FROM events e WHERE e.id = {row}.event_id"
_BY_AGREEMENT = (
    "SELECT {e_day} AS day FROM agreements a JOIN events e ON e.id = a.event_id "
    "WHERE a.id = {row}.agreement_id"
)
_BY_ADOPTER = (
    "SELECT {e_day} AS day FROM agreements a JOIN events e ON e.id = a.event_id WHERE a.adopter_id = {row}.id"
)
# A condition's own day: its event's date, or the day it was recorded once the event is gone.
_CONDITION_DAY = (
    "SELECT coalesce((SELECT {e_day} FROM events e WHERE e.id = {row}.event_id), {recorded_day}) AS day"
)
# A condition's kind or pattern decides the fit of every agreement that answered it.
_ANSWERED_BY = (
    "SELECT {e_day} AS day FROM fit_answers f JOIN agreements a ON a.id = f.agreement_id "
    "JOIN events e ON e.id = a.event_id WHERE f.boundary_id = {row}.id"
)

_BOTH = ("OLD", "NEW")
_ROWS = {"INSERT": ("NEW",), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD",)}
"""The row images each kind of write has."""

SOURCES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "events": ((_OWN_DATE, _BOTH),),
    "event_coalitions": ((_BY_EVENT, _BOTH),),
    "event_patterns": ((_BY_EVENT, _BOTH),),
    "outcomes": ((_BY_EVENT, _BOTH),),
    "agreements": ((_BY_EVENT, _BOTH),),
    # A new participant adopts nothing yet (harmless: its agreements' own triggers mark them too).
    "participants": ((_BY_ADOPTER, _BOTH),),
    "status_changes": ((_BY_AGREEMENT, _BOTH),),
    "agreement_patterns": ((_BY_AGREEMENT, _BOTH),),
    "fit_answers": ((_BY_AGREEMENT, _BOTH),),
    "boundary_conditions": ((_CONDITION_DAY, _BOTH), (_ANSWERED_BY, ("OLD",))),
}
"""Each watched table's day queries, with the row images (OLD, NEW) each is asked of."""

_OPERATIONS = (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE"))

# PostgreSQL: this row version was not written by this transaction (inside a
# savepoint it may have been: then it is merely written again). A frozen row
# keeps its raw xmin, which one transaction in 2**32 shares: that one leaves
# the day's mark as it is, harmless unless a reader is in the middle of it.
_NOT_OURS = "xmin <> pg_current_xact_id()::xid"


def install(connection: Connection) -> None:
    """Create both tables if missing, mark everything stale and (re)create every trigger."""
    connection.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {STALE} (day VARCHAR(10) PRIMARY KEY, mark INTEGER NOT NULL)"
    )
    connection.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {FACTS} (quarter INTEGER PRIMARY KEY, facts TEXT NOT NULL)"
    )
    for statement in _pg_statements() if _is_pg(connection) else _sqlite_statements():
        connection.exec_driver_sql(statement)
    mark_everything(connection)


def uninstall(connection: Connection) -> None:
    """Drop the triggers, the functions (PostgreSQL) and both tables."""
    pg = _is_pg(connection)
    for table in SOURCES:
        if pg:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_PREFIX}_{table} ON {table}")
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_PREFIX}_{table}_truncate ON {table}")
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {_PREFIX}_{table}() CASCADE")
        else:
            for suffix, _ in _OPERATIONS:
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_PREFIX}_{table}_{suffix}")
    if pg:
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {_EVERYTHING_FUNCTION}() CASCADE")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {STALE}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FACTS}")


def mark_everything(connection: Connection) -> None:
    """Mark every quarter stale (a new database, or a reader that finds its kept facts unusable)."""
    connection.exec_driver_sql(_MARK_EVERYTHING)


def _is_pg(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def _upsert(days: str, *, once: bool = False) -> str:
    """Return the statement that marks each day ``days`` selects (NULLs and repeats skipped).

    ``once`` (PostgreSQL) leaves a day this transaction has marked already: its
    mark has changed, and adding one again for every row of an import would
    leave as many row versions behind, each slower to reach than the last.
    """
    # The WHERE also settles SQLite's parsing of "SELECT … ON CONFLICT" (a join's ON?).
    statement = (
        f"INSERT INTO {STALE} (day, mark) SELECT DISTINCT day, 1 FROM ({days}) AS days "
        f"WHERE day IS NOT NULL ON CONFLICT (day) DO UPDATE SET mark = {STALE}.mark + 1"
    )
    return statement + f" WHERE {STALE}.{_NOT_OURS}" if once else statement


_MARK_EVERYTHING = _upsert(f"SELECT '{EVERYTHING}' AS day")


def _mark(table: str, operation: str, pg: bool) -> str | None:
    """Return the statement that marks the days of one row write, or None when it marks none."""

    def day_of(date: str) -> str:
        return f"to_char({date}, 'YYYY-MM-DD')" if pg else date

    queries = [
        query.format(
            row=row,
            e_day=day_of("e.date"),
            row_day=day_of(f"{row}.date"),
            recorded_day=day_of(f"{row}.recorded_at") if pg else f"substr({row}.recorded_at, 1, 10)",
        )
        for query, rows in SOURCES[table]
        for row in _ROWS[operation]
        if row in rows
    ]
    return _upsert(" UNION ".join(queries), once=pg) if queries else None


def _sqlite_statements() -> list[str]:
    statements = []
    for table in SOURCES:
        for suffix, operation in _OPERATIONS:
            name = f"{_PREFIX}_{table}_{suffix}"
            # Dropped first, so that an install after a change to these queries replaces them.
            statements.append(f"DROP TRIGGER IF EXISTS {name}")
            mark = _mark(table, operation, pg=False)
            if mark is not None:
                statements.append(f"CREATE TRIGGER {name} AFTER {operation} ON {table} BEGIN {mark}; END")
    return statements


def _pg_statements() -> list[str]:
    # Taken before any day's row: see the module's docstring. Once per
    # transaction (a setting local to it says so): reaching the token's row
    # again for every row of an import costs more the more versions it has.
    token_lock = (
        f"IF current_setting('{_TOKEN_LOCKED}', true) IS DISTINCT FROM 'on' THEN "
        f"PERFORM 1 FROM {history_token.TABLE} WHERE id = 1 FOR NO KEY UPDATE; "
        f"PERFORM set_config('{_TOKEN_LOCKED}', 'on', true); END IF;"
    )
    statements = [
        f"CREATE OR REPLACE FUNCTION {_EVERYTHING_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {_MARK_EVERYTHING}; RETURN NULL; END $$"
    ]
    for table in SOURCES:
        branches = " ".join(
            f"{'ELSIF' if index else 'IF'} TG_OP = '{operation}' THEN "
            f"{_mark(table, operation, pg=True) or 'NULL'};"
            for index, (_, operation) in enumerate(_OPERATIONS)
        )
        function = f"{_PREFIX}_{table}"
        statements += [
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {token_lock} {branches} END IF; RETURN NULL; END $$",
            f"DROP TRIGGER IF EXISTS {function} ON {table}",
            f"CREATE CONSTRAINT TRIGGER {function} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {function}()",
            f"DROP TRIGGER IF EXISTS {function}_truncate ON {table}",
            f"CREATE TRIGGER {function}_truncate AFTER TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {_EVERYTHING_FUNCTION}()",
        ]
    return statements
