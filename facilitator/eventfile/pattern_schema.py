"""The patterns of an event file: what worked or broke, and the boundaries that keep it in place."""

from __future__ import annotations

import uuid

from facilitator.documents import LocatedMapping
from facilitator.documents.schema import (
    at_index,
    at_key,
    check_keys,
    check_text,
    describe,
    get_sequence,
    value_error,
)
from facilitator.domain import BoundaryKind, OutcomeKind
from facilitator.eventfile.fields import (
    MAX_LONG,
    MAX_NOTE,
    MAX_TITLE,
    UUID_PATTERN,
    Place,
    check_record_keys,
    get_line,
    place_of,
    read_choice,
    read_text,
)
from facilitator.eventfile.records import BoundaryEntry, EventInfo, PatternEntry
from facilitator.eventfile.references import IdRegistry, References
from facilitator.i18n import _

__all__ = ["read_pattern"]

_BOUNDARY_LISTS = (
    (BoundaryKind.WORKS_WHEN, "works_when"),
    (BoundaryKind.BREAKS_WHEN, "breaks_when"),
    (BoundaryKind.PREREQUISITE, "prerequisites"),
)


def read_pattern(
    mapping: LocatedMapping, where: str, ids: IdRegistry, refs: References, event: EventInfo
) -> PatternEntry:
    """Read one pattern at ``where``, with its boundaries.

    Args:
        mapping: The pattern as written.
        where: Its path, e.g. ``patterns[2]``.
        ids: Every id read so far; the pattern's and its boundaries' join them.
        refs: The coalitions and outcomes a pattern may name.
        event: The event being read: a boundary stated at it has no ``from_event``.
    """
    check_record_keys(
        mapping,
        where,
        ("name",),
        ("coalition", "kind", "summary", "guidance", "outcomes", *(k for _, k in _BOUNDARY_LISTS)),
    )
    record_id = ids.read(mapping, where)
    boundaries = tuple(
        boundary
        for kind, key in _BOUNDARY_LISTS
        for boundary in _boundaries(mapping, key, where, kind, ids, event)
    )
    return PatternEntry(
        id=record_id,
        place=place_of(mapping, where),
        coalition=refs.coalition(mapping, where),
        kind=read_choice(mapping, "kind", where, OutcomeKind, OutcomeKind.SUCCESS),
        name=read_text(mapping, "name", where, MAX_TITLE, required=True),
        summary=read_text(mapping, "summary", where, MAX_LONG),
        guidance=read_text(mapping, "guidance", where, MAX_LONG),
        outcomes=refs.many(mapping, "outcomes", where, "outcome"),
        boundaries=boundaries,
    )


def _boundaries(
    mapping: LocatedMapping,
    key: str,
    where: str,
    kind: BoundaryKind,
    ids: IdRegistry,
    event: EventInfo,
) -> list[BoundaryEntry]:
    items = get_sequence(mapping, key, where, required=False)
    path = at_key(where, key)
    entries = []
    for index, item in enumerate(items):
        item_path = at_index(path, index)
        mark = items.item_mark(index)
        place = Place(mapping.source, item_path, mark)
        if not isinstance(item, LocatedMapping):
            text = check_text(item, item_path, source=mapping.source, mark=mark, max_length=MAX_NOTE)
            entries.append(BoundaryEntry(None, place, kind, text, True, None))
            continue
        check_keys(item, item_path, required=("text",), optional=("id", "from_event"))
        record_id = ids.read(item, item_path)
        text = read_text(item, "text", item_path, MAX_NOTE, required=True)
        stated_here, from_event = _from_event(item, item_path, event)
        entries.append(BoundaryEntry(record_id, place, kind, text, stated_here, from_event))
    return entries


def _from_event(mapping: LocatedMapping, where: str, event: EventInfo) -> tuple[bool, uuid.UUID | None]:
    if "from_event" not in mapping:
        return True, None
    if mapping["from_event"] is None:
        return False, None
    text = get_line(mapping, "from_event", where, required=True, max_length=64)
    if not UUID_PATTERN.fullmatch(text):
        raise value_error(
            mapping,
            "from_event",
            where,
            _("must be an event's UUID or null, got {value}").format(value=describe(text)),
        )
    value = uuid.UUID(text)
    if event.id is not None and event.id.uuid == value:
        return True, None
    return False, value
