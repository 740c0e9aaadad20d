"""Text cleaning, validation that stores nothing, and the demo event as a whole."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from facilitator.demo import create_demo_event
from facilitator.domain import Event, Outcome, Participant, ParticipantRole
from facilitator.services import NotFoundError, ServiceError, events, outcomes, participants
from facilitator.services.common import clean_text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("  Zoë\x00 Łukasz\x1b[31m  ", "Zoë Łukasz[31m"),
        ("bell\x07 and delete\x7f", "bell and delete"),
        ("C1\x9f control\x80", "C1 control"),
        # Every line separator Office, Unicode or old Macs use is a newline.
        ("a\x0bb\x0cc\x85d\u2028e\u2029f", "a\nb\nc\nd\ne\nf"),
        ("zero\u200bwidth\u2060 soft\u00adhyphen\ufeff", "zerowidth softhyphen"),
        ("lone \ud800surrogate, pair \ud83d\ude80", "lone surrogate, pair 🚀"),
        (
            "kept: \u200d\u200c\u200e\u202b\ufe0f\U000e0067 \u00a0",
            "kept: \u200d\u200c\u200e\u202b\ufe0f\U000e0067",
        ),
        ("line one\r\nline two\rline three", "line one\nline two\nline three"),
        ("keeps\ttabs\nand newlines", "keeps\ttabs\nand newlines"),
        ("日本 مريم 🚀", "日本 مريم 🚀"),
        (None, ""),
    ],
)
def test_clean_text_strips_control_characters_and_trims(raw, expected):
    assert clean_text(raw, "Field") == expected


def test_clean_text_refuses_empty_required_too_long_and_non_text():
    with pytest.raises(ServiceError, match="Name must not be empty"):
        clean_text("\x00\x01 \n", "Name", required=True)
    with pytest.raises(ServiceError, match="Title is too long"):
        clean_text("x" * 11, "Title", max_length=10)
    with pytest.raises(ServiceError, match="Team must be text"):
        clean_text(42, "Team")


def test_control_characters_never_reach_the_database(act, reopen, event_id):
    person = act(participants.add_participant, event_id, "\x1bZoë\x00 Lefèvre\x08", "Team\x0c")
    outcome = act(outcomes.add_outcome, event_id, "success", "Title\x00", "A\x01B", "evidence\x7f")
    with reopen() as session:
        stored = session.get(Participant, person.id)
        assert (stored.name, stored.team) == ("Zoë Lefèvre", "Team")
        stored = session.get(Outcome, outcome.id)
        assert (stored.title, stored.what_happened, stored.evidence) == ("Title", "AB", "evidence")


def test_failed_step_rolls_back_the_whole_user_action(db, count, event_id):
    with pytest.raises(ServiceError), db.transaction() as session:
        participants.add_participant(session, event_id, "Ana")
        participants.add_participant(session, event_id, "Bo", role="king")
    assert count(Participant) == 0


def test_unknown_record_ids_are_not_found(act, count):
    with pytest.raises(NotFoundError, match="no participant"):
        act(participants.update_participant, uuid.uuid4(), name="x")
    with pytest.raises(NotFoundError, match="not a record id"):
        act(outcomes.remove_outcome, "12345")
    assert count(Participant) == 0


def test_demo_event_round_trips_completely(db, reopen):
    with db.transaction() as session:
        demo_id = create_demo_event(session, date=dt.date(2026, 3, 3)).id
    with reopen() as session:
        event = events.load_event(session, demo_id)
        assert event.facilitator == "Zoë Lefèvre"
        assert len(event.participants) == 6
        assert "田中 愛子 (Aiko Tanaka)" in [p.name for p in event.participants]
        assert [p.role for p in event.participants].count(ParticipantRole.POTENTIAL_ADOPTER) == 2
        assert len(event.outcomes) == 3
        assert len(event.patterns) == 3
        assert all(len(p.boundaries) >= 3 for p in event.patterns)
        assert len(event.agreements) == 4
        assert sum(len(a.support_items) for a in event.agreements) == 6
        assert all(a.check_in == dt.date(2026, 4, 14) for a in event.agreements)
        report = {line.owner_name: line for line in participants.capacity_report(session, demo_id)}
        assert report["Zoë Lefèvre"].promised_hours == 22  # the playbook is not in hours
        assert not report["Zoë Lefèvre"].over_committed
        assert session.get(Event, demo_id).goal_for(event.coalitions[0]).startswith("Halve")


# --- what the services store, an event file must import (issue 11) ------------


def test_ids_of_agendas_and_steps_are_one_line(act, event_id):
    with pytest.raises(ServiceError, match="Agenda must be a single line"):
        act(events.update_event, event_id, agenda_id="scale-across\nsecond line")
    with pytest.raises(ServiceError, match="Step must be a single line"):
        act(events.move_to_step, event_id, "top-goal\r\nx")


def test_numbers_stop_where_event_files_stop(act, event_id):
    from facilitator.services.common import MAX_NUMBER

    person = act(participants.add_participant, event_id, "Ana")
    act(participants.set_capacity, event_id, person.id, MAX_NUMBER)
    with pytest.raises(ServiceError, match="Capacity must be at most"):
        act(participants.set_capacity, event_id, person.id, MAX_NUMBER * 10)
    for seconds in (float("inf"), float("nan"), MAX_NUMBER * 2):
        with pytest.raises(ServiceError, match="step time"):
            act(events.record_step_time, event_id, "top-goal", seconds)


def test_coalition_names_compare_by_unicode_case_folding(act, event_id, coalition_id):
    from facilitator.services import coalitions

    with pytest.raises(ServiceError, match="named twice"):
        act(events.plan_event, coalitions=["Straße Guild", "STRASSE GUILD"], date=dt.date(2026, 5, 1))
    other = act(coalitions.find_or_create_coalition, "Łódź Guild")
    with pytest.raises(ServiceError, match="another coalition is already called “Łódź Guild”"):
        act(coalitions.rename_coalition, coalition_id, "ŁÓDŹ GUILD")
    assert act(coalitions.rename_coalition, other.id, "ŁÓDŹ Guild").name == "ŁÓDŹ Guild"
