"""History rows: one per event with counts worked out by hand, and the filter that picks them."""

from __future__ import annotations

import datetime as dt
import gc

import pytest

from facilitator.domain import AgreementStatus, Event, EventStatus, OutcomeKind
from facilitator.followup.history import HistoryFilter, HistoryRow, fold, history_rows, people_index
from facilitator.services import agreements, events, outcomes, participants, patterns

TODAY = dt.date(2026, 5, 1)


@pytest.fixture
def history(db):
    """Three events; the hand-worked figures are in the comments.

    Spring review (Checkout, 2026-03-01, closed):
      people Zoë Lefèvre (Payments), Ana Núñez (no team → "Ana Núñez"),
      Bob (" payments " → same team as Payments), Çağla (Search)
      outcomes 2 successes + 1 failure; patterns 2
      agreements: adopted (check-in passed: not open, not overdue),
      in progress due 2026-04-01 (overdue), agreed due today (not overdue),
      agreed due 2026-06-01 (open), abandoned due 2026-02-01 (not open)
      → 5 agreements, 1 adopted, 3 open, 1 overdue
    Shared kickoff (Search + Checkout, 2026-04-15, running):
      one participant, no outcomes, one pattern carried over, no agreements
    Search planning (Search, 2026-04-15, planned, created after the kickoff): nothing
    """
    with db.transaction() as s:
        spring = events.plan_event(
            s,
            coalitions=["Checkout"],
            date=dt.date(2026, 3, 1),
            title="Spring review",
            facilitator="Mia",
        )
        zoe = participants.add_participant(s, spring.id, "Zoë Lefèvre", "Payments")
        ana = participants.add_participant(s, spring.id, "Ana Núñez", "  ")
        bob = participants.add_participant(s, spring.id, "Bob", " payments ")
        cagla = participants.add_participant(s, spring.id, "Çağla", "Search")
        won = outcomes.add_outcome(s, spring.id, OutcomeKind.SUCCESS, "Faster releases")
        outcomes.add_outcome(s, spring.id, OutcomeKind.SUCCESS, "Fewer pages")
        outcomes.add_outcome(s, spring.id, OutcomeKind.FAILURE, "Big-bang migration")
        flags = patterns.create_pattern(s, spring.id, "Feature flags", outcome_ids=[won.id])
        patterns.create_pattern(s, spring.id, "Avoid big-bang", kind=OutcomeKind.FAILURE)
        adopted = agreements.add_agreement(s, spring.id, zoe.id, check_in=dt.date(2026, 3, 15))
        late = agreements.add_agreement(s, spring.id, ana.id, check_in=dt.date(2026, 4, 1))
        agreements.add_agreement(s, spring.id, bob.id, check_in=TODAY)
        agreements.add_agreement(s, spring.id, cagla.id, check_in=dt.date(2026, 6, 1))
        dropped = agreements.add_agreement(s, spring.id, bob.id, check_in=dt.date(2026, 2, 1))
        events.close_event(s, spring.id)
    with db.transaction() as s:
        agreements.change_status(s, adopted.id, AgreementStatus.ADOPTED)
        agreements.change_status(s, late.id, AgreementStatus.IN_PROGRESS)
        agreements.change_status(s, dropped.id, AgreementStatus.ABANDONED, "team reorganised")
    with db.transaction() as s:
        kickoff = events.plan_event(
            s, coalitions=["Search", "Checkout"], date=dt.date(2026, 4, 15), title="Shared kickoff"
        )
        participants.add_participant(s, kickoff.id, "Søren", "Platform")
        patterns.reuse_pattern(s, kickoff.id, flags.id)
        events.move_to_step(s, kickoff.id, "top-goal")
        planning = events.plan_event(
            s, coalitions=["Search"], date=dt.date(2026, 4, 15), title="Search planning"
        )
        # Same day: the one created later is listed first.
        s.get(Event, kickoff.id).created_at = dt.datetime(2026, 4, 1, 9, 0)
        s.get(Event, planning.id).created_at = dt.datetime(2026, 4, 1, 10, 0)
    return spring.id, kickoff.id, planning.id


def test_rows_are_newest_first_with_hand_worked_counts(db, history):
    spring, kickoff, planning = history
    with db.transaction() as s:
        rows = history_rows(s, today=TODAY)
    assert [r.event_id for r in rows] == [planning, kickoff, spring]
    assert rows[2] == HistoryRow(
        event_id=spring,
        date=dt.date(2026, 3, 1),
        title="Spring review",
        coalitions=("Checkout",),
        status=EventStatus.CLOSED,
        facilitator="Mia",
        participants=4,
        teams=("Payments", "Ana Núñez", "Search"),
        people=("Zoë Lefèvre", "Ana Núñez", "Bob", "Çağla"),
        outcomes=3,
        failures=1,
        patterns=2,
        agreements=5,
        adopted=1,
        open=3,
        overdue=1,
    )


