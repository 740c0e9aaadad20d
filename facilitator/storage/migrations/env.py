"""Alembic environment: runs on the connection the app hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from facilitator.domain import Base
from facilitator.storage.raw_tables import alembic_include_name

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite can only ALTER a little; batch mode rebuilds tables instead.
        render_as_batch=True,
        # SQLite has transactional DDL: a migration killed half-way leaves
        # the file at the old revision, never in between.
        transactional_ddl=True,
        compare_type=True,
        # The search index and the history token are raw SQL, not models.
        include_name=alembic_include_name,
        # The window's progress panel counts the revisions (migrate.upgrade_to_head).
        on_version_apply=config.attributes.get("on_step"),
    )


def run_migrations_online() -> None:
    """Migrate on the app's connection, or on one made from the URL option."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
