"""Follow-up reads the fit check: at risk or fitting per agreement, and boundaries learnt later."""

from __future__ import annotations

import datetime as dt

from facilitator.demo import create_demo_event
from facilitator.domain import AgreementStatus, BoundaryKind, FitAnswerKind
from facilitator.followup import adoptions
from facilitator.followup.adoption_row import FitState, NewCondition
from facilitator.services import agreements, events, fit, participants, patterns

D = dt.date


def rows_by_adopter(db, **kwargs):
    with db.transaction() as s:
        return {row.adopter.split()[0]: row for row in adoptions.adoption_rows(s, **kwargs)}


def test_the_demo_has_an_accepted_risk_fitting_agreements_and_one_not_checked(db):
    with db.transaction() as s:
        create_demo_event(s)
    rows = rows_by_adopter(db)
    assert {name: row.fit for name, row in rows.items()} == {
        "Ana": FitState.AT_RISK_ACCEPTED,
        "Søren": FitState.FITS,
        "Çağla": FitState.FITS,
        "Łukasz": FitState.NOT_CHECKED,
    }
    # Søren's broker is "not known yet" (owned); Łukasz's six questions are unanswered.
    assert {name: row.open_questions for name, row in rows.items()} == {
        "Ana": 0,
        "Søren": 1,
        "Çağla": 0,
        "Łukasz": 6,
    }
    assert all(row.new_conditions == () for row in rows.values())
    assert rows["Ana"].fit_text == "At risk (accepted)"


def test_an_unaccepted_risk_is_at_risk_and_a_withdrawn_answer_leaves_it_not_checked(db):
    with db.transaction() as s:
        event = events.plan_event(s, coalitions=["Checkout"], date=D(2026, 1, 10))
        flags = patterns.create_pattern(s, event.id, "Feature flags")
        needs = patterns.add_boundary(
            s, flags.id, BoundaryKind.PREREQUISITE, "A flag service", event_id=event.id
        )
        ana = participants.add_participant(s, event.id, "Ana", "Payments")
        agreement = agreements.add_agreement(s, event.id, ana.id, pattern_ids=[flags.id])
        fit.set_fit_answer(s, agreement.id, needs.id, FitAnswerKind.DOES_NOT_HOLD)
        agreement_id, needs_id = agreement.id, needs.id
    assert rows_by_adopter(db)["Ana"].fit == FitState.AT_RISK
    with db.transaction() as s:
        fit.accept_risk(s, agreement_id, None, note="We try anyway")
    assert rows_by_adopter(db)["Ana"].fit == FitState.AT_RISK_ACCEPTED
    with db.transaction() as s:
        fit.set_fit_answer(s, agreement_id, needs_id, FitAnswerKind.HOLDS)
    assert rows_by_adopter(db)["Ana"].fit == FitState.FITS  # the acceptance no longer matters
    with db.transaction() as s:
        fit.set_fit_answer(s, agreement_id, needs_id, None)
    row = rows_by_adopter(db)["Ana"]
    assert (row.fit, row.open_questions) == (FitState.NOT_CHECKED, 1)


def test_a_boundary_learnt_at_a_later_event_is_a_new_question_for_the_open_agreement(db):
    with db.transaction() as s:
        first = events.plan_event(s, coalitions=["Checkout"], date=D(2026, 1, 10), title="Winter")
        flags = patterns.create_pattern(s, first.id, "Feature flags")
        works = patterns.add_boundary(
            s, flags.id, BoundaryKind.WORKS_WHEN, "Team owns its pipeline", event_id=first.id
        )
        ana = participants.add_participant(s, first.id, "Ana", "Payments")
        bo = participants.add_participant(s, first.id, "Bo", "Search")
        kept = agreements.add_agreement(s, first.id, ana.id, pattern_ids=[flags.id])
        done = agreements.add_agreement(s, first.id, bo.id, pattern_ids=[flags.id])
        for agreement in (kept, done):
            fit.set_fit_answer(s, agreement.id, works.id, FitAnswerKind.HOLDS)
        agreements.change_status(s, done.id, AgreementStatus.ADOPTED, "Live")
        kept_id, flags_id, first_id = kept.id, flags.id, first.id
    with db.transaction() as s:
        second = events.plan_event(s, coalitions=["Checkout"], date=D(2026, 3, 2), title="Spring")
        breaks = patterns.add_boundary(
            s,
            flags_id,
            BoundaryKind.BREAKS_WHEN,
            "Each deploy needs a change-board approval",
            event_id=second.id,
        )
        # Stated at the agreement's own event after it was made: asked in the room, not "new".
        patterns.add_boundary(s, flags_id, BoundaryKind.PREREQUISITE, "A flag service", event_id=first_id)
        breaks_id = breaks.id

    rows = rows_by_adopter(db)
    learnt = NewCondition(
        "Feature flags", BoundaryKind.BREAKS_WHEN, "Each deploy needs a change-board approval", D(2026, 3, 2)
    )
    assert rows["Ana"].new_conditions == (learnt,)
    assert rows["Ana"].fit == FitState.FITS and rows["Ana"].open_questions == 2
    assert rows["Ana"].fit_text == "Fits · 1 new condition to check"
    assert "breaks when: Each deploy needs a change-board approval (learnt" in learnt.describe()
    assert rows["Bo"].new_conditions == ()  # adopted: nothing left to follow up

    # The filters the tracker uses read the same: only the open ones, or one event.
    open_rows = rows_by_adopter(db, statuses=adoptions.OPEN_STATUSES)
    assert open_rows["Ana"].new_conditions == (learnt,) and "Bo" not in open_rows

    with db.transaction() as s:
        fit.set_fit_answer(s, kept_id, breaks_id, FitAnswerKind.DOES_NOT_HOLD, note="No change board here")
    rows = rows_by_adopter(db, event_id=first_id)
    assert rows["Ana"].new_conditions == () and rows["Ana"].fit_text == "Fits"
