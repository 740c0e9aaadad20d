"""Per-connection SQLite settings that make every acknowledged edit durable."""

from __future__ import annotations

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import ConnectionPoolEntry

from facilitator.i18n import _
from facilitator.storage.constants import APPLICATION_ID

__all__ = ["APPLICATION_ID", "BUSY_TIMEOUT_MS", "WalUnavailableError", "configure_sqlite_engine"]

BUSY_TIMEOUT_MS = 5000


class WalUnavailableError(RuntimeError):
    """The file system refused write-ahead logging (e.g. some network shares)."""


def configure_sqlite_engine(engine: Engine) -> None:
    """Install the connect/begin listeners on a SQLite engine.

    pysqlite's own transaction handling begins transactions lazily and never
    with IMMEDIATE; the SQLAlchemy docs' recipe turns it off and emits BEGIN
    ourselves, so that a write transaction takes the write lock up front and
    a second writer waits (busy_timeout) instead of failing mid-transaction.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal" and not _is_memory(dbapi_connection):
                raise WalUnavailableError(
                    _("the database could not switch to write-ahead logging (got {mode})").format(
                        mode=repr(mode)
                    )
                )
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _is_memory(dbapi_connection: sqlite3.Connection) -> bool:
    rows = dbapi_connection.execute("PRAGMA database_list").fetchall()
    return all(not row[2] for row in rows)
