"""The adoption tracker's read model: rows, overdue check-ins, open agreements, history."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.domain import AgreementStatus, Event
from facilitator.followup import adoptions
from facilitator.services import (
    ServiceError,
    agreements,
    events,
    participants,
    patterns,
)

TODAY = dt.date(2026, 2, 13)
D = dt.date


def _event(session, names, date, created):
    event = events.plan_event(session, coalitions=names, date=date, title=f"{'+'.join(names)} {date}")
    # Fixed creation times: events made in the same second would otherwise tie.
    event.created_at = created
    return event


def _agree(session, event, adopter, pattern_ids=(), *, check_in=None, sponsor=None, owners=()):
    agreement = agreements.add_agreement(
        session,
        event.id,
        adopter.id,
        pattern_ids=pattern_ids,
        check_in=check_in,
        sponsor_id=sponsor.id if sponsor else None,
    )
    # As if agreed in the room on the event's day, not when the test runs.
    agreement.status_history[0].changed_at = dt.datetime.combine(event.date, dt.time(10, 0))
    for owner in owners:
        agreements.add_support_item(session, agreement.id, "time", amount=2, owner_id=owner.id)
    return agreement.id


@pytest.fixture
def history(db):
    """Two coalitions, a shared event, and agreements in every state."""
    ids = {}
    with db.transaction() as s:
        e1 = _event(s, ["Checkout"], D(2026, 1, 10), dt.datetime(2026, 1, 1, 9))
        ana = participants.add_participant(s, e1.id, "Ana Núñez", " Payments ")
        bo = participants.add_participant(s, e1.id, "Bo", "  ")
        zoe = participants.add_participant(s, e1.id, "Zoë", "Checkout", "coalition_member")
        sam = participants.add_participant(s, e1.id, "Sam", "Leadership", "sponsor")
        flags = patterns.create_pattern(s, e1.id, "Feature flags").id
        tests = patterns.create_pattern(s, e1.id, "Contract tests").id
        ids["a1"] = _agree(s, e1, ana, [flags, tests], check_in=D(2026, 2, 1), sponsor=sam, owners=[zoe, zoe])
        ids["a2"] = _agree(s, e1, bo, [flags], check_in=D(2026, 3, 1))
        ids["a3"] = _agree(s, e1, ana, [tests], check_in=D(2026, 1, 20))
        agreements.change_status(s, ids["a3"], "adopted", "Live", when=dt.datetime(2026, 1, 19, 12))

        e2 = _event(s, ["Checkout", "Search"], D(2026, 2, 1), dt.datetime(2026, 1, 2, 9))
        lee = participants.add_participant(s, e2.id, "Lee", "Data")
        ids["a4"] = _agree(s, e2, lee)
        agreements.change_status(s, ids["a4"], "in_progress", "Started", when=dt.datetime(2026, 2, 3, 12))

        e3 = _event(s, ["Search"], D(2026, 2, 1), dt.datetime(2026, 1, 3, 9))
        kim = participants.add_participant(s, e3.id, "Kim", "Mobile")
        ids["a5"] = _agree(s, e3, kim, check_in=D(2026, 2, 10))
        agreements.change_status(s, ids["a5"], "abandoned", "Team split", when=dt.datetime(2026, 2, 5, 12))

        e4 = _event(s, ["Checkout"], D(2026, 3, 1), dt.datetime(2026, 1, 4, 9))
        e5 = _event(s, ["Search"], D(2026, 1, 5), dt.datetime(2026, 1, 5, 9))
        max_ = participants.add_participant(s, e5.id, "Max", "Web")
        ids["a6"] = _agree(s, e5, max_, check_in=D(2026, 2, 12))
        ids.update(e1=e1.id, e2=e2.id, e3=e3.id, e4=e4.id, e5=e5.id, search=e3.coalitions[0].id)
    return ids


def _names(rows, ids):
    by_id = {value: key for key, value in ids.items()}
    return [by_id[row.agreement_id] for row in rows]


def test_rows_carry_people_patterns_owners_and_status(db, history):
    with db.transaction() as s:
        rows = adoptions.adoption_rows(s, today=TODAY)
    # Newest event first (same day: the later created first); within an event, the room's order.
    assert _names(rows, history) == ["a5", "a4", "a1", "a2", "a3", "a6"]
    a1 = rows[2]
    assert (a1.adopter, a1.adopter_team, a1.sponsor) == ("Ana Núñez", "Payments", "Sam")
    assert a1.patterns == ("Feature flags", "Contract tests")
    assert a1.owners == ("Zoë",)  # two support items, one owner
    assert a1.coalitions == ("Checkout",) and a1.event_title == "Checkout 2026-01-10"
    assert (a1.status, a1.check_in, a1.last_changed) == (
        AgreementStatus.AGREED,
        D(2026, 2, 1),
        D(2026, 1, 10),
    )
    bo = rows[3]
    assert bo.adopter_team == "Bo" and bo.sponsor == "" and bo.owners == ()  # no team: the name stands in
    a4 = rows[1]
    assert a4.coalitions == ("Checkout", "Search") and a4.check_in is None
    assert (a4.status, a4.status_reason, a4.last_changed) == (
        AgreementStatus.IN_PROGRESS,
        "Started",
        D(2026, 2, 3),
    )


def test_a_row_puts_every_column_in_its_own_field(db, history):
    # Every field differs from its neighbours, so a column read into the wrong
    # field (a shifted position) cannot pass.
    with db.transaction() as s:
        row = next(r for r in adoptions.adoption_rows(s, today=TODAY) if r.agreement_id == history["a1"])
    assert row == adoptions.AdoptionRow(
        agreement_id=history["a1"],
        event_id=history["e1"],
        event_date=D(2026, 1, 10),
        event_title="Checkout 2026-01-10",
        coalitions=("Checkout",),
        adopter="Ana Núñez",
        adopter_team="Payments",
        patterns=("Feature flags", "Contract tests"),
        sponsor="Sam",
        owners=("Zoë",),
        check_in=D(2026, 2, 1),
        status=AgreementStatus.AGREED,
        status_reason="",
        last_changed=D(2026, 1, 10),
        overdue=True,
        days_overdue=12,
    )


def test_overdue_means_an_open_agreement_past_its_check_in(db, history):
    with db.transaction() as s:
        rows = {row.agreement_id: row for row in adoptions.adoption_rows(s, today=TODAY)}
    overdue = {
        key: (rows[history[key]].overdue, rows[history[key]].days_overdue)
        for key in ("a1", "a2", "a3", "a4", "a5", "a6")
    }
    assert overdue == {
        "a1": (True, 12),  # agreed, check-in 1 Feb
        "a2": (False, 0),  # check-in still ahead
        "a3": (False, 0),  # adopted: its past check-in no longer matters
        "a4": (False, 0),  # no check-in date
        "a5": (False, 0),  # abandoned
        "a6": (True, 1),
    }
    with db.transaction() as s:
        on_the_day = {r.agreement_id: r.overdue for r in adoptions.adoption_rows(s, today=D(2026, 2, 1))}
    assert on_the_day[history["a1"]] is False  # due today is not overdue yet


def test_rows_filter_by_coalition_and_event(db, history):
    with db.transaction() as s:
        search = adoptions.adoption_rows(s, today=TODAY, coalition=history["search"])
        one_event = adoptions.adoption_rows(s, today=TODAY, event_id=history["e1"])
        empty = adoptions.adoption_rows(s, today=TODAY, event_id=history["e4"])
    assert _names(search, history) == ["a5", "a4", "a6"]
    assert search[1].coalitions == ("Checkout", "Search")  # all names, not only the filtered one
    assert _names(one_event, history) == ["a1", "a2", "a3"]
    assert empty == []


def test_open_agreements_before_follow_coalitions_and_dates(db, history):
    with db.transaction() as s:
        before_e4 = adoptions.open_agreements_before(s, history["e4"], today=TODAY)
        before_e3 = adoptions.open_agreements_before(s, history["e3"], today=TODAY)
        before_e2 = adoptions.open_agreements_before(s, history["e2"], today=TODAY)
        before_e5 = adoptions.open_agreements_before(s, history["e5"], today=TODAY)
    # Checkout's earlier events, most urgent check-in first; adopted a3 is not open.
    assert _names(before_e4, history) == ["a1", "a2", "a4"]
    # Same date as e2 but created later: e2 counts as earlier; Checkout-only e1 does not.
    assert _names(before_e3, history) == ["a6", "a4"]
    # e3 has e2's date but was created after it, so it is not earlier; e4 is later.
    assert _names(before_e2, history) == ["a1", "a6", "a2"]
    assert before_e5 == []
    with db.transaction() as s, pytest.raises(ServiceError, match="no event"):
        adoptions.open_agreements_before(s, history["a1"])


def test_open_agreements_a_new_event_of_a_coalition_would_review(db, history):
    with db.transaction() as s:
        upcoming = adoptions.count_open_agreements(s, ["checkout"], D(2026, 3, 1))
        early = adoptions.count_open_agreements(s, ["Checkout"], D(2026, 1, 31))
        shared = adoptions.count_open_agreements(s, ["Checkout", "SEARCH"], D(2026, 3, 1))
        unknown = adoptions.count_open_agreements(s, ["New coalition", " "], D(2026, 3, 1))
    assert upcoming == 3  # a1, a2 from e1 and a4 from the shared e2
    assert early == 2
    assert shared == 4  # a6 of Search too; a4 counted once
    assert unknown == 0


def test_status_history_keeps_dates_and_notes(db, history):
    agreement = history["a2"]
    with db.transaction() as s:
        adoptions.record_status_change(s, agreement, "in_progress", "Kick-off", on=D(2026, 2, 2), today=TODAY)
    with db.transaction() as s:
        adoptions.record_status_change(s, agreement, "abandoned", "Budget cut", today=TODAY)
    with db.transaction() as s:
        steps = adoptions.status_history(s, agreement)
        row = adoptions.adoption_rows(s, today=TODAY, event_id=history["e1"])[1]
    assert [(st.from_status, st.to_status, st.note) for st in steps] == [
        (None, AgreementStatus.AGREED, "Agreed at the event"),
        (AgreementStatus.AGREED, AgreementStatus.IN_PROGRESS, "Kick-off"),
        (AgreementStatus.IN_PROGRESS, AgreementStatus.ABANDONED, "Budget cut"),
    ]
    assert steps[0].changed_at == dt.datetime(2026, 1, 10, 10)
    assert steps[1].changed_at == dt.datetime(2026, 2, 2, 12)  # a past day is kept at noon
    assert (row.status, row.status_reason) == (AgreementStatus.ABANDONED, "Budget cut")


def test_status_change_dates_are_checked(db, history):
    agreement = history["a4"]  # in progress since 3 Feb, 12:00
    with db.transaction() as s, pytest.raises(ServiceError, match="cannot be in the future"):
        adoptions.record_status_change(s, agreement, "adopted", "", on=D(2026, 2, 14), today=TODAY)
    with db.transaction() as s, pytest.raises(ServiceError, match="before the previous status change"):
        adoptions.record_status_change(s, agreement, "adopted", "", on=D(2026, 2, 2), today=TODAY)
    with db.transaction() as s:
        s.get(Event, history["e2"])  # the session is usable after a refusal
        # On the day of the previous change: dated no earlier than it.
        adoptions.record_status_change(s, agreement, "adopted", "Done", on=D(2026, 2, 3), today=TODAY)
    with db.transaction() as s:
        assert [st.note for st in adoptions.status_history(s, agreement)] == [
            "Agreed at the event",
            "Started",
            "Done",
        ]


def test_abandoning_needs_a_reason(db, history):
    with db.transaction() as s, pytest.raises(ServiceError, match="say why"):
        adoptions.record_status_change(s, history["a1"], "abandoned", "  ", today=TODAY)
    with db.transaction() as s:
        assert len(adoptions.status_history(s, history["a1"])) == 1


def test_changes_in_one_second_read_in_the_order_they_were_made(db, history):
    agreement = history["a2"]
    with db.transaction() as s:
        for status in ("in_progress", "adopted", "in_progress", "agreed"):
            agreements.change_status(s, agreement, status, status, when=dt.datetime(2026, 2, 5, 12))
    with db.transaction() as s:
        chain = [(st.from_status, st.to_status) for st in adoptions.status_history(s, agreement)]
    assert all(chain[i][1] == chain[i + 1][0] for i in range(len(chain) - 1))
    assert [to.value for _, to in chain] == ["agreed", "in_progress", "adopted", "in_progress", "agreed"]


def test_a_coalition_named_beyond_ascii_is_found_in_any_case(db):
    with db.transaction() as s:
        event = _event(s, ["Łódź Ops"], D(2026, 1, 10), created=dt.datetime(2026, 1, 1))
        adopter = participants.add_participant(s, event.id, "Ana", "Web")
        _agree(s, event, adopter)
    with db.transaction() as s:
        assert adoptions.count_open_agreements(s, ["łódź ops"], D(2026, 2, 1)) == 1
        assert adoptions.count_open_agreements(s, ["ŁÓDŹ OPS "], D(2026, 2, 1)) == 1
