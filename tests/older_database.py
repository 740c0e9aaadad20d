"""A database file as an older version of the app left it: real records, an older schema."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from facilitator.demo import create_demo_event
from facilitator.storage import open_database
from facilitator.storage.migrate import alembic_config

#: Before the search index (0003): updating from here indexes every record.
BEFORE_SEARCH = "0002"


def make_older(path: Path, revision: str = BEFORE_SEARCH, events: int = 1) -> None:
    """Write ``events`` demo events into a new file at ``path``, then take its schema back to ``revision``.

    Going down through the app's own migrations leaves what the older version
    would have had: the same records, its tables, no newer columns or index.
    """
    db = open_database(path)
    with db.transaction() as session:
        for _ in range(events):
            create_demo_event(session)
    db.close()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
            connection.commit()
    finally:
        engine.dispose()
