"""A token that changes with every write to the history: the one place its SQL is written.

``history_token`` holds one row whose ``token`` is a new random value after
every insert, update or delete in the tables of :data:`WATCHED` (and every
TRUNCATE on PostgreSQL). Triggers write it, in the writing transaction, so it
changes on every write path (services, undo, event-file import, cascades, raw
SQL, another facilitator's window on a shared server) and only when the write
commits. A read model may keep what it computed under the token it read
*before* reading its rows: the same token later means the same rows.

Random rather than a counter, so that a database restored from a backup, or
a copy of the file, never meets a value that stood for other rows.

On PostgreSQL the row triggers are deferred to the commit: the token's row
lock is then the last lock any transaction takes, so two facilitators'
transactions never wait on each other in between (nor deadlock over it).

Caution for later migrations, as for the search index: Alembic batch mode
recreates a table and drops its triggers; call :func:`install` afterwards.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

TABLE = "history_token"

WATCHED = (
    "agreement_patterns",
    "agreements",
    "boundary_conditions",
    "coalitions",
    "event_coalitions",
    "event_patterns",
    "events",
    "fit_answers",
    "outcomes",
    "participants",
    "patterns",
    "status_changes",
)
"""The tables whose rows the history's figures are computed from."""

_PG_FUNCTION = "history_token_touch"


def install(connection: Connection) -> None:
    """Create the token's table, its first value and the triggers on every watched table."""
    connection.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {TABLE} (id INTEGER PRIMARY KEY, token VARCHAR(32) NOT NULL)"
    )
    for statement in _pg_statements() if _is_pg(connection) else _sqlite_statements():
        connection.exec_driver_sql(statement)


def uninstall(connection: Connection) -> None:
    """Drop the triggers, the function (PostgreSQL) and the table."""
    for table in WATCHED:
        if _is_pg(connection):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TABLE}_{table} ON {table}")
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TABLE}_{table}_truncate ON {table}")
        else:
            for suffix in ("ai", "au", "ad"):
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TABLE}_{table}_{suffix}")
    if _is_pg(connection):
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {_PG_FUNCTION}() CASCADE")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")


def read_token(connection: Connection) -> str | None:
    """Return the token that stands for the rows this transaction sees, or None if none does.

    None when the row is gone (a manual DELETE), and on PostgreSQL when this
    transaction has written: its deferred touch has not run yet, so the
    stored token still names the rows without its writes.
    """
    if _is_pg(connection):
        sql = f"SELECT token FROM {TABLE} WHERE id = 1 AND pg_current_xact_id_if_assigned() IS NULL"
    else:
        # SQLite's triggers run at once: a write changes the token this transaction reads.
        sql = f"SELECT token FROM {TABLE} WHERE id = 1"
    return connection.exec_driver_sql(sql).scalar()


def _is_pg(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def _touch(new_token: str) -> str:
    """Return the statement that gives the token a new value (making its row if it is gone)."""
    return (
        f"INSERT INTO {TABLE} (id, token) VALUES (1, {new_token}) "
        "ON CONFLICT (id) DO UPDATE SET token = excluded.token"
    )


def _sqlite_statements() -> list[str]:
    touch = _touch("lower(hex(randomblob(16)))")
    statements = [touch]
    for table in WATCHED:
        for suffix, event in (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE")):
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS {TABLE}_{table}_{suffix} "
                f"AFTER {event} ON {table} BEGIN {touch}; END"
            )
    return statements


def _pg_statements() -> list[str]:
    touch = _touch("md5(random()::text || clock_timestamp()::text)")
    statements = [
        touch,
        f"CREATE OR REPLACE FUNCTION {_PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {touch}; RETURN NULL; END $$",
    ]
    for table in WATCHED:
        statements += [
            f"DROP TRIGGER IF EXISTS {TABLE}_{table} ON {table}",
            f"CREATE CONSTRAINT TRIGGER {TABLE}_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {_PG_FUNCTION}()",
            f"DROP TRIGGER IF EXISTS {TABLE}_{table}_truncate ON {table}",
            f"CREATE TRIGGER {TABLE}_{table}_truncate AFTER TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {_PG_FUNCTION}()",
        ]
    return statements
