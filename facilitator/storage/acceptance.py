"""Accept an existing database file, or refuse it, before anything writes to it.

Opening a file through the engine writes to it: every connection switches it
to write-ahead logging (header bytes 18-19 and the change counter), a file
of ours gets the application id stamped, an older schema is migrated. A
refused file must stay byte-for-byte as it was, so every check runs here
first, through the standard library and a read-only connection. When no
journal sits beside the file the connection is ``immutable``: SQLite then
creates nothing beside it either (a plain read-only connection to a WAL file
leaves an empty ``-wal`` and ``-shm`` behind).

1. The header: a SQLite file, ours or no one's (``file_check``). A zeroed
   header is damage rather than a foreign file only when there is evidence
   the file is ours (:func:`zeroed_but_ours`).
2. The schema revision: one from a newer version is refused. An older one
   is backed up (verified) and refused when no backup can be taken.
3. Health: when opening will write to the file although no migration does
   (switching a rollback-journal file to WAL, stamping the application id),
   ``quick_check`` runs first, so a damaged file is never changed. A file
   opening does not write to is not checked here, which would cost a full
   read on every open; the app's backup at start checks it.

Only an accepted file reaches the engine and its WAL listener.

One write can come before the checks: a rollback journal left by a writer
that stopped half-way (a "hot" journal) must be rolled back before SQLite
can read the file at all, and a read-only connection cannot do that. It is
rolled back through a plain connection that does not switch to WAL, which
puts the file back to its last committed state, as any SQLite reader would.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from facilitator.i18n import _
from facilitator.progress import Progress
from facilitator.storage.backups import list_backups, take_backup
from facilitator.storage.constants import APPLICATION_ID, HEAD_REVISION
from facilitator.storage.errors import StorageError, describe_database_error, unwritable_folder_message
from facilitator.storage.file_check import ForeignFileError, check_database_file
from facilitator.storage.integrity import (
    CorruptDatabaseError,
    check_database,
    connect_readonly,
    header_problems,
    is_corruption,
    journals_present,
)

__all__ = ["Accepted", "accept_file", "back_up_before_migrating", "zeroed_but_ours"]

_SQLITE_READONLY_ROLLBACK = 776  # a hot journal that a read-only connection cannot roll back
_WAL_VERSION = b"\x02\x02"  # header bytes 18-19 of a file in WAL mode
_SMALLEST_PAGE = 512


@dataclass(frozen=True)
class Accepted:
    """An existing file (or none yet) that may be opened and written.

    Attributes:
        revision: The stored schema revision; None for a new, empty database.
        backed_up: A verified before-migration backup has been taken.
    """

    revision: str | None
    backed_up: bool = False


@dataclass(frozen=True)
class _Stored:
    revision: str | None
    tables: frozenset[str]
    application_id: int
    wal: bool


def accept_file(path: Path, *, progress: Progress | None = None) -> Accepted:
    """Check an existing database file, reading only; back it up before a migration.

    Args:
        path: The SQLite file ``--db`` names (it may not exist yet).
        progress: Told how the backup before a migration goes, if one is taken.

    Returns:
        What opening may go on with.

    Raises:
        CorruptDatabaseError: the file is ours but damaged (nothing was written).
        StorageError: the file is not ours, is from a newer version, is older
            and cannot be backed up, or cannot be read. It was left untouched.
    """
    try:
        check_database_file(path)
    except ForeignFileError as exc:
        problems = zeroed_but_ours(path)
        if problems:
            raise CorruptDatabaseError(path, problems) from None
        raise StorageError(str(exc)) from None
    try:
        if path.stat().st_size == 0:
            return Accepted(revision=None)
    except FileNotFoundError:
        return Accepted(revision=None)
    except OSError as exc:
        raise StorageError(
            _("cannot read {path}: {problem}").format(path=path, problem=exc.strerror or exc)
        ) from None

    stored = _read_stored(path)
    if stored.revision is None:
        if stored.application_id == APPLICATION_ID and stored.tables:
            raise CorruptDatabaseError(
                path, [_("it carries Scale Across's id but its schema revision (alembic_version) is missing")]
            )
        return Accepted(revision=None)  # SQLite made the file, nothing is in it yet
    if stored.revision != HEAD_REVISION:
        from facilitator.storage.migrate import known_revisions, newer_schema_message

        if stored.revision not in known_revisions():
            raise StorageError(newer_schema_message(stored.revision))
        back_up_before_migrating(path, progress=progress)  # checks the file's health first
        return Accepted(revision=stored.revision, backed_up=True)
    if not stored.wal or stored.application_id != APPLICATION_ID:
        problems = check_database(path)
        if problems:
            raise CorruptDatabaseError(path, problems)
    return Accepted(revision=stored.revision)


def back_up_before_migrating(path: Path, *, progress: Progress | None = None) -> None:
    """Take a verified backup of an existing file that is about to be migrated.

    Raises:
        CorruptDatabaseError: the file is damaged (no backup was written).
        StorageError: no backup could be taken, so the file must not be migrated.
    """
    try:
        take_backup(path, reason="before-migration", progress=progress)
    except CorruptDatabaseError:
        raise
    except StorageError as exc:
        raise StorageError(
            _(
                "{path} was not migrated, because no backup could be taken first: {problem}. "
                "The file was left untouched."
            ).format(path=path, problem=exc)
        ) from None


def zeroed_but_ours(path: Path) -> list[str]:
    """Return the damage when a file with a zeroed header is our database.

    A header of 100 zero bytes is how SQLite files are commonly damaged, but
    from the file alone it cannot be told from someone else's data: the
    magic string and our application id are exactly what was lost. So the
    file counts as ours only with evidence from our own data folder: a
    backup of this file name (the app takes one on its first start on a
    file, and whenever it changed). It must also still be a whole number of
    SQLite pages. A text file (it never starts with zero bytes) or another
    application's file without that evidence stays a foreign file: refused,
    left untouched, never moved aside.

    The session marker is no evidence here: the window writes it before it
    opens the file. A marker left by a crash is handled before that, by the
    crash check (``ui.recovery.recover_if_needed``).

    Returns:
        The problem lines, or ``[]`` when the file is not (known to be) ours.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return []
    if len(header) < 100 or any(header) or size % _SMALLEST_PAGE:
        return []
    if not list_backups(path):
        return []
    return header_problems(header, size)


