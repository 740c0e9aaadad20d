"""Check an event file against format version 1 and build its records.

Everything is checked here, before the importer writes anything: a file
that passes this module can only fail to import because of what is already
in the database (an event with the same id, for instance).

Every problem is a :class:`~facilitator.documents.DocumentError` pointing at
the key or value concerned, e.g.::

    prepared.yaml:41:14: agreements[2].adopter: no participant has the id "anna" ...
"""

from __future__ import annotations

import uuid
from collections.abc import Collection

from facilitator.dates import iso_moment
from facilitator.documents import LocatedMapping, error_at
from facilitator.documents.schema import (
    at_index,
    at_key,
    check_keys,
    check_text,
    describe,
    expect_mapping,
    get_date,
    get_enum,
    get_int,
    get_mapping,
    get_sequence,
    get_text,
    value_error,
)
from facilitator.domain import (
    AgreementStatus,
    BoundaryKind,
    EventStatus,
    OutcomeKind,
    ParticipantRole,
    SupportType,
    Trigger,
)
from facilitator.eventfile.fields import (
    UUID_PATTERN,
    Place,
    get_datetime,
    get_line,
    get_number,
    get_optional_date,
    place_of,
    place_of_value,
)
from facilitator.eventfile.records import (
    AgreementEntry,
    BoundaryEntry,
    CoalitionEntry,
    EventDocument,
    EventInfo,
    OutcomeEntry,
    ParticipantEntry,
    PatternEntry,
    StatusEntry,
    SupportEntry,
)
from facilitator.eventfile.references import IdRegistry, References


FORMAT_NAME = "scale-across-event"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 10 * 1024 * 1024
"""Larger event files are refused before they are read."""

# The same limits the services apply, so a file never brings in what the
# app would refuse to store when typed.
_NAME, _TITLE, _LONG, _NOTE, _STEP = 200, 300, 20_000, 5_000, 64
_OUTCOME_TITLE, _UNIT, _AGENDA = 500, 40, 64

_BOUNDARY_LISTS = (
    (BoundaryKind.WORKS_WHEN, "works_when"),
    (BoundaryKind.BREAKS_WHEN, "breaks_when"),
    (BoundaryKind.PREREQUISITE, "prerequisites"),
)


def validate_event_document(value: object, source: str) -> EventDocument:
    """Check a loaded document (see :func:`facilitator.documents.load_document`).

    Args:
        value: The located value the loader returned.
        source: The file name, for messages.

    Returns:
        The validated event with all references resolved.

    Raises:
        DocumentError: At the first problem, with its line and column.
    """
    top = expect_mapping(value, "", source=source)
    _check_header(top)
    check_keys(
        top,
        "",
        required=("format", "version", "event", "coalitions"),
        optional=("other_coalitions", "participants", "outcomes", "patterns", "agreements"),
    )
    # Records are read in the order references need them, whatever the
    # order of keys in the file.
    ids = IdRegistry()
    refs = References()
    event = _event(get_mapping(top, "event", ""), ids)  # type: ignore[arg-type]
    coalitions = _coalitions(top, ids)
    refs.add("coalition", coalitions)
    participants = _records(top, "participants", lambda m, w: _participant(m, w, ids))
    refs.add("participant", participants)
    outcomes = _records(top, "outcomes", lambda m, w: _outcome(m, w, ids))
    refs.add("outcome", outcomes)
    patterns = _records(top, "patterns", lambda m, w: _pattern(m, w, ids, refs, event))
    refs.add("pattern", patterns)
    agreements = _records(top, "agreements", lambda m, w: _agreement(m, w, ids, refs))
    return EventDocument(
        source=source,
        event=event,
        coalitions=coalitions,
        participants=participants,
        outcomes=outcomes,
        patterns=patterns,
        agreements=agreements,
    )


def _check_header(top: LocatedMapping) -> None:
    # Checked before the other keys: for a file of another kind (an agenda,
    # say) "this is not an event file" is the one useful message.
    if "format" not in top:
        raise error_at(
            top.source,
            top.mark,
            f'missing "format: {FORMAT_NAME}" at the top; is this a Scale Across event file?',
        )
    if top["format"] != FORMAT_NAME:
        raise value_error(
            top,
            "format",
            "",
            f'must be "{FORMAT_NAME}", got {describe(top["format"])}; '
            "is this a Scale Across event file?",
        )
    version = get_int(top, "version", "", minimum=1)
    if version > FORMAT_VERSION:
        raise value_error(
            top,
            "version",
            "",
            f"version {version} is newer than this app reads (it reads version "
            f"{FORMAT_VERSION}); update the app to import this file",
        )


