"""Long text wraps and flows across pages; many agreements make many pages. Never a LayoutError."""

from __future__ import annotations

import datetime as dt

import pytest
from pdf_helpers import loaded_event, make_event, pdf_text, reader

from exports.pdf import adopters, render_agreement, render_summary
from facilitator.domain import BoundaryKind, OutcomeKind, ParticipantRole, SupportType
from facilitator.services import agreements, outcomes, participants, patterns

WORDS = "Adoption needs clear limits, named owners and a date to look again. "


def _long(marker: str, length: int = 10_000) -> str:
    body = (WORDS * (length // len(WORDS) + 1))[: length - len(marker) - 1]
    return f"{body} {marker}"


def _build_long(session):
    event = make_event(session, title="Long text")
    adopter = participants.add_participant(session, event.id, "Ana Núñez", "Payments")
    owner = participants.add_participant(
        session, event.id, "Zoë Lefèvre", "Checkout", ParticipantRole.COALITION_MEMBER
    )
    outcome = outcomes.add_outcome(
        session,
        event.id,
        OutcomeKind.SUCCESS,
        "Long outcome",
        _long("END-WHAT-HAPPENED"),
        # One 10,000-character "word": no space to break at.
        "x" * 9_980 + "END-NO-SPACES",
    )
    pattern = patterns.create_pattern(
        session,
        event.id,
        "Long pattern",
        summary=_long("END-SUMMARY"),
        guidance=_long("END-GUIDANCE"),
        outcome_ids=[outcome.id],
    )
    for kind in BoundaryKind:
        for number in range(3):
            patterns.add_boundary(
                session,
                pattern.id,
                kind,
                _long(f"END-{kind.value}-{number}", 5_000),
                event_id=event.id,
            )
    agreement = agreements.add_agreement(
        session,
        event.id,
        adopter.id,
        pattern_ids=[pattern.id],
        check_in=dt.date(2026, 8, 1),
        limits=_long("END-LIMITS"),
        notes=_long("END-NOTES"),
    )
    agreements.add_support_item(
        session,
        agreement.id,
        SupportType.COACHING,
        amount=4,
        owner_id=owner.id,
        description=_long("END-DESCRIPTION"),
        limits=_long("END-ITEM-LIMITS"),
    )
    return event


def _build_many(session):
    event = make_event(session, title="Two hundred agreements")
    people = [
        participants.add_participant(session, event.id, f"Adopter {n} Ødegård", f"Team {n}")
        for n in range(50)
    ]
    owner = participants.add_participant(
        session, event.id, "田中 愛子", "Checkout", ParticipantRole.COALITION_MEMBER
    )
    pattern_ids = [
        patterns.create_pattern(session, event.id, f"Pattern {n}", summary="Short.").id for n in range(5)
    ]
    for number in range(200):
        agreement = agreements.add_agreement(
            session,
            event.id,
            people[number % 50].id,
            pattern_ids=[pattern_ids[number % 5]],
            sponsor_id=owner.id,
            check_in=dt.date(2026, 9, 1),
            limits=f"Limits of agreement {number}.",
        )
        agreements.add_support_item(
            session,
            agreement.id,
            SupportType.TIME,
            amount=2,
            owner_id=owner.id,
            limits=f"Item limits {number}.",
        )
    return event


@pytest.fixture(scope="module")
def long_event(tmp_path_factory):
    return loaded_event(tmp_path_factory, _build_long)


MARKERS = [
    "END-WHAT-HAPPENED",
    "END-NO-SPACES",
    "END-SUMMARY",
    "END-GUIDANCE",
    "END-LIMITS",
    "END-NOTES",
    "END-DESCRIPTION",
    "END-ITEM-LIMITS",
    *(f"END-{kind.value}-{n}" for kind in BoundaryKind for n in range(3)),
]


def test_ten_thousand_characters_split_across_pages_in_the_summary(long_event):
    pdf = render_summary(long_event)
    assert len(reader(pdf).pages) >= 8
    text = pdf_text(pdf)
    assert [m for m in MARKERS if m not in text] == []


def test_ten_thousand_characters_split_across_pages_in_an_agreement(long_event):
    pdf = render_agreement(long_event, adopters(long_event)[0].id, page_size="Letter")
    assert len(reader(pdf).pages) >= 6
    text = pdf_text(pdf)
    assert [m for m in MARKERS if m not in ("END-WHAT-HAPPENED", "END-NO-SPACES") and m not in text] == []


def test_two_hundred_agreements_make_many_pages(tmp_path_factory):
    event = loaded_event(tmp_path_factory, _build_many)
    pdf = render_summary(event)
    pages = reader(pdf).pages
    assert len(pages) >= 40
    text = pdf_text(pdf)
    assert "Limits of agreement 0." in text and "Limits of agreement 199." in text
    assert f"Page {len(pages)} of {len(pages)}" in text
    four = render_agreement(event, adopters(event)[0].id)
    text = pdf_text(four)
    assert [n for n in (0, 50, 100, 150) if f"Limits of agreement {n}." not in text] == []
    assert "Agreement 4 of 4" in text
