"""The fit check as follow-up reads it: per agreement, at risk or fitting, and what is left to ask.

An agreement is *at risk* when an answer makes it so (a prerequisite that
does not hold, a "breaks when" that holds), *fits* when it has answers and
none is a risk, and is *not checked* when nobody answered anything. A
condition a pattern gained at a later event, while the agreement is still
open and has no answer for it, is a *new condition to check*: boundaries
learned later flow back to the teams that adopted the pattern.

Read as the rest of the tracker's read model is: a few plain scans (links,
conditions, answers, event dates) joined in Python with dicts, never a query
per agreement; SQLite's nested-loop joins over text keys cost seconds on a
history of 10,000 events where these scans cost milliseconds.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.domain import BoundaryKind
from facilitator.followup.adoption_row import FitState, NewCondition
from facilitator.followup.scan import Rows, scan

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["AgreementFit", "FitState", "NewCondition", "fit_state", "is_risk", "read_fit"]

StoredKey = object

_RISKS = frozenset({("prerequisite", "does_not_hold"), ("breaks_when", "holds")})
_KINDS = {kind.value: (n, kind) for n, kind in enumerate(BoundaryKind)}

QUERIES = {
    "links": "SELECT agreement_id, pattern_id, position FROM agreement_patterns",
    "patterns": "SELECT id, name FROM patterns",
    "conditions": "SELECT id, pattern_id, kind, event_id, position, text FROM boundary_conditions",
    "answers": "SELECT agreement_id, boundary_id, answer FROM fit_answers",
    # Only the events where a condition was stated.
    "events": (
        "SELECT id, date, created_at FROM events "
        "WHERE id IN (SELECT event_id FROM boundary_conditions WHERE event_id IS NOT NULL)"
    ),
}


def is_risk(kind: str, answer: str) -> bool:
    """Return True when ``answer`` to a condition of ``kind`` (stored values) puts an agreement at risk."""
    return (kind, answer) in _RISKS


def fit_state(answers: int, risks: int, accepted: bool) -> FitState:
    """Return the state of an agreement with ``answers`` answers, ``risks`` of them risks."""
    if risks:
        return FitState.AT_RISK_ACCEPTED if accepted else FitState.AT_RISK
    return FitState.FITS if answers else FitState.NOT_CHECKED


@dataclass(frozen=True, slots=True)
class AgreementFit:
    """One agreement's fit check as follow-up shows it."""

    state: FitState
    open_questions: int
    new_conditions: tuple[NewCondition, ...]


@dataclass(frozen=True, slots=True)
class Agreed:
    """What the fit read needs of one agreement, values as stored.

    Attributes:
        key: The agreement's id as stored.
        date: Its event's date as stored.
        created: Its event's creation time as stored.
        is_open: Agreed or in progress (only those have new conditions).
        accepted: The room accepted a risk for it.
    """

    key: StoredKey
    date: object
    created: object
    is_open: bool
    accepted: bool


class _Pattern:
    """One pattern's conditions, and those stated at an event in the order they were stated."""

    __slots__ = ("conditions", "stated", "stated_keys")

    def __init__(self) -> None:
        self.conditions: list[tuple[StoredKey, str]] = []
        self.stated: list[tuple[StoredKey, NewCondition]] = []
        self.stated_keys: list[tuple[object, object]] = []


def _patterns(rows: dict[str, Rows]) -> dict[StoredKey, _Pattern]:
    names: dict[StoredKey, str] = dict(rows["patterns"])
    events = {key: (date, created) for key, date, created in rows["events"]}
    patterns: dict[StoredKey, _Pattern] = defaultdict(_Pattern)
    days: dict[object, dt.date] = {}
    stated: dict[StoredKey, list[tuple[tuple[object, object], int, int, StoredKey, NewCondition]]]
    stated = defaultdict(list)
    for key, pattern_key, kind, event_key, position, text in rows["conditions"]:
        patterns[pattern_key].conditions.append((key, kind))
        when = events.get(event_key)
        if when is not None:
            order, boundary_kind = _KINDS[kind]
            day = days.get(when[0])
            if day is None:
                day = days[when[0]] = dt.date.fromisoformat(str(when[0])[:10])
            item = NewCondition(names.get(pattern_key, ""), boundary_kind, text, day)
            stated[pattern_key].append((when, order, position, key, item))
    for pattern_key, items in stated.items():
        items.sort(key=lambda entry: entry[:3])
        pattern = patterns[pattern_key]
        pattern.stated = [(key, item) for _, _, _, key, item in items]
        pattern.stated_keys = [when for when, *_ in items]
    return patterns


def read_fit(session: Session, agreements: Iterable[Agreed]) -> dict[StoredKey, AgreementFit]:
    """Return the fit check of each agreement given, read in one consistent snapshot.

    New conditions come per adopted pattern, in the order they were learnt.
    """
    wanted = {agreed.key: agreed for agreed in agreements}
    if not wanted:
        return {}
    rows = scan(session, QUERIES)
    links: dict[StoredKey, list[tuple[int, StoredKey]]] = defaultdict(list)
    for agreement_key, pattern_key, position in rows["links"]:
        if agreement_key in wanted:
            links[agreement_key].append((position, pattern_key))
    answers: dict[StoredKey, dict[StoredKey, str]] = defaultdict(dict)
    for agreement_key, boundary_key, answer in rows["answers"]:
        if agreement_key in wanted:
            answers[agreement_key][boundary_key] = answer
    patterns = _patterns(rows)
    no_pattern = _Pattern()
    result = {}
    for key, agreed in wanted.items():
        given = answers.get(key)
        adopted = [patterns.get(p, no_pattern) for _, p in sorted(links.get(key, ()))]
        answered = risks = unsettled = 0
        learnt: list[NewCondition] = []
        made = (agreed.date, agreed.created)
        for pattern in adopted:
            # Most agreements have no answers: counting and slicing then do.
            later = pattern.stated[bisect_right(pattern.stated_keys, made) :] if agreed.is_open else []
            if given is None:
                unsettled += len(pattern.conditions)
                learnt += [item for _, item in later]
                continue
            for boundary_key, kind in pattern.conditions:
                answer = given.get(boundary_key)
                if answer is None or answer == "not_known":
                    unsettled += 1
                if answer is not None:
                    answered += 1
                    risks += is_risk(kind, answer)
            learnt += [item for boundary_key, item in later if boundary_key not in given]
        result[key] = AgreementFit(fit_state(answered, risks, agreed.accepted), unsettled, tuple(learnt))
    return result
