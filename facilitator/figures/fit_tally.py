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

from facilitator.domain import FitAnswerKind
from facilitator.figures.model import FitGroup, StartedFit
from facilitator.figures.queries import HistoryRows
from facilitator.followup.fit_state import FitState, fit_state, is_risk

_ANSWERS = tuple(kind.value for kind in FitAnswerKind)

FitCounts = Counter[tuple[FitState, bool]]
"""Agreements per (fit state, abandoned now)."""


def fit_states(rows: HistoryRows) -> dict[object, FitState]:
    """Return the fit state of each agreement with at least one answer (the others are not checked)."""
    if not rows.fit_answers:
        return {}
    # Per condition: its pattern, and the one answer that would be a risk (if any). One
    # dict lookup per answer then, which on tens of thousands of answers is what counts.
    conditions = {
        key: (pattern_id, next((a for a in _ANSWERS if is_risk(kind, a)), None))
        for key, pattern_id, kind in rows.conditions
    }
    adopted = set(rows.agreement_patterns)
    answered: set[object] = set()
    risky: set[object] = set()
    for agreement_id, boundary_id, answer in rows.fit_answers:
        condition = conditions.get(boundary_id)
        # An answer about a pattern the agreement no longer adopts is not asked any more.
        if condition is None or (agreement_id, condition[0]) not in adopted:
            continue
        answered.add(agreement_id)
        if answer == condition[1]:
            risky.add(agreement_id)
    return {key: fit_state(1, key in risky, accepted=False) for key in answered}


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
