"""Open a database by path or URL, migrate it, and hand out units of work."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from facilitator.storage import migrate
from facilitator.storage.backups import take_backup
from facilitator.storage.errors import StorageError
from facilitator.storage.health import CorruptDatabaseError, is_corruption
from facilitator.storage.location import database_target
from facilitator.storage.file_check import ForeignFileError, check_database_file
from facilitator.storage.sqlite_setup import (
    APPLICATION_ID,
    WalUnavailableError,
    configure_sqlite_engine,
)



def resolve_database_url(target: str | os.PathLike[str] | None = None) -> str:
    """Turn ``--db`` (a path or any SQLAlchemy URL) into a URL.

    Order: the explicit target, then ``SCALE_ACROSS_DB``, then the SQLite
    file in the user's data directory.
    """
    value = database_target(target)
    if "://" in value:
        try:
            make_url(value)
        except ArgumentError as exc:
            raise StorageError(f"not a valid database URL: {value!r} ({exc})") from None
        return value
    return _sqlite_url(Path(value).expanduser())


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.absolute()}"


class Database:
    """An open, migrated database: the one place sessions come from."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # Objects stay readable after commit, so a service's result can be
        # shown without another round trip.
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        #: Counts the committed transactions that wrote something, so views can
        #: tell whether what they show is still current without reading it again.
        self.generation = 0
        event.listen(self._sessions, "after_flush", _note_write)

    @property
    def url(self) -> str:
        """Return the URL, with any password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def path(self) -> Path | None:
        """Return the SQLite file, or None for other databases."""
        return _sqlite_file(self.engine)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Run one user action as one transaction, committed when the block ends.

        An exception rolls everything in the block back and propagates; a
        database error becomes a StorageError with a readable message.
        """
        session = self._sessions()
        try:
            yield session
            session.commit()
            if session.info.pop("wrote", False):
                self.generation += 1
        except DBAPIError as exc:
            session.rollback()
            if self.path is not None:
                # SQLite opens a file it may not write read-only, and such a
                # connection stays read-only after the file is fixed: drop the
                # pooled connections so a retry opens the file as it is now.
                self.engine.dispose()
            raise StorageError(describe_database_error(exc)) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        """Release every connection (checkpoints the WAL on the last one)."""
        self.engine.dispose()


def _note_write(session: Session, _context) -> None:
    session.info["wrote"] = True


def open_database(target: str | os.PathLike[str] | None = None) -> Database:
    """Open (creating if needed) and migrate the database named by ``target``.

    An existing SQLite file at an older schema revision is backed up
    (reason "before-migration") before it is migrated; when no backup can be
    taken, it is not migrated.

    Raises:
        CorruptDatabaseError: the file is ours but SQLite finds it damaged.
        StorageError: the file is not ours, is newer than this app, or the
            folder/file cannot be created or written.
    """
    url = resolve_database_url(target)
    engine = _create_engine(url)
    path = _sqlite_file(engine)
    try:
        backup = (lambda: _back_up_before_migrating(path)) if path is not None else None
        migrate.upgrade_to_head(engine, before_upgrade=backup)
        if engine.dialect.name == "sqlite":
            _stamp_application_id(engine)
    except migrate.NewerSchemaError as exc:
        engine.dispose()
        raise StorageError(str(exc)) from None
    except StorageError:
        engine.dispose()
        raise
    except (DBAPIError, sqlite3.DatabaseError, WalUnavailableError) as exc:
        engine.dispose()
        if path is not None and is_corruption(exc):
            # The file passed file_check, so it is ours: say it is damaged,
            # so the caller can offer a backup instead of a bare error.
            raise CorruptDatabaseError(path, [describe_database_error(exc)]) from None
        raise StorageError(f"cannot open {url}: {describe_database_error(exc)}") from None
    return Database(engine)


def _sqlite_file(engine: Engine) -> Path | None:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def _back_up_before_migrating(path: Path) -> None:
    """Take a verified backup of an existing file that is about to be migrated."""
    try:
        take_backup(path, reason="before-migration")
    except CorruptDatabaseError:
        raise
    except StorageError as exc:
        raise StorageError(
            f"{path} was not migrated, because no backup could be taken first: {exc}"
        ) from None


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        try:
            return create_engine(url, pool_pre_ping=True)
        except Exception as exc:  # missing driver, bad options
            raise StorageError(f"cannot use database {url}: {exc}") from None
    if not parsed.database or parsed.database == ":memory:":
        engine = create_engine("sqlite://")
        configure_sqlite_engine(engine)
        return engine
    path = Path(parsed.database)
    try:
        check_database_file(path)
    except ForeignFileError as exc:
        raise StorageError(str(exc)) from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create the folder {path.parent}: {exc.strerror}") from None
    engine = create_engine(url)
    configure_sqlite_engine(engine)
    return engine


def _stamp_application_id(engine: Engine) -> None:
    with engine.begin() as conn:
        current = conn.exec_driver_sql("PRAGMA application_id").scalar()
        if current != APPLICATION_ID:
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def describe_database_error(exc: BaseException) -> str:
    """Return a one-line, user-facing description of a database error."""
    original = getattr(exc, "orig", None) or exc
    message = str(original).strip() or type(original).__name__
    lowered = message.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return f"the database file cannot be written ({message})"
    if "disk is full" in lowered or "database or disk is full" in lowered:
        return "the disk is full; nothing was saved from this edit"
    if "unable to open" in lowered:
        return f"the database file cannot be opened ({message})"
    if "locked" in lowered or "busy" in lowered:
        return "the database is busy in another program; try again"
    return message


def integrity_check(db: Database) -> str:
    """Return SQLite's ``PRAGMA integrity_check`` verdict ("ok" when sound)."""
    with db.engine.connect() as conn:
        rows = conn.execute(text("PRAGMA integrity_check")).scalars().all()
    return "; ".join(str(r) for r in rows)