# --- small readers ------------------------------------------------------------


def _text(
    mapping: LocatedMapping,
    key: str,
    where: str,
    max_length: int,
    *,
    required: bool = False,
    default: str = "",
) -> str:
    return get_text(
        mapping,
        key,
        where,
        required=required,
        default=default,
        max_length=max_length,
        allow_empty=not required,
    )


def _choice(mapping: LocatedMapping, key: str, where: str, enum_cls, default=None):
    value = get_enum(
        mapping,
        key,
        where,
        enum_cls.values(),
        required=default is None,
        default=None if default is None else default.value,
    )
    return enum_cls(value)


def _records(top: LocatedMapping, key: str, read) -> tuple:
    items = get_sequence(top, key, "", required=False)
    records = []
    for index, item in enumerate(items):
        where = at_index(key, index)
        mapping = expect_mapping(item, where, source=top.source, mark=items.item_mark(index))
        records.append(read(mapping, where))
    return tuple(records)


def _keys(
    mapping: LocatedMapping, where: str, required: Collection[str], optional: Collection[str]
) -> None:
    # Every record may carry an id.
    check_keys(mapping, where, required=required, optional=("id", *optional))


# --- the event ----------------------------------------------------------------


def _event(mapping: LocatedMapping, ids: IdRegistry) -> EventInfo:
    where = "event"
    _keys(
        mapping,
        where,
        ("date",),
        (
            "title",
            "facilitator",
            "trigger",
            "agenda",
            "status",
            "closed_at",
            "current_step",
            "step_seconds",
        ),
    )
    record_id = ids.read(mapping, where)
    status = _choice(mapping, "status", where, EventStatus, EventStatus.PLANNED)
    closed_at = get_datetime(mapping, "closed_at", where)
    if closed_at is not None and status != EventStatus.CLOSED:
        raise value_error(
            mapping,
            "closed_at",
            where,
            f'only a closed event has a closing time, but status is "{status.value}"',
        )
    current_step = None
    if mapping.get("current_step") is not None:
        current_step = get_line(mapping, "current_step", where, max_length=_STEP)
    return EventInfo(
        id=record_id,
        place=place_of(mapping, where),
        title=_text(mapping, "title", where, _TITLE),
        date=get_date(mapping, "date", where),  # type: ignore[arg-type]
        facilitator=_text(mapping, "facilitator", where, _NAME),
        trigger=_choice(mapping, "trigger", where, Trigger, Trigger.SIGNIFICANT_PROGRESS),
        agenda=get_line(mapping, "agenda", where, default="scale-across", max_length=_AGENDA),
        status=status,
        closed_at=closed_at,
        current_step=current_step,
        step_seconds=_step_seconds(mapping, where),
    )


def _step_seconds(mapping: LocatedMapping, where: str) -> tuple[tuple[str, float], ...]:
    if mapping.get("step_seconds") is None:
        return ()
    steps: LocatedMapping = get_mapping(mapping, "step_seconds", where)  # type: ignore[assignment]
    path = at_key(where, "step_seconds")
    result: dict[str, float] = {}
    for key in steps:
        step = check_text(
            key,
            at_key(path, key),
            source=mapping.source,
            mark=steps.key_mark(key),
            max_length=_STEP,
            single_line=True,
        )
        seconds = get_number(steps, key, path, what="number of seconds")
        if seconds is None:
            raise value_error(steps, key, path, "must be a number of seconds")
        if step in result:
            raise value_error(steps, key, path, f'the step "{step}" is given twice')
        result[step] = seconds
    return tuple(result.items())


# --- coalitions, people, outcomes ---------------------------------------------


