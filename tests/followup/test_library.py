"""The pattern library read model on a small history built by hand through the services."""

from __future__ import annotations

import datetime as dt
import uuid
from types import SimpleNamespace

import pytest

from facilitator.domain import AgreementStatus, BoundaryKind, Event, EventStatus, OutcomeKind
from facilitator.followup import library
from facilitator.services import ServiceError, agreements, events, outcomes, participants, patterns

CHECKOUT = "Checkout Reliability Coalition"


@pytest.fixture
def act(db):
    """Run one service call as its own committed unit of work."""

    def run(service, *args, **kwargs):
        with db.transaction() as session:
            return service(session, *args, **kwargs)

    return run


def _adopt(act, event_id, name, team, pattern_id, status=None, note=""):
    person = act(participants.add_participant, event_id, name, team)
    agreement = act(
        agreements.add_agreement, event_id, person.id, pattern_ids=[pattern_id], check_in=dt.date(2026, 3, 1)
    )
    if status is not None:
        act(agreements.change_status, agreement.id, status, note)
    return agreement.id


@pytest.fixture
def history(act):
    """Two events presenting "Trunk-based development", a failure pattern, and open events.

    Winter (closed): the pattern is found, two boundaries, three adopters of two teams
    ("Payments" spelt twice) and one without a team. Spring: the pattern is carried in,
    two more boundaries, a failure outcome linked, one adopter of team "Search".
    """
    winter = act(events.plan_event, coalitions=[CHECKOUT], date=dt.date(2026, 1, 10), title="Winter").id
    win = act(outcomes.add_outcome, winter, "success", "Lead time cut", evidence="9 → 3.5 days")
    trunk = act(
        patterns.create_pattern,
        winter,
        "Trunk-based development",
        summary="Merge daily.",
        guidance="Start with one service.",
        outcome_ids=[win.id],
    ).id
    prereq = act(patterns.add_boundary, trunk, "prerequisite", "CI under 10 minutes", event_id=winter).id
    small = act(patterns.add_boundary, trunk, "works_when", "Small services", event_id=winter).id
    zoe = _adopt(act, winter, "Zoë Lefèvre", "Payments", trunk, "adopted")
    ana = _adopt(act, winter, "Ana", "  payments ", trunk, "in_progress")
    bo = _adopt(act, winter, "Bo", "", trunk, "abandoned", "No CI to speak of")
    act(events.close_event, winter)

    spring = act(events.plan_event, coalitions=[CHECKOUT], date=dt.date(2026, 4, 14), title="Spring").id
    act(library.carry_into_event, trunk, spring)
    loss = act(outcomes.add_outcome, spring, "failure", "Flag debt", evidence="40 stale flags")
    act(patterns.link_outcome, trunk, loss.id)
    trains = act(patterns.add_boundary, trunk, "breaks_when", "Release trains", event_id=spring).id
    flags = act(patterns.add_boundary, trunk, "works_when", "Feature flags", event_id=spring).id
    chen = _adopt(act, spring, "Chen", "Search", trunk, "adopted")
    freeze = act(patterns.create_pattern, spring, "Code freezes", kind="failure").id

    later = act(events.plan_event, coalitions=[CHECKOUT], date=dt.date(2026, 6, 1), title="Summer").id
    done = act(events.plan_event, coalitions=[CHECKOUT], date=dt.date(2026, 7, 1), title="Done").id
    act(events.close_event, done)
    other = act(events.plan_event, coalitions=["Search Guild", CHECKOUT], date=dt.date(2026, 9, 1)).id
    return SimpleNamespace(**locals())


def test_rows_count_events_boundaries_and_distinct_teams(db, history):
    with db.transaction() as session:
        rows = library.pattern_rows(session)
    assert [row.name for row in rows] == ["Code freezes", "Trunk-based development"]
    freeze, trunk = rows
    assert trunk.pattern_id == history.trunk
    assert (trunk.kind, trunk.coalition, trunk.summary) == (OutcomeKind.SUCCESS, CHECKOUT, "Merge daily.")
    assert (trunk.first_presented, trunk.last_presented, trunk.events) == (
        dt.date(2026, 1, 10),
        dt.date(2026, 4, 14),
        2,
    )
    assert (trunk.works_when, trunk.breaks_when, trunk.prerequisites, trunk.boundaries) == (2, 1, 1, 4)
    # Payments (twice, spelt differently), Bo (no team: his name), Search.
    assert (trunk.teams_reached, trunk.adopted_teams) == (3, 2)
    assert freeze.kind is OutcomeKind.FAILURE
    assert (freeze.first_presented, freeze.last_presented, freeze.events) == (
        dt.date(2026, 4, 14),
        dt.date(2026, 4, 14),
        1,
    )
    assert (freeze.boundaries, freeze.teams_reached, freeze.adopted_teams) == (0, 0, 0)


