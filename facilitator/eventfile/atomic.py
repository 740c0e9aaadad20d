"""Replace a file only once its new content is safely on disk."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


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
    folder (``os.replace`` is only atomic within one file system), is flushed
    to the disk, and then renamed over ``path``.

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
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
