"""Set a damaged database aside, and put a verified backup in its place.

Nothing here deletes or overwrites a user's file: a damaged file and its
journals are moved into a fresh folder under the data directory, and a backup
is copied and verified before the current file is moved out of its way.
Only the standard library is used, so recovery works before SQLAlchemy loads.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

from facilitator import paths
from facilitator.dates import file_stamp
from facilitator.durable import copy_durably, fsync_folder, replace_durably
from facilitator.storage.errors import StorageError
from facilitator.storage.integrity import JOURNAL_SUFFIXES, verify_file

__all__ = ["move_aside", "restore_backup"]

# Journals go first when a file is moved aside. A database must never be
# left beside a -wal that is not its own (SQLite would apply it).
_MOVE_ORDER = (*JOURNAL_SUFFIXES, "")


def move_aside(db_path: os.PathLike[str] | str) -> Path:
    """Move a database and its ``-wal``/``-shm``/``-journal`` into the damaged folder.

    The files go into a new folder ``damaged/<stem>-<timestamp>/`` in the
    data directory. Nothing is deleted or overwritten: a move to another file
    system copies, syncs, and only then removes the original. Journals move
    first, so the database is never left beside a ``-wal`` that is not its own.

    Args:
        db_path: The database file.

    Returns:
        The folder that now holds the files.

    Raises:
        StorageError: none of the files exist, or they cannot be moved.
    """
    path = Path(db_path)
    members = [Path(f"{path}{suffix}") for suffix in _MOVE_ORDER]
    members = [member for member in members if os.path.lexists(member)]
    if not members:
        raise StorageError(f"{path} does not exist; nothing was moved")
    try:
        folder = _new_folder(paths.damaged_dir(), f"{path.stem}-{_stamp()}")
        for member in members:
            _move(member, folder / member.name)
        fsync_folder(folder)
        fsync_folder(path.parent)
    except OSError as exc:
        raise StorageError(f"cannot move {path} aside: {exc.strerror or exc}") from None
    return folder


def restore_backup(backup_path: os.PathLike[str] | str, db_path: os.PathLike[str] | str) -> Path | None:
    """Put a verified backup in place of the database.

    The backup is verified first. It is then copied beside the database and
    verified again. Only then is the current file moved aside (with its
    journals), and the copy renamed into place. A failure before that point
    leaves the current file as it was.

    Args:
        backup_path: The backup file to restore.
        db_path: The database file to replace (it may be missing).

    Returns:
        The folder the current file was moved to, or None when there was none.

    Raises:
        StorageError: the backup fails verification, or the files cannot be
            written. The current file is then untouched.
    """
    backup, target = Path(backup_path), Path(db_path)
    if not verify_file(backup):
        raise StorageError(
            f"{backup} is not a sound Scale Across backup (it failed verification); "
            f"{target} was left as it is"
        )
    if target.exists() and backup.resolve() == target.resolve():
        raise StorageError(f"{backup} is the database itself, not a backup of it")
    temp = target.with_name(f".{target.name}.restore-{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        copy_durably(backup, temp)
        if not verify_file(temp):
            raise StorageError(f"the copy of {backup} failed verification; {target} was left as it is")
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise StorageError(
            f"cannot restore {backup}: {exc.strerror or exc}; {target} was left as it is"
        ) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    moved: Path | None = None
    if any(os.path.lexists(f"{target}{suffix}") for suffix in _MOVE_ORDER):
        try:
            moved = move_aside(target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    try:
        replace_durably(temp, target)
    except OSError as exc:
        where = f"; the previous file is in {moved}" if moved else ""
        raise StorageError(
            f"cannot put the restored file in place at {target}: {exc.strerror or exc} "
            f"(the verified copy is {temp}{where})"
        ) from None
    return moved


def _stamp() -> str:
    return file_stamp(dt.datetime.now())


def _new_folder(parent: Path, name: str) -> Path:
    parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(1, 1000):
        folder = parent / (name if attempt == 1 else f"{name}-{attempt}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder
    raise FileExistsError(f"no free folder name for {name} in {parent}")


def _move(source: Path, target: Path) -> None:
    """Move one file without ever overwriting ``target``; across file systems copy first."""
    if os.path.lexists(target):
        raise FileExistsError(f"{target} already exists")
    try:
        os.rename(source, target)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
    copy_durably(source, target)
    source.unlink()
