"""A small history whose every record holds a word found nowhere else."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from facilitator.domain import AgreementStatus, BoundaryKind, OutcomeKind, SupportType
from facilitator.search import search
from facilitator.services import agreements, events, outcomes, participants, patterns


@pytest.fixture
def world(db):
    """Two events of the Checkout coalition; ``ids`` names each record by its unique word."""
    with db.transaction() as s:
        old = events.plan_event(
            s,
            coalitions=["Checkout"],
            date=dt.date(2025, 3, 1),
            title="Spring kiwi event",
            facilitator="Zoë Lefèvre",
        )
        events.set_top_goal(s, old.id, old.coalitions[0].id, "Halve the mango lead time")
        zoe = participants.add_participant(s, old.id, "Zoë Lefèvre", "Papaya squad")
        sven = participants.add_participant(s, old.id, "Søren Ødegård", "Search")
        outcome = outcomes.add_outcome(
            s,
            old.id,
            OutcomeKind.FAILURE,
            "Quince freeze",
            "The walnut release failed",
            "Incident hazelnut-7",
        )
        pattern = patterns.create_pattern(
            s,
            old.id,
            "Lychee flags",
            summary="Merge daily behind flags",
            guidance="Start with a fig service",
            outcome_ids=[outcome.id],
        )
        boundary = patterns.add_boundary(
            s,
            pattern.id,
            BoundaryKind.WORKS_WHEN,
            "The team owns its pipeline of plums",
            event_id=old.id,
        )
        agreement = agreements.add_agreement(
            s,
            old.id,
            sven.id,
            pattern_ids=[pattern.id],
            sponsor_id=zoe.id,
            limits="No weekend apricot support",
            notes="Check in after the cherry sprint",
        )
        item = agreements.add_support_item(
            s,
            agreement.id,
            SupportType.COACHING,
            amount=4,
            owner_id=zoe.id,
            description="Pairing on the guava pipeline",
            limits="Only the melon service",
        )
        change = agreements.change_status(
            s, agreement.id, AgreementStatus.IN_PROGRESS, "Started the pomelo rollout"
        )
        new = events.plan_event(s, coalitions=["Checkout"], date=dt.date(2025, 9, 1), title="Autumn event")
        patterns.reuse_pattern(s, new.id, pattern.id)
        ids = SimpleNamespace(
            old=old.id,
            new=new.id,
            zoe=zoe.id,
            sven=sven.id,
            outcome=outcome.id,
            pattern=pattern.id,
            boundary=boundary.id,
            agreement=agreement.id,
            item=item.id,
            change=change.id,
            goal=old.goals[0].id,
        )
    return ids


@pytest.fixture
def find(db):
    """Return a function: search the database in a transaction of its own."""

    def run(text, **options):
        with db.transaction() as s:
            return search(s, text, **options)

    return run


@pytest.fixture
def found_ids(find):
    """Return a function: the record ids a search finds."""
    return lambda text: {hit.record_id for hit in find(text)}
