"""A small history for the "started at risk vs fit" figure, built through the services.

E1  Alpha  2026-03-10, pattern Flags (prerequisite, breaks when, works when)
    Ana   prerequisite does not hold -> at risk (accepted), abandoned later
    Ben   prerequisite holds, breaks-when does not hold -> fits
    Cleo  no answer -> not checked, abandoned
E2  Beta   2026-06-10, pattern Reviews (breaks when)
    Dan   breaks-when holds -> at risk
    Eve   breaks-when does not hold -> fits, abandoned
    Finn  only "not known yet" -> fits (answered, no risk)

Overall: at risk 1 of 2 abandoned; fit 1 of 3; not checked 1.
Alpha:   at risk 1 of 1; fit 0 of 1; not checked 1.
Beta:    at risk 0 of 1; fit 1 of 2; not checked 0.
"""

from __future__ import annotations

import datetime as dt

from facilitator.domain import AgreementStatus, BoundaryKind, FitAnswerKind
from facilitator.services import agreements, events, participants, patterns
from facilitator.services.fit import accept_risk, set_fit_answer

HOLDS, DOES_NOT_HOLD, NOT_KNOWN = FitAnswerKind.HOLDS, FitAnswerKind.DOES_NOT_HOLD, FitAnswerKind.NOT_KNOWN
ABANDONED = AgreementStatus.ABANDONED


def _agree(session, event, name, pattern, answers=()):
    person = participants.add_participant(session, event.id, name, f"Team {name}")
    agreement = agreements.add_agreement(session, event.id, person.id, pattern_ids=[pattern.id])
    for condition, answer in answers:
        set_fit_answer(session, agreement.id, condition.id, answer)
    return agreement


def build_fit_history(db) -> dict:
    """Write the history into ``db``; return the coalition names by short key."""
    with db.transaction() as s:
        e1 = events.plan_event(s, coalitions=["Alpha"], date=dt.date(2026, 3, 10))
        flags = patterns.create_pattern(s, e1.id, "Feature flags")
        needs = patterns.add_boundary(s, flags.id, BoundaryKind.PREREQUISITE, "A CI server", event_id=e1.id)
        breaks = patterns.add_boundary(s, flags.id, BoundaryKind.BREAKS_WHEN, "Sign-off", event_id=e1.id)
        patterns.add_boundary(s, flags.id, BoundaryKind.WORKS_WHEN, "Small teams", event_id=e1.id)
        ana = _agree(s, e1, "Ana", flags, [(needs, DOES_NOT_HOLD), (breaks, DOES_NOT_HOLD)])
        accept_risk(s, ana.id, None, note="We will build the CI server first")
        _agree(s, e1, "Ben", flags, [(needs, HOLDS), (breaks, DOES_NOT_HOLD)])
        cleo = _agree(s, e1, "Cleo", flags)

        e2 = events.plan_event(s, coalitions=["Beta"], date=dt.date(2026, 6, 10))
        reviews = patterns.create_pattern(s, e2.id, "Blameless reviews")
        blame = patterns.add_boundary(s, reviews.id, BoundaryKind.BREAKS_WHEN, "Blame", event_id=e2.id)
        _agree(s, e2, "Dan", reviews, [(blame, HOLDS)])
        eve = _agree(s, e2, "Eve", reviews, [(blame, DOES_NOT_HOLD)])
        _agree(s, e2, "Finn", reviews, [(blame, NOT_KNOWN)])
    with db.transaction() as s:
        # Later: the at-risk adoption and two others are given up.
        agreements.change_status(s, ana.id, ABANDONED, "No CI server after all")
        agreements.change_status(s, cleo.id, ABANDONED, "No time")
        agreements.change_status(s, eve.id, ABANDONED, "Reorganised")
    return {"Alpha": "Alpha", "Beta": "Beta"}
