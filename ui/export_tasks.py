"""What the window's long exports run on a pool thread (ui/background.py), and what may go wrong.

Work for a pool thread reads only what it opens itself: the event is loaded
in the worker's own session, never taken from the window.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from exports.errors import ExportError

if TYPE_CHECKING:
    from facilitator.domain import Event
    from facilitator.progress import Progress
    from facilitator.storage import Database

_Result = TypeVar("_Result")


def expected_errors() -> tuple[type[Exception], ...]:
    """Return what a write may fail with that the banner explains (anything else: the crash dialog)."""
    # Imported when an export runs: the window paints before SQLAlchemy loads.
    from facilitator.services.errors import ServiceError
    from facilitator.storage import StorageError

    return (ExportError, OSError, StorageError, ServiceError)


def of_stored_event(
    db: Database, event_id: uuid.UUID, write: Callable[[Event, Progress], _Result]
) -> Callable[[Progress], _Result]:
    """Return work for a pool thread: load the event in its own session, then ``write`` it.

    The window's loaded event is updated in place as edits are stored, so a
    worker reading it could see half an edit; it reads its own copy, as
    stored when the export started.
    """

    def work(progress: Progress) -> _Result:
        from facilitator.services.events import load_event

        with db.transaction() as session:
            event = load_event(session, event_id)
        return write(event, progress)

    return work


def agreements_work(
    db: Database, event_id: uuid.UUID, folder: Path, page_size: str
) -> Callable[[Progress], list[Path]]:
    """Return work that writes one agreement PDF per adopter of the stored event into ``folder``."""

    def write(event: Event, progress: Progress) -> list[Path]:
        from exports.files import export_agreements

        return export_agreements(event, folder, page_size=page_size, progress=progress)

    return of_stored_event(db, event_id, write)


def drafts_work(
    db: Database, event_id: uuid.UUID, folder: Path, page_size: str
) -> Callable[[Progress], list[Path]]:
    """Return work that writes one mail draft per adopter of the stored event into ``folder``."""

    def write(event: Event, progress: Progress) -> list[Path]:
        from exports.formats import write_mail_drafts

        return write_mail_drafts(event, folder, page_size=page_size, progress=progress)

    return of_stored_event(db, event_id, write)
