"""Every record of the event reaches the PDFs: the summary, and each adopter's document."""

from __future__ import annotations

import pytest
from pdf_helpers import flat, pdf_text

from exports.pdf import adopters, render_agreement, render_summary
from exports.pdf.values import amount_text, date_text
from facilitator.domain import BoundaryKind


@pytest.fixture(scope="module")
def summary_text(demo_event):
    return pdf_text(render_summary(demo_event))


def _expected_agreement_texts(agreement) -> list[str]:
    texts = [agreement.adopter.name, agreement.limits, agreement.sponsor.name, date_text(agreement.check_in)]
    texts += [p.name for p in agreement.patterns]
    for item in agreement.support_items:
        texts += [item.owner.name, amount_text(item.amount, item.unit), item.limits, item.type.label]
    return texts


def _missing(texts, document_text) -> list[str]:
    return [t for t in texts if t and flat(t) not in document_text]


def test_summary_holds_every_record(demo_event, summary_text):
    event = demo_event
    expected = [event.title, event.facilitator, event.trigger.label, date_text(event.date)]
    expected += [c.name for c in event.coalitions]
    expected += [event.goal_for(c) for c in event.coalitions]
    expected += [p.name for p in event.participants] + [p.team for p in event.participants]
    for outcome in event.outcomes:
        expected += [outcome.title, outcome.what_happened, outcome.evidence]
    for pattern in event.patterns:
        expected += [pattern.name, pattern.summary, pattern.guidance]
        expected += [b.text for kind in BoundaryKind for b in pattern.conditions(kind)]
    for agreement in event.agreements:
        expected += _expected_agreement_texts(agreement)
    expected += ["Main track", "Adoption track", "TOP Cycle"]

    assert "田中 愛子" in summary_text
    assert _missing(expected, summary_text) == []


def test_boundaries_are_labelled_beside_each_pattern(summary_text):
    for label in (
        "Works when",
        "Breaks when",
        "Prerequisites",
        "How to reproduce",
        "What to avoid",
        "Successes (2)",
        "Failures (1)",
    ):
        assert label in summary_text


def test_adopters_are_the_people_who_adopt_in_participant_order(demo_event):
    adopting = {a.adopter_id for a in demo_event.agreements}
    expected = [p for p in demo_event.participants if p.id in adopting]
    assert adopters(demo_event) == expected
    assert len(expected) == 4


def test_each_adopter_document_holds_their_agreements_and_no_one_elses(demo_event):
    for adopter in adopters(demo_event):
        text = pdf_text(render_agreement(demo_event, adopter.id))
        own = [a for a in demo_event.agreements if a.adopter_id == adopter.id]
        others = [a for a in demo_event.agreements if a.adopter_id != adopter.id]
        expected = [t for a in own for t in _expected_agreement_texts(a)]
        for agreement in own:
            for pattern in agreement.patterns:
                expected += [pattern.summary, pattern.guidance]
                expected += [b.text for kind in BoundaryKind for b in pattern.conditions(kind)]
        expected += ["Acknowledgement", "Signature", "Date", "What the support does not include"]
        assert _missing(expected, text) == [], adopter.name
        # Another adopter's "not included" is never in this document.
        assert [a.limits for a in others if flat(a.limits) in text] == [], adopter.name


def test_an_agreement_document_names_the_signatories(demo_event):
    ana = next(p for p in demo_event.participants if p.name.startswith("Ana"))
    text = pdf_text(render_agreement(demo_event, ana.id))
    signatures = text[text.index("Acknowledgement") :]
    for name in ("Ana Núñez", "Zoë Lefèvre", "田中 愛子"):
        assert name in signatures
    assert signatures.count("Signature") == 3


def test_someone_who_adopts_nothing_has_no_agreement_document(demo_event):
    sponsor = next(p for p in demo_event.participants if p.name.startswith("田中"))
    with pytest.raises(ValueError, match="adopts nothing"):
        render_agreement(demo_event, sponsor.id)


def test_a_shared_event_shows_each_coalitions_goal_and_an_empty_one_says_so(db):
    from pdf_helpers import make_event

    from facilitator.services import events
    from facilitator.services.events import load_event

    with db.transaction() as session:
        event = make_event(session, title="")
        events.add_coalition_to_event(session, event.id, "Search Guild")
        for coalition, goal in zip(event.coalitions, ["Goal of checkout", "Goal of search"], strict=True):
            events.set_top_goal(session, event.id, coalition.id, goal)
        event_id = event.id
    with db.transaction() as session:
        text = pdf_text(render_summary(load_event(session, event_id)))
    for expected in (
        "Scale Across — Checkout Reliability Coalition + Search Guild",
        "Goal of checkout",
        "Goal of search",
        "Shared event",
        "No participants were recorded.",
        "No outcomes were recorded.",
        "No patterns were recorded.",
        "No adoption agreements were made.",
    ):
        assert expected in text