def test_a_shared_event_lists_its_coalitions_in_order(db, history):
    _spring, kickoff, _planning = history
    with db.transaction() as s:
        row = next(r for r in history_rows(s, today=TODAY) if r.event_id == kickoff)
    assert row.coalitions == ("Search", "Checkout")
    assert row.coalition_names == "Search + Checkout"
    assert (row.status, row.participants, row.teams, row.patterns) == (
        EventStatus.RUNNING,
        1,
        ("Platform",),
        1,
    )
    assert (row.outcomes, row.failures, row.agreements, row.adopted, row.open, row.overdue) == (
        0,
        0,
        0,
        0,
        0,
        0,
    )


def test_an_empty_event_has_zero_counts_and_no_people(db, history):
    *_, planning = history
    with db.transaction() as s:
        row = history_rows(s, today=TODAY)[0]
    assert row.event_id == planning
    assert (row.people, row.teams, row.participants, row.agreements) == ((), (), 0, 0)


def test_overdue_depends_on_today(db, history):
    spring, *_ = history
    with db.transaction() as s:
        before = history_rows(s, today=dt.date(2026, 3, 31))[2]
        later = history_rows(s, today=dt.date(2026, 6, 2))[2]
    assert before.event_id == later.event_id == spring
    # 31 March: nothing open is due yet; 2 June: all three open agreements are late.
    assert (before.open, before.overdue) == (3, 0)
    assert (later.open, later.overdue) == (3, 3)


def test_no_events_no_rows(db):
    with db.transaction() as s:
        assert history_rows(s) == []


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Zoë", "zoe"),
        ("ÇAĞLA", "cagla"),
        ("Straße", "strasse"),
        ("ﬁnance", "finance"),
        ("Bob", "bob"),
        ("Łukasz Ødegård", "lukasz odegard"),
        ("田中 愛子", "田中 愛子"),
    ],
)
def test_fold_drops_case_and_accents(text, folded):
    assert fold(text) == folded


def _row(**changes) -> HistoryRow:
    values = {
        "event_id": None,
        "date": dt.date(2026, 3, 1),
        "title": "t",
        "coalitions": ("Checkout", "Search"),
        "status": EventStatus.CLOSED,
        "facilitator": "",
        "participants": 2,
        "teams": ("Payments", "Ana Núñez"),
        "people": ("Zoë Lefèvre", "Ana Núñez"),
        "outcomes": 0,
        "failures": 0,
        "patterns": 0,
        "agreements": 0,
        "adopted": 0,
        "open": 0,
        "overdue": 0,
    }
    return HistoryRow(**(values | changes))


@pytest.mark.parametrize(
    ("history_filter", "expected"),
    [
        (HistoryFilter(), True),
        (HistoryFilter(coalition="Search"), True),
        (HistoryFilter(coalition="Onboarding"), False),
        (HistoryFilter(date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 1)), True),
        (HistoryFilter(date_from=dt.date(2026, 3, 2)), False),
        (HistoryFilter(date_to=dt.date(2026, 2, 28)), False),
        (HistoryFilter(status=EventStatus.CLOSED), True),
        (HistoryFilter(status=EventStatus.PLANNED), False),
        (HistoryFilter(person_or_team="zoe"), True),
        (HistoryFilter(person_or_team="  LEFEVRE "), True),
        (HistoryFilter(person_or_team="núnez"), True),
        (HistoryFilter(person_or_team="paym"), True),
        (HistoryFilter(person_or_team="Søren"), False),
        (HistoryFilter("Checkout", status=EventStatus.CLOSED, person_or_team="ana"), True),
        (HistoryFilter("Checkout", status=EventStatus.RUNNING, person_or_team="ana"), False),
    ],
)
def test_filter_matches(history_filter, expected):
    assert history_filter.matches(_row()) is expected


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_was(db, history, enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with db.transaction() as s:
            assert len(history_rows(s, today=TODAY)) == 3
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_rows_without_people_keep_the_counts_and_the_index_holds_the_folded_names(db, history):
    spring, _kickoff, _planning = history
    with db.transaction() as s:
        full = {r.event_id: r for r in history_rows(s, today=TODAY)}
        light = {r.event_id: r for r in history_rows(s, today=TODAY, with_people=False)}
        people = people_index(s)
    assert light[spring].people == light[spring].teams == ()
    assert light[spring].participants == full[spring].participants == 4
    assert sorted(people[spring].splitlines()) == sorted(full[spring].folded_people.splitlines())
    assert "zoe lefevre" in people[spring] and "payments" in people[spring]
    assert HistoryFilter(person_or_team="çağla").matches(light[spring], people)
    assert not HistoryFilter(person_or_team="çağla").matches(light[spring], {})


def test_uuid_from_hex_equals_the_standard_parse():
    import uuid

    from facilitator.followup.keys import uuid_from_hex

    for _ in range(100):
        value = uuid.uuid4()
        made = uuid_from_hex(value.hex)
        assert made == value and hash(made) == hash(value) and str(made) == str(value)
        assert {made: 1}[value] == 1
