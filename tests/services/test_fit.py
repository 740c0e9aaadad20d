"""The fit check: answers per condition, the risk in words, an accepted risk, and what is still open."""

from __future__ import annotations

import pytest

from facilitator.demo import create_demo_event
from facilitator.domain import BoundaryKind, FitAnswerKind
from facilitator.services import events, fit, readiness
from facilitator.services.errors import ServiceError
from facilitator.services.removal import remove_record, restore_record


@pytest.fixture
def demo(db):
    with db.transaction() as session:
        return create_demo_event(session).id


def agreement_of(session, event_id, first_name):
    event = events.load_event(session, event_id)
    return next(a for a in event.agreements if a.adopter.name.startswith(first_name))


def condition(agreement, kind):
    return next(q.condition for q in fit.fit_questions(agreement) if q.condition.kind == kind)


# The demo leaves Platform's (Łukasz's) fit check unanswered: the tests that start from no answers use it.


def test_every_condition_of_every_adopted_pattern_is_a_question(db, demo):
    with db.transaction() as session:
        lukasz = agreement_of(session, demo, "Łukasz")
        questions = fit.fit_questions(lukasz)
        expected = [(p.name, b.text) for p in lukasz.patterns for b in p.boundaries]
        assert [(q.pattern.name, q.condition.text) for q in questions] == expected
        assert questions and all(q.answer is None and q.open for q in questions)
        assert not fit.at_risk(lukasz)


def test_a_missing_prerequisite_or_a_breaking_condition_puts_the_agreement_at_risk_in_words(db, demo):
    with db.transaction() as session:
        lukasz = agreement_of(session, demo, "Łukasz")
        prerequisite = condition(lukasz, BoundaryKind.PREREQUISITE)
        breaks = condition(lukasz, BoundaryKind.BREAKS_WHEN)
        works = condition(lukasz, BoundaryKind.WORKS_WHEN)
        fit.set_fit_answer(session, lukasz.id, works.id, FitAnswerKind.DOES_NOT_HOLD)
        assert not fit.at_risk(lukasz)  # only a missing prerequisite or a breaking condition
        fit.set_fit_answer(session, lukasz.id, prerequisite.id, "does_not_hold", note="No CI on Payments yet")
        fit.set_fit_answer(session, lukasz.id, breaks.id, FitAnswerKind.HOLDS)
        reasons = fit.risks(lukasz)
    assert len(reasons) == 2
    assert f"the prerequisite “{prerequisite.text}” is not in place" in reasons[0] + reasons[1]
    assert f"it breaks when “{breaks.text}”, and that is so here" in reasons[0] + reasons[1]


def test_an_answer_is_changed_in_place_and_taken_back_with_none(db, demo):
    with db.transaction() as session:
        lukasz = agreement_of(session, demo, "Łukasz")
        works = condition(lukasz, BoundaryKind.WORKS_WHEN)
        first = fit.set_fit_answer(session, lukasz.id, works.id, FitAnswerKind.NOT_KNOWN)
        owner = next(p for p in lukasz.event.participants if p.name.startswith("Zoë"))
        second = fit.set_fit_answer(session, lukasz.id, works.id, FitAnswerKind.NOT_KNOWN, owner_id=owner.id)
        assert first is second and second.owner_id == owner.id and len(lukasz.fit_answers) == 1
        assert fit.set_fit_answer(session, lukasz.id, works.id, None) is None
        assert lukasz.fit_answers == []


def test_a_condition_of_a_pattern_not_adopted_is_refused(db, demo):
    with db.transaction() as session:
        soren = agreement_of(session, demo, "Søren")
        ana = agreement_of(session, demo, "Ana")
        foreign = next(q.condition for q in fit.fit_questions(ana) if q.pattern not in soren.patterns)
        with pytest.raises(ServiceError, match="does not adopt"):
            fit.set_fit_answer(session, soren.id, foreign.id, FitAnswerKind.HOLDS)


def test_a_risk_is_accepted_by_someone_at_the_event_and_only_when_there_is_one(db, demo):
    with db.transaction() as session:
        lukasz = agreement_of(session, demo, "Łukasz")
        sponsor = lukasz.sponsor
        with pytest.raises(ServiceError, match="nothing in the fit check"):
            fit.accept_risk(session, lukasz.id, sponsor.id)
        fit.set_fit_answer(
            session, lukasz.id, condition(lukasz, BoundaryKind.BREAKS_WHEN).id, FitAnswerKind.HOLDS
        )
        acceptance = fit.accept_risk(session, lukasz.id, sponsor.id, note="We start with one service")
        assert acceptance.accepted_by_id == sponsor.id and acceptance.accepted_at is not None
        fit.withdraw_risk_acceptance(session, lukasz.id)
        assert lukasz.risk_acceptance is None


def test_removing_an_agreement_and_undoing_brings_back_its_answers_and_accepted_risk(db, demo):
    with db.transaction() as session:
        lukasz = agreement_of(session, demo, "Łukasz")
        fit.set_fit_answer(
            session, lukasz.id, condition(lukasz, BoundaryKind.BREAKS_WHEN).id, FitAnswerKind.HOLDS
        )
        fit.accept_risk(session, lukasz.id, lukasz.sponsor_id)
        agreement_id = lukasz.id
        removed = remove_record(session, type(lukasz), agreement_id)
    with db.transaction() as session:
        restore_record(session, removed)
    with db.transaction() as session:
        lukasz = agreement_of(session, demo, "Łukasz")
        assert lukasz.id == agreement_id
        assert [a.answer for a in lukasz.fit_answers] == [FitAnswerKind.HOLDS]
        assert (
            lukasz.risk_acceptance is not None and lukasz.risk_acceptance.accepted_by_id == lukasz.sponsor_id
        )


def test_the_readiness_list_names_what_is_missing_and_empties_as_it_is_fixed(db, demo):
    with db.transaction() as session:
        items = readiness.open_items(session, demo)
    texts = [item.text for item in items]
    # The demo leaves one thing open; Payments' risk is accepted, so it is not listed.
    assert texts == ["Łukasz Wróblewski (Platform Engineering): 6 fit questions not answered."]

    with db.transaction() as session:
        event = events.load_event(session, demo)
        for agreement in event.agreements:
            for question in fit.fit_questions(agreement):
                fit.set_fit_answer(session, agreement.id, question.condition.id, FitAnswerKind.HOLDS)
    with db.transaction() as session:
        texts = [item.text for item in readiness.open_items(session, demo)]
    # "Holds" on a "breaks when" is a risk nobody has accepted yet.
    assert any("at risk, and nobody has accepted the risk" in t for t in texts)
    assert not any(t.startswith("Ana Núñez") for t in texts)  # the sponsor accepted Payments' risk
    assert not any("fit question" in t for t in texts)

    with db.transaction() as session:
        event = events.load_event(session, demo)
        for agreement in event.agreements:
            for question in fit.fit_questions(agreement):
                if question.condition.kind == BoundaryKind.BREAKS_WHEN:
                    fit.set_fit_answer(session, agreement.id, question.condition.id, "does_not_hold")
    with db.transaction() as session:
        assert readiness.open_items(session, demo) == []