def _coalitions(top: LocatedMapping, ids: IdRegistry) -> tuple[CoalitionEntry, ...]:
    entries: list[CoalitionEntry] = []
    names: dict[str, str] = {}
    for in_event, key in ((True, "coalitions"), (False, "other_coalitions")):
        items = get_sequence(
            top, key, "", required=in_event, min_items=int(in_event), item_name="coalition"
        )
        for index, item in enumerate(items):
            where = at_index(key, index)
            mapping = expect_mapping(item, where, source=top.source, mark=items.item_mark(index))
            _keys(mapping, where, ("name",), ("top_goal",) if in_event else ())
            record_id = ids.read(mapping, where)
            name = _text(mapping, "name", where, _NAME, required=True)
            # Names compare as the services compare them (find_coalition).
            if name.casefold() in names:
                raise value_error(
                    mapping,
                    "name",
                    where,
                    f"the coalition “{name}” is already listed as {names[name.casefold()]}",
                )
            names[name.casefold()] = where
            top_goal = _text(mapping, "top_goal", where, _NOTE) if "top_goal" in mapping else None
            entries.append(
                CoalitionEntry(record_id, place_of(mapping, where), name, top_goal, in_event)
            )
    return tuple(entries)


def _participant(mapping: LocatedMapping, where: str, ids: IdRegistry) -> ParticipantEntry:
    _keys(mapping, where, ("name",), ("team", "role", "capacity_hours", "accepted_hours"))
    return ParticipantEntry(
        id=ids.read(mapping, where),
        place=place_of(mapping, where),
        name=_text(mapping, "name", where, _NAME, required=True),
        team=_text(mapping, "team", where, _NAME),
        role=_choice(mapping, "role", where, ParticipantRole, ParticipantRole.POTENTIAL_ADOPTER),
        capacity_hours=get_number(mapping, "capacity_hours", where, what="number of hours"),
        accepted_hours=get_number(mapping, "accepted_hours", where, what="number of hours"),
    )


def _outcome(mapping: LocatedMapping, where: str, ids: IdRegistry) -> OutcomeEntry:
    _keys(mapping, where, ("kind", "title"), ("what_happened", "evidence"))
    return OutcomeEntry(
        id=ids.read(mapping, where),
        place=place_of(mapping, where),
        kind=_choice(mapping, "kind", where, OutcomeKind),
        title=_text(mapping, "title", where, _OUTCOME_TITLE, required=True),
        what_happened=_text(mapping, "what_happened", where, _LONG),
        evidence=_text(mapping, "evidence", where, _LONG),
    )


# --- patterns -----------------------------------------------------------------


