"""Writing event files: the right format, all or nothing, clear messages."""

from __future__ import annotations

import json
import uuid

import pytest
import yaml
from eventfile_builders import build_demo

from facilitator import durable
from facilitator.eventfile import EventFileError, dump_event_document, export_event
from facilitator.services import NotFoundError


def _export(db, event_id, path, fmt=None):
    with db.transaction() as session:
        return export_event(session, event_id, path, fmt)


def test_format_follows_the_file_name_unless_given(db, tmp_path):
    event_id = build_demo(db)

    as_json = _export(db, event_id, tmp_path / "event.json")
    as_yaml = _export(db, event_id, tmp_path / "event.yaml")
    forced = _export(db, event_id, tmp_path / "event.txt", "json")

    assert json.loads(as_json.read_text("utf-8"))["format"] == "scale-across-event"
    assert as_yaml.read_text("utf-8").startswith("format: scale-across-event\nversion: 1\n")
    assert json.loads(forced.read_text("utf-8"))["version"] == 1


def test_files_are_utf8_with_names_as_written(db, tmp_path):
    event_id = build_demo(db)

    for name in ("event.json", "event.yaml"):
        text = _export(db, event_id, tmp_path / name).read_text("utf-8")
        assert "田中 愛子" in text and "Łukasz Wróblewski" in text
        assert "\\u" not in text


def test_top_level_keys_in_documented_order(db, tmp_path):
    event_id = build_demo(db)
    document = yaml.safe_load(_export(db, event_id, tmp_path / "e.yaml").read_bytes())

    assert list(document) == [
        "format",
        "version",
        "event",
        "coalitions",
        "participants",
        "outcomes",
        "patterns",
        "agreements",
    ]


def test_multi_line_text_is_written_as_a_block():
    document = {"notes": "First line\nSecond line", "short": "One line"}

    text = dump_event_document(document, "yaml").decode("utf-8")

    assert text == "notes: |-\n  First line\n  Second line\nshort: One line\n"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match='use "yaml" or "json"'):
        dump_event_document({}, "xml")  # type: ignore[arg-type]


def test_a_missing_folder_is_created(db, tmp_path):
    event_id = build_demo(db)
    target = tmp_path / "no such folder" / "yet" / "event.yaml"

    _export(db, event_id, target)

    assert target.read_text(encoding="utf-8").startswith("format: scale-across-event")


def test_folder_that_is_a_file_gives_a_message(db, tmp_path):
    event_id = build_demo(db)
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")

    with pytest.raises(EventFileError, match="cannot write the event file"):
        _export(db, event_id, blocker / "event.yaml")


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(db, tmp_path, monkeypatch):
    event_id = build_demo(db)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "event.yaml"
    target.write_text("the previous export\n")

    def disk_full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(durable.os, "fsync", disk_full)
    with pytest.raises(EventFileError, match="No space left on device"):
        _export(db, event_id, target)

    assert target.read_text() == "the previous export\n"
    assert sorted(p.name for p in folder.iterdir()) == ["event.yaml"]


def test_existing_file_is_replaced_whole(db, tmp_path):
    event_id = build_demo(db)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "event.json"
    target.write_text("x" * 1_000_000)

    _export(db, event_id, target)

    assert json.loads(target.read_text("utf-8"))["event"]["id"] == str(event_id)
    assert sorted(p.name for p in folder.iterdir()) == ["event.json"]


def test_unknown_event_is_not_found(db, tmp_path):
    with pytest.raises(NotFoundError):
        _export(db, uuid.uuid4(), tmp_path / "event.yaml")
    assert not (tmp_path / "event.yaml").exists()
