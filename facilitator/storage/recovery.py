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
from facilitator.i18n import _
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
        raise StorageError(_("{path} does not exist; nothing was moved").format(path=path))
    try:
        folder = _new_folder(paths.damaged_dir(), f"{path.stem}-{_stamp()}")
        for member in members:
            _move(member, folder / member.name)
        fsync_folder(folder)
        fsync_folder(path.parent)
    except OSError as exc:
        raise StorageError(
            _("cannot move {path} aside: {problem}").format(path=path, problem=exc.strerror or exc)
        ) from None
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
            _(
                "{backup} is not a sound Scale Across backup (it failed verification); "
                "{path} was left as it is"
            ).format(backup=backup, path=target)
        )
    if target.exists() and backup.resolve() == target.resolve():
        raise StorageError(_("{backup} is the database itself, not a backup of it").format(backup=backup))
    temp = target.with_name(f".{target.name}.restore-{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        copy_durably(backup, temp)
        if not verify_file(temp):
            raise StorageError(
                _("the copy of {backup} failed verification; {path} was left as it is").format(
                    backup=backup, path=target
                )
            )
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise StorageError(
            _("cannot restore {backup}: {problem}; {path} was left as it is").format(
                backup=backup, problem=exc.strerror or exc, path=target
            )
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
        if moved:
            message = _(
                "cannot put the restored file in place at {path}: {problem} "
                "(the verified copy is {copy}; the previous file is in {moved})"
            )
        else:
            message = _(
                "cannot put the restored file in place at {path}: {problem} (the verified copy is {copy})"
            )
        raise StorageError(
            message.format(path=target, problem=exc.strerror or exc, copy=temp, moved=moved)
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
    raise FileExistsError(_("no free folder name for {name} in {folder}").format(name=name, folder=parent))


def _move(source: Path, target: Path) -> None:
    """Move one file without ever overwriting ``target``; across file systems copy first."""
    if os.path.lexists(target):
        raise FileExistsError(_("{path} already exists").format(path=target))
    try:
        os.rename(source, target)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
    copy_durably(source, target)
    source.unlink()
