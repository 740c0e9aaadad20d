"""Check an event file against format version 1 and build its records.

Everything is checked here, before the importer writes anything: a file
that passes this module can only fail to import because of what is already
in the database (an event with the same id, for instance).

Every problem is a :class:`~facilitator.documents.DocumentError` pointing at
the key or value concerned, e.g.::

    prepared.yaml:41:14: agreements[2].adopter: no participant has the id "anna" ...

This module reads the header, the event, its coalitions, people and
outcomes; patterns and agreements are read in
:mod:`~facilitator.eventfile.pattern_schema` and
:mod:`~facilitator.eventfile.agreement_schema`.
"""

from __future__ import annotations

from facilitator.documents import LocatedMapping, error_at
from facilitator.documents.schema import (
    at_index,
    at_key,
    check_keys,
    check_text,
    describe,
    expect_mapping,
    get_date,
    get_int,
    get_mapping,
    get_sequence,
    value_error,
)
from facilitator.domain import EventStatus, OutcomeKind, ParticipantRole, Trigger
from facilitator.domain.email_address import MAX_EMAIL_LENGTH, EmailAddressError, normalise_email
from facilitator.eventfile.agreement_schema import read_agreement
from facilitator.eventfile.fields import (
    MAX_AGENDA,
    MAX_LONG,
    MAX_NAME,
    MAX_NOTE,
    MAX_OUTCOME_TITLE,
    MAX_STEP,
    MAX_TITLE,
    check_record_keys,
    get_datetime,
    get_language,
    get_line,
    get_number,
    place_of,
    read_choice,
    read_records,
    read_text,
)
from facilitator.eventfile.pattern_schema import read_pattern
from facilitator.eventfile.records import (
    CoalitionEntry,
    EventDocument,
    EventInfo,
    OutcomeEntry,
    ParticipantEntry,
)
from facilitator.eventfile.references import IdRegistry, References
from facilitator.i18n import _

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "MAX_FILE_BYTES", "validate_event_document"]

FORMAT_NAME = "scale-across-event"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 10 * 1024 * 1024
"""Larger event files are refused before they are read."""


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
    refs.add_coalitions(coalitions)
    participants = read_records(top, "participants", lambda m, w: _participant(m, w, ids))
    refs.add("participant", participants)
    outcomes = read_records(top, "outcomes", lambda m, w: _outcome(m, w, ids))
    refs.add("outcome", outcomes)
    patterns = read_records(top, "patterns", lambda m, w: read_pattern(m, w, ids, refs, event))
    refs.add("pattern", patterns)
    agreements = read_records(top, "agreements", lambda m, w: read_agreement(m, w, ids, refs, patterns))
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
            _('missing "format: {name}" at the top; is this a Scale Across event file?').format(
                name=FORMAT_NAME
            ),
        )
    if top["format"] != FORMAT_NAME:
        raise value_error(
            top,
            "format",
            "",
            _('must be "{name}", got {value}; is this a Scale Across event file?').format(
                name=FORMAT_NAME, value=describe(top["format"])
            ),
        )
    version = get_int(top, "version", "", minimum=1)
    if version > FORMAT_VERSION:
        raise value_error(
            top,
            "version",
            "",
            _(
                "version {version} is newer than this app reads (it reads version {supported}); "
                "update the app to import this file"
            ).format(version=version, supported=FORMAT_VERSION),
        )


# --- the event ----------------------------------------------------------------


