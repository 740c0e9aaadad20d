"""What the window's long exports run on a pool thread (ui/background.py), and what may go wrong.

Work for a pool thread reads only what it opens itself: the event is loaded
in the worker's own session, never taken from the window.

A one-file export reports its units so that Cancel is honoured up to the
moment the file is written and never after: (0, 2) once the event is loaded,
(1, 2) once the document is made, (2, 2) once the file is in place.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from exports.errors import ExportError
from facilitator.progress import report

if TYPE_CHECKING:
    from facilitator.domain import Event
    from facilitator.progress import Progress
    from facilitator.storage import Database

_Result = TypeVar("_Result")

#: The units of a one-file export: the document made, the file written.
ONE_FILE = 2


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


def summary_work(db: Database, event_id: uuid.UUID, path: Path, page_size: str) -> Callable[[Progress], Path]:
    """Return work that writes the summary PDF of the stored event to ``path``."""

    def write(event: Event, progress: Progress) -> Path:
        # Imported in the worker: ReportLab's first load would stall the GUI thread.
        from exports.pdf import render_summary
        from exports.values import document_language
        from facilitator.i18n import speaking
        from facilitator.services.readiness import open_items_of

        report(progress, 0, ONE_FILE)
        # From the worker's own copy, as stored when the export started, like the rest of the
        # summary, and in the summary's language.
        with speaking(document_language(event)):
            left_open = [item.text for item in open_items_of(event)]
        return _write_made(path, render_summary(event, page_size=page_size, left_open=left_open), progress)

    return of_stored_event(db, event_id, write)


def agreement_work(
    db: Database, event_id: uuid.UUID, adopter_id: uuid.UUID, path: Path, page_size: str
) -> Callable[[Progress], Path]:
    """Return work that writes the agreement PDF of one adopter of the stored event to ``path``."""

    def write(event: Event, progress: Progress) -> Path:
        from exports.pdf import render_agreement

        report(progress, 0, ONE_FILE)
        return _write_made(path, render_agreement(event, adopter_id, page_size=page_size), progress)

    return of_stored_event(db, event_id, write)


def _write_made(path: Path, data: bytes, progress: Progress) -> Path:
    """Write a made document unless Cancel came first; then report it done."""
    from exports.files import write_atomically

    report(progress, 1, ONE_FILE)  # the last point to stop: nothing is written yet
    written = write_atomically(path, data)
    # The file is in place: the task's report of all done is never a stop (ui.background.Task.report).
    report(progress, ONE_FILE, ONE_FILE)
    return written


def calendar_work(db: Database, event_id: uuid.UUID, path: Path) -> Callable[[Progress], Path]:
    """Return work that writes the check-ins of the stored event as a calendar file (not cancellable).

    Through ``write_document``, so the file is the command line's, byte for
    byte; it is quick once icalendar is loaded, which is the part that takes
    a noticeable moment the first time.
    """

    def write(event: Event, progress: Progress) -> Path:
        from exports.formats import write_document

        written = write_document(event, "ics", path)
        report(progress, 1, 1)
        return written

    return of_stored_event(db, event_id, write)


def event_file_work(db: Database, event_id: uuid.UUID, path: Path) -> Callable[[Progress], Path]:
    """Return work that writes the stored event as an event file (YAML or JSON by the name)."""

    def work(progress: Progress) -> Path:
        from facilitator.eventfile import export_event

        # The event is read in this worker's own session, as stored now.
        with db.transaction() as session:
            return export_event(session, event_id, path, progress=progress)

    return work
