"""Copy the history of one database into another: a laptop's file into the shared server, or back.

Each event travels as its event file (the format every import already
checks), with its ids, so patterns and coalitions shared between events stay
shared, and copying again recognises what is already there:

- an event the target lacks is imported, in a transaction of its own (an
  interrupted copy keeps what it finished, and the next run goes on);
- an event the target holds with the same content is left alone;
- an event the target holds with different content is reported, never
  overwritten: whoever runs the copy decides which side is right.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.documents import DocumentError
from facilitator.domain import Event
from facilitator.eventfile.export import dump_event_document, event_to_document
from facilitator.eventfile.importer import import_event, parse_event_file
from facilitator.i18n import _
from facilitator.progress import Progress, report
from facilitator.services import events as event_service
from facilitator.storage import Database

__all__ = ["CopyReport", "copy_history"]


@dataclass
class CopyReport:
    """What a copy did, event by event."""

    copied: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    differing: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Tell whether every event is now the same on both sides."""
        return not self.differing and not self.refused


def _label(document: dict[str, object]) -> str:
    event = document["event"]
    assert isinstance(event, dict)
    # Translators: an event without a title, in the report of copying events between databases.
    title = event["title"] or _("(untitled)")
    return f"{event['id']} {event['date']} {title}"


def _comparable(document: dict[str, object]) -> object:
    """Return the document with coalition ids replaced by their names.

    An import matches a coalition by name when its id is not there (two
    laptops that each planned the "Checkout" coalition), so the same event
    may name its coalition by different ids on the two sides.
    """
    names: dict[object, str] = {}
    for key in ("coalitions", "other_coalitions"):
        entries = document.get(key) or []
        assert isinstance(entries, list)
        for entry in entries:
            assert isinstance(entry, dict)
            names[entry["id"]] = f"coalition {str(entry['name']).casefold()}"

    def walk(value: object) -> object:
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return names.get(value, value) if isinstance(value, str) else value

    return walk(document)


def copy_history(source: Database, target: Database, *, progress: Progress | None = None) -> CopyReport:
    """Copy every event of ``source`` that ``target`` lacks; report those that differ.

    Args:
        source: The database read from (nothing is written to it).
        target: The database written to, one transaction per event.
        progress: Called with (0, events in all) first, then with (events done,
            events in all) after each event, before that event's transaction
            commits: a :class:`~facilitator.progress.Cancelled` it raises rolls
            that event back and passes through, the events before it stay
            copied (as after any interruption; the next run goes on).

    Raises:
        StorageError: Either database failed (events already copied stay).
    """
    with source.transaction() as session:
        ids = list(session.scalars(select(Event.id).order_by(Event.date, Event.created_at, Event.id)))
    copied = CopyReport()
    report(progress, 0, len(ids))
    for done, event_id in enumerate(ids, start=1):
        _copy_one(source, target, event_id, copied, partial(report, progress, done, len(ids)))
    return copied


def _copy_one(
    source: Database, target: Database, event_id: uuid.UUID, copied: CopyReport, finish: Callable[[], None]
) -> None:
    """Copy one event, or tell how it stands; ``finish`` runs inside the target's transaction."""
    with source.transaction() as session:
        document = event_to_document(event_service.load_event(session, event_id))
    label = _label(document)
    with target.transaction() as session:
        outcome = _store(session, event_id, document, label)
        finish()
    getattr(copied, outcome[0]).append(outcome[1])


def _store(session: Session, event_id: uuid.UUID, document: dict[str, object], label: str) -> tuple[str, str]:
    """Import ``document`` unless the target has the event; return (report list, entry)."""
    if session.get(Event, event_id) is not None:
        theirs = event_to_document(event_service.load_event(session, event_id))
        same = _comparable(theirs) == _comparable(document)
        return ("unchanged" if same else "differing"), label
    try:
        parsed = parse_event_file(dump_event_document(document, "json"), label, is_json=True)
        import_event(session, parsed)
    except DocumentError as exc:
        session.rollback()
        return "refused", f"{label}: {exc}"
    return "copied", label
