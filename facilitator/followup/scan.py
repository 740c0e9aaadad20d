"""Running a handful of plain queries for a read model, rows as the driver gives them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Rows = list[tuple[Any, ...]]
"""Rows as the DBAPI driver returns them: values as stored (text, numbers, None)."""


def scan(
    session: Session | Connection, queries: Mapping[str, str], *, as_text: bool = False
) -> dict[str, Rows]:
    """Run each query on the session's (or connection's) own DBAPI connection; return its rows by name.

    Inside the session's transaction, so the results are one consistent
    snapshot; plain tuples, without the per-row work of ORM objects or
    SQLAlchemy rows, which on a long history costs more than the arithmetic.
    With ``as_text``, PostgreSQL gives ids, dates and times as text too, as
    SQLite does: for a read model whose every key comes from its own scan.
    """
    connection = session if isinstance(session, Connection) else session.connection()
    cursor = connection.connection.cursor()
    if as_text and connection.dialect.name == "postgresql":
        _as_text(cursor)
    try:
        rows: dict[str, Rows] = {}
        for name, sql in queries.items():
            cursor.execute(sql)
            rows[name] = list(cursor.fetchall())
        return rows
    finally:
        cursor.close()


def _as_text(cursor: Any) -> None:
    """Have psycopg return ids, dates and times as text, as SQLite stores them.

    The read models are written for SQLite's text values; psycopg would make a
    ``UUID``, ``date`` or ``datetime`` of each, which at 10,000 events was most
    of the figures' time on PostgreSQL (and their garbage). The text forms
    read the same way: ISO dates and times, and UUIDs (with hyphens, which
    ``facilitator.followup.keys`` reads too).
    """
    from psycopg.types.string import TextLoader

    for name in ("uuid", "date", "timestamp"):
        cursor.adapters.register_loader(name, TextLoader)
