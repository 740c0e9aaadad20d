"""Verified, rotated backups of a database file, made with SQLite's backup API.

Only the standard library is used (no SQLAlchemy), so a backup can be taken
at start before the ORM is loaded.

A backup is one self-contained file named
``<db-stem>-YYYYMMDD-HHMMSS-ffffff[-reason].sqlite3`` in the backup folder.
The time in the name is local time, taken just before the copy starts.

A damaged database is never backed up. The source is checked first, and
nothing is written or rotated when it fails. So a corrupt file can never
push a good backup out of the rotation.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from facilitator import paths
from facilitator.dates import file_stamp, parse_file_stamp
from facilitator.durable import fsync_file, replace_durably
from facilitator.i18n import N_, _
from facilitator.progress import Progress, report
from facilitator.storage.constants import APPLICATION_ID
from facilitator.storage.errors import StorageError
from facilitator.storage.file_check import ForeignFileError, check_database_file
from facilitator.storage.integrity import (
    CorruptDatabaseError,
    check_database,
    connect_readonly,
    is_corruption,
    journals_present,
    verify_file,
)

__all__ = [
    "DEFAULT_KEEP",
    "Backup",
    "backup_folder",
    "backup_due",
    "backup_if_changed",
    "list_backups",
    "newest_verified_backup",
    "take_backup",
    "verify_backup",
]

DEFAULT_KEEP = 20
#: What a backup reports its progress in (see ``take_backup``).
#: Marked for translation: who shows a step translates it (``_(step)``).
BACKUP_STEPS = (
    # Translators: a step of taking a backup, shown as "Backing up the database, checking the file (1 of 3)".
    N_("checking the file"),
    # Translators: a step of taking a backup (the database file is being copied).
    N_("copying"),
    # Translators: a step of taking a backup (the copy is being verified).
    N_("checking the copy"),
)
_SUFFIX = ".sqlite3"
_REASON = re.compile(rf"-\d{{8}}-\d{{6}}-\d{{6}}-(?P<reason>[a-z0-9-]+){re.escape(_SUFFIX)}$")
# A temp file this old belongs to a backup that was killed half-way.
_STALE_TEMP_SECONDS = 3600


@dataclass(frozen=True)
class Backup:
    """One backup file of a database.

    Attributes:
        path: The backup file.
        created: Local time the backup was started, read from the file name.
        size: The file's size in bytes.
    """

    path: Path
    created: dt.datetime
    size: int

    @property
    def reason(self) -> str:
        """Return the reason in the file name (e.g. ``"before-migration"``), or ``""``."""
        match = _REASON.search(self.path.name)
        return match["reason"] if match else ""


def backup_folder() -> Path:
    """Return the folder backups are kept in (``<data dir>/backups``)."""
    return paths.backup_dir()


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(stem)}-(?P<stamp>\d{{8}}-\d{{6}}-\d{{6}})(?:-(?P<reason>[a-z0-9-]+))?"
        rf"{re.escape(_SUFFIX)}$"
    )


def list_backups(db_path: os.PathLike[str] | str, folder: Path | None = None) -> list[Backup]:
    """Return this database's backups, newest first.

    A backup belongs to a database by its file stem. Two databases with the
    same stem in different folders share a rotation unless they use
    different backup folders.

    Args:
        db_path: The database file (it need not exist).
        folder: The backup folder; default :func:`backup_folder`.
    """
    folder = Path(folder) if folder is not None else backup_folder()
    pattern = _pattern(Path(db_path).stem)
    found: list[Backup] = []
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            created = parse_file_stamp(match["stamp"])
            size = entry.stat(follow_symlinks=False).st_size
        except (ValueError, OSError):
            continue
        found.append(Backup(path=Path(entry.path), created=created, size=size))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def verify_backup(path: os.PathLike[str] | str) -> bool:
    """Return True when the file is a sound backup of ours.

    That means it reads on its own (no journal beside it is used), passes
    ``quick_check``, carries our application id, and has a schema revision.
    """
    return verify_file(Path(path))


def newest_verified_backup(db_path: os.PathLike[str] | str, folder: Path | None = None) -> Backup | None:
    """Return the newest backup of the database that passes verification, or None."""
    for backup in list_backups(db_path, folder):
        if verify_backup(backup.path):
            return backup
    return None


def take_backup(
    db_path: os.PathLike[str] | str,
    *,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    reason: str = "",
    progress: Progress | None = None,
) -> Backup:
    """Back the database up, verify the copy, and rotate old backups out.

    The source is checked first (read-only ``quick_check``). The pages are
    copied with ``sqlite3.Connection.backup`` into a temporary file. The
    copy is made self-contained (rollback journal mode, our application id)
    and verified. Only then is it renamed into place and the oldest backups
    beyond ``keep`` deleted. Edits committed to the ``-wal`` but not yet
    checkpointed are included: the copy reads through the ``-wal``.

    Args:
        db_path: The database file.
        folder: The backup folder; default :func:`backup_folder`.
        keep: How many of this database's backups to keep (at least 1).
        reason: A short word for the file name, e.g. ``"before-migration"``.
        progress: Told of the three steps (``BACKUP_STEPS``: check, copy,
            verify) as each starts, and when all are done. Cancelled raised
            from it stops the backup with nothing written.

    Returns:
        The new backup.

    Raises:
        CorruptDatabaseError: the database is damaged. Nothing was written
            and no backup was removed.
        StorageError: the file is missing or not ours, or the backup cannot
            be written or fails verification.
        Cancelled: ``progress`` stopped it; nothing was written.
    """
    if keep < 1:
        raise ValueError("keep must be at least 1")
    source = Path(db_path)
    if not source.is_file():
        raise StorageError(_("{path} does not exist; there is nothing to back up").format(path=source))
    try:
        check_database_file(source)
    except ForeignFileError as exc:
        raise StorageError(_("not backed up: {problem}").format(problem=exc)) from None
    # Steps, not pages: SQLite copies the file in one step so that the copy is
    # one read transaction; the check and the verification take as long.
    report(progress, 0, len(BACKUP_STEPS))
    problems = check_database(source)
    if problems:
        raise CorruptDatabaseError(source, problems)

    folder = Path(folder) if folder is not None else backup_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            _("cannot create the backup folder {folder}: {problem}").format(
                folder=folder, problem=exc.strerror or exc
            )
        ) from None
    _remove_stale_temps(folder, source.stem)
    created, target = _free_name(folder, source.stem, reason)
    temp = folder / f".{target.name}.tmp"
    try:
        report(progress, 1, len(BACKUP_STEPS))
        _copy_pages(source, temp)
        report(progress, 2, len(BACKUP_STEPS))
        if not verify_file(temp):
            raise StorageError(
                _(
                    "the backup of {path} failed verification, so it was not kept; "
                    "the older backups in {folder} are unchanged"
                ).format(path=source, folder=folder)
            )
        replace_durably(temp, target)
    except sqlite3.Error as exc:
        if is_corruption(exc):
            raise CorruptDatabaseError(
                source, [_("SQLite cannot read it: {problem}").format(problem=exc)]
            ) from None
        raise StorageError(_("cannot back up {path}: {problem}").format(path=source, problem=exc)) from None
    except OSError as exc:
        raise StorageError(
            _("cannot write a backup into {folder}: {problem}").format(
                folder=folder, problem=exc.strerror or exc
            )
        ) from None
    finally:
        temp.unlink(missing_ok=True)
    backup = Backup(path=target, created=created, size=target.stat().st_size)
    _rotate(source, folder, keep)
    report(progress, len(BACKUP_STEPS), len(BACKUP_STEPS))
    return backup


def backup_if_changed(
    db_path: os.PathLike[str] | str,
    *,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    reason: str = "",
    progress: Progress | None = None,
) -> Backup | None:
    """Back the database up when it changed after its newest backup was started.

    "Changed" means the file's or its ``-wal``'s modification time is later
    than the time in the newest backup's name. A ``-wal`` that holds no
    frames is ignored: SQLite creates one on every open, and that is no edit.
    A missing or empty database has nothing to back up.

    Returns:
        The new backup, or None when none was needed.

    Raises:
        CorruptDatabaseError, StorageError, Cancelled: as :func:`take_backup`.
    """
    source = Path(db_path)
    if not backup_due(source, folder):
        return None
    return take_backup(source, folder=folder, keep=keep, reason=reason, progress=progress)


def backup_due(db_path: os.PathLike[str] | str, folder: Path | None = None) -> bool:
    """Tell whether :func:`backup_if_changed` would take a backup (a few file-system reads)."""
    source = Path(db_path)
    try:
        if source.stat().st_size == 0:
            return False
    except FileNotFoundError:
        return False
    backups = list_backups(source, folder)
    return not (backups and _last_modified_ns(source) <= _to_ns(backups[0].created))


def _last_modified_ns(source: Path) -> int:
    newest = source.stat().st_mtime_ns
    wal = Path(f"{source}-wal")
    try:
        info = wal.stat()
    except OSError:
        return newest
    if info.st_size > 32:  # more than the header: it holds frames
        newest = max(newest, info.st_mtime_ns)
    return newest


def _to_ns(moment: dt.datetime) -> int:
    # Whole microseconds in integers: a float would round by up to ~200 ns.
    return int(time.mktime(moment.timetuple())) * 1_000_000_000 + moment.microsecond * 1000


def _free_name(folder: Path, stem: str, reason: str) -> tuple[dt.datetime, Path]:
    """Return a time and a backup path that does not exist yet."""
    tag = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40]
    created = dt.datetime.now()
    while True:
        name = f"{stem}-{file_stamp(created)}{'-' + tag if tag else ''}{_SUFFIX}"
        target = folder / name
        if not os.path.lexists(target) and not os.path.lexists(folder / f".{name}.tmp"):
            return created, target
        created += dt.timedelta(microseconds=1)


def _copy_pages(source: Path, temp: Path) -> None:
    """Copy the database page by page into ``temp``, self-contained and flushed to disk."""
    reader = connect_readonly(source, immutable=not journals_present(source))
    try:
        writer = sqlite3.connect(temp, isolation_level=None)
        try:
            # One step: the whole copy is one read transaction, so a
            # concurrent commit is either all in it or not at all.
            reader.backup(writer)
            # A backup is one file: no -wal of its own that could be separated from it.
            writer.execute("PRAGMA journal_mode = DELETE")
            if writer.execute("PRAGMA application_id").fetchone()[0] == 0:
                # Our file migrated but not yet stamped: its backup carries the id.
                writer.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        finally:
            writer.close()
    finally:
        reader.close()
    fsync_file(temp)


def _rotate(source: Path, folder: Path, keep: int) -> None:
    for old in list_backups(source, folder)[keep:]:
        with contextlib.suppress(FileNotFoundError):
            old.path.unlink()


def _remove_stale_temps(folder: Path, stem: str) -> None:
    """Delete our own temp files left by a backup that was killed half-way."""
    pattern = _pattern(stem)
    cutoff = time.time() - _STALE_TEMP_SECONDS
    for entry in folder.glob(f".{glob.escape(stem)}-*{_SUFFIX}.tmp"):
        try:
            if pattern.match(entry.name[1:-4]) and entry.stat().st_mtime < cutoff:
                entry.unlink()
        except OSError:
            pass
