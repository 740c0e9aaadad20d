"""Databases on the tests' PostgreSQL server: made fresh, emptied between tests, dropped."""

from __future__ import annotations

import functools

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from facilitator.domain import Base
from facilitator.storage import figures_stale, search_index


class Databases:
    """Creates and drops databases whose names start with ``prefix``."""

    def __init__(self, server_url: str, prefix: str) -> None:
        self.server_url = server_url
        self.prefix = prefix.replace("-", "_").lower()
        self._made: list[str] = []
        self._admin: Engine = create_engine(server_url, isolation_level="AUTOCOMMIT")

    def url_of(self, name: str) -> str:
        """Return the URL of database ``name`` on the server, password included."""
        return make_url(self.server_url).set(database=name).render_as_string(hide_password=False)

    def create(self, suffix: str) -> str:
        """Create an empty database (dropping a leftover of the same name); return its URL."""
        name = f"{self.prefix}_{suffix}".lower()
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        self._made.append(name)
        return self.url_of(name)

    def drop_all(self) -> None:
        """Drop every database this object made."""
        with self._admin.connect() as connection:
            for name in self._made:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self._admin.dispose()


@functools.cache
def _engine(url: str) -> Engine:
    # One per database for the whole run: a new engine per test would log in
    # again each time (scram-sha-256, about 20 ms).
    return create_engine(url)


def empty_tables(url: str) -> None:
    """Delete every row of the app's tables (the schema and its revision stay)."""
    with _engine(url).begin() as connection:
        # A connection a previous test left open fails this test, not hangs it.
        connection.execute(text("SET LOCAL lock_timeout = '20s'"))
        present = set(
            connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            ).scalars()
        )
        names = [t.name for t in Base.metadata.sorted_tables if t.name in present]
        names += sorted(n for n in present if n.startswith("search_"))
        names += [figures_stale.FACTS] if figures_stale.FACTS in present else []
        if names:
            connection.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
        # One test's kept figures never reach the next: none kept, everything
        # stale, as in a new database (the TRUNCATE above marked it again and again).
        if figures_stale.STALE in present:
            connection.execute(text(f"TRUNCATE {figures_stale.STALE}"))
            figures_stale.mark_everything(connection)
        # A test that damaged the search index (dropped its table or a
        # trigger) leaves it whole again for the next one.
        triggers = connection.execute(
            text("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'search!_%' ESCAPE '!'")
        ).scalar_one()
        if "search_docs" not in present or triggers != 3 * len(search_index.SOURCES):
            search_index.rebuild(connection)
