"""Patterns outlive events; their boundaries travel with them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from facilitator.domain import (
    BoundaryCondition,
    BoundaryKind,
    Event,
    EventPattern,
    OutcomeKind,
    Pattern,
    PatternOutcome,
)
from facilitator.services import ServiceError, agreements, events, outcomes, participants, patterns


def _event_patterns(reopen, event_id):
    with reopen() as session:
        links = session.get(Event, event_id).pattern_links
        return [(link.pattern.name, link.position) for link in links]


def _second_event(act, name="Checkout Reliability Coalition"):
    return act(events.plan_event, coalitions=[name], date=dt.date(2026, 7, 1)).id


def test_created_pattern_round_trips_with_its_outcomes(act, reopen, event_id, coalition_id):
    win = act(outcomes.add_outcome, event_id, "success", "Lead time cut")
    loss = act(outcomes.add_outcome, event_id, "failure", "Flag debt")
    created = act(
        patterns.create_pattern,
        event_id,
        "Trunk-based development",
        kind="success",
        summary="Merge daily.",
        guidance="Start with one service.",
        outcome_ids=[win.id, loss.id, win.id],
    )
    with reopen() as session:
        stored = session.get(Pattern, created.id)
        assert stored.name == "Trunk-based development"
        assert stored.kind is OutcomeKind.SUCCESS
        assert (stored.summary, stored.guidance) == ("Merge daily.", "Start with one service.")
        assert stored.coalition_id == coalition_id
        assert sorted(o.title for o in stored.outcomes) == ["Flag debt", "Lead time cut"]
    assert _event_patterns(reopen, event_id) == [("Trunk-based development", 0)]


def test_update_pattern_changes_are_stored(act, reopen, event_id):
    created = act(patterns.create_pattern, event_id, "Code freezes")
    act(patterns.update_pattern, created.id, kind="failure", guidance="Avoid > 2 days.")
    with pytest.raises(ServiceError, match="Pattern name must not be empty"):
        act(patterns.update_pattern, created.id, name="", summary="lost")
    with reopen() as session:
        stored = session.get(Pattern, created.id)
        assert (stored.name, stored.kind, stored.guidance, stored.summary) == (
            "Code freezes",
            OutcomeKind.FAILURE,
            "Avoid > 2 days.",
            "",
        )


def test_invalid_pattern_is_refused_and_stores_nothing(act, count, event_id):
    with pytest.raises(ServiceError, match="Pattern name"):
        act(patterns.create_pattern, event_id, "  ")
    with pytest.raises(ServiceError, match="Kind must be one of"):
        act(patterns.create_pattern, event_id, "Name", kind="maybe")
    other = _second_event(act, "Other Coalition")
    other_coalition = act(lambda s: s.get(Event, other).coalition_links[0].coalition_id)
    with pytest.raises(ServiceError, match="one of the event's coalitions"):
        act(patterns.create_pattern, event_id, "Foreign", coalition_id=other_coalition)
    assert count(Pattern) == 0
    assert count(EventPattern) == 0


def test_pattern_is_reused_in_a_later_event(act, reopen, event_id, coalition_id):
    created = act(patterns.create_pattern, event_id, "Contract tests")
    later = _second_event(act)

    with reopen() as session:
        offered = patterns.known_patterns(session, [coalition_id], exclude_event_id=later)
        assert [p.name for p in offered] == ["Contract tests"]
        assert patterns.known_patterns(session, [coalition_id], exclude_event_id=event_id) == []

    act(patterns.reuse_pattern, later, created.id)
    with pytest.raises(ServiceError, match="already part of this event"):
        act(patterns.reuse_pattern, later, created.id)

    assert _event_patterns(reopen, later) == [("Contract tests", 0)]
    with reopen() as session:
        assert patterns.known_patterns(session, [coalition_id], exclude_event_id=later) == []
        assert session.scalars(select(Pattern.id)).all() == [created.id]


def test_known_patterns_are_sorted_by_name_and_scoped_to_coalitions(act, reopen, event_id, coalition_id):
    for name in ("beta", "Alpha", "gamma"):
        act(patterns.create_pattern, event_id, name)
    other = _second_event(act, "Other Coalition")
    act(patterns.create_pattern, other, "Not ours")
    with reopen() as session:
        assert [p.name for p in patterns.known_patterns(session, [coalition_id])] == [
            "Alpha",
            "beta",
            "gamma",
        ]


def test_removing_an_unused_pattern_from_its_event_deletes_it(act, reopen, count, event_id):
    outcome = act(outcomes.add_outcome, event_id, "success", "Win")
    keep = act(patterns.create_pattern, event_id, "Keep")
    gone = act(patterns.create_pattern, event_id, "Gone", outcome_ids=[outcome.id])
    act(patterns.add_boundary, gone.id, "works_when", "Always")
    act(patterns.remove_pattern_from_event, event_id, gone.id)

    with reopen() as session:
        assert session.get(Pattern, gone.id) is None
        assert session.get(Pattern, keep.id) is not None
    assert _event_patterns(reopen, event_id) == [("Keep", 0)]
    assert count(BoundaryCondition) == 0
    assert count(PatternOutcome) == 0


def test_removing_a_pattern_still_used_elsewhere_keeps_it(act, reopen, event_id):
    shared = act(patterns.create_pattern, event_id, "Shared")
    later = _second_event(act)
    act(patterns.reuse_pattern, later, shared.id)
    act(patterns.remove_pattern_from_event, later, shared.id)
    with reopen() as session:
        assert session.get(Pattern, shared.id) is not None
    assert _event_patterns(reopen, later) == []
    assert _event_patterns(reopen, event_id) == [("Shared", 0)]
    with pytest.raises(ServiceError, match="not part of this event"):
        act(patterns.remove_pattern_from_event, later, shared.id)


def test_removing_a_pattern_an_agreement_adopts_is_refused(act, reopen, event_id):
    adopted = act(patterns.create_pattern, event_id, "Adopted")
    ana = act(participants.add_participant, event_id, "Ana")
    act(agreements.add_agreement, event_id, ana.id, pattern_ids=[adopted.id])
    with pytest.raises(ServiceError, match="1 agreement"):
        act(patterns.remove_pattern_from_event, event_id, adopted.id)
    assert _event_patterns(reopen, event_id) == [("Adopted", 0)]


def test_move_pattern_changes_the_order_of_discussion(act, reopen, event_id):
    ids = [act(patterns.create_pattern, event_id, n).id for n in ("A", "B", "C")]
    act(patterns.move_pattern, event_id, ids[0], 2)
    assert _event_patterns(reopen, event_id) == [("B", 0), ("C", 1), ("A", 2)]
    later = _second_event(act)
    with pytest.raises(ServiceError, match="not part of this event"):
        act(patterns.move_pattern, later, ids[0], 0)


def test_link_and_unlink_outcomes(act, reopen, count, event_id):
    first = act(outcomes.add_outcome, event_id, "success", "First")
    second = act(outcomes.add_outcome, event_id, "failure", "Second")
    pattern = act(patterns.create_pattern, event_id, "P")
    act(patterns.link_outcome, pattern.id, first.id)
    act(patterns.link_outcome, pattern.id, first.id)  # idempotent
    act(patterns.link_outcome, pattern.id, second.id)
    assert count(PatternOutcome) == 2
    act(patterns.unlink_outcome, pattern.id, first.id)
    act(patterns.unlink_outcome, pattern.id, first.id)  # nothing left to unlink
    with reopen() as session:
        assert [o.title for o in session.get(Pattern, pattern.id).outcomes] == ["Second"]
        assert patterns.coalition_of(session, pattern.id).name == "Checkout Reliability Coalition"


def _conditions(reopen, pattern_id):
    with reopen() as session:
        pattern = session.get(Pattern, pattern_id)
        return {kind: [(b.text, b.position) for b in pattern.conditions(kind)] for kind in BoundaryKind}, [
            (b.kind, b.position) for b in pattern.boundaries
        ]


def test_boundaries_round_trip_per_kind_in_order(act, reopen, event_id):
    pattern = act(patterns.create_pattern, event_id, "Trunk-based")
    ids = {}
    for kind, text in [
        ("works_when", "Team owns its pipeline"),
        ("breaks_when", "Change board per deploy"),
        ("works_when", "Tests under 15 minutes"),
        ("prerequisite", "A flag service"),
        ("breaks_when", "No one cleans up flags"),
    ]:
        ids[text] = act(patterns.add_boundary, pattern.id, kind, text, event_id=event_id).id

    by_kind, flat = _conditions(reopen, pattern.id)
    assert by_kind == {
        BoundaryKind.WORKS_WHEN: [("Team owns its pipeline", 0), ("Tests under 15 minutes", 1)],
        BoundaryKind.BREAKS_WHEN: [("Change board per deploy", 0), ("No one cleans up flags", 1)],
        BoundaryKind.PREREQUISITE: [("A flag service", 0)],
    }
    assert flat == sorted(flat, key=lambda row: (row[0].value, row[1]))
    with reopen() as session:
        assert {b.event_id for b in session.scalars(select(BoundaryCondition))} == {event_id}

    act(patterns.update_boundary, ids["A flag service"], "A feature-flag service (Platform)")
    act(patterns.move_boundary, ids["Tests under 15 minutes"], 0)
    act(patterns.remove_boundary, ids["Change board per deploy"])

    by_kind, _ = _conditions(reopen, pattern.id)
    assert by_kind == {
        BoundaryKind.WORKS_WHEN: [("Tests under 15 minutes", 0), ("Team owns its pipeline", 1)],
        BoundaryKind.BREAKS_WHEN: [("No one cleans up flags", 0)],
        BoundaryKind.PREREQUISITE: [("A feature-flag service (Platform)", 0)],
    }


def test_invalid_boundary_is_refused_and_stores_nothing(act, reopen, count, event_id):
    pattern = act(patterns.create_pattern, event_id, "P")
    kept = act(patterns.add_boundary, pattern.id, "prerequisite", "Kept")
    with pytest.raises(ServiceError, match="Boundary kind must be one of"):
        act(patterns.add_boundary, pattern.id, "sometimes", "Text")
    with pytest.raises(ServiceError, match="Condition must not be empty"):
        act(patterns.add_boundary, pattern.id, "works_when", "\x00\x01 ")
    with pytest.raises(ServiceError, match="Condition must not be empty"):
        act(patterns.update_boundary, kept.id, "")
    act(events.close_event, event_id)
    with pytest.raises(ServiceError, match="closed"):
        act(patterns.add_boundary, pattern.id, "works_when", "Late", event_id=event_id)
    assert count(BoundaryCondition) == 1
    with reopen() as session:
        assert session.get(BoundaryCondition, kept.id).text == "Kept"
