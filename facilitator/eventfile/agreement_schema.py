"""The agreements of an event file: who adopts what, the support offered, and the status history."""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.dates import iso_moment
from facilitator.documents import LocatedMapping
from facilitator.documents.schema import at_index, at_key, check_keys, get_sequence, value_error
from facilitator.domain import AgreementStatus, SupportType
from facilitator.eventfile.fields import (
    MAX_LONG,
    MAX_NOTE,
    MAX_UNIT,
    check_record_keys,
    get_datetime,
    get_number,
    get_optional_date,
    place_of,
    place_of_value,
    read_choice,
    read_text,
    record_mappings,
)
from facilitator.eventfile.fit_schema import read_fit, read_risk_accepted
from facilitator.eventfile.records import AgreementEntry, PatternEntry, StatusEntry, SupportEntry
from facilitator.eventfile.references import IdRegistry, References
from facilitator.i18n import _

__all__ = ["read_agreement"]


def read_agreement(
    mapping: LocatedMapping,
    where: str,
    ids: IdRegistry,
    refs: References,
    patterns: Sequence[PatternEntry] = (),
) -> AgreementEntry:
    """Read one agreement at ``where``, with its support, status history and fit check.

    Args:
        mapping: The agreement as written.
        where: Its path, e.g. ``agreements[2]``.
        ids: Every id read so far; the agreement's and its parts' join them.
        refs: The participants and patterns an agreement may name.
        patterns: The file's patterns, whose conditions the ``fit`` answers name.
    """
    check_record_keys(
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
            "fit",
            "risk_accepted",
        ),
    )
    record_id = ids.read(mapping, where)
    adopter = refs.one(mapping, "adopter", where, "participant")
    if adopter is None:
        raise value_error(mapping, "adopter", where, _("must name the participant who adopts"))
    support = tuple(
        _support(item, at_index(at_key(where, "support"), index), ids, refs)
        for index, item in record_mappings(mapping, "support", where)
    )
    history = _history(mapping, where)
    if "status" in mapping or history is None:
        status = read_choice(mapping, "status", where, AgreementStatus, AgreementStatus.AGREED)
    else:
        status = history[-1].to_status
    status_reason = read_text(mapping, "status_reason", where, MAX_NOTE)
    if status == AgreementStatus.ABANDONED and not status_reason:
        key = "status_reason" if "status_reason" in mapping else "status"
        place = place_of_value(mapping, key, where) if key in mapping else place_of(mapping, where)
        raise place.error(_("an abandoned agreement needs a status_reason saying why"))
    adopted = refs.many(mapping, "patterns", where, "pattern")
    return AgreementEntry(
        id=record_id,
        place=place_of(mapping, where),
        adopter=adopter,
        sponsor=refs.one(mapping, "sponsor", where, "participant"),
        patterns=adopted,
        check_in=get_optional_date(mapping, "check_in", where),
        limits=read_text(mapping, "limits", where, MAX_LONG),
        notes=read_text(mapping, "notes", where, MAX_LONG),
        status=status,
        status_reason=status_reason,
        support=support,
        history=history,
        fit=read_fit(mapping, where, refs, patterns, adopted),
        risk_accepted=read_risk_accepted(mapping, where, refs),
    )


def _support(mapping: LocatedMapping, where: str, ids: IdRegistry, refs: References) -> SupportEntry:
    check_record_keys(mapping, where, ("type",), ("amount", "unit", "owner", "description", "limits"))
    return SupportEntry(
        id=ids.read(mapping, where),
        place=place_of(mapping, where),
        type=read_choice(mapping, "type", where, SupportType),
        amount=get_number(mapping, "amount", where, what="amount"),
        unit=read_text(mapping, "unit", where, MAX_UNIT, default="hours"),
        owner=refs.one(mapping, "owner", where, "participant"),
        description=read_text(mapping, "description", where, MAX_LONG),
        limits=read_text(mapping, "limits", where, MAX_LONG),
    )


def _history(mapping: LocatedMapping, where: str) -> tuple[StatusEntry, ...] | None:
    if mapping.get("history") is None:
        return None
    get_sequence(mapping, "history", where, min_items=1, item_name="change")
    entries: list[StatusEntry] = []
    for index, item in record_mappings(mapping, "history", where):
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
        from_status = read_choice(mapping, "from", where, AgreementStatus)
    to_status = read_choice(mapping, "to", where, AgreementStatus)
    if to_status == from_status:
        raise value_error(
            mapping, "to", where, _('the status is already "{status}"').format(status=to_status.value)
        )
    note = read_text(mapping, "note", where, MAX_NOTE)
    if to_status == AgreementStatus.ABANDONED and not note:
        raise value_error(mapping, "to", where, _("say why in a note when an adoption is abandoned"))
    at = get_datetime(mapping, "at", where, required=True)
    if previous is not None and at < previous.at:
        raise value_error(
            mapping,
            "at",
            where,
            _("is earlier than the change before it ({moment}); list changes oldest first").format(
                moment=iso_moment(previous.at)
            ),
        )
    return StatusEntry(
        place_of(mapping, where),
        from_status,
        to_status,
        note,
        at,
    )
