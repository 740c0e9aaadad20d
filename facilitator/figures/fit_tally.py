"""Where the fit check left each agreement at the event (``facilitator.figures.tally`` counts them).

An agreement *started at risk* when an answer about one of its patterns'
conditions is a risk (a prerequisite that does not hold, a "breaks when" that
holds), whether or not the room accepted the risk; it *fits* when it has
answers and none is a risk; with no answer it is *not checked*. Only answers
to conditions of the patterns the agreement adopts count, as in the adoption
tracker (``facilitator.followup.fit_state``). Read from plain scans joined in
Python with dicts: no query per agreement.
"""

from __future__ import annotations

from collections import Counter

from facilitator.domain import BoundaryKind, FitAnswerKind
from facilitator.figures.model import FitGroup, StartedFit
from facilitator.figures.queries import HistoryRows
from facilitator.followup.fit_state import FitState, is_risk

FitCounts = Counter[tuple[FitState, bool]]
"""Agreements per (fit state, abandoned now)."""

FITS, AT_RISK = 1, 2
"""The codes :func:`fit_codes` gives; 0 is *not checked*. Plain numbers, as an enum
hashes in Python and the tally counts with them once per agreement."""
STATE_OF_CODE = (FitState.NOT_CHECKED, FitState.FITS, FitState.AT_RISK)

# The one answer to a condition of each kind that is a risk (kinds with none are absent).
_RISKY_ANSWER = {
    kind.value: answer.value
    for kind in BoundaryKind
    for answer in FitAnswerKind
    if is_risk(kind.value, answer.value)
}


def fit_codes(rows: HistoryRows) -> dict[object, int]:
    """Return :data:`FITS` or :data:`AT_RISK` per agreement with an answer (the rest: not checked)."""
    if not rows.fit_answers:
        return {}
    # Per condition: its pattern, and the answer that would be a risk (if any). One
    # dict lookup per answer then, which on tens of thousands of answers is what counts.
    risky_answer = _RISKY_ANSWER
    conditions = {key: (pattern_id, risky_answer.get(kind)) for key, pattern_id, kind, *_ in rows.conditions}
    adopted = set(rows.agreement_patterns)
    codes: dict[object, int] = {}
    for agreement_id, boundary_id, answer in rows.fit_answers:
        condition = conditions.get(boundary_id)
        # An answer about a pattern the agreement no longer adopts is not asked any more.
        if condition is None or (agreement_id, condition[0]) not in adopted:
            continue
        if answer == condition[1]:
            codes[agreement_id] = AT_RISK
        elif agreement_id not in codes:
            codes[agreement_id] = FITS
    return codes


def started_fit(counts: FitCounts) -> StartedFit:
    """Return the at-risk, fitting and not-checked groups of one scope's counts."""

    def group(*wanted: FitState) -> FitGroup:
        return FitGroup(
            agreements=sum(counts[state, abandoned] for state in wanted for abandoned in (False, True)),
            abandoned=sum(counts[state, True] for state in wanted),
        )

    return StartedFit(
        at_risk=group(FitState.AT_RISK, FitState.AT_RISK_ACCEPTED),
        fits=group(FitState.FITS),
        not_checked=group(FitState.NOT_CHECKED),
    )