def _read_stored(path: Path) -> _Stored:
    """Read the revision, tables and id without writing; roll back a hot journal once."""
    try:
        return _query(path)
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorcode", None) != _SQLITE_READONLY_ROLLBACK:
            raise _read_error(path, exc) from None
    try:
        _roll_back_hot_journal(path)
        return _query(path)
    except sqlite3.Error as exc:
        raise _read_error(path, exc) from None


def _query(path: Path) -> _Stored:
    connection = connect_readonly(path, immutable=not journals_present(path))
    try:
        tables = frozenset(
            name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    finally:
        connection.close()
    with path.open("rb") as handle:
        handle.seek(18)
        wal = handle.read(2) == _WAL_VERSION
    return _Stored(revision, tables, application_id, wal)


def _roll_back_hot_journal(path: Path) -> None:
    # A plain connection: no listener, so the journal mode stays as it is.
    connection = sqlite3.connect(path, isolation_level=None, timeout=5)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        connection.close()


def _read_error(path: Path, exc: sqlite3.Error) -> StorageError:
    if is_corruption(exc):
        return CorruptDatabaseError(path, [_("SQLite cannot read it: {problem}").format(problem=exc)])
    return StorageError(
        unwritable_folder_message(path)
        or _("cannot open {path}: {problem}").format(path=path, problem=describe_database_error(exc))
    )
