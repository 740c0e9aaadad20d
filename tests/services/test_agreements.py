"""Agreements: adopter, patterns, support with its limits, and the dated status history."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.domain import (
    Agreement,
    AgreementPattern,
    AgreementStatus,
    Event,
    StatusChange,
    SupportItem,
    SupportType,
)
from facilitator.domain.base import utcnow
from facilitator.services import ServiceError, agreements, events, participants, patterns


@pytest.fixture
def room(act, event_id):
    """An event with an adopter, a sponsor, a coalition member and two patterns."""
    return {
        "ana": act(participants.add_participant, event_id, "Ana Núñez", "Payments").id,
        "soren": act(participants.add_participant, event_id, "Søren Ødegård", "Search").id,
        "aiko": act(participants.add_participant, event_id, "田中 愛子", "Leadership", "sponsor").id,
        "zoe": act(participants.add_participant, event_id, "Zoë", "Checkout", "coalition_member").id,
        "flags": act(patterns.create_pattern, event_id, "Feature flags").id,
        "contracts": act(patterns.create_pattern, event_id, "Contract tests").id,
    }


def _agreement_order(reopen, event_id):
    with reopen() as session:
        return [(a.adopter.name, a.position) for a in session.get(Event, event_id).agreements]


def test_new_agreement_round_trips_with_initial_status_history(act, reopen, event_id, room):
    added = act(
        agreements.add_agreement,
        event_id,
        room["ana"],
        pattern_ids=[room["contracts"], room["flags"], room["contracts"]],
        sponsor_id=room["aiko"],
        check_in="2026-06-30",
        limits="No on-call cover.",
        notes="Starts next sprint.",
    )
    with reopen() as session:
        stored = session.get(Agreement, added.id)
        assert stored.adopter.name == "Ana Núñez"
        assert stored.sponsor.name == "田中 愛子"
        assert stored.check_in == dt.date(2026, 6, 30)
        assert (stored.limits, stored.notes) == ("No on-call cover.", "Starts next sprint.")
        assert stored.status is AgreementStatus.AGREED
        assert [p.name for p in stored.patterns] == ["Contract tests", "Feature flags"]
        assert [link.position for link in stored.pattern_links] == [0, 1]
        (first,) = stored.status_history
        assert (first.from_status, first.to_status) == (None, AgreementStatus.AGREED)
        assert first.note == "Agreed at the event"
        assert first.changed_at is not None


def test_update_agreement_adopter_sponsor_and_check_in(act, reopen, event_id, room):
    added = act(agreements.add_agreement, event_id, room["ana"], sponsor_id=room["aiko"])
    act(
        agreements.update_agreement,
        added.id,
        adopter_id=str(room["soren"]),
        sponsor_id=None,
        check_in="2026-12-31",
        limits="Broker set-up only",
    )
    with reopen() as session:
        stored = session.get(Agreement, added.id)
        assert stored.adopter_id == room["soren"]
        assert stored.sponsor_id is None
        assert stored.check_in == dt.date(2026, 12, 31)
        assert stored.limits == "Broker set-up only"
    act(agreements.update_agreement, added.id, check_in="", sponsor_id=room["zoe"])
    with reopen() as session:
        stored = session.get(Agreement, added.id)
        assert stored.check_in is None
        assert stored.sponsor.name == "Zoë"


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"notes": "lost", "check_in": "31/12/2026"}, "check-in must be a date"),
        ({"notes": "lost", "status": "adopted"}, "cannot change status"),
        ({"notes": "lost", "adopter_id": "not-an-id"}, "not a record id"),
    ],
)
def test_invalid_agreement_update_stores_nothing(act, reopen, event_id, room, changes, message):
    added = act(agreements.add_agreement, event_id, room["ana"], check_in=dt.date(2026, 6, 1))
    with pytest.raises(ServiceError, match=message):
        act(agreements.update_agreement, added.id, **changes)
    with reopen() as session:
        stored = session.get(Agreement, added.id)
        assert (stored.notes, stored.check_in) == ("", dt.date(2026, 6, 1))
        assert stored.status is AgreementStatus.AGREED


def test_people_from_another_event_cannot_be_adopter_or_sponsor(act, count, event_id, room):
    other = act(events.plan_event, coalitions=["Other"], date=dt.date(2026, 1, 1)).id
    stranger = act(participants.add_participant, other, "Stranger").id
    with pytest.raises(ServiceError, match="adopter must be a participant of this event"):
        act(agreements.add_agreement, event_id, stranger)
    with pytest.raises(ServiceError, match="sponsor must be a participant of this event"):
        act(agreements.add_agreement, event_id, room["ana"], sponsor_id=stranger)
    assert count(Agreement) == 0
    assert count(StatusChange) == 0


def test_set_agreement_patterns_replaces_in_order_and_refuses_foreign(act, reopen, event_id, room):
    added = act(agreements.add_agreement, event_id, room["ana"], pattern_ids=[room["flags"]])
    act(agreements.set_agreement_patterns, added.id, [room["contracts"], room["flags"]])
    with reopen() as session:
        assert [p.name for p in session.get(Agreement, added.id).patterns] == [
            "Contract tests",
            "Feature flags",
        ]

    later = act(events.plan_event, coalitions=["Checkout Reliability Coalition"], date=dt.date(2026, 9, 1)).id
    elsewhere = act(patterns.create_pattern, later, "Only in the later event").id
    with pytest.raises(ServiceError, match="not part of this event"):
        act(agreements.set_agreement_patterns, added.id, [room["flags"], elsewhere])
    with pytest.raises(ServiceError, match="not part of this event"):
        act(agreements.add_agreement, event_id, room["soren"], pattern_ids=[elsewhere])

    with reopen() as session:
        assert [p.name for p in session.get(Agreement, added.id).patterns] == [
            "Contract tests",
            "Feature flags",
        ]
        assert len(session.get(Event, event_id).agreements) == 1

    act(agreements.set_agreement_patterns, added.id, [])
    with reopen() as session:
        assert session.get(Agreement, added.id).patterns == []


def test_remove_agreement_takes_its_support_and_history_along(act, reopen, count, event_id, room):
    first = act(agreements.add_agreement, event_id, room["ana"], pattern_ids=[room["flags"]])
    act(agreements.add_agreement, event_id, room["soren"])
    act(agreements.add_support_item, first.id, "coaching", amount=4, owner_id=room["zoe"])
    act(agreements.change_status, first.id, "in_progress")
    act(agreements.remove_agreement, first.id)
    assert _agreement_order(reopen, event_id) == [("Søren Ødegård", 0)]
    assert count(SupportItem) == 0
    assert count(AgreementPattern) == 0
    assert count(StatusChange) == 1  # only the remaining agreement's first entry
    # The adopter can now be removed.
    act(participants.remove_participant, room["ana"])


def test_move_agreement(act, reopen, event_id, room):
    ids = [act(agreements.add_agreement, event_id, room[p]).id for p in ("ana", "soren", "zoe")]
    act(agreements.move_agreement, ids[0], 2)
    assert _agreement_order(reopen, event_id) == [
        ("Søren Ødegård", 0),
        ("Zoë", 1),
        ("Ana Núñez", 2),
    ]


def _items(reopen, agreement_id):
    with reopen() as session:
        return [
            (i.type, i.amount, i.unit, i.owner_id, i.description, i.limits, i.position)
            for i in session.get(Agreement, agreement_id).support_items
        ]


def test_support_items_round_trip_update_move_remove(act, reopen, event_id, room):
    agreement = act(agreements.add_agreement, event_id, room["ana"]).id
    coaching = act(
        agreements.add_support_item,
        agreement,
        "coaching",
        amount="2,5",
        owner_id=room["zoe"],
        description="Pairing",
        limits="First two sprints only",
    ).id
    playbook = act(agreements.add_support_item, agreement, SupportType.ARTIFACT, amount=1, unit="playbook").id
    other = act(agreements.add_support_item, agreement, "other").id

    assert _items(reopen, agreement) == [
        (SupportType.COACHING, 2.5, "hours", room["zoe"], "Pairing", "First two sprints only", 0),
        (SupportType.ARTIFACT, 1.0, "playbook", None, "", "", 1),
        (SupportType.OTHER, None, "hours", None, "", "", 2),
    ]

    act(agreements.update_support_item, coaching, type="time", amount=8, owner_id="")
    act(agreements.move_support_item, other, 0)
    act(agreements.remove_support_item, playbook)

    assert _items(reopen, agreement) == [
        (SupportType.OTHER, None, "hours", None, "", "", 0),
        (SupportType.TIME, 8.0, "hours", None, "Pairing", "First two sprints only", 1),
    ]


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"type": "time", "amount": "abc"}, "Amount must be a number"),
        ({"type": "time", "amount": -1}, "Amount must be zero or more"),
        ({"type": "time", "amount": True}, "Amount must be a number"),
        ({"type": "money", "amount": 1}, "Support type must be one of"),
        ({"type": "time", "unit": "x" * 41}, "Unit is too long"),
    ],
)
def test_invalid_support_item_is_refused_and_stores_nothing(act, count, event_id, room, fields, message):
    agreement = act(agreements.add_agreement, event_id, room["ana"]).id
    fields = dict(fields)  # the parameter is shared by both backends' runs
    kind = fields.pop("type")
    with pytest.raises(ServiceError, match=message):
        act(agreements.add_support_item, agreement, kind, **fields)
    assert count(SupportItem) == 0


def test_invalid_support_item_update_stores_nothing(act, reopen, event_id, room):
    agreement = act(agreements.add_agreement, event_id, room["ana"]).id
    item = act(agreements.add_support_item, agreement, "time", amount=3).id
    other = act(events.plan_event, coalitions=["Other"], date=dt.date(2026, 1, 1)).id
    stranger = act(participants.add_participant, other, "Stranger").id
    for changes in (
        {"limits": "lost", "amount": "abc"},
        {"limits": "lost", "amount": -1},
        {"limits": "lost", "owner_id": stranger},
    ):
        with pytest.raises(ServiceError):
            act(agreements.update_support_item, item, **changes)
    assert _items(reopen, agreement) == [(SupportType.TIME, 3.0, "hours", None, "", "", 0)]


def test_status_changes_keep_a_dated_history(act, reopen, event_id, room):
    agreement = act(agreements.add_agreement, event_id, room["ana"]).id
    # Follow-up happens after the event: dates after the agreement was made.
    started = utcnow() + dt.timedelta(days=3, hours=2)
    adopted = utcnow() + dt.timedelta(days=40)
    act(agreements.change_status, agreement, "in_progress", "Kick-off done", when=started)
    act(agreements.change_status, agreement, "adopted", "Live in Payments", when=adopted)
    with reopen() as session:
        stored = session.get(Agreement, agreement)
        assert stored.status is AgreementStatus.ADOPTED
        assert stored.status_reason == "Live in Payments"
        history = [(c.from_status, c.to_status, c.note) for c in stored.status_history]
        assert history == [
            (None, AgreementStatus.AGREED, "Agreed at the event"),
            (AgreementStatus.AGREED, AgreementStatus.IN_PROGRESS, "Kick-off done"),
            (AgreementStatus.IN_PROGRESS, AgreementStatus.ADOPTED, "Live in Payments"),
        ]
        assert [c.changed_at for c in stored.status_history][1:] == [started, adopted]


def test_a_status_change_cannot_be_dated_before_the_previous_one(act, reopen, event_id, room):
    agreement = act(agreements.add_agreement, event_id, room["ana"]).id
    started = utcnow() + dt.timedelta(days=10)
    act(agreements.change_status, agreement, "in_progress", "Kick-off", when=started)
    with pytest.raises(ServiceError, match="before the previous status change"):
        act(agreements.change_status, agreement, "adopted", "Live", when=started - dt.timedelta(days=1))
    # Same moment is fine; "now" never lands before a change dated in the future.
    act(agreements.change_status, agreement, "adopted", "Live", when=started)
    act(agreements.change_status, agreement, "in_progress", "Rolled back")
    with reopen() as session:
        history = session.get(Agreement, agreement).status_history
        assert [c.note for c in history] == ["Agreed at the event", "Kick-off", "Live", "Rolled back"]
        assert history[-1].changed_at >= started


def test_quick_status_changes_within_one_second_keep_their_order(act, reopen, event_id, room):
    agreement = act(agreements.add_agreement, event_id, room["ana"]).id
    steps = ["in_progress", "adopted", "in_progress", "abandoned", "agreed"]
    for status in steps:
        act(agreements.change_status, agreement, status, "reason")
    with reopen() as session:
        history = session.get(Agreement, agreement).status_history
        assert [c.to_status.value for c in history] == ["agreed", *steps]
        chain = [(c.from_status, c.to_status) for c in history]
        assert all(chain[i][1] == chain[i + 1][0] for i in range(len(chain) - 1))


def test_abandoning_needs_a_reason(act, reopen, event_id, room):
    agreement = act(agreements.add_agreement, event_id, room["ana"]).id
    with pytest.raises(ServiceError, match="say why"):
        act(agreements.change_status, agreement, "abandoned")
    with pytest.raises(ServiceError, match="say why"):
        act(agreements.change_status, agreement, "abandoned", " \x07 ")
    with pytest.raises(ServiceError, match="already agreed"):
        act(agreements.change_status, agreement, "agreed", "again")
    with pytest.raises(ServiceError, match="Status must be one of"):
        act(agreements.change_status, agreement, "postponed", "why not")
    with reopen() as session:
        assert len(session.get(Agreement, agreement).status_history) == 1

    act(agreements.change_status, agreement, "abandoned", "Team was reorganised")
    with reopen() as session:
        stored = session.get(Agreement, agreement)
        assert stored.status is AgreementStatus.ABANDONED
        assert stored.status_reason == "Team was reorganised"
        assert stored.status_history[-1].note == "Team was reorganised"


def test_status_follow_up_works_after_the_event_closed(act, reopen, event_id, room):
    agreement = act(agreements.add_agreement, event_id, room["ana"]).id
    item = act(agreements.add_support_item, agreement, "time", amount=2).id
    act(events.close_event, event_id)
    act(agreements.change_status, agreement, "adopted", "Done")
    for service, args, kwargs in [
        (agreements.add_support_item, (agreement, "time"), {}),
        (agreements.update_support_item, (item,), {"amount": 5}),
        (agreements.remove_support_item, (item,), {}),
        (agreements.move_support_item, (item, 0), {}),
        (agreements.set_agreement_patterns, (agreement, [room["flags"]]), {}),
        (agreements.remove_agreement, (agreement,), {}),
        (agreements.move_agreement, (agreement, 0), {}),
    ]:
        with pytest.raises(ServiceError, match="closed"):
            act(service, *args, **kwargs)
    with reopen() as session:
        stored = session.get(Agreement, agreement)
        assert stored.status is AgreementStatus.ADOPTED
        assert [(i.amount, i.position) for i in stored.support_items] == [(2.0, 0)]
