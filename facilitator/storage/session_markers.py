"""Session markers: tell, at start, whether the last session on a database ended cleanly.

A marker is written when a session starts and removed when it ends. One still
there at the next start, or a ``-wal`` with frames beside the database, means
the file may need a check before it is opened.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
from pathlib import Path

from facilitator import paths
from facilitator.dates import iso_moment
from facilitator.durable import write_atomically
from facilitator.storage.integrity import wal_frames_present

__all__ = ["mark_session_closed", "mark_session_open", "previous_session_unclean"]


def _marker(db_path: os.PathLike[str] | str) -> Path:
    # In the data folder, not beside the database: the database's folder may
    # be read-only, and the user's folder stays free of our files.
    resolved = Path(db_path).expanduser().absolute()
    digest = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:16]
    return paths.data_dir() / "sessions" / f"{resolved.name}-{digest}.session"


def mark_session_open(db_path: os.PathLike[str] | str) -> None:
    """Record that a session on this database has started.

    The marker is removed by :func:`mark_session_closed`. A marker still
    present at the next start means that session did not end cleanly. A
    failure to write it is logged, not raised: it must not stop the app.
    """
    marker = _marker(db_path)
    content = json.dumps(
        {
            "database": str(Path(db_path).expanduser().absolute()),
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": iso_moment(dt.datetime.now().replace(microsecond=0)),
        }
    )
    try:
        write_atomically(marker, content.encode("utf-8"))
    except OSError as exc:
        _log(exc, f"cannot write the session marker {marker}")


def mark_session_closed(db_path: os.PathLike[str] | str) -> None:
    """Record that the session on this database ended cleanly."""
    marker = _marker(db_path)
    try:
        marker.unlink(missing_ok=True)
    except OSError as exc:
        _log(exc, f"cannot remove the session marker {marker}")


def previous_session_unclean(db_path: os.PathLike[str] | str) -> bool:
    """Return True when the file may need a check before it is opened.

    That is when a session marker is still there, or when a ``-wal`` with
    frames sits beside the database. SQLite deletes the ``-wal`` when the
    last connection closes cleanly, so a left-over one means a crash, another
    process still using the file, or a stray ``-wal``.
    """
    return _marker(db_path).exists() or wal_frames_present(Path(db_path))


def _log(exc: BaseException, context: str) -> None:
    from facilitator.applog import log_exception

    log_exception(exc, context)
