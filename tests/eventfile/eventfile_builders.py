"""Events worth exporting, and row counts, shared by the event-file tests."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from facilitator.demo import create_demo_event
from facilitator.domain import AgreementStatus, Base, BoundaryKind, OutcomeKind, Trigger
from facilitator.eventfile import event_to_document
from facilitator.services import agreements, events, outcomes, participants, patterns

DEMO_DATE = dt.date(2026, 11, 21)


def build_demo(db):
    """Store the demo event; return its id."""
    with db.transaction() as session:
        return create_demo_event(session, date=DEMO_DATE).id


def build_shared_closed_event(db):
    """Store a closed event of two coalitions with history and step times; return its id.

    Its texts include values YAML would misread if written unquoted.
    """
    with db.transaction() as session:
        event = events.plan_event(
            session,
            coalitions=["Ödeme Platformu Koalisyonu", "Growth Guild 🚀"],
            date=dt.date(2026, 3, 14),
            facilitator="Łukasz Wróblewski",
            trigger=Trigger.QUARTERLY_CADENCE,
            title="Quarterly Scale Across: payments × growth",
        )
        first, second = event.coalitions
        events.set_top_goal(session, event.id, first.id, "Payments: p95 checkout < 2 s")
        events.set_top_goal(session, event.id, second.id, "Line one\nLine two with  two spaces ")
        add = participants.add_participant
        lead = add(session, event.id, "Chloé Dubois", "No", "coalition_member")
        adopter = add(session, event.id, "محمد علي", "2026-01-01", "potential_adopter")
        sponsor = add(session, event.id, "Jürgen Groß", "Leadership", "sponsor")
        participants.set_capacity(session, event.id, lead.id, 7.5)
        success = outcomes.add_outcome(
            session, event.id, OutcomeKind.SUCCESS, "null", "yes: it worked\n# not a comment", "12"
        )
        failure = outcomes.add_outcome(session, event.id, OutcomeKind.FAILURE, "Pilot stalled")
        owned = patterns.create_pattern(
            session,
            event.id,
            "Shadow traffic before cut-over",
            summary="Mirror real requests",
            guidance="Compare responses for a week",
            coalition_id=second.id,
            outcome_ids=[success.id, failure.id],
        )
        for kind, text, at_event in [
            (BoundaryKind.WORKS_WHEN, "Idempotent reads", event.id),
            (BoundaryKind.PREREQUISITE, "Traffic mirror", event.id),
            (BoundaryKind.BREAKS_WHEN, "Writes with side effects", None),  # no event known
        ]:
            patterns.add_boundary(session, owned.id, kind, text, event_id=at_event)
        adopted = agreements.add_agreement(
            session,
            event.id,
            adopter.id,
            pattern_ids=[owned.id],
            sponsor_id=sponsor.id,
            check_in="2026-05-01",
            limits="Two weeks only",
            notes="Δ notes",
        )
        agreements.add_support_item(
            session,
            adopted.id,
            "coaching",
            amount=2.25,
            unit="hours",
            owner_id=lead.id,
            description="Pairing",
            limits="Remote only",
        )
        agreements.add_support_item(session, adopted.id, "other")
        dropped = agreements.add_agreement(session, event.id, lead.id, pattern_ids=[owned.id])
        events.move_to_step(session, event.id, "follow-up")
        events.record_step_time(session, event.id, "top-goal", 300)
        events.record_step_time(session, event.id, "outcomes-patterns", 912.5)
        events.close_event(session, event.id)
        noon = dt.datetime(2026, 3, 14, 12, 0, 0)
        for agreement in (adopted, dropped):
            # As if agreed in the room that morning, not when the test runs.
            agreement.status_history[0].changed_at = noon - dt.timedelta(hours=2)
        later = noon + dt.timedelta(days=30)
        agreements.change_status(session, adopted.id, AgreementStatus.IN_PROGRESS, "Started", when=noon)
        agreements.change_status(session, adopted.id, AgreementStatus.ADOPTED, "Live in prod", when=later)
        agreements.change_status(
            session, dropped.id, AgreementStatus.ABANDONED, "Team reorganised", when=noon
        )
        return event.id


def document_of(db, event_id):
    """Return the event file document of a stored event."""
    with db.transaction() as session:
        return event_to_document(events.load_event(session, event_id))


def row_counts(db) -> dict[str, int]:
    """Return the number of rows in every table."""
    with db.transaction() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }


def build_reusing_event(db, demo_id):
    """Store a later event of another coalition that reuses a demo pattern; return its id.

    The reused pattern belongs to a coalition that is not part of this event,
    and its conditions were stated at the demo event.
    """
    with db.transaction() as session:
        demo = events.load_event(session, demo_id)
        reused = demo.patterns[0]
        event = events.plan_event(
            session,
            coalitions=["Search Guild"],
            date=DEMO_DATE + dt.timedelta(days=90),
            facilitator="Søren Ødegård",
        )
        patterns.reuse_pattern(session, event.id, reused.id)
        adopter = participants.add_participant(session, event.id, "Ingrid Ågren", "Search")
        agreements.add_agreement(session, event.id, adopter.id, pattern_ids=[reused.id])
        return event.id
