"""A coalition's open check-ins for the calendar feed: addresses, limits, support, versions."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from icalendar import Calendar

from exports.calendar import calendar_bytes, coalition_check_ins
from facilitator.domain import AgreementStatus, ParticipantRole, SupportType
from facilitator.followup.check_ins import open_check_in_details
from facilitator.services import ServiceError, agreements, events, participants, patterns

D = dt.date


@pytest.fixture
def history(db):
    """Two coalitions; open, closed and undated agreements; some addresses, one not valid."""
    ids = {}
    with db.transaction() as s:
        e1 = events.plan_event(s, coalitions=["Checkout"], date=D(2026, 1, 10), facilitator="Zoë Lefèvre")
        ana = participants.add_participant(s, e1.id, "Ana Núñez", "Payments", email="ana@example.org")
        bo = participants.add_participant(s, e1.id, "Bo", "")
        zoe = participants.add_participant(
            s, e1.id, "zoë lefèvre", "Checkout", ParticipantRole.COALITION_MEMBER, email="zoe@example.org"
        )
        sam = participants.add_participant(
            s, e1.id, "Sam", "Leadership", ParticipantRole.SPONSOR, email="sam@example.org"
        )
        flags = patterns.create_pattern(s, e1.id, "Feature flags").id
        a1 = agreements.add_agreement(
            s,
            e1.id,
            ana.id,
            pattern_ids=[flags],
            sponsor_id=sam.id,
            check_in=D(2026, 3, 1),
            limits="No on-call",
        )
        agreements.add_support_item(
            s, a1.id, SupportType.COACHING, amount=8, owner_id=zoe.id, limits="2 sprints"
        )
        agreements.add_support_item(s, a1.id, SupportType.ARTIFACT, amount=1, unit="playbook")
        a2 = agreements.add_agreement(s, e1.id, bo.id, pattern_ids=[flags], check_in=D(2026, 2, 1))
        a3 = agreements.add_agreement(s, e1.id, bo.id, pattern_ids=[flags])  # no check-in
        a4 = agreements.add_agreement(s, e1.id, ana.id, check_in=D(2026, 4, 1))
        agreements.change_status(s, a4.id, "adopted", "Live")

        e2 = events.plan_event(s, coalitions=["Search", "Checkout"], date=D(2026, 2, 1), facilitator="Kim")
        lee = participants.add_participant(s, e2.id, "Lee", "Data", email="lee@example.org")
        # An address that came in around the checks is never used.
        lee.email = "lee@example.org\r\nBcc: x@evil.example"
        a5 = agreements.add_agreement(s, e2.id, lee.id, check_in=D(2026, 5, 1))
        agreements.change_status(s, a5.id, "in_progress", "Started")

        e3 = events.plan_event(s, coalitions=["Search"], date=D(2026, 2, 2))
        max_ = participants.add_participant(s, e3.id, "Max", "Web", email="max@example.org")
        a6 = agreements.add_agreement(s, e3.id, max_.id, check_in=D(2026, 6, 1))
        ids.update(a1=a1.id, a2=a2.id, a3=a3.id, a4=a4.id, a5=a5.id, a6=a6.id)
        ids.update(checkout=e1.coalitions[0].id, search=e3.coalitions[0].id)
    return ids


def test_details_of_a_coalitions_open_check_ins(db, history):
    with db.transaction() as s:
        details = open_check_in_details(s, history["checkout"])
    assert set(details) == {history["a1"], history["a2"], history["a5"]}
    ana = details[history["a1"]]
    assert (ana.adopter_email, ana.sponsor, ana.sponsor_email) == (
        "ana@example.org",
        "Sam (Leadership)",
        "sam@example.org",
    )
    assert (ana.facilitator, ana.facilitator_email) == ("Zoë Lefèvre", "zoe@example.org")
    assert ana.limits == "No on-call"
    assert [(p.type, p.amount, p.unit, p.owner, p.limits) for p in ana.support] == [
        (SupportType.COACHING, 8, "hours", "zoë lefèvre (Checkout)", "2 sprints"),
        (SupportType.ARTIFACT, 1, "playbook", "", ""),
    ]
    bo = details[history["a2"]]
    assert (bo.adopter_email, bo.sponsor, bo.sponsor_email, bo.support) == ("", "", "", ())
    lee = details[history["a5"]]
    assert (lee.adopter_email, lee.facilitator, lee.facilitator_email) == ("", "Kim", "")
    with db.transaction() as s:
        assert set(open_check_in_details(s)) == {history[k] for k in ("a1", "a2", "a5", "a6")}
        assert set(open_check_in_details(s, str(history["search"]))) == {history["a5"], history["a6"]}
        assert open_check_in_details(s, uuid.uuid4()) == {}
        with pytest.raises(ServiceError):
            open_check_in_details(s, "not an id")


def test_the_version_grows_with_every_change(db, history):
    with db.transaction() as s:
        before = open_check_in_details(s, history["checkout"])[history["a2"]].version
    with db.transaction() as s:
        agreements.update_agreement(s, history["a2"], check_in=D(2026, 2, 15))
    with db.transaction() as s:
        after = open_check_in_details(s, history["checkout"])[history["a2"]].version
    assert after > before


def test_the_coalition_feed(db, history):
    with db.transaction() as s:
        feed = coalition_check_ins(s, history["checkout"], today=D(2026, 2, 13))
    assert [c.agreement_id for c in feed] == [history["a2"], history["a1"], history["a5"]]  # soonest first
    assert all(c.status in (AgreementStatus.AGREED, AgreementStatus.IN_PROGRESS) for c in feed)
    entries = Calendar.from_ical(calendar_bytes(feed, name="Checkout")).walk("VEVENT")
    ana = entries[1]
    assert str(ana["summary"]) == "Check-in: Ana Núñez (Payments) — Feature flags"
    assert [str(a) for a in ana["attendee"]] == ["mailto:ana@example.org", "mailto:sam@example.org"]
    assert str(ana["organizer"]) == "mailto:sam@example.org"
    assert "Coaching: 8 hours, by zoë lefèvre (Checkout); limits: 2 sprints" in str(ana["description"])
    # Bo: no address, no sponsor; the facilitator, also a participant, follows up.
    bo = entries[0]
    assert str(bo["attendee"]) == "mailto:zoe@example.org"
    assert str(bo["attendee"].params["CN"]) == "Zoë Lefèvre"
    # Lee's stored address is no address: nobody is invited, the facilitator has none.
    assert "attendee" not in entries[2]
