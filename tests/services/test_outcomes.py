"""Outcomes: the successes and failures the coalition shares."""

from __future__ import annotations

import pytest

from facilitator.domain import Event, Outcome, OutcomeKind, Pattern, PatternOutcome
from facilitator.services import ServiceError, events, outcomes, patterns


def _titles(reopen, event_id):
    with reopen() as session:
        return [(o.title, o.position) for o in session.get(Event, event_id).outcomes]


def test_outcome_round_trips_with_all_fields(act, reopen, event_id):
    added = act(
        outcomes.add_outcome,
        event_id,
        "failure",
        "Freeze made the peak worse",
        "140 changes piled up.\r\nOne risky release.",
        "PIR-2291: 3-hour outage",
    )
    with reopen() as session:
        stored = session.get(Outcome, added.id)
        assert stored.kind is OutcomeKind.FAILURE
        assert stored.title == "Freeze made the peak worse"
        assert stored.what_happened == "140 changes piled up.\nOne risky release."
        assert stored.evidence == "PIR-2291: 3-hour outage"
        assert stored.position == 0


def test_update_outcome_changes_are_stored(act, reopen, event_id):
    added = act(outcomes.add_outcome, event_id, OutcomeKind.SUCCESS, "Deploys daily")
    act(
        outcomes.update_outcome,
        added.id,
        kind="failure",
        title="Deploys daily, incidents too",
        evidence="6 incidents",
    )
    with reopen() as session:
        stored = session.get(Outcome, added.id)
        assert (stored.kind, stored.title, stored.evidence) == (
            OutcomeKind.FAILURE,
            "Deploys daily, incidents too",
            "6 incidents",
        )


@pytest.mark.parametrize("changes", [{"title": ""}, {"title": "New", "kind": "meh"}, {"colour": "red"}])
def test_invalid_outcome_update_stores_nothing(act, reopen, event_id, changes):
    added = act(outcomes.add_outcome, event_id, "success", "Deploys daily")
    with pytest.raises(ServiceError):
        act(outcomes.update_outcome, added.id, **changes)
    with reopen() as session:
        stored = session.get(Outcome, added.id)
        assert (stored.kind, stored.title) == (OutcomeKind.SUCCESS, "Deploys daily")


@pytest.mark.parametrize("kind, title", [("win", "A"), ("success", "   "), ("success", 42)])
def test_invalid_new_outcome_stores_nothing(act, count, event_id, kind, title):
    with pytest.raises(ServiceError):
        act(outcomes.add_outcome, event_id, kind, title)
    assert count(Outcome) == 0


def test_remove_and_move_outcomes_keep_a_gapless_order(act, reopen, event_id):
    ids = [act(outcomes.add_outcome, event_id, "success", t).id for t in "ABCD"]
    act(outcomes.remove_outcome, ids[1])
    assert _titles(reopen, event_id) == [("A", 0), ("C", 1), ("D", 2)]
    act(outcomes.move_outcome, ids[3], 0)
    assert _titles(reopen, event_id) == [("D", 0), ("A", 1), ("C", 2)]
    act(outcomes.move_outcome, ids[3], -5)
    assert _titles(reopen, event_id) == [("D", 0), ("A", 1), ("C", 2)]
    act(outcomes.move_outcome, ids[0], 1)
    assert _titles(reopen, event_id) == [("D", 0), ("A", 1), ("C", 2)]


def test_removed_outcome_unlinks_but_keeps_its_pattern(act, reopen, count, event_id):
    outcome = act(outcomes.add_outcome, event_id, "success", "Lead time 9 → 3.5 days")
    pattern = act(patterns.create_pattern, event_id, "Trunk-based", outcome_ids=[outcome.id])
    assert count(PatternOutcome) == 1
    act(outcomes.remove_outcome, outcome.id)
    assert count(PatternOutcome) == 0
    with reopen() as session:
        assert session.get(Pattern, pattern.id).outcomes == []


def test_outcomes_of_a_closed_event_cannot_change(act, reopen, event_id):
    added = act(outcomes.add_outcome, event_id, "success", "Deploys daily")
    act(events.close_event, event_id)
    for service, args in [
        (outcomes.update_outcome, (added.id,)),
        (outcomes.remove_outcome, (added.id,)),
        (outcomes.move_outcome, (added.id, 0)),
    ]:
        with pytest.raises(ServiceError, match="closed"):
            if service is outcomes.update_outcome:
                act(service, *args, title="Changed")
            else:
                act(service, *args)
    assert _titles(reopen, event_id) == [("Deploys daily", 0)]
