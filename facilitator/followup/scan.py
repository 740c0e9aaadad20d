"""Running a handful of plain queries for a read model, rows as the driver gives them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

Rows = list[tuple[Any, ...]]
"""Rows as the DBAPI driver returns them: values as stored (text, numbers, None)."""


def scan(session: Session, queries: Mapping[str, str]) -> dict[str, Rows]:
    """Run each query on the session's own DBAPI connection; return its rows by name.

    Inside the session's transaction, so the results are one consistent
    snapshot; plain tuples, without the per-row work of ORM objects or
    SQLAlchemy rows, which on a long history costs more than the arithmetic.
    """
    cursor = session.connection().connection.cursor()
    try:
        rows: dict[str, Rows] = {}
        for name, sql in queries.items():
            cursor.execute(sql)
            rows[name] = list(cursor.fetchall())
        return rows
    finally:
        cursor.close()
