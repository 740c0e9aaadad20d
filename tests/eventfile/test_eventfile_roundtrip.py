"""Export → import elsewhere → export again gives the same file."""

from __future__ import annotations

import datetime as dt

import pytest
from eventfile_builders import (
    build_demo,
    build_reusing_event,
    build_shared_closed_event,
    document_of,
)

from facilitator.eventfile import (
    dump_event_document,
    export_event,
    import_event_file,
    read_event_file,
)
from facilitator.services import agreements


def _export(db, event_id, path):
    with db.transaction() as session:
        export_event(session, event_id, path)
    return path.read_bytes()


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
@pytest.mark.parametrize("build", [build_demo, build_shared_closed_event])
def test_round_trip_into_an_empty_database_is_identical(db, other_db, tmp_path, build, suffix):
    event_id = build(db)
    first = _export(db, event_id, tmp_path / f"first{suffix}")

    imported = import_event_file(other_db, tmp_path / f"first{suffix}")
    second = _export(other_db, imported, tmp_path / f"second{suffix}")

    assert imported == event_id
    assert second == first
    assert document_of(other_db, imported) == document_of(db, event_id)


def test_closed_event_keeps_status_history_and_step_times(db, other_db, tmp_path):
    event_id = build_shared_closed_event(db)
    _export(db, event_id, tmp_path / "closed.yaml")
    document = document_of(other_db, import_event_file(other_db, tmp_path / "closed.yaml"))

    event = document["event"]
    assert event["status"] == "closed" and event["closed_at"]
    assert event["current_step"] == "follow-up"
    assert event["step_seconds"] == {"outcomes-patterns": 912.5, "top-goal": 300}
    assert [c["name"] for c in document["coalitions"]] == [
        "Ödeme Platformu Koalisyonu",
        "Growth Guild 🚀",
    ]
    adopted, dropped = document["agreements"]
    assert [(h["from"], h["to"]) for h in adopted["history"]] == [
        (None, "agreed"),
        ("agreed", "in_progress"),
        ("in_progress", "adopted"),
    ]
    assert dropped["status"] == "abandoned"
    assert dropped["status_reason"] == "Team reorganised"
    assert adopted["support"][0]["amount"] == 2.25
    assert document["participants"][0]["capacity_hours"] == 7.5
    assert document["participants"][1]["team"] == "2026-01-01"


def test_yaml_quotes_text_that_looks_like_other_values(db, tmp_path):
    event_id = build_shared_closed_event(db)
    text = _export(db, event_id, tmp_path / "e.yaml").decode("utf-8")

    assert "team: 'No'" in text
    assert "title: 'null'" in text
    assert "evidence: '12'" in text
    assert "محمد علي" in text and "🚀" in text  # written as characters, not escapes


def test_event_sharing_patterns_with_an_earlier_event(db, other_db, tmp_path):
    """A pattern of another coalition, with conditions from an earlier event, survives."""
    demo_id = build_demo(db)
    later_id = build_reusing_event(db, demo_id)
    later_doc = document_of(db, later_id)
    assert [c["name"] for c in later_doc["other_coalitions"]] == ["Checkout Reliability Coalition"]
    assert all(b["from_event"] == str(demo_id) for b in later_doc["patterns"][0]["works_when"])

    for event_id, name in [(demo_id, "demo.yaml"), (later_id, "later.yaml")]:
        _export(db, event_id, tmp_path / name)
        import_event_file(other_db, tmp_path / name)

    assert document_of(other_db, demo_id) == document_of(db, demo_id)
    assert document_of(other_db, later_id) == later_doc


def test_condition_from_an_event_not_in_the_database_loses_only_its_event(db, other_db, tmp_path):
    demo_id = build_demo(db)
    later_id = build_reusing_event(db, demo_id)
    _export(db, later_id, tmp_path / "later.yaml")

    imported = import_event_file(other_db, tmp_path / "later.yaml")

    conditions = document_of(other_db, imported)["patterns"][0]["works_when"]
    original = document_of(db, later_id)["patterns"][0]["works_when"]
    assert [c["text"] for c in conditions] == [c["text"] for c in original]
    assert all(c["from_event"] is None for c in conditions)


def test_dumped_yaml_reads_back_as_the_same_document(db, tmp_path):
    event_id = build_shared_closed_event(db)
    document = document_of(db, event_id)
    path = tmp_path / "again.yaml"
    path.write_bytes(dump_event_document(document, "yaml"))

    doc = read_event_file(path)

    assert doc.event.title == document["event"]["title"]
    assert doc.coalitions[1].top_goal == "Line one\nLine two with  two spaces"
    assert doc.outcomes[0].what_happened == "yes: it worked\n# not a comment"


def test_status_change_dated_before_the_agreement_still_travels(db, other_db, tmp_path):
    """History is stored in time order; a back-dated change must not make the file invalid."""
    event_id = build_demo(db)
    with db.transaction() as session:
        agreement_id = document_of(db, event_id)["agreements"][0]["id"]
        change = agreements.change_status(session, agreement_id, "adopted", "Already done")
        # The service refuses to date a change before the previous one; older
        # databases may still hold such a history.
        change.changed_at = dt.datetime(2020, 1, 1, 8, 0)
    first = _export(db, event_id, tmp_path / "first.yaml")

    imported = import_event_file(other_db, tmp_path / "first.yaml")

    assert _export(other_db, imported, tmp_path / "second.yaml") == first
    history = document_of(other_db, imported)["agreements"][0]["history"]
    assert [h["to"] for h in history] == ["adopted", "agreed"]


def test_an_accepted_over_commitment_travels_with_the_event(db, other_db, tmp_path):
    from facilitator.services import events, participants

    event_id = build_demo(db)
    with db.transaction() as session:
        event = events.load_event(session, event_id)
        zoe = next(p for p in event.participants if p.name.startswith("Zoë"))
        participants.set_capacity(session, event_id, zoe.id, 12)
        participants.accept_over_commitment(session, event_id, zoe.id)
    first = _export(db, event_id, tmp_path / "accepted.yaml")
    assert b"accepted_hours: 22" in first

    imported = import_event_file(other_db, tmp_path / "accepted.yaml")
    with other_db.transaction() as session:
        line = next(
            c for c in participants.capacity_report(session, imported) if c.owner_name.startswith("Zoë")
        )
    assert line.stated_hours == 12 and line.promised_hours == 22 and line.accepted
    assert _export(other_db, imported, tmp_path / "again.yaml") == first
