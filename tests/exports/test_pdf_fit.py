"""The fit check on paper: the adopter's agreement and the event summary."""

from __future__ import annotations

import datetime as dt

import pytest
from pdf_helpers import flat, pdf_text

from exports.pdf import render_agreement, render_summary
from facilitator.dates import long_day
from facilitator.domain import BoundaryKind
from facilitator.services import agreements, events, fit, participants, patterns
from facilitator.services.readiness import open_items

TODAY = long_day(dt.datetime.now(dt.UTC).date())


def build(session):
    """An event: Ana's agreement is at risk and accepted; Søren's has one condition unanswered."""
    event = events.plan_event(session, coalitions=["Checkout"], date=dt.date(2026, 11, 21), title="Fit")
    ana = participants.add_participant(session, event.id, "Ana Núñez", "Payments")
    soren = participants.add_participant(session, event.id, "Søren Ødegård", "Search")
    zoe = participants.add_participant(session, event.id, "Zoë Lefèvre", "Checkout", "coalition_member")
    aiko = participants.add_participant(session, event.id, "Aiko Tanaka", "Leadership", "sponsor")
    flags = patterns.create_pattern(session, event.id, "Feature flags")
    owns = patterns.add_boundary(session, flags.id, BoundaryKind.WORKS_WHEN, "The team owns its pipeline")
    cab = patterns.add_boundary(
        session, flags.id, BoundaryKind.BREAKS_WHEN, "A change board approves each deploy"
    )
    service = patterns.add_boundary(session, flags.id, BoundaryKind.PREREQUISITE, "A feature-flag service")
    first = agreements.add_agreement(session, event.id, ana.id, pattern_ids=[flags.id], sponsor_id=aiko.id)
    fit.set_fit_answer(session, first.id, owns.id, "holds", note="Since the May reorganisation")
    fit.set_fit_answer(session, first.id, cab.id, "holds", note="Weekly CAB for Payments")
    fit.set_fit_answer(session, first.id, service.id, "not_known", owner_id=zoe.id)
    fit.accept_risk(session, first.id, aiko.id, note="The CAB waives flagged changes")
    second = agreements.add_agreement(session, event.id, soren.id, pattern_ids=[flags.id])
    fit.set_fit_answer(session, second.id, owns.id, "does_not_hold")
    fit.set_fit_answer(session, second.id, cab.id, "does_not_hold")
    return event, ana, soren


@pytest.fixture
def stored(db):
    with db.transaction() as session:
        event, ana, soren = build(session)
        left_open = [item.text for item in open_items(session, event.id)]
        loaded = events.load_event(session, event.id)
        return loaded, ana.id, soren.id, left_open


def test_adopter_pdf_states_each_condition_with_its_answer_and_the_risk(stored):
    event, ana, _soren, _left = stored

    text = pdf_text(render_agreement(event, ana))

    assert "Fit with your context" in text
    for condition, answer in [
        ("The team owns its pipeline", "Holds"),
        ("A change board approves each deploy", "Holds"),
        ("A feature-flag service", "Not known yet"),
    ]:
        assert flat(f"{condition} {answer}") in text
    assert "Since the May reorganisation" in text
    assert "Feature flags: it breaks when “A change board approves each deploy”, and that is so here." in text
    assert f"the risk was accepted by Aiko Tanaka (Leadership) on {TODAY}." in text
    assert "The CAB waives flagged changes" in text
    question = "Does “A feature-flag service” hold for your team? (Feature flags)"
    assert f"{question} — Zoë Lefèvre (Checkout) finds out." in text


def test_unanswered_conditions_say_so(stored):
    event, _ana, soren, _left = stored

    text = pdf_text(render_agreement(event, soren))

    assert "A feature-flag service not answered" in text
    assert "The team owns its pipeline Does not hold" in text
    assert "Risk" not in text.split("Fit with your context", 1)[1].split("Support promised", 1)[0]


def test_summary_lists_what_was_left_open_and_marks_the_agreement_at_risk(stored):
    event, _ana, _soren, left_open = stored
    assert left_open

    text = pdf_text(render_summary(event, left_open=left_open))

    section = text.split("Left open", 1)[1].split("Next steps", 1)[0]
    for item in left_open:
        assert flat(item) in section
    assert "1. Ana Núñez (Payments) — at risk" in text
    assert "Søren Ødegård (Search) — at risk" not in text


def test_summary_says_when_nothing_was_left_open(stored):
    event, *_rest = stored

    text = pdf_text(render_summary(event, left_open=[]))

    assert "Nothing was left open" in text


def test_summary_reads_open_items_through_a_live_session(db):
    with db.transaction() as session:
        event, *_rest = build(session)
        expected = [item.text for item in open_items(session, event.id)]
        text = pdf_text(render_summary(events.load_event(session, event.id)))
    assert flat(expected[0]) in text
    assert "was not checked" not in text
