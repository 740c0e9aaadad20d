"""Read the event list without the ORM: for a fast first screen, and for ``scale-across events``.

Loading SQLAlchemy and the ORM costs more than showing a whole Qt window, so
the start screen is filled from here with the standard library alone, and
the full database layer is opened right after the window has painted.
Anything unusual (a new, foreign, older or newer file, a folder that cannot
be written) returns None, and the caller takes the full, careful path, which
refuses a file before anything writes.

:func:`event_summaries` reads the same list through an open database's plain
connection, on either backend: the command line prints it without paying
for the ORM's import.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.domain.enums import EventStatus
from facilitator.domain.summary import EventSummary
from facilitator.i18n import _
from facilitator.storage.constants import HEAD_REVISION, shipped_revisions
from facilitator.storage.errors import StorageError
from facilitator.storage.file_check import ForeignFileError, check_database_file
from facilitator.storage.integrity import journals_present

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_EVENTS = "SELECT id, date, title, status, facilitator FROM events ORDER BY date DESC, created_at DESC"
_COALITIONS = (
    "SELECT ec.event_id, c.name FROM event_coalitions ec "
    "JOIN coalitions c ON c.id = ec.coalition_id ORDER BY ec.position"
)


def event_summaries(connection: Connection) -> list[EventSummary]:
    """Return every event newest first, as ``services.events.list_events`` does, in plain SQL.

    Raises:
        StorageError: A stored id, date or status cannot be read.
    """
    try:
        return _summaries(connection.exec_driver_sql(_EVENTS), connection.exec_driver_sql(_COALITIONS))
    except ValueError as exc:
        raise StorageError(_("the list of events cannot be read: {problem}").format(problem=exc)) from exc


def recent_events(path: Path) -> list[EventSummary] | None:
    """Return the events of an existing database at the current schema, newest first.

    The file is opened read-only and never changed, and nothing is created
    beside it. Returns None whenever the careful path is needed instead,
    including when its folder cannot be written (opening would fail).
    """
    return _read(path, lambda revision: revision == HEAD_REVISION)


def events_before_update(path: Path) -> list[EventSummary] | None:
    """Return the events of an existing database this version must update first, newest first.

    The window shows them, greyed, while the update runs in the background;
    every column read here has been there since the first schema. None
    when the file needs no update, is new, or is anything :func:`recent_events`
    would refuse; a revision from a newer app is refused too (the careful
    path says so before any window).
    """
    return _read(path, lambda revision: revision != HEAD_REVISION and revision in shipped_revisions())


def _read(path: Path, wanted: Callable[[str], bool]) -> list[EventSummary] | None:
    """Return the events of an existing database whose revision is ``wanted``; None otherwise."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        check_database_file(path)
    except (OSError, ForeignFileError):
        return None
    journals = journals_present(path)
    if not journals and not os.access(path.parent, os.W_OK | os.X_OK):
        # Read as immutable, the file would show its events, but opening it
        # for edits cannot create its journal files: say so before any window.
        return None
    try:
        # Immutable when no journal is beside it: a plain read-only connection
        # to a WAL file leaves an empty -wal and -shm behind, even when the
        # file is then refused.
        query = "mode=ro" if journals else "mode=ro&immutable=1"
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?{query}", uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or not wanted(revision[0]):
            return None
        return _summaries(connection.execute(_EVENTS), connection.execute(_COALITIONS))
    except (sqlite3.Error, ValueError):
        return None
    finally:
        connection.close()


def _summaries(events: Iterable[Any], coalitions: Iterable[Any]) -> list[EventSummary]:
    """Return the summaries of rows of :data:`_EVENTS` and :data:`_COALITIONS`.

    SQLite gives ids and dates as text, PostgreSQL as ``UUID`` and ``date``.

    Raises:
        ValueError: A stored value is not an id, date or status.
    """
    names: dict[str, list[str]] = {}
    for event_id, name in coalitions:
        names.setdefault(str(event_id), []).append(name)
    return [
        EventSummary(
            id=event_id if isinstance(event_id, uuid.UUID) else uuid.UUID(hex=event_id),
            date=date if isinstance(date, dt.date) else dt.date.fromisoformat(date),
            title=title,
            coalitions=tuple(names.get(str(event_id), ())),
            status=EventStatus(status),
            facilitator=facilitator,
        )
        for event_id, date, title, status, facilitator in events
    ]
