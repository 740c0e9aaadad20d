"""Read an event file and add its event to the database.

Import runs in two phases. The *plan* only reads the database: it matches
coalitions and patterns, picks every id and finds every conflict. Only then
does the *write* phase add records, so a conflict is reported before the
session holds a single new record (the caller's transaction still guards
against failures while writing).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from sqlalchemy.orm import Session

from facilitator.documents import load_document, parse_document
from facilitator.domain import Event
from facilitator.eventfile.plan import Plan
from facilitator.eventfile.records import EventDocument
from facilitator.eventfile.schema import MAX_FILE_BYTES, validate_event_document
from facilitator.eventfile.writer import Writer
from facilitator.storage import Database


def read_event_file(path: str | os.PathLike[str]) -> EventDocument:
    """Read and check an event file (``.json`` is JSON, anything else YAML).

    Raises:
        DocumentError: The file is unreadable, too large (10 MiB) or invalid;
            the message is ``path:line:column: problem``.
    """
    source = Path(path)
    return validate_event_document(load_document(source, max_bytes=MAX_FILE_BYTES), str(source))


def parse_event_file(data: bytes, source: str, *, is_json: bool = False) -> EventDocument:
    """Check event-file content that is already in memory (e.g. dropped or pasted).

    Raises:
        DocumentError: As :func:`read_event_file`; ``source`` names the data.
    """
    value = parse_document(data, source, is_json=is_json, max_bytes=MAX_FILE_BYTES)
    return validate_event_document(value, source)


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
    db: Database, path: str | os.PathLike[str], *, new_ids: bool = False
) -> uuid.UUID:
    """Read ``path`` and import it in one transaction; return the new event's id.

    Raises:
        DocumentError: The file is invalid or conflicts with stored records.
        StorageError: The database refused the write.
    """
    doc = read_event_file(path)
    with db.transaction() as session:
        return import_event(session, doc, new_ids=new_ids).id
