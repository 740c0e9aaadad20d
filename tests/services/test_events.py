"""Events: plan, edit, walk the agenda, close, reopen, list, find by id, delete."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from facilitator.demo import create_demo_event
from facilitator.domain import (
    Agreement,
    BoundaryCondition,
    Coalition,
    Event,
    EventStatus,
    Outcome,
    Participant,
    Pattern,
    StepTime,
    SupportItem,
    TopGoal,
    Trigger,
)
from facilitator.services import (
    NotFoundError,
    ServiceError,
    agreements,
    coalitions,
    events,
    outcomes,
    participants,
)


def test_planned_event_reads_back_with_every_field(act, reopen):
    planned = act(
        events.plan_event,
        coalitions=["Checkout Reliability", "Payments Platform"],
        date=dt.date(2026, 4, 14),
        facilitator="Zoë Lefèvre",
        trigger="pattern_discovery",
        agenda_id="scale-across",
        title="Scale Across — Q2",
    )

    with reopen() as session:
        event = session.get(Event, planned.id)
        assert event.title == "Scale Across — Q2"
        assert event.date == dt.date(2026, 4, 14)
        assert event.facilitator == "Zoë Lefèvre"
        assert event.trigger is Trigger.PATTERN_DISCOVERY
        assert event.agenda_id == "scale-across"
        assert event.status is EventStatus.PLANNED
        assert event.closed_at is None
        assert [c.name for c in event.coalitions] == ["Checkout Reliability", "Payments Platform"]
        assert sorted(g.text for g in event.goals) == ["", ""]


def test_plan_event_reuses_a_coalition_by_name_ignoring_case(act, count):
    act(events.plan_event, coalitions=["Checkout"], date=dt.date(2026, 1, 1))
    act(events.plan_event, coalitions=["CHECKOUT"], date=dt.date(2026, 2, 1))
    assert count(Coalition) == 1


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"coalitions": []}, "at least one coalition"),
        ({"coalitions": ["  "]}, "must not be empty"),
        ({"coalitions": ["A", "a"]}, "named twice"),
        ({"coalitions": ["A"], "trigger": "boredom"}, "Trigger must be one of"),
        ({"coalitions": ["A"], "date": "2026-01-01"}, "must be a date"),
    ],
)
def test_invalid_plan_is_refused_and_stores_nothing(act, count, kwargs, message):
    kwargs = {"date": dt.date(2026, 1, 1), **kwargs}
    with pytest.raises(ServiceError, match=message):
        act(events.plan_event, **kwargs)
    assert count(Event) == 0
    assert count(Coalition) == 0


def test_update_event_changes_are_stored(act, reopen, event_id):
    act(
        events.update_event,
        event_id,
        title="Renamed\x07 event",
        facilitator="Çağla Yıldız",
        trigger=Trigger.QUARTERLY_CADENCE,
        date=dt.date(2026, 5, 1),
    )
    with reopen() as session:
        event = session.get(Event, event_id)
        assert event.title == "Renamed event"
        assert event.facilitator == "Çağla Yıldız"
        assert event.trigger is Trigger.QUARTERLY_CADENCE
        assert event.date == dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "New title", "trigger": "nonsense"},
        {"title": "New title", "date": "tomorrow"},
        {"title": "New title", "status": "closed"},
        {"title": "New title", "agenda_id": ""},
    ],
)
def test_invalid_update_is_refused_and_stores_nothing(act, reopen, event_id, changes):
    with pytest.raises(ServiceError):
        act(events.update_event, event_id, **changes)
    with reopen() as session:
        event = session.get(Event, event_id)
        assert event.title == "Scale Across — checkout"
        assert event.status is EventStatus.PLANNED


def test_top_goal_history_carries_over_to_the_next_event(act, reopen):
    first = act(events.plan_event, coalitions=["Checkout"], date=dt.date(2026, 1, 10))
    coalition_id = first.coalition_links[0].coalition_id
    act(events.set_top_goal, first.id, coalition_id, "Lead time under 4 days")

    second = act(events.plan_event, coalitions=["checkout"], date=dt.date(2026, 4, 10))
    with reopen() as session:
        event = session.get(Event, second.id)
        coalition = session.get(Coalition, coalition_id)
        assert event.goal_for(coalition) == "Lead time under 4 days"

    act(events.set_top_goal, second.id, coalition_id, "Lead time under 2 days")

    with reopen() as session:
        history = coalitions.goal_history(session, coalition_id)
        assert [(g.text, g.event_id) for g in history] == [
            ("Lead time under 4 days", first.id),
            ("Lead time under 2 days", second.id),
        ]
        assert coalitions.latest_goal(session, coalition_id) == "Lead time under 2 days"
        coalition = session.get(Coalition, coalition_id)
        assert session.get(Event, first.id).goal_for(coalition) == "Lead time under 4 days"
        assert (
            session.scalar(select(TopGoal.text).where(TopGoal.event_id == first.id))
            == "Lead time under 4 days"
        )


def test_top_goal_of_a_coalition_not_in_the_event_is_refused(act, count, event_id):
    other = act(events.plan_event, coalitions=["Other"], date=dt.date(2026, 1, 1))
    other_coalition = other.coalition_links[0].coalition_id
    goals_before = count(TopGoal)
    with pytest.raises(ServiceError, match="not a coalition of this event"):
        act(events.set_top_goal, event_id, other_coalition, "Sneaky goal")
    assert count(TopGoal) == goals_before


def test_add_coalition_makes_a_shared_event(act, reopen, event_id):
    act(events.add_coalition_to_event, event_id, "Payments Platform")
    with pytest.raises(ServiceError, match="already part"):
        act(events.add_coalition_to_event, event_id, "payments platform")
    with reopen() as session:
        event = session.get(Event, event_id)
        assert [c.name for c in event.coalitions] == [
            "Checkout Reliability Coalition",
            "Payments Platform",
        ]
        assert len(event.goals) == 2


def test_move_to_step_starts_a_planned_event_running(act, reopen, event_id):
    act(events.move_to_step, event_id, "outcomes-patterns")
    with reopen() as session:
        event = session.get(Event, event_id)
        assert event.status is EventStatus.RUNNING
        assert event.current_step_id == "outcomes-patterns"


def test_step_time_is_stored_and_overwritten_not_duplicated(act, reopen, count, event_id):
    act(events.record_step_time, event_id, "top-goal", 95.5)
    act(events.record_step_time, event_id, "top-goal", 180)
    act(events.record_step_time, event_id, "follow-up", 0)
    with reopen() as session:
        event = session.get(Event, event_id)
        assert event.seconds_on("top-goal") == 180.0
        assert event.seconds_on("follow-up") == 0.0
        assert event.seconds_on("never-visited") == 0.0
    assert count(StepTime) == 2


@pytest.mark.parametrize("seconds", [-1, True, "60", None])
def test_invalid_step_time_is_refused(act, count, event_id, seconds):
    with pytest.raises(ServiceError, match="zero or more seconds"):
        act(events.record_step_time, event_id, "top-goal", seconds)
    assert count(StepTime) == 0


def test_closed_event_refuses_edits_but_allows_status_follow_up(act, reopen, event_id):
    adopter = act(participants.add_participant, event_id, "Ana Núñez", "Payments")
    agreement = act(agreements.add_agreement, event_id, adopter.id)
    act(events.close_event, event_id)

    with reopen() as session:
        event = session.get(Event, event_id)
        assert event.status is EventStatus.CLOSED
        assert event.closed_at is not None

    refused = [
        (events.update_event, (event_id,), {"title": "Edited later"}),
        (events.move_to_step, (event_id, "top-goal"), {}),
        (events.record_step_time, (event_id, "top-goal", 10), {}),
        (participants.add_participant, (event_id, "Late Comer"), {}),
        (participants.update_participant, (adopter.id,), {"name": "Renamed"}),
        (outcomes.add_outcome, (event_id, "success", "Late outcome"), {}),
        (agreements.add_agreement, (event_id, adopter.id), {}),
        (agreements.update_agreement, (agreement.id,), {"notes": "late"}),
    ]
    for service, args, kwargs in refused:
        with pytest.raises(ServiceError, match="closed"):
            act(service, *args, **kwargs)

    act(agreements.change_status, agreement.id, "in_progress", "Started after the event")

    with reopen() as session:
        event = session.get(Event, event_id)
        assert event.title == "Scale Across — checkout"
        assert [p.name for p in event.participants] == ["Ana Núñez"]
        assert event.outcomes == []
        stored = session.get(Agreement, agreement.id)
        assert stored.notes == ""
        assert stored.status.value == "in_progress"


def test_reopened_event_runs_again_and_accepts_edits(act, reopen, event_id):
    act(events.close_event, event_id)
    act(events.reopen_event, event_id)
    act(events.update_event, event_id, title="Edited after reopening")
    with reopen() as session:
        event = session.get(Event, event_id)
        assert event.status is EventStatus.RUNNING
        assert event.closed_at is None
        assert event.title == "Edited after reopening"


def test_list_events_is_newest_first_and_honours_limit(act, reopen):
    for day, name in [(5, "Middle"), (20, "Newest"), (1, "Oldest")]:
        act(events.plan_event, coalitions=[name], date=dt.date(2026, 3, day), title=name)
    with reopen() as session:
        listed = events.list_events(session)
        assert [e.title for e in listed] == ["Newest", "Middle", "Oldest"]
        assert listed[0].coalition_names == "Newest"
        assert listed[0].status is EventStatus.PLANNED
        assert [e.title for e in events.list_events(session, limit=2)] == ["Newest", "Middle"]


def test_resolve_event_id_by_unique_prefix_with_or_without_hyphens(act, reopen):
    first = uuid.UUID("abcd1234-5678-4abc-8def-000000000001")
    second = uuid.UUID("abcd9999-5678-4abc-8def-000000000002")
    for event_id in (first, second):
        act(events.plan_event, coalitions=["C"], date=dt.date(2026, 1, 1), event_id=event_id)

    with reopen() as session:
        assert events.resolve_event_id(session, "abcd1") == first
        assert events.resolve_event_id(session, "ABCD12345678") == first
        assert events.resolve_event_id(session, "abcd1234-5678-4a") == first
        assert events.resolve_event_id(session, f"  {second}  ") == second
        with pytest.raises(NotFoundError, match="2 events"):
            events.resolve_event_id(session, "abcd")
        with pytest.raises(NotFoundError, match="no event"):
            events.resolve_event_id(session, "ffff")
        with pytest.raises(NotFoundError):
            events.resolve_event_id(session, " - ")


def test_delete_event_removes_its_records_but_keeps_patterns_and_coalitions(db, reopen, count):
    with db.transaction() as session:
        demo = create_demo_event(session, date=dt.date(2026, 2, 2))
        demo_id = demo.id
    keep = {model: count(model) for model in (Coalition, Pattern, BoundaryCondition)}
    assert count(Agreement) == 4

    with db.transaction() as session:
        events.delete_event(session, demo_id)

    with reopen() as session:
        assert session.get(Event, demo_id) is None
    for model in (Participant, Outcome, Agreement, SupportItem, TopGoal):
        assert count(model) == 0, model.__name__
    for model, number in keep.items():
        assert count(model) == number, model.__name__
    with reopen() as session:
        # Boundaries remember their event only while it exists.
        assert set(session.scalars(select(BoundaryCondition.event_id))) == {None}


def test_unknown_event_id_is_not_found(act):
    with pytest.raises(NotFoundError):
        act(events.update_event, uuid.uuid4(), title="x")
    with pytest.raises(NotFoundError, match="not a record id"):
        act(events.close_event, "not-a-uuid")
