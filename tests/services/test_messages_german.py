"""The services, the figures and the fit check speak German: words, plurals and numbers.

Runs against the shipped German catalog (the ``german`` fixture of tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator import i18n
from facilitator.documents import DocumentError, parse_document
from facilitator.domain import AgreementStatus, OutcomeKind, SupportType
from facilitator.figures import (
    FIGURE_BY_KEY,
    FigureValues,
    FitGroup,
    StartedFit,
    compute_figures,
    detail,
    format_value,
    started_fit_text,
)
from facilitator.followup.adoption_row import FitState
from facilitator.i18n import _
from facilitator.services import ServiceError, agreements, events, outcomes, participants
from facilitator.services.events import load_event
from facilitator.services.readiness import open_items_of


def values(**counts: int) -> FigureValues:
    zero = dict.fromkeys(
        ("events", "adopter_teams", "adopted_teams", "open_teams", "patterns", "teams_reached")
        + ("documented_patterns", "adopted_agreements", "failures"),
        0,
    )
    none = dict.fromkeys(("adoption_rate", "teams_per_pattern", "boundary_share", "median_days"))
    return FigureValues(**{**zero, **none, **counts})


def test_figures_read_in_german_with_german_numbers(german):
    assert _(FIGURE_BY_KEY["adoption_rate"].title) == "Übernahmequote"
    assert format_value("adoption_rate", 0.574) == "57 %"
    assert format_value("teams_per_pattern", 2.0) == "2,0"
    assert format_value("median_days", 181.5) == "181,5 Tage"
    assert format_value("median_days", 1.0) == "1 Tag"
    assert format_value("failures", 12345) == "12.345"
    assert detail("adoption_rate", values(adopter_teams=1234, adopted_teams=1001, open_teams=5)) == (
        "1.001 von 1.234 Teams rechtzeitig übernommen; 5 noch innerhalb ihrer sechs Monate."
    )
    assert detail("boundary_share", values(patterns=1, documented_patterns=1)) == (
        "1 von 1 Muster dokumentiert."
    )
    assert detail("failures", values(events=2500)) == "Bei 2.500 Veranstaltungen."
    text = started_fit_text(StartedFit(FitGroup(2, 1), FitGroup(1500, 15), FitGroup(1, 1)))
    assert text.sentence == "Gefährdet: 1 von 2 aufgegeben (50 %) · Passend: 15 von 1.500 aufgegeben (1 %)"
    assert text.not_checked == "Nicht geprüft: 1 Vereinbarung, in keiner der beiden Gruppen"


def test_labels_follow_the_language_chosen_after_import(german):
    assert AgreementStatus.IN_PROGRESS.label == "In Arbeit"
    assert OutcomeKind.FAILURE.label == "Misserfolg"
    assert SupportType.OTHER.label == "Sonstiges"
    assert FitState.AT_RISK_ACCEPTED.label == "Gefährdet (akzeptiert)"


def test_the_overall_scope_is_named_in_the_language_of_the_report(db):
    with db.transaction() as session:
        assert compute_figures(session).overall.scope == "Overall"
    i18n.set_language("de")  # the conftest speaks English again after the test
    with db.transaction() as session:
        assert compute_figures(session).overall.scope == "Insgesamt"


@pytest.fixture
def event_id(db):
    with db.transaction() as session:
        return events.plan_event(session, coalitions=["Checkout"], date=dt.date(2026, 11, 21)).id


def test_a_refused_service_call_says_why_in_german(german, db, event_id):
    with db.transaction() as session, pytest.raises(ServiceError) as refused:
        outcomes.add_outcome(session, event_id, "failure", "x" * 1501)
    assert str(refused.value) == "„Titel“ ist zu lang (1.501 Zeichen, höchstens 500)"
    with db.transaction() as session, pytest.raises(ServiceError) as refused:
        participants.add_participant(session, event_id, "Ana", email="ana@example")
    assert str(refused.value) == (
        "„ana@example“ ist keine E-Mail-Adresse: "
        "der Teil nach dem @ braucht einen Punkt, etwa name@example.org"
    )
    with db.transaction() as session:
        events.close_event(session, event_id)
    with db.transaction() as session, pytest.raises(ServiceError) as refused:
        outcomes.add_outcome(session, event_id, "success", "Deploys daily")
    assert (
        str(refused.value) == "diese Veranstaltung ist abgeschlossen; öffnen Sie sie wieder, um sie zu ändern"
    )


def test_what_the_room_leaves_open_is_said_in_german(german, db, event_id):
    with db.transaction() as session:
        outcomes.add_outcome(session, event_id, "failure", "Freeze")
        owner = participants.add_participant(session, event_id, "Zoë", role="coalition_member")
        participants.set_capacity(session, event_id, owner.id, 1000)
    with db.transaction() as session:
        ana = participants.add_participant(session, event_id, "Ana", "Payments")
        agreement = agreements.add_agreement(session, event_id, ana.id)
        agreements.add_support_item(session, agreement.id, "coaching", amount=1234.5, owner_id=owner.id)
    with db.transaction() as session:
        texts = [item.text for item in open_items_of(load_event(session, event_id))]
    assert texts == [
        "Aus dem Misserfolg „Freeze“ wurde noch kein Muster gelernt.",
        "Ana (Payments): die Vereinbarung hat keinen Sponsor.",
        "Ana (Payments): keine Einschränkungen festgehalten (wo die Unterstützung der Koalition endet).",
        "Ana (Payments): kein Check-in-Datum.",
        "Von Zoë sind 1.234,5 h Unterstützung zugesagt, verfügbar sind aber nur 1.000 h, "
        "und die Anwesenden haben das nicht akzeptiert.",
    ]


def test_a_refused_file_says_why_in_german(german):
    with pytest.raises(DocumentError) as refused:
        parse_document(b"a: 1\na: 2\n", "doc.yaml")
    assert str(refused.value) == "doc.yaml:2:1: doppelter Schlüssel „a“ (zuerst in Zeile 1 angegeben)"