def _pattern(
    mapping: LocatedMapping, where: str, ids: IdRegistry, refs: References, event: EventInfo
) -> PatternEntry:
    _keys(
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
        kind=_choice(mapping, "kind", where, OutcomeKind, OutcomeKind.SUCCESS),
        name=_text(mapping, "name", where, _TITLE, required=True),
        summary=_text(mapping, "summary", where, _LONG),
        guidance=_text(mapping, "guidance", where, _LONG),
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
            text = check_text(item, item_path, source=mapping.source, mark=mark, max_length=_NOTE)
            entries.append(BoundaryEntry(None, place, kind, text, True, None))
            continue
        check_keys(item, item_path, required=("text",), optional=("id", "from_event"))
        record_id = ids.read(item, item_path)
        text = _text(item, "text", item_path, _NOTE, required=True)
        stated_here, from_event = _from_event(item, item_path, event)
        entries.append(BoundaryEntry(record_id, place, kind, text, stated_here, from_event))
    return entries


def _from_event(
    mapping: LocatedMapping, where: str, event: EventInfo
) -> tuple[bool, uuid.UUID | None]:
    if "from_event" not in mapping:
        return True, None
    if mapping["from_event"] is None:
        return False, None
    text = get_line(mapping, "from_event", where, required=True, max_length=64)
    if not UUID_PATTERN.fullmatch(text):
        raise value_error(
            mapping, "from_event", where, f"must be an event's UUID or null, got {describe(text)}"
        )
    value = uuid.UUID(text)
    if event.id is not None and event.id.uuid == value:
        return True, None
    return False, value


# --- agreements ---------------------------------------------------------------


def _agreement(
    mapping: LocatedMapping, where: str, ids: IdRegistry, refs: References
) -> AgreementEntry:
    _keys(
        mapping,
        where,
        ("adopter",),
        (
            "sponsor",
            "patterns",
            "check_in",
            "limits",
            "notes",
            "status",
            "status_reason",
            "support",
            "history",
        ),
    )
    record_id = ids.read(mapping, where)
    adopter = refs.one(mapping, "adopter", where, "participant")
    if adopter is None:
        raise value_error(mapping, "adopter", where, "must name the participant who adopts")
    support = tuple(
        _support(item, at_index(at_key(where, "support"), index), ids, refs)
        for index, item in _mappings(mapping, "support", where)
    )
    history = _history(mapping, where)
    if "status" in mapping or history is None:
        status = _choice(mapping, "status", where, AgreementStatus, AgreementStatus.AGREED)
    else:
        status = history[-1].to_status
    status_reason = _text(mapping, "status_reason", where, _NOTE)
    if status == AgreementStatus.ABANDONED and not status_reason:
        key = "status_reason" if "status_reason" in mapping else "status"
        place = place_of_value(mapping, key, where) if key in mapping else place_of(mapping, where)
        raise place.error("an abandoned agreement needs a status_reason saying why")
    return AgreementEntry(
        id=record_id,
        place=place_of(mapping, where),
        adopter=adopter,
        sponsor=refs.one(mapping, "sponsor", where, "participant"),
        patterns=refs.many(mapping, "patterns", where, "pattern"),
        check_in=get_optional_date(mapping, "check_in", where),
        limits=_text(mapping, "limits", where, _LONG),
        notes=_text(mapping, "notes", where, _LONG),
        status=status,
        status_reason=status_reason,
        support=support,
        history=history,
    )


def _mappings(mapping: LocatedMapping, key: str, where: str):
    items = get_sequence(mapping, key, where, required=False)
    path = at_key(where, key)
    for index, item in enumerate(items):
        yield index, expect_mapping(
            item, at_index(path, index), source=mapping.source, mark=items.item_mark(index)
        )


def _support(
    mapping: LocatedMapping, where: str, ids: IdRegistry, refs: References
) -> SupportEntry:
    _keys(mapping, where, ("type",), ("amount", "unit", "owner", "description", "limits"))
    return SupportEntry(
        id=ids.read(mapping, where),
        place=place_of(mapping, where),
        type=_choice(mapping, "type", where, SupportType),
        amount=get_number(mapping, "amount", where, what="amount"),
        unit=_text(mapping, "unit", where, _UNIT, default="hours"),
        owner=refs.one(mapping, "owner", where, "participant"),
        description=_text(mapping, "description", where, _LONG),
        limits=_text(mapping, "limits", where, _LONG),
    )


def _history(mapping: LocatedMapping, where: str) -> tuple[StatusEntry, ...] | None:
    if mapping.get("history") is None:
        return None
    get_sequence(mapping, "history", where, min_items=1, item_name="change")
    entries: list[StatusEntry] = []
    for index, item in _mappings(mapping, "history", where):
        path = at_index(at_key(where, "history"), index)
        entries.append(_change(item, path, entries[-1] if entries else None))
    return tuple(entries)


def _change(mapping: LocatedMapping, where: str, previous: StatusEntry | None) -> StatusEntry:
    # The history is a log in time order, as stored. It is not required to
    # form a chain ending at `status`: a change can be recorded with an
    # earlier date than the agreement itself, and such data must still
    # travel. `from` defaults to the status the previous change ended with.
    check_keys(mapping, where, required=("to", "at"), optional=("from", "note"))
    if "from" not in mapping:
        from_status = previous.to_status if previous else None
    elif mapping["from"] is None:
        from_status = None
    else:
        from_status = _choice(mapping, "from", where, AgreementStatus)
    to_status = _choice(mapping, "to", where, AgreementStatus)
    if to_status == from_status:
        raise value_error(mapping, "to", where, f'the status is already "{to_status.value}"')
    note = _text(mapping, "note", where, _NOTE)
    if to_status == AgreementStatus.ABANDONED and not note:
        raise value_error(mapping, "to", where, "say why in a note when an adoption is abandoned")
    at = get_datetime(mapping, "at", where, required=True)
    if previous is not None and at < previous.at:  # type: ignore[operator]
        raise value_error(
            mapping,
            "at",
            where,
            f"is earlier than the change before it ({iso_moment(previous.at)}); "
            "list changes oldest first",
        )
    return StatusEntry(
        place_of(mapping, where), from_status, to_status, note, at  # type: ignore[arg-type]
    )
