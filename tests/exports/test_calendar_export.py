"""Check-ins as an iCalendar file: read back with icalendar, every value as typed, stable UIDs."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from icalendar import Calendar
from pdf_helpers import HOSTILE, loaded_event, make_event

from exports.calendar import (
    PRODID,
    UID_NAMESPACE,
    CheckIn,
    calendar_bytes,
    check_ins_of_event,
    check_ins_of_rows,
    write_calendar,
)
from exports.errors import ExportError
from exports.values import date_text
from facilitator.domain import AgreementStatus, ParticipantRole, SupportType
from facilitator.followup.adoption_row import AdoptionRow
from facilitator.followup.check_ins import CheckInDetails, SupportPromise
from facilitator.services import agreements, events, participants, patterns
from facilitator.storage import open_database

NOW = dt.datetime(2026, 5, 14, 18, 30, tzinfo=dt.UTC)
CHECK_IN = dt.date(2026, 6, 25)
ADOPTER = 'Ana, Núñez; "the" ^boss\nBcc: x@evil.example'
TEAM = "Pay;ments, Inc."
PATTERN = "Flags, toggles; and\nmore \\ backslash"
LIMITS = f"{HOSTILE[5]}\nline two; with, commas"


def typed_event(session):
    """Names, patterns and limits full of commas, semicolons, quotes and line breaks, some addresses."""
    event = make_event(session, title='Q3, review; "big"\nsecond line', facilitator="Zoë Lefèvre")
    ana = participants.add_participant(session, event.id, ADOPTER, TEAM, email="ana@example.org")
    bo = participants.add_participant(session, event.id, HOSTILE[6], "", ParticipantRole.POTENTIAL_ADOPTER)
    cy = participants.add_participant(session, event.id, "Cy", "Web", email="cy@example.org")
    sponsor = participants.add_participant(
        session, event.id, HOSTILE[0], "Lead, ership", ParticipantRole.SPONSOR, email="sponsor@bücher.de"
    )
    # The facilitator is in the room too: their address reaches the entries they follow up.
    participants.add_participant(
        session,
        event.id,
        " zoë lefèvre ",
        "Checkout",
        ParticipantRole.COALITION_MEMBER,
        email="zoe@example.org",
    )
    owner = participants.add_participant(session, event.id, HOSTILE[3], "Team & <Co>")
    flags = patterns.create_pattern(session, event.id, PATTERN).id
    markup = patterns.create_pattern(session, event.id, HOSTILE[4]).id
    first = agreements.add_agreement(
        session,
        event.id,
        ana.id,
        pattern_ids=[flags, markup],
        sponsor_id=sponsor.id,
        check_in=CHECK_IN,
        limits=LIMITS,
    )
    agreements.add_support_item(
        session,
        first.id,
        SupportType.COACHING,
        amount=2.5,
        unit="hours",
        owner_id=owner.id,
        limits=HOSTILE[2],
    )
    agreements.add_agreement(session, event.id, bo.id, pattern_ids=[markup], check_in=CHECK_IN)
    agreements.add_agreement(session, event.id, cy.id, pattern_ids=[flags])  # no check-in: no entry
    return event


@pytest.fixture(scope="module")
def typed(tmp_path_factory):
    return loaded_event(tmp_path_factory, typed_event)


def entries(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def attendees(entry) -> list:
    found = entry.get("attendee", [])
    return found if isinstance(found, list) else [found]


def test_one_all_day_entry_per_agreement_with_a_check_in(demo_event):
    data = calendar_bytes(check_ins_of_event(demo_event), name="Checkout; check-ins, Q3", now=NOW)
    calendar = Calendar.from_ical(data)
    assert str(calendar["prodid"]) == PRODID
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["method"]) == "PUBLISH"
    assert str(calendar["x-wr-calname"]) == "Checkout; check-ins, Q3"
    found = entries(data)
    dated = [a for a in demo_event.agreements if a.check_in is not None]
    assert len(found) == len(dated) == 4
    for entry, agreement in zip(found, dated, strict=True):
        assert entry.decoded("dtstart") == agreement.check_in
        assert entry.decoded("dtend") == agreement.check_in + dt.timedelta(days=1)
        assert f"DTSTART;VALUE=DATE:{agreement.check_in:%Y%m%d}\r\n".encode() in data
        assert str(entry["uid"]) == f"{uuid.uuid5(UID_NAMESPACE, str(agreement.id))}@scale-across"
        assert entry.decoded("dtstamp") == NOW
        assert int(entry["sequence"]) == agreement.version - 1  # 0 until the agreement changes
        assert [str(c) for c in entry["categories"].cats] == ["Scale Across"]
        adopter = agreement.adopter.display_name
        names = "; ".join(p.name for p in agreement.patterns)
        assert str(entry["summary"]) == f"Check-in: {adopter} — {names}"
        text = str(entry["description"])
        assert f"Adopter: {adopter}" in text
        assert f"Followed up by: {agreement.sponsor.display_name} (sponsor)" in text
        assert f"Patterns adopted: {names}" in text
        assert f"Agreed limits (not included): {agreement.limits}" in text
        for item in agreement.support_items:
            assert f"by {item.owner.display_name}; limits: {item.limits}" in text
        assert f"Agreed at: {demo_event.title}, {date_text(demo_event.date)}" in text
        # The demo's people have no addresses: nobody is invited, nobody organises.
        assert "attendee" not in entry
        assert "organizer" not in entry


def test_open_fit_questions_are_what_to_check(demo_event):
    by_adopter = {c.adopter: c for c in check_ins_of_event(demo_event)}
    assert "does “A shared contract broker” hold?" in by_adopter["Søren Ødegård"].what_to_check
    assert "Łukasz Wróblewski (Platform Engineering) finds out" in by_adopter["Søren Ødegård"].what_to_check
    # Platform's fit check was left for later: its questions are counted.
    assert re.search(
        r"Fit check: \d+ questions not answered yet", by_adopter["Łukasz Wróblewski"].what_to_check
    )


def test_typed_text_comes_back_exactly(typed):
    found = entries(calendar_bytes(check_ins_of_event(typed), name=HOSTILE[4], now=NOW))
    assert len(found) == 2  # Cy's agreement has no check-in
    ana, bo = found
    assert str(ana["summary"]) == f"Check-in: {ADOPTER} ({TEAM}) — {PATTERN}; {HOSTILE[4]}"
    text = str(ana["description"])
    assert f"Adopter: {ADOPTER} ({TEAM})" in text
    assert f"Agreed limits (not included): {LIMITS}" in text
    assert f"Coaching: 2.5 hours, by {HOSTILE[3]} (Team & <Co>); limits: {HOSTILE[2]}" in text
    assert f"Agreed at: {typed.title}, 14 May 2026 (Checkout Reliability Coalition)" in text
    assert f"Followed up by: {HOSTILE[0]} (Lead, ership) (sponsor)" in text
    assert str(bo["summary"]) == f"Check-in: {HOSTILE[6]} — {HOSTILE[4]}"
    # Nothing typed became a property of its own.
    names = {name for entry in found for name, _ in entry.property_items(recursive=False)}
    assert names <= {
        "BEGIN", "END", "UID", "DTSTAMP", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION",
        "CATEGORIES", "TRANSP", "STATUS", "ORGANIZER", "ATTENDEE",
    }  # fmt: skip


def test_attendees_exactly_where_an_address_is_known(typed):
    ana, bo = entries(calendar_bytes(check_ins_of_event(typed), name="x", now=NOW))
    adopter, owner = attendees(ana)
    assert str(adopter) == "mailto:ana@example.org"
    # A name goes on one line in a parameter; its quotes, commas and semicolons survive.
    assert adopter.params["CN"] == f'Ana, Núñez; "the" ^boss Bcc: x@evil.example ({TEAM})'
    assert adopter.params["ROLE"] == "REQ-PARTICIPANT"
    assert str(owner) == "mailto:sponsor@bücher.de"
    assert owner.params["CN"] == f"{HOSTILE[0]} (Lead, ership)"
    assert owner.params["ROLE"] == "CHAIR"
    assert str(ana["organizer"]) == "mailto:sponsor@bücher.de"
    # Bo has no address and no sponsor: the facilitator follows up, found among the participants.
    (facilitator,) = attendees(bo)
    assert str(facilitator) == "mailto:zoe@example.org"
    assert facilitator.params["CN"] == "Zoë Lefèvre"
    assert facilitator.params["ROLE"] == "CHAIR"
    assert "Followed up by: Zoë Lefèvre (facilitator)" in str(bo["description"])


def test_lines_are_folded_at_75_octets_and_end_in_crlf(typed, demo_event):
    for event in (typed, demo_event):
        data = calendar_bytes(check_ins_of_event(event), name="Ünïcødé " * 30, now=NOW)
        assert data.endswith(b"\r\n")
        assert b"\n" not in data.replace(b"\r\n", b"")
        assert b"\r" not in data.replace(b"\r\n", b"")
        lines = data.split(b"\r\n")[:-1]
        assert max(len(line) for line in lines) <= 75
        assert any(line.startswith(b" ") for line in lines)  # long values were folded
        for line in lines:
            line.decode("utf-8")  # a fold never splits a character


def test_a_second_export_updates_the_same_entries(tmp_path):
    database = open_database(tmp_path / "events.sqlite3")
    try:
        with database.transaction() as session:
            event_id = typed_event(session).id
        with database.transaction() as session:
            first = entries(
                calendar_bytes(check_ins_of_event(events.load_event(session, event_id)), name="x")
            )
        with database.transaction() as session:
            event = events.load_event(session, event_id)
            moved = next(a for a in event.agreements if a.check_in is not None)
            agreements.update_agreement(session, moved.id, check_in=dt.date(2026, 9, 30))
        with database.transaction() as session:
            second = entries(
                calendar_bytes(check_ins_of_event(events.load_event(session, event_id)), name="x")
            )
    finally:
        database.close()
    assert [str(e["uid"]) for e in first] == [str(e["uid"]) for e in second]
    assert first[0].decoded("dtstart") == CHECK_IN
    assert second[0].decoded("dtstart") == dt.date(2026, 9, 30)
    assert int(second[0]["sequence"]) > int(first[0]["sequence"])
    assert int(second[1]["sequence"]) == int(first[1]["sequence"])  # the other agreement did not change


def check_in(**changes) -> CheckIn:
    values = dict(
        agreement_id=uuid.UUID(int=7),
        date=CHECK_IN,
        adopter="Ana",
        adopter_team="",
        adopter_email="",
        patterns=("Flags",),
        owner="",
        owner_email="",
        owner_role="",
        what_to_check="",
        event_title="Event",
        event_date=dt.date(2026, 5, 14),
        coalitions=(),
        status=AgreementStatus.AGREED,
    )
    return CheckIn(**{**values, **changes})


def test_control_characters_and_bad_addresses_never_reach_the_file():
    hostile = check_in(
        adopter="Ana\x00\x07\x1b[31m\r\nBEGIN:VEVENT",
        adopter_email="ana@example.org\r\nATTENDEE:mailto:evil@example.org",
        owner="Bo\u0085Lead",
        owner_email="not an address",
        what_to_check="a\x0bb\x7fc\u2028d",
        patterns=("x\ud800y",),
    )
    data = calendar_bytes([hostile], name="a\r\nX-EVIL:1\x00", now=NOW)
    assert b"\x00" not in data and b"\x07" not in data and b"\x1b" not in data
    (entry,) = entries(data)
    assert str(entry["summary"]) == "Check-in: Ana[31m\nBEGIN:VEVENT — xy"
    assert "attendee" not in entry and "organizer" not in entry
    assert "What to check:\na\nbc\nd\n" in str(entry["description"])
    assert str(Calendar.from_ical(data)["x-wr-calname"]) == "a X-EVIL:1"
    assert "X-EVIL" not in Calendar.from_ical(data)


def test_an_abandoned_agreement_is_a_cancelled_entry():
    (entry,) = entries(calendar_bytes([check_in(status=AgreementStatus.ABANDONED)], name="x", now=NOW))
    assert str(entry["status"]) == "CANCELLED"
    assert "Status: Abandoned" in str(entry["description"])


def row(**changes) -> AdoptionRow:
    values = dict(
        agreement_id=uuid.UUID(int=1),
        event_id=uuid.UUID(int=2),
        event_date=dt.date(2026, 5, 14),
        event_title="",
        coalitions=("Checkout", "Search"),
        adopter="Ana",
        adopter_team="Ana",
        patterns=("Flags", "Contracts"),
        sponsor="",
        owners=("Zoë", "Bo"),
        check_in=CHECK_IN,
        status=AgreementStatus.IN_PROGRESS,
        status_reason="",
        last_changed=None,
        overdue=False,
        days_overdue=0,
        open_questions=2,
    )
    return AdoptionRow(**{**values, **changes})


def test_rows_give_open_check_ins_only():
    rows = [
        row(),
        row(agreement_id=uuid.UUID(int=3), status=AgreementStatus.ADOPTED),
        row(agreement_id=uuid.UUID(int=4), status=AgreementStatus.ABANDONED),
        row(agreement_id=uuid.UUID(int=5), check_in=None),
        row(agreement_id=uuid.UUID(int=6), status=AgreementStatus.AGREED, adopter_team="Web", sponsor="Sam"),
    ]
    made = check_ins_of_rows(rows)
    assert [c.agreement_id for c in made] == [uuid.UUID(int=1), uuid.UUID(int=6)]
    first, second = made
    assert first.summary == "Check-in: Ana — Flags; Contracts"  # a team equal to the name is no team
    assert first.event_title == "Scale Across — Checkout + Search"
    assert (
        first.what_to_check
        == "Patterns adopted: Flags; Contracts\nSupport owners: Zoë, Bo\nFit check: 2 open questions"
    )
    assert (first.owner, first.owner_role, first.sequence) == ("", "", 0)
    assert (second.owner, second.owner_role, second.adopter_team) == ("Sam", "sponsor", "Web")


def test_rows_with_details_get_addresses_support_and_sequence():
    details = CheckInDetails(
        agreement_id=uuid.UUID(int=1),
        version=4,
        adopter_email="ana@example.org",
        sponsor="",
        sponsor_email="",
        facilitator="Zoë",
        facilitator_email="zoe@example.org",
        limits="No on-call",
        support=(SupportPromise(SupportType.TIME, None, "hours", "", ""),),
    )
    (made,) = check_ins_of_rows([row()], details={details.agreement_id: details})
    assert (made.adopter_email, made.owner, made.owner_email, made.owner_role) == (
        "ana@example.org", "Zoë", "zoe@example.org", "facilitator",
    )  # fmt: skip
    assert made.sequence == 3
    assert made.what_to_check.endswith(
        "Agreed limits (not included): No on-call\n"
        "Support promised:\n- Time: amount not set, by owner not named\n"
        "Fit check: 2 open questions"
    )
    (entry,) = entries(calendar_bytes([made], name="x", now=NOW))
    assert [str(a) for a in attendees(entry)] == ["mailto:ana@example.org", "mailto:zoe@example.org"]
    assert int(entry["sequence"]) == 3


def test_write_calendar_is_atomic(tmp_path, demo_event):
    path = write_calendar(tmp_path / "new" / "check-ins.ics", check_ins_of_event(demo_event), name="Demo")
    assert len(entries(path.read_bytes())) == 4
    assert [p.name for p in path.parent.iterdir()] == ["check-ins.ics"]
    with pytest.raises(ExportError, match="it is a folder"):
        write_calendar(tmp_path, [], name="x")
