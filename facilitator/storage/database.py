"""Open a database by path or URL, migrate it, and hand out units of work."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError

from facilitator.i18n import _
from facilitator.progress import BACKUP_BEFORE_UPDATE, Stages, stage
from facilitator.storage import migrate
from facilitator.storage.acceptance import accept_file, back_up_before_migrating
from facilitator.storage.conflicts import conflict_from_stale, local_actor, stamp_changes
from facilitator.storage.constants import HEAD_REVISION
from facilitator.storage.errors import (
    MissingDatabaseError,
    MissingFolderError,
    StorageError,
    describe_database_error,
    unwritable_folder_message,
)
from facilitator.storage.integrity import CorruptDatabaseError, is_corruption
from facilitator.storage.location import database_target, is_default_database
from facilitator.storage.server import (
    checked_url,
    describe_connection_error,
    is_server_url,
    safe_url,
    writable,
)
from facilitator.storage.server_dump import way_back
from facilitator.storage.sqlite_setup import (
    APPLICATION_ID,
    WalUnavailableError,
    configure_sqlite_engine,
)

if TYPE_CHECKING:
    # Loaded when the first session is made (Database._sessions), not to open a database.
    from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

__all__ = ["Database", "describe_database_error", "integrity_check", "open_database", "resolve_database_url"]


def resolve_database_url(target: str | os.PathLike[str] | None = None) -> str:
    """Turn ``--db`` (a path or any SQLAlchemy URL) into a URL.

    Order: the explicit target, then ``SCALE_ACROSS_DB``, then the SQLite
    file in the user's data directory.
    """
    value = database_target(target)
    if "://" in value:
        return checked_url(value)
    return _sqlite_url(Path(value).expanduser())


class PasswordRequiredError(StorageError):
    """The server asks for a password that neither the URL nor libpq's files hold.

    Attributes:
        url: The URL that was tried (with no password).
    """

    def __init__(self, url: str, message: str) -> None:
        super().__init__(message)
        self.url = url


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.absolute()}"


class Database:
    """An open, migrated database: the one place sessions come from."""

    def __init__(self, engine: Engine, *, read_only: bool = False, notices: tuple[str, ...] = ()) -> None:
        self.engine = engine
        #: The role may only read (a lead's read-only role on a shared server).
        self.read_only = read_only
        #: What opening did that the user should hear of (a dump before a migration).
        self.notices = notices
        #: Who edits through this database ("user@host"), stamped on every record stored.
        self.actor = local_actor()
        self._session_factory: sessionmaker[Session] | None = None
        #: Counts the committed transactions that wrote something, so views can
        #: tell whether what they show is still current without reading it again.
        self.generation = 0

    @property
    def _sessions(self) -> sessionmaker[Session]:
        """Return the session factory, made (and the ORM loaded) on first use."""
        if self._session_factory is None:
            from sqlalchemy.orm import sessionmaker

            # Objects stay readable after commit, so a service's result can be
            # shown without another round trip.
            factory = sessionmaker(self.engine, expire_on_commit=False)
            event.listen(factory, "after_flush", _note_write)
            event.listen(factory, "before_flush", stamp_changes)
            self._session_factory = factory
        return self._session_factory

    @property
    def url(self) -> str:
        """Return the URL, with any password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def shared(self) -> bool:
        """Tell whether this is a shared database on a server (not a file of this machine)."""
        return self.engine.dialect.name == "postgresql"

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
        from sqlalchemy.orm.exc import StaleDataError

        session = self._sessions()
        session.info["actor"] = self.actor
        try:
            yield session
            session.commit()
            if session.info.pop("wrote", False):
                self.generation += 1
        except StaleDataError as exc:
            session.rollback()
            raise conflict_from_stale(exc) from exc
        except DBAPIError as exc:
            session.rollback()
            raise self._storage_error(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def reading(self) -> AbstractContextManager[Connection]:
        """Read with plain SQL in one transaction, without loading the ORM.

        For commands that only read through their own queries (search): the
        ORM's import is a good part of such a short process. Nothing read
        here is written back; the transaction is rolled back at the end.

        Raises:
            StorageError: as :meth:`transaction`.
        """
        return self._plain(self.engine.connect)

    def plain_transaction(self) -> AbstractContextManager[Connection]:
        """Run plain SQL in one transaction, committed when the block ends, without the ORM.

        For commands whose reads keep what they worked out (the figures' facts):
        an exception rolls the block back and propagates.

        Raises:
            StorageError: as :meth:`transaction`.
        """
        return self._plain(self.engine.begin)

    @contextmanager
    def _plain(self, opening: Callable[[], AbstractContextManager[Connection]]) -> Iterator[Connection]:
        """Yield the connection ``opening`` gives, its database errors told as a StorageError."""
        try:
            with opening() as connection:
                yield connection
        except DBAPIError as exc:
            raise self._storage_error(exc) from exc

    def _storage_error(self, exc: DBAPIError) -> StorageError:
        """Return what the user is told about a database error, after letting go what it spoiled."""
        if self.shared:
            return StorageError(describe_connection_error(self.engine.url, exc))
        if self.path is not None:
            # SQLite opens a file it may not write read-only, and such a
            # connection stays read-only after the file is fixed: drop the
            # pooled connections so a retry opens the file as it is now.
            self.engine.dispose()
        return StorageError(describe_database_error(exc))

    def close(self) -> None:
        """Release every connection (checkpoints the WAL on the last one)."""
        self.engine.dispose()


def _note_write(session: Session, _context: UOWTransaction) -> None:
    session.info["wrote"] = True


def open_database(
    target: str | os.PathLike[str] | None = None, *, create: bool = True, stages: Stages | None = None
) -> Database:
    """Open and migrate the database named by ``target``, creating it only when asked.

    A new SQLite file is created only with ``create``, and only in a folder
    that exists, except for the default database, whose data folder is made
    with it (a first start just works). A missing file or folder is
    reported before anything is written, so a mistyped path leaves no trace.

    An existing SQLite file is checked before anything writes to it (see
    ``acceptance``): a refused file is left byte-for-byte untouched, and
    only an accepted one is switched to WAL, migrated and stamped. One at an
    older schema revision is backed up (reason "before-migration") before
    it is migrated; when no backup can be taken, it is not migrated.

    Args:
        target: A path or SQLAlchemy URL; see :func:`resolve_database_url`.
        create: Whether a missing SQLite file may be created (commands that
            only read pass False).
        stages: Hears how the backup before a migration, the migration and
            a search index rebuilt by it go (``facilitator.progress.STAGES``).

    Raises:
        MissingDatabaseError: there is no file and ``create`` is False.
        MissingFolderError: the new file's folder does not exist.
        CorruptDatabaseError: the file is ours but SQLite finds it damaged.
        StorageError: the file is not ours, is newer than this app, or the
            folder/file cannot be created or written.
    """
    url = resolve_database_url(target)
    if is_server_url(url):
        return _open_server(url)
    path = _sqlite_path(url)
    if path is not None:
        _check_place(path, create=create)
    before = stage(stages, BACKUP_BEFORE_UPDATE)
    accepted = accept_file(path, progress=before) if path is not None else None
    engine = _create_engine(url)
    try:
        # Should the file have turned older since it was accepted (another
        # process restored an old backup), it is backed up before migrating.
        backup = (
            None
            if path is None or accepted is None or accepted.backed_up
            else partial(back_up_before_migrating, path, progress=before)
        )
        migrate.upgrade_to_head(engine, before_upgrade=backup, stages=stages)
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
            # The file passed acceptance, so it is ours: say it is damaged,
            # so the caller can offer a backup instead of a bare error.
            raise CorruptDatabaseError(path, [describe_database_error(exc)]) from None
        folder = unwritable_folder_message(path) if path is not None else None
        shown = safe_url(url)
        raise StorageError(
            folder
            or _("cannot open {path}: {problem}").format(path=shown, problem=describe_database_error(exc))
        ) from None
    return Database(engine)


def _open_server(url: str) -> Database:
    """Open a shared database on a PostgreSQL server, migrating it under a lock when due."""
    engine = _create_engine(url)
    notices: list[str] = []
    try:
        with engine.connect() as connection:
            may_write = writable_or_new(connection)
        if may_write:
            migrate.upgrade_to_head(engine, before_upgrade=lambda: notices.append(way_back(url)))
        else:
            with engine.connect() as connection:
                revision = migrate.current_revision(connection)
            if (
                revision is not None
                and revision != HEAD_REVISION
                and revision not in migrate.known_revisions()
            ):
                raise migrate.NewerSchemaError(migrate.newer_schema_message(revision))
            if revision != HEAD_REVISION:
                raise StorageError(
                    _(
                        "{url} needs an upgrade (schema revision {revision}) that this read-only role "
                        "may not make; ask someone with write access to open it once"
                    ).format(url=safe_url(url), revision=revision or "none")
                )
            notices.append(
                _("read-only: your role on this shared database may read the history but not change it")
            )
    except migrate.NewerSchemaError as exc:
        engine.dispose()
        # The message's last sentence, said of a file, is said of a server here.
        said = str(exc).replace(_("The file was left untouched."), _("Nothing was changed."))
        raise StorageError(said) from None
    except StorageError:
        engine.dispose()
        raise
    except (DBAPIError, OSError) as exc:
        engine.dispose()
        message = describe_connection_error(url, exc)
        if "no password supplied" in str(getattr(exc, "orig", exc)).lower():
            raise PasswordRequiredError(url, message) from None
        raise StorageError(message) from None
    return Database(engine, read_only=not may_write, notices=tuple(notices))


def writable_or_new(connection: Connection) -> bool:
    """Tell whether this role may write (a database with no tables yet: whether it may create them)."""
    if migrate.current_revision(connection) is None and not inspect(connection).has_table("events"):
        allowed = connection.exec_driver_sql(
            "SELECT has_database_privilege(current_database(), 'CREATE') "
            "AND has_schema_privilege(current_schema(), 'CREATE')"
        ).scalar()
        return bool(allowed)
    return writable(connection)


def _check_place(path: Path, *, create: bool) -> None:
    """Refuse a missing file unless asked to create one, and a missing folder unless ours."""
    if os.path.lexists(path):
        return
    if not create:
        raise MissingDatabaseError(path)
    if not path.parent.is_dir() and not is_default_database(path):
        raise MissingFolderError(path)


def _sqlite_file(engine: Engine) -> Path | None:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def _sqlite_path(url: str) -> Path | None:
    """Return the SQLite file a URL names, or None (another database, or memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        try:
            return create_engine(url, pool_pre_ping=True)
        except Exception as exc:  # missing driver, bad options
            raise StorageError(describe_connection_error(url, exc)) from None
    if not parsed.database or parsed.database == ":memory:":
        engine = create_engine("sqlite://")
        configure_sqlite_engine(engine)
        return engine
    path = Path(parsed.database)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            _("cannot create the folder {folder}: {problem}").format(folder=path.parent, problem=exc.strerror)
        ) from None
    engine = create_engine(url)
    configure_sqlite_engine(engine)
    return engine


def _stamp_application_id(engine: Engine) -> None:
    with engine.begin() as conn:
        current = conn.exec_driver_sql("PRAGMA application_id").scalar()
        if current != APPLICATION_ID:
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def integrity_check(db: Database) -> str:
    """Return SQLite's ``PRAGMA integrity_check`` verdict ("ok" when sound)."""
    with db.engine.connect() as conn:
        rows = conn.execute(text("PRAGMA integrity_check")).scalars().all()
    return "; ".join(str(r) for r in rows)
