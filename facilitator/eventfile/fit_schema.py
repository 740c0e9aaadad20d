"""The fit check of an agreement in an event file: answers per condition, and an accepted risk.

A condition is named by its id (exports write its UUID, with its words under
``text`` for the reader) or, in a hand-written file, by its text under the
pattern (``condition: The team owns its deployment pipeline``). Either
survives an import into another database: the patterns travel in the same
file, and a condition keeps its UUID.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from facilitator.documents import LocatedMapping
from facilitator.documents.schema import at_index, at_key, check_keys, describe, get_mapping
from facilitator.domain import FitAnswerKind
from facilitator.eventfile.fields import (
    MAX_NOTE,
    UUID_PATTERN,
    get_datetime,
    place_of,
    place_of_value,
    read_choice,
    read_text,
    record_mappings,
)
from facilitator.eventfile.records import FitEntry, PatternEntry, RiskAcceptedEntry
from facilitator.eventfile.references import References
from facilitator.i18n import _

__all__ = ["MAX_FIT_NOTE", "read_fit", "read_risk_accepted"]

MAX_FIT_NOTE = 2_000
"""As the app limits a fit answer's or an acceptance's note."""

_Condition = tuple[int, int]  # (pattern index, boundary index)


def _same_id(written: str, text: str) -> bool:
    # UUIDs are case-insensitive; short keys are not (as References reads them).
    if UUID_PATTERN.fullmatch(written):
        return written.lower() == text.lower()
    return written == text


def read_fit(
    mapping: LocatedMapping,
    where: str,
    refs: References,
    patterns: Sequence[PatternEntry],
    adopted: Sequence[int],
) -> tuple[FitEntry, ...]:
    """Read the agreement's ``fit`` list: one answer per condition of its adopted patterns.

    Args:
        mapping: The agreement as written.
        where: Its path, e.g. ``agreements[2]``.
        refs: The participants an answer's owner may name.
        patterns: Every pattern of the file, as read.
        adopted: The indexes of the patterns this agreement adopts.

    Raises:
        DocumentError: An unknown or ambiguous condition, a condition of a
            pattern the agreement does not adopt, one answered twice, a bad
            answer value or an unknown owner.
    """
    entries: list[FitEntry] = []
    answered: dict[_Condition, str] = {}
    for index, item in record_mappings(mapping, "fit", where):
        path = at_index(at_key(where, "fit"), index)
        check_keys(item, path, required=("condition", "answer"), optional=("text", "note", "owner", "at"))
        condition = _condition(item, path, patterns, adopted)
        if condition in answered:
            raise place_of_value(item, "condition", path).error(
                _("this condition is already answered in {place}; answer each condition once").format(
                    place=answered[condition]
                )
            )
        answered[condition] = path
        entries.append(
            FitEntry(
                place=place_of(item, path),
                pattern=condition[0],
                condition=condition[1],
                answer=read_choice(item, "answer", path, FitAnswerKind),
                note=read_text(item, "note", path, MAX_FIT_NOTE),
                owner=refs.one(item, "owner", path, "participant"),
                at=get_datetime(item, "at", path),
            )
        )
    return tuple(entries)


def _condition(
    item: LocatedMapping, where: str, patterns: Sequence[PatternEntry], adopted: Sequence[int]
) -> _Condition:
    # ``text`` only echoes the condition's words for people; the reference is ``condition``.
    read_text(item, "text", where, MAX_NOTE)
    written = read_text(item, "condition", where, MAX_NOTE, required=True)
    place = place_of_value(item, "condition", where)
    every = [(p, b) for p, pattern in enumerate(patterns) for b in range(len(pattern.boundaries))]

    def boundary(found: _Condition) -> str:
        return patterns[found[0]].boundaries[found[1]].text

    def refuse_not_adopted(found: _Condition) -> None:
        if found[0] not in adopted:
            raise place.error(
                _(
                    "{condition} is a condition of the pattern “{pattern}”, which this agreement does not "
                    "adopt; add the pattern to patterns or remove this answer"
                ).format(condition=describe(written), pattern=patterns[found[0]].name)
            )

    by_id = [
        c
        for c in every
        if (record_id := patterns[c[0]].boundaries[c[1]].id) is not None and _same_id(written, record_id.text)
    ]
    if by_id:
        refuse_not_adopted(by_id[0])
        return by_id[0]
    by_text = [c for c in every if boundary(c) == written]
    in_adopted = [c for c in by_text if c[0] in adopted]
    if len(in_adopted) > 1:
        raise place.error(
            _(
                "{count} conditions of the adopted patterns read {condition}; "
                "give the condition an id under its pattern and name it by that id"
            ).format(count=len(in_adopted), condition=describe(written))
        )
    if in_adopted:
        return in_adopted[0]
    if by_text:
        refuse_not_adopted(by_text[0])
    texts = [boundary(c) for c in every if c[0] in adopted]
    keys = [b.id.text for p in adopted for b in patterns[p].boundaries if b.id is not None]
    close = difflib.get_close_matches(written, texts + keys, n=1)
    hint = _(" (did you mean “{match}”?)").format(match=close[0]) if close else ""
    if not texts:
        message = _(
            "no condition has the text or id {condition}{hint}; "
            "the patterns this agreement adopts have no conditions"
        )
    else:
        message = _(
            "no condition has the text or id {condition}{hint}; "
            "name a condition of a pattern this agreement adopts, by its text or its id"
        )
    raise place.error(message.format(condition=describe(written), hint=hint))


def read_risk_accepted(mapping: LocatedMapping, where: str, refs: References) -> RiskAcceptedEntry | None:
    """Read the agreement's ``risk_accepted`` mapping (``None`` when absent or empty).

    Raises:
        DocumentError: An unknown key, an unknown participant in ``by`` or a
            malformed ``at``.
    """
    if mapping.get("risk_accepted") is None:
        return None
    path = at_key(where, "risk_accepted")
    accepted = get_mapping(mapping, "risk_accepted", where)
    assert accepted is not None  # required above
    check_keys(accepted, path, required=(), optional=("by", "at", "note"))
    return RiskAcceptedEntry(
        place=place_of(accepted, path),
        by=refs.one(accepted, "by", path, "participant"),
        at=get_datetime(accepted, "at", path),
        note=read_text(accepted, "note", path, MAX_FIT_NOTE),
    )
