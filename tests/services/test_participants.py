"""Participants and the support capacity of coalition members."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from facilitator.domain import (
    Agreement,
    Event,
    Participant,
    ParticipantRole,
    SupportCapacity,
    SupportItem,
)
from facilitator.services import ServiceError, agreements, events, participants

NAME = "Zoë Łukasz 日本 مريم"


def _names(reopen, event_id):
    with reopen() as session:
        event = session.get(Event, event_id)
        return [(p.name, p.position) for p in event.participants]


def test_participant_with_non_ascii_name_round_trips(act, reopen, event_id):
    added = act(participants.add_participant, event_id, NAME, "Équipe Paiements 🚀", "platform_owner")
    with reopen() as session:
        stored = session.get(Participant, added.id)
        assert stored.name == NAME
        assert stored.team == "Équipe Paiements 🚀"
        assert stored.role is ParticipantRole.PLATFORM_OWNER
        assert stored.display_name == f"{NAME} (Équipe Paiements 🚀)"
        assert stored.event_id == event_id


def test_participants_are_kept_in_the_order_added(act, reopen, event_id):
    for name in ("Ana", "Søren", "Çağla"):
        act(participants.add_participant, event_id, name)
    assert _names(reopen, event_id) == [("Ana", 0), ("Søren", 1), ("Çağla", 2)]


def test_update_participant_changes_are_stored(act, reopen, event_id):
    added = act(participants.add_participant, event_id, "Ana", "Payments")
    act(
        participants.update_participant,
        added.id,
        name=f"  {NAME}\x1b ",
        team="",
        role=ParticipantRole.SPONSOR,
    )
    with reopen() as session:
        stored = session.get(Participant, added.id)
        assert (stored.name, stored.team, stored.role) == (NAME, "", ParticipantRole.SPONSOR)
        assert stored.display_name == NAME


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"name": "Changed", "role": "chief"}, "Role must be one of"),
        ({"team": "Changed", "name": " \t "}, "Name must not be empty"),
        ({"name": "Changed", "event_id": None}, "cannot change event_id"),
        ({"name": "x" * 201}, "too long"),
    ],
)
def test_invalid_participant_update_stores_nothing(act, reopen, event_id, changes, message):
    added = act(participants.add_participant, event_id, "Ana", "Payments")
    with pytest.raises(ServiceError, match=message):
        act(participants.update_participant, added.id, **changes)
    with reopen() as session:
        stored = session.get(Participant, added.id)
        assert (stored.name, stored.team) == ("Ana", "Payments")


@pytest.mark.parametrize("name, role", [("", "observer"), ("Ana", "boss"), (None, "sponsor")])
def test_invalid_new_participant_stores_nothing(act, count, event_id, name, role):
    with pytest.raises(ServiceError):
        act(participants.add_participant, event_id, name, "", role)
    assert count(Participant) == 0


def test_remove_participant_closes_the_gap(act, reopen, event_id):
    ids = [act(participants.add_participant, event_id, n).id for n in ("Ana", "Bo", "Cy")]
    act(participants.remove_participant, ids[1])
    assert _names(reopen, event_id) == [("Ana", 0), ("Cy", 1)]


def test_move_participant_reorders_and_clamps(act, reopen, event_id):
    ids = [act(participants.add_participant, event_id, n).id for n in ("Ana", "Bo", "Cy")]
    act(participants.move_participant, ids[2], 0)
    assert _names(reopen, event_id) == [("Cy", 0), ("Ana", 1), ("Bo", 2)]
    act(participants.move_participant, ids[2], 99)
    assert _names(reopen, event_id) == [("Ana", 0), ("Bo", 1), ("Cy", 2)]


def test_removing_an_adopter_is_refused(act, reopen, event_id):
    adopter = act(participants.add_participant, event_id, "Ana", "Payments")
    act(agreements.add_agreement, event_id, adopter.id)
    with pytest.raises(ServiceError, match="adopter in 1 agreement"):
        act(participants.remove_participant, adopter.id)
    assert _names(reopen, event_id) == [("Ana", 0)]


def test_removing_a_sponsor_or_owner_clears_the_reference(act, reopen, event_id):
    adopter = act(participants.add_participant, event_id, "Ana")
    sponsor = act(participants.add_participant, event_id, "Aiko", role="sponsor")
    owner = act(participants.add_participant, event_id, "Zoë", role="coalition_member")
    act(participants.set_capacity, event_id, owner.id, 12)
    agreement = act(agreements.add_agreement, event_id, adopter.id, sponsor_id=sponsor.id)
    item = act(agreements.add_support_item, agreement.id, "coaching", amount=4, owner_id=owner.id)

    act(participants.remove_participant, sponsor.id)
    act(participants.remove_participant, owner.id)

    with reopen() as session:
        assert session.get(Agreement, agreement.id).sponsor_id is None
        assert session.get(SupportItem, item.id).owner_id is None
        assert session.scalars(select(SupportCapacity)).all() == []
    assert _names(reopen, event_id) == [("Ana", 0)]


def test_capacity_is_set_changed_and_cleared(act, reopen, count, event_id):
    zoe = act(participants.add_participant, event_id, "Zoë", role="coalition_member")
    act(participants.set_capacity, event_id, zoe.id, "7,5")
    with reopen() as session:
        assert session.get(Event, event_id).capacities[0].hours == 7.5
    act(participants.set_capacity, event_id, zoe.id, 24)
    with reopen() as session:
        assert [c.hours for c in session.get(Event, event_id).capacities] == [24.0]
    act(participants.set_capacity, event_id, zoe.id, None)
    assert count(SupportCapacity) == 0
    act(participants.set_capacity, event_id, zoe.id, "")  # clearing twice is fine
    assert count(SupportCapacity) == 0


@pytest.mark.parametrize("hours", ["abc", -1, "-0.5", float("nan"), float("inf"), True])
def test_invalid_capacity_is_refused(act, count, event_id, hours):
    zoe = act(participants.add_participant, event_id, "Zoë")
    with pytest.raises(ServiceError, match="Capacity must be"):
        act(participants.set_capacity, event_id, zoe.id, hours)
    assert count(SupportCapacity) == 0


def test_capacity_of_someone_from_another_event_is_refused(act, count, event_id):
    other = act(events.plan_event, coalitions=["Other"], date=dt.date(2026, 1, 1))
    stranger = act(participants.add_participant, other.id, "Stranger")
    with pytest.raises(ServiceError, match="not a participant of this event"):
        act(participants.set_capacity, event_id, stranger.id, 5)
    assert count(SupportCapacity) == 0


def test_capacity_report_flags_over_commitment_in_hours_only(act, reopen, event_id):
    zoe = act(participants.add_participant, event_id, "Zoë", role="coalition_member")
    lukasz = act(participants.add_participant, event_id, "Łukasz", role="platform_owner")
    ana = act(participants.add_participant, event_id, "Ana")
    act(participants.set_capacity, event_id, zoe.id, 24)
    act(participants.set_capacity, event_id, lukasz.id, 10)
    first = act(agreements.add_agreement, event_id, ana.id)
    second = act(agreements.add_agreement, event_id, lukasz.id)
    for agreement_id, kind, amount, unit, owner in [
        (first.id, "coaching", 20, "hours", zoe),
        (second.id, "time", 10, " H ", zoe),
        (first.id, "artifact", 500, "playbook", zoe),  # not hours: not counted
        (first.id, "other", 3, "sessions", lukasz),  # not hours: not counted
        (second.id, "time", 4, "hrs", lukasz),
        (first.id, "time", None, "hours", lukasz),  # no amount: not counted
    ]:
        act(
            agreements.add_support_item,
            agreement_id,
            kind,
            amount=amount,
            unit=unit,
            owner_id=owner.id,
        )

    with reopen() as session:
        report = {line.owner_name: line for line in participants.capacity_report(session, event_id)}
    assert set(report) == {"Zoë", "Łukasz"}
    assert report["Zoë"].stated_hours == 24
    assert report["Zoë"].promised_hours == 30
    assert report["Zoë"].over_committed is True
    assert report["Zoë"].remaining_hours == -6
    assert report["Łukasz"].promised_hours == 4
    assert report["Łukasz"].over_committed is False
    assert report["Łukasz"].remaining_hours == 6


def test_capacity_report_promise_without_stated_capacity_is_over_committed(act, reopen, event_id):
    ana = act(participants.add_participant, event_id, "Ana")
    bo = act(participants.add_participant, event_id, "Bo", role="coalition_member")
    agreement = act(agreements.add_agreement, event_id, ana.id)
    act(agreements.add_support_item, agreement.id, "time", amount=2, owner_id=bo.id)
    with reopen() as session:
        (line,) = participants.capacity_report(session, event_id)
    assert (line.owner_name, line.stated_hours, line.promised_hours) == ("Bo", None, 2)
    assert line.over_committed is True


def test_accepting_an_over_commitment_holds_until_more_is_promised(db_path):
    import datetime as _dt

    from facilitator.services import agreements, events, participants
    from facilitator.storage import open_database

    db = open_database(db_path)
    with db.transaction() as s:
        event = events.plan_event(s, coalitions=["Søren’s Coalition"], date=_dt.date(2026, 3, 3))
        owner = participants.add_participant(s, event.id, "Zoë", "Core", "coalition_member")
        adopter = participants.add_participant(s, event.id, "Łukasz", "Web")
        participants.set_capacity(s, event.id, owner.id, 10)
        deal = agreements.add_agreement(s, event.id, adopter.id)
        agreements.add_support_item(s, deal.id, "coaching", amount=12, unit="hours", owner_id=owner.id)
        ids = (event.id, owner.id, deal.id)
    with db.transaction() as s:
        (line,) = participants.capacity_report(s, ids[0])
        assert line.needs_attention
        participants.accept_over_commitment(s, ids[0], ids[1])
    db.close()
    db = open_database(db_path)
    with db.transaction() as s:
        (line,) = participants.capacity_report(s, ids[0])
        assert line.over_committed and line.accepted and not line.needs_attention
        agreements.add_support_item(s, ids[2], "time", amount=1, unit="h", owner_id=ids[1])
    with db.transaction() as s:
        (line,) = participants.capacity_report(s, ids[0])
        assert line.promised_hours == 13 and line.needs_attention
    db.close()


def test_an_e_mail_address_is_stored_trimmed_changed_and_cleared(act, reopen, event_id):
    zoe = act(participants.add_participant, event_id, "Zoë", email="  zoë@bücher.de ")
    without = act(participants.add_participant, event_id, "Ana")

    def stored(person):
        with reopen() as session:
            return session.get(Participant, person.id).email

    assert (stored(zoe), stored(without)) == ("zoë@bücher.de", "")
    act(participants.update_participant, zoe.id, email="zoe.lefevre@example.org")
    assert stored(zoe) == "zoe.lefevre@example.org"
    act(participants.update_participant, zoe.id, email=" ")
    assert stored(zoe) == ""
    act(participants.update_participant, zoe.id, email=None)  # as the other text fields take it
    assert stored(zoe) == ""


@pytest.mark.parametrize(
    "email, message",
    [
        ("zoe@example", '"zoe@example" is not an e-mail address: the part after @ needs a dot'),
        ("zoe@@example.org", "2 @ signs"),
        ("Zoë <zoe@example.org>", "contains a space"),
        ("zoe@example.org.", "cannot start or end with a dot"),
        ("z" * 65 + "@example.org", "at most 64"),
        (42, "E-mail must be text"),
    ],
)
def test_an_invalid_e_mail_address_stores_nothing(act, reopen, count, event_id, email, message):
    with pytest.raises(ServiceError, match=message):
        act(participants.add_participant, event_id, "Zoë", email=email)
    assert count(Participant) == 0

    added = act(participants.add_participant, event_id, "Ana", "Payments", email="ana@example.org")
    with pytest.raises(ServiceError, match=message):
        # The valid name comes first: it must not be stored either.
        act(participants.update_participant, added.id, name="Changed", email=email)
    with reopen() as session:
        stored = session.get(Participant, added.id)
        assert (stored.name, stored.team, stored.email) == ("Ana", "Payments", "ana@example.org")


def test_a_refused_value_leaves_the_record_untouched_in_the_same_session(db, event_id):
    """Every value is checked before any is set, even for a caller that goes on with the session."""
    with db.transaction() as session:
        ana = participants.add_participant(session, event_id, "Ana", email="ana@example.org")
        with pytest.raises(ServiceError):
            participants.update_participant(session, ana.id, name="Changed", email="ana@example")
        assert (ana.name, ana.email) == ("Ana", "ana@example.org")


def test_hours_typed_in_german_count_against_the_capacity(act, reopen, event_id):
    zoe = act(participants.add_participant, event_id, "Zoë", role="coalition_member")
    ana = act(participants.add_participant, event_id, "Ana")
    act(participants.set_capacity, event_id, zoe.id, 10)
    agreement = act(agreements.add_agreement, event_id, ana.id)
    for amount, unit in [(4, "Std."), (3, "Stunden"), (2, "stunde"), (5, "Sitzungen")]:
        act(agreements.add_support_item, agreement.id, "coaching", amount=amount, unit=unit, owner_id=zoe.id)
    with reopen() as session:
        (line,) = participants.capacity_report(session, event_id)
    assert line.promised_hours == 9  # the sessions are not hours