def test_detail_shows_outcomes_events_and_boundaries_as_they_grew(db, history):
    with db.transaction() as session:
        detail = library.pattern_detail(session, history.trunk)
    assert (detail.name, detail.kind, detail.coalition) == (
        "Trunk-based development",
        OutcomeKind.SUCCESS,
        CHECKOUT,
    )
    assert (detail.summary, detail.guidance) == ("Merge daily.", "Start with one service.")
    assert [(o.title, o.kind, o.evidence, o.event_title, o.event_date) for o in detail.outcomes] == [
        ("Lead time cut", OutcomeKind.SUCCESS, "9 → 3.5 days", "Winter", dt.date(2026, 1, 10)),
        ("Flag debt", OutcomeKind.FAILURE, "40 stale flags", "Spring", dt.date(2026, 4, 14)),
    ]
    assert [o.event_id for o in detail.outcomes] == [history.winter, history.spring]
    assert [(e.date, e.title, e.event_id, e.status) for e in detail.events] == [
        (dt.date(2026, 1, 10), "Winter", history.winter, EventStatus.CLOSED),
        (dt.date(2026, 4, 14), "Spring", history.spring, EventStatus.PLANNED),
    ]
    grown = [
        (g.date, g.title, g.event_id, [(line.kind, line.text) for line in g.lines]) for g in detail.boundaries
    ]
    assert grown == [
        (
            dt.date(2026, 1, 10),
            "Winter",
            history.winter,
            [
                (BoundaryKind.WORKS_WHEN, "Small services"),
                (BoundaryKind.PREREQUISITE, "CI under 10 minutes"),
            ],
        ),
        (
            dt.date(2026, 4, 14),
            "Spring",
            history.spring,
            [
                (BoundaryKind.WORKS_WHEN, "Feature flags"),
                (BoundaryKind.BREAKS_WHEN, "Release trains"),
            ],
        ),
    ]
    assert detail.boundaries[1].lines[0].boundary_id == history.flags


def test_detail_lists_adoptions_with_status_reason_and_team(db, history):
    with db.transaction() as session:
        adoptions = library.pattern_detail(session, history.trunk).adoptions
    assert [(a.adopter, a.team, a.status, a.status_reason, a.event_title) for a in adoptions] == [
        ("Zoë Lefèvre", "Payments", AgreementStatus.ADOPTED, "", "Winter"),
        ("Ana", "payments", AgreementStatus.IN_PROGRESS, "", "Winter"),
        ("Bo", "Bo", AgreementStatus.ABANDONED, "No CI to speak of", "Winter"),
        ("Chen", "Search", AgreementStatus.ADOPTED, "", "Spring"),
    ]
    assert [a.agreement_id for a in adoptions] == [history.zoe, history.ana, history.bo, history.chen]
    assert [a.event_id for a in adoptions] == [history.winter] * 3 + [history.spring]
    assert {a.check_in for a in adoptions} == {dt.date(2026, 3, 1)}
    assert adoptions[0].event_date == dt.date(2026, 1, 10)


def test_boundary_stated_outside_an_event_is_grouped_on_its_own(act, db, history):
    act(patterns.add_boundary, history.freeze, "breaks_when", "Hotfix season")
    with db.transaction() as session:
        groups = library.pattern_detail(session, history.freeze).boundaries
    assert [(g.event_id, g.title, [line.text for line in g.lines]) for g in groups] == [
        (None, "", ["Hotfix season"])
    ]


def test_carry_targets_are_open_events_without_the_pattern_newest_first(db, history):
    with db.transaction() as session:
        targets = library.carry_targets(session, history.trunk)
        freeze_targets = library.carry_targets(session, history.freeze)
    assert [(t.event_id, t.date, t.title, t.status) for t in targets] == [
        (history.other, dt.date(2026, 9, 1), "", EventStatus.PLANNED),
        (history.later, dt.date(2026, 6, 1), "Summer", EventStatus.PLANNED),
    ]
    assert targets[0].coalitions == ("Search Guild", CHECKOUT)
    assert targets[1].coalitions == (CHECKOUT,)
    assert [t.event_id for t in freeze_targets] == [history.other, history.later]


def test_carry_into_event_stores_the_pattern_there(act, db, history):
    act(library.carry_into_event, history.trunk, history.later)
    with db.transaction() as session:
        assert [p.id for p in session.get(Event, history.later).patterns] == [history.trunk]
        assert [t.event_id for t in library.carry_targets(session, history.trunk)] == [history.other]
        row = next(r for r in library.pattern_rows(session) if r.pattern_id == history.trunk)
    assert (row.events, row.last_presented) == (3, dt.date(2026, 6, 1))


def test_carry_into_event_refuses_a_closed_event_or_a_second_time(act, db, history):
    with pytest.raises(ServiceError, match="this event is closed; reopen it"):
        act(library.carry_into_event, history.trunk, history.done)
    with pytest.raises(ServiceError, match="“Trunk-based development” is already part of this event"):
        act(library.carry_into_event, history.trunk, history.spring)
    with pytest.raises(ServiceError, match="no pattern with id"):
        act(library.carry_into_event, history.later, history.later)
    with db.transaction() as session:
        row = next(r for r in library.pattern_rows(session) if r.pattern_id == history.trunk)
    assert row.events == 2


def test_missing_pattern_is_a_clear_error(db):
    with db.transaction() as session, pytest.raises(ServiceError, match="no pattern with id"):
        library.pattern_detail(session, uuid.uuid4())
