"""Importing into a database that already holds some of the file's records."""

from __future__ import annotations

import uuid

import pytest
from eventfile_builders import build_demo, document_of, row_counts
from sqlalchemy import select

from facilitator.documents import DocumentError
from facilitator.domain import BoundaryKind, Coalition, Pattern
from facilitator.eventfile import dump_event_document, import_event_file, writer
from facilitator.services import coalitions, events


def _write(document, path):
    path.write_bytes(dump_event_document(document, "yaml"))
    return path


def test_existing_event_id_is_refused_and_nothing_is_written(db, tmp_path):
    event_id = build_demo(db)
    path = _write(document_of(db, event_id), tmp_path / "again.yaml")
    before = row_counts(db)

    with pytest.raises(DocumentError) as caught:
        import_event_file(db, path)

    assert str(caught.value).startswith(f"{path}:4:7: event.id: an event with id {event_id} ")
    assert "is already in this database; import with --new-ids to add a copy" in str(caught.value)
    assert row_counts(db) == before


def test_new_ids_adds_a_copy_sharing_coalition_and_patterns(db, tmp_path):
    event_id = build_demo(db)
    original = document_of(db, event_id)
    path = _write(original, tmp_path / "again.yaml")
    before = row_counts(db)

    copy_id = import_event_file(db, path, new_ids=True)

    after = row_counts(db)
    assert copy_id != event_id
    assert after["events"] == before["events"] + 1
    assert after["participants"] == 2 * before["participants"]
    assert after["support_items"] == 2 * before["support_items"]
    for shared in ("coalitions", "patterns", "boundary_conditions"):
        assert after[shared] == before[shared]
    copy = document_of(db, copy_id)
    assert [p["id"] for p in copy["patterns"]] == [p["id"] for p in original["patterns"]]
    assert copy["coalitions"] == original["coalitions"]
    assert {p["id"] for p in copy["participants"]}.isdisjoint(p["id"] for p in original["participants"])
    assert [a["adopter"] for a in copy["agreements"]] == [
        copy["participants"][2]["id"],
        copy["participants"][3]["id"],
        copy["participants"][4]["id"],
        copy["participants"][1]["id"],
    ]


def test_stored_pattern_is_reused_and_never_rewritten(db, tmp_path):
    event_id = build_demo(db)
    document = document_of(db, event_id)
    flags = document["patterns"][0]
    stored_texts = [b["text"] for b in flags["works_when"]]
    flags["name"] = "Renamed in someone else's file"
    flags["summary"] = "Different summary"
    flags["works_when"][0]["text"] = "Reworded in the file"
    flags["works_when"].append("A condition added elsewhere")
    new_boundary = str(uuid.uuid4())
    flags["breaks_when"].append({"id": new_boundary, "text": "Another team owns the pipeline"})
    flags["prerequisites"].append(flags["prerequisites"][0]["text"])  # same wording, no id
    path = _write(document, tmp_path / "merged.yaml")

    import_event_file(db, path, new_ids=True)

    with db.transaction() as session:
        pattern = session.get(Pattern, uuid.UUID(flags["id"]))
        assert pattern.name == "Trunk-based development with feature flags"
        assert pattern.summary.startswith("Everyone merges to main")
        works = [b.text for b in pattern.conditions(BoundaryKind.WORKS_WHEN)]
        assert works == [*stored_texts, "A condition added elsewhere"]
        assert [b.position for b in pattern.conditions(BoundaryKind.WORKS_WHEN)] == [0, 1, 2]
        breaks = pattern.conditions(BoundaryKind.BREAKS_WHEN)
        assert (breaks[-1].id, breaks[-1].position) == (uuid.UUID(new_boundary), 2)
        assert len(pattern.conditions(BoundaryKind.PREREQUISITE)) == 2
        assert len(session.scalars(select(Coalition)).all()) == 1


def test_coalition_is_found_by_name_whatever_its_case(db, tmp_path):
    event_id = build_demo(db)
    path = tmp_path / "prepared.yaml"
    path.write_text(
        "format: scale-across-event\nversion: 1\nevent: {date: 2027-02-01}\n"
        "coalitions:\n  - name: checkout reliability COALITION\n",
        encoding="utf-8",
    )

    new_id = import_event_file(db, path)

    with db.transaction() as session:
        (coalition,) = session.scalars(select(Coalition)).all()
        assert coalition.name == "Checkout Reliability Coalition"
        # No top_goal in the file: the coalition's latest goal carries over.
        new_event = events.load_event(session, new_id)
        assert new_event.goal_for(coalition) == events.load_event(session, event_id).goal_for(coalition)
        history = coalitions.goal_history(session, coalition.id)
        assert [g.event_id for g in history] == [event_id, new_id]


def test_record_id_taken_by_another_event_is_refused(db, tmp_path):
    event_id = build_demo(db)
    document = document_of(db, event_id)
    document["event"]["id"] = str(uuid.uuid4())  # a new event, but the people are not new
    path = _write(document, tmp_path / "half-new.yaml")
    before = row_counts(db)

    with pytest.raises(DocumentError) as caught:
        import_event_file(db, path)

    participant = document["participants"][0]["id"]
    assert f"participants[1].id: a participant with id {participant} is already" in str(caught.value)
    assert row_counts(db) == before


def test_condition_id_of_another_pattern_is_refused(db, tmp_path):
    event_id = build_demo(db)
    document = document_of(db, event_id)
    taken = document["patterns"][1]["works_when"][0]["id"]
    document["patterns"][0]["works_when"][0]["id"] = taken
    document["patterns"][1]["works_when"][0]["id"] = str(uuid.uuid4())
    for agreement in document["agreements"]:
        # Fit answers name conditions by id; swapped ids would fail them first.
        agreement["fit"] = []
    path = _write(document, tmp_path / "clash.yaml")
    before = row_counts(db)

    with pytest.raises(DocumentError) as caught:
        import_event_file(db, path, new_ids=True)

    assert f"a condition with id {taken} belongs to another pattern" in str(caught.value)
    assert row_counts(db) == before


def test_two_file_coalitions_that_are_one_stored_coalition_are_refused(db, tmp_path):
    event_id = build_demo(db)
    stored = document_of(db, event_id)["coalitions"][0]
    path = tmp_path / "twins.yaml"
    path.write_text(
        "format: scale-across-event\nversion: 1\nevent: {date: 2027-02-01}\ncoalitions:\n"
        f"  - {{id: {stored['id']}, name: Renamed Coalition}}\n"
        f"  - {{name: {stored['name']}}}\n",
        encoding="utf-8",
    )

    with pytest.raises(DocumentError) as caught:
        import_event_file(db, path)

    assert str(caught.value).startswith(f"{path}:6:5: coalitions[2]: this is the stored coalition")


def test_failure_while_writing_rolls_everything_back(db, tmp_path, monkeypatch):
    event_id = build_demo(db)
    path = _write(document_of(db, event_id), tmp_path / "copy.yaml")
    before = row_counts(db)

    def fail(*_args):
        raise RuntimeError("disk trouble halfway")

    monkeypatch.setattr(writer.Writer, "_agreement", fail)
    with pytest.raises(RuntimeError):
        import_event_file(db, path, new_ids=True)

    assert row_counts(db) == before
