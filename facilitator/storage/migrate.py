"""Bring a database to the schema this version of the app knows.

The schema is only ever created and changed by Alembic revisions; the fast
path reads the stored revision with one query so that a database already at
head opens without loading Alembic. A file on disk has been through
``acceptance`` before this runs, so a newer or unbackable file never gets
here; the checks below guard against it changing in between.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from facilitator.i18n import _
from facilitator.progress import INDEX, UPDATE, Progress, Stages, report, stage
from facilitator.storage.constants import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
__all__ = [
    "HEAD_REVISION",
    "NewerSchemaError",
    "alembic_config",
    "current_revision",
    "newer_schema_message",
    "upgrade_to_head",
]


class NewerSchemaError(Exception):
    """The database was written by a newer version of the app."""


def newer_schema_message(revision: str) -> str:
    """Return what a user is told about a database from a newer version of the app."""
    # Translators: end with the same words as "The file was left untouched." (a server's message
    # replaces them with "Nothing was changed.").
    return _(
        "this database was written by a newer version of Scale Across "
        "(schema revision {revision}); update the app to open it. The file was left untouched."
    ).format(revision=revision)


def alembic_config() -> Config:
    """Return an Alembic Config pointing at the packaged migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def current_revision(connection: Connection) -> str | None:
    """Return the stored schema revision, or None for an empty database."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    """Return every revision id this version of the app ships."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade_to_head(
    engine: Engine, *, before_upgrade: Callable[[], None] | None = None, stages: Stages | None = None
) -> bool:
    """Migrate the database to head; refuse one from a newer version. Return whether it migrated.

    ``before_upgrade`` runs only when an existing database is about to be
    migrated (not for a new file, not at head), e.g. to take a backup first.
    ``stages`` hears of the revisions applied (``UPDATE``) and of a search
    index rebuilt on the way (``INDEX``); a migration is one transaction that
    must finish, so neither may be cancelled.

    On PostgreSQL, many processes may open a new or older database at once:
    the first takes an advisory lock and migrates, the others wait on the
    lock, then find the database at head and go on.
    """
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision == HEAD_REVISION:
        return False
    with engine.connect() as connection, _migration_lock(connection):
        revision = current_revision(connection)
        connection.commit()
        if revision == HEAD_REVISION:
            return False  # another process migrated it while this one waited
        if revision is not None and revision not in known_revisions():
            raise NewerSchemaError(newer_schema_message(revision))
        if revision is not None and before_upgrade is not None:
            before_upgrade()
        from alembic import command

        config = alembic_config()
        config.attributes["connection"] = connection
        config.attributes["stages"] = stages
        config.attributes["on_step"] = _step_counter(revision, stage(stages, UPDATE))
        command.upgrade(config, "head")
        connection.commit()
    return True


def _step_counter(revision: str | None, progress: Progress | None) -> Callable[..., None] | None:
    """Return Alembic's ``on_version_apply`` hook, counting revisions applied of those due."""
    if progress is None:
        return None
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    due = len(list(script.iterate_revisions("heads", revision or "base")))
    done = 0
    report(progress, done, due)

    def applied(**_kw: object) -> None:
        nonlocal done
        done += 1
        report(progress, min(done, due), due)

    return applied


def index_progress() -> Progress | None:
    """Return, inside a migration, the progress of a search index rebuilt there (None if unwatched)."""
    from alembic import op

    config = op.get_context().config
    stages = config.attributes.get("stages") if config is not None else None
    return stage(stages, INDEX)


# Any fixed number names the app's lock; this one spells "SCAF" (as APPLICATION_ID).
MIGRATION_LOCK = 0x53434146


@contextmanager
def _migration_lock(connection: Connection) -> Iterator[None]:
    """Hold PostgreSQL's session advisory lock of migrations (nothing on SQLite).

    SQLite needs none: a migration is one write transaction, and SQLite
    lets one writer at a time in.
    """
    if connection.dialect.name != "postgresql":
        yield
        return
    connection.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK})")
    connection.commit()
    try:
        yield
    finally:
        connection.rollback()
        connection.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK})")
        connection.commit()
