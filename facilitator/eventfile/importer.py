"""Read an event file and add its event to the database.

Import runs in two phases. The *plan* only reads the database: it matches
coalitions and patterns, picks every id and finds every conflict. Only then
does the *write* phase add records, so a conflict is reported before the
session holds a single new record (the caller's transaction still guards
against failures while writing).
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from contextlib import suppress
from pathlib import Path

from sqlalchemy.orm import Session

from facilitator.documents import TextNotice, load_document, parse_document
from facilitator.domain import Event
from facilitator.eventfile.plan import Plan
from facilitator.eventfile.records import EventDocument
from facilitator.eventfile.schema import MAX_FILE_BYTES, validate_event_document
from facilitator.eventfile.writer import Writer
from facilitator.progress import Cancelled, Progress, report
from facilitator.storage import Database

#: The units :func:`import_event_file` reports: the file read and checked, the
#: records matched against the stored ones, the records added, and committed.
IMPORT_STEPS = 4


def read_event_file(path: str | os.PathLike[str]) -> EventDocument:
    """Read and check an event file (``.json`` is JSON, anything else YAML).

    Text is read as the app stores typed text (``facilitator.stored_text``):
    line ends become newlines and invisible characters are dropped; the
    document's ``notices`` say what was dropped and where.

    Raises:
        DocumentError: The file is unreadable, too large (10 MiB) or invalid;
            the message is ``path:line:column: problem``.
    """
    source = Path(path)
    notices: list[TextNotice] = []
    value = load_document(source, max_bytes=MAX_FILE_BYTES, notices=notices)
    return _with_notices(validate_event_document(value, str(source)), notices)


def parse_event_file(data: bytes, source: str, *, is_json: bool = False) -> EventDocument:
    """Check event-file content that is already in memory (e.g. dropped or pasted).

    Raises:
        DocumentError: As :func:`read_event_file`; ``source`` names the data.
    """
    notices: list[TextNotice] = []
    value = parse_document(data, source, is_json=is_json, max_bytes=MAX_FILE_BYTES, notices=notices)
    return _with_notices(validate_event_document(value, source), notices)


def _with_notices(doc: EventDocument, notices: list[TextNotice]) -> EventDocument:
    return dataclasses.replace(doc, notices=tuple(notices)) if notices else doc


def import_event(session: Session, doc: EventDocument, *, new_ids: bool = False) -> Event:
    """Add the event in ``doc`` to the database through ``session``.

    Coalitions are matched by id, then by name (case-insensitive), else
    created. A pattern whose UUID is already stored is reused as it is; only
    its boundary conditions with new ids (or, without an id, new wording) and
    its links to this event's outcomes are added. The caller's transaction
    makes the import all or nothing.

    Args:
        session: The caller's session; nothing is committed here.
        doc: A validated document from :func:`read_event_file`.
        new_ids: Give the event and all its records fresh ids, to add a copy
            of an event that is already stored. Coalitions and patterns keep
            theirs, so the copy shares them.

    Returns:
        The new event, flushed.

    Raises:
        DocumentError: A record's id is already in the database (pointing at
            that id), or a boundary id belongs to another pattern.
    """
    plan = Plan(session, doc, new_ids)
    return Writer(session, doc, plan).write()


def import_event_file(
    db: Database,
    path: str | os.PathLike[str],
    *,
    new_ids: bool = False,
    notices: list[TextNotice] | None = None,
    progress: Progress | None = None,
) -> uuid.UUID:
    """Read ``path`` and import it in one transaction; return the new event's id.

    Args:
        db: The database to add the event to.
        path: The event file.
        new_ids: As for :func:`import_event`.
        notices: Receives what the reader dropped from the file's text (one
            :class:`TextNotice` per character or run), for the caller to show.
        progress: Told (done, ``IMPORT_STEPS``) as it starts and after each
            step. Up to the records added, before they are committed, a
            ``Cancelled`` from it stores nothing; the last report, once
            committed, comes too late to stop anything and a ``Cancelled``
            from it is ignored.

    Raises:
        DocumentError: The file is invalid or conflicts with stored records.
        StorageError: The database refused the write.
        Cancelled: ``progress`` stopped the import; nothing was stored.
    """
    report(progress, 0, IMPORT_STEPS)
    doc = read_event_file(path)
    report(progress, 1, IMPORT_STEPS)
    with db.transaction() as session:
        plan = Plan(session, doc, new_ids)
        report(progress, 2, IMPORT_STEPS)
        event_id = Writer(session, doc, plan).write().id
        # Inside the transaction: a Cancelled here rolls every added record back.
        report(progress, 3, IMPORT_STEPS)
    with suppress(Cancelled):  # committed: the event is stored, and the caller is told so
        report(progress, IMPORT_STEPS, IMPORT_STEPS)
    if notices is not None:
        notices.extend(doc.notices)
    return event_id
