"""Durable file writes: content reaches the disk before it replaces anything.

The app's one implementation, used for event files, exported PDFs, backups,
restores, files moved aside and session markers. A rename is only atomic
within one file system, so temporary files always sit in the target's folder;
a rename only survives a power cut once that folder is flushed too.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path

__all__ = [
    "copy_durably",
    "fsync_file",
    "fsync_folder",
    "missing_folder",
    "replace_durably",
    "write_atomically",
]


def missing_folder(path: Path) -> Path | None:
    """Return the outermost folder above ``path`` that does not exist yet, or None.

    Callers ask before writing, so they can say which folder the write made.
    """
    missing = None
    for folder in Path(path).parents:
        if folder.exists():
            break
        missing = folder
    return missing


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so a reader sees the old file or the new, never half.

    The folder is created first, with its parents, as every tool that is told
    to write somewhere does. The content goes to a temporary file in that
    folder (``.<name>.<random>.tmp``), is flushed to the disk, and then
    renamed over ``path``. The folder is flushed last, where the system allows.

    Args:
        path: The file to write or replace.
        data: Its whole new content.

    Raises:
        OSError: The folder cannot be made or written, the disk is full, etc.
            The temporary file is removed and ``path`` is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # 0o666 lets the user's umask decide, as for any file they save.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    # The new file is already in place: a folder that cannot be flushed
    # (some network and FUSE file systems) must not turn that into a failure.
    with contextlib.suppress(OSError):
        fsync_folder(path.parent)


def replace_durably(source: Path, target: Path) -> None:
    """Rename a file that is already on disk over ``target``, then flush the folder.

    Args:
        source: A complete, flushed file in ``target``'s folder.
        target: The file to create or replace.

    Raises:
        OSError: The rename or the folder flush failed.
    """
    os.replace(source, target)
    fsync_folder(target.parent)


def copy_durably(source: Path, target: Path) -> None:
    """Copy a file byte for byte and flush it to disk before returning.

    ``target`` must not exist yet: it is never overwritten. The copy keeps
    the source's permission bits and times.

    Raises:
        FileExistsError: ``target`` exists.
        OSError: The file cannot be read or written.
    """
    with source.open("rb") as src, target.open("xb") as dst:
        shutil.copyfileobj(src, dst, length=1024 * 1024)
        dst.flush()
        os.fsync(dst.fileno())
    shutil.copystat(source, target)


def fsync_file(path: Path) -> None:
    """Flush a file written by someone else (SQLite, say) to the disk.

    Raises:
        OSError: The file cannot be opened or flushed.
    """
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries, so a rename in it survives a power cut.

    Only POSIX systems can open a folder for this; elsewhere it does nothing.

    Raises:
        OSError: The folder cannot be opened or flushed.
    """
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