def _event(mapping: LocatedMapping, ids: IdRegistry) -> EventInfo:
    where = "event"
    check_record_keys(
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
            "document_language",
        ),
    )
    record_id = ids.read(mapping, where)
    status = read_choice(mapping, "status", where, EventStatus, EventStatus.PLANNED)
    closed_at = get_datetime(mapping, "closed_at", where)
    if closed_at is not None and status != EventStatus.CLOSED:
        raise value_error(
            mapping,
            "closed_at",
            where,
            _('only a closed event has a closing time, but status is "{status}"').format(status=status.value),
        )
    current_step = None
    if mapping.get("current_step") is not None:
        current_step = get_line(mapping, "current_step", where, max_length=MAX_STEP)
    return EventInfo(
        id=record_id,
        place=place_of(mapping, where),
        title=read_text(mapping, "title", where, MAX_TITLE),
        date=get_date(mapping, "date", where),  # type: ignore[arg-type]
        facilitator=read_text(mapping, "facilitator", where, MAX_NAME),
        trigger=read_choice(mapping, "trigger", where, Trigger, Trigger.SIGNIFICANT_PROGRESS),
        agenda=get_line(mapping, "agenda", where, default="scale-across", max_length=MAX_AGENDA),
        status=status,
        closed_at=closed_at,
        current_step=current_step,
        step_seconds=_step_seconds(mapping, where),
        document_language=get_language(mapping, "document_language", where),
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
            max_length=MAX_STEP,
            single_line=True,
        )
        seconds = get_number(steps, key, path, what="number of seconds")
        if seconds is None:
            raise value_error(steps, key, path, _("must be a number of seconds"))
        if step in result:
            raise value_error(steps, key, path, _('the step "{step}" is given twice').format(step=step))
        result[step] = seconds
    return tuple(result.items())


# --- coalitions, people, outcomes ---------------------------------------------


def _coalitions(top: LocatedMapping, ids: IdRegistry) -> tuple[CoalitionEntry, ...]:
    entries: list[CoalitionEntry] = []
    names: dict[str, str] = {}
    for in_event, key in ((True, "coalitions"), (False, "other_coalitions")):
        items = get_sequence(top, key, "", required=in_event, min_items=int(in_event), item_name="coalition")
        for index, item in enumerate(items):
            where = at_index(key, index)
            mapping = expect_mapping(item, where, source=top.source, mark=items.item_mark(index))
            check_record_keys(mapping, where, ("name",), ("top_goal",) if in_event else ())
            record_id = ids.read(mapping, where)
            name = read_text(mapping, "name", where, MAX_NAME, required=True)
            # Names compare as the services compare them (find_coalition).
            if name.casefold() in names:
                raise value_error(
                    mapping,
                    "name",
                    where,
                    _("the coalition “{name}” is already listed as {place}").format(
                        name=name, place=names[name.casefold()]
                    ),
                )
            names[name.casefold()] = where
            top_goal = read_text(mapping, "top_goal", where, MAX_NOTE) if "top_goal" in mapping else None
            entries.append(CoalitionEntry(record_id, place_of(mapping, where), name, top_goal, in_event))
    return tuple(entries)


def _participant(mapping: LocatedMapping, where: str, ids: IdRegistry) -> ParticipantEntry:
    check_record_keys(
        mapping, where, ("name",), ("team", "role", "email", "language", "capacity_hours", "accepted_hours")
    )
    return ParticipantEntry(
        id=ids.read(mapping, where),
        place=place_of(mapping, where),
        name=read_text(mapping, "name", where, MAX_NAME, required=True),
        team=read_text(mapping, "team", where, MAX_NAME),
        role=read_choice(mapping, "role", where, ParticipantRole, ParticipantRole.POTENTIAL_ADOPTER),
        capacity_hours=get_number(mapping, "capacity_hours", where, what="number of hours"),
        accepted_hours=get_number(mapping, "accepted_hours", where, what="number of hours"),
        email=_email(mapping, where),
        language=get_language(mapping, "language", where),
    )


def _email(mapping: LocatedMapping, where: str) -> str:
    # The services' rule, so a file brings in no address typing would refuse.
    try:
        return normalise_email(read_text(mapping, "email", where, MAX_EMAIL_LENGTH))
    except EmailAddressError as exc:
        raise value_error(mapping, "email", where, str(exc)) from None


def _outcome(mapping: LocatedMapping, where: str, ids: IdRegistry) -> OutcomeEntry:
    check_record_keys(mapping, where, ("kind", "title"), ("what_happened", "evidence"))
    return OutcomeEntry(
        id=ids.read(mapping, where),
        place=place_of(mapping, where),
        kind=read_choice(mapping, "kind", where, OutcomeKind),
        title=read_text(mapping, "title", where, MAX_OUTCOME_TITLE, required=True),
        what_happened=read_text(mapping, "what_happened", where, MAX_LONG),
        evidence=read_text(mapping, "evidence", where, MAX_LONG),
    )
