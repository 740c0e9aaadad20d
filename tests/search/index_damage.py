"""Damage done to the search index the way each backend would suffer it."""

from __future__ import annotations


def break_index(connection) -> None:
    """Drop the table search reads from, as damage would (FTS5 table or tsvector table)."""
    table = "search_index" if connection.dialect.name == "sqlite" else "search_docs"
    connection.exec_driver_sql(f"DROP TABLE {table}")


def drop_trigger(connection, name: str, table: str) -> None:
    """Drop one of the index's triggers, in the backend's own words."""
    on = f" ON {table}" if connection.dialect.name == "postgresql" else ""
    connection.exec_driver_sql(f"DROP TRIGGER {name}{on}")
