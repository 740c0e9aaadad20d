"""Event files with pasted text import the rest and say what was dropped; YAML 1.2 types."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from eventfile_builders import document_of

from facilitator.documents import DocumentError, TextNotice
from facilitator.eventfile import export_event, import_event_file, read_event_file
from facilitator.services import coalitions, events

HEAD = "format: scale-across-event\nversion: 1\n"


def test_windows_file_with_pasted_controls_imports_and_reports_each_drop(db, tmp_path):
    path = tmp_path / "prepared.yaml"
    text = (
        HEAD
        + "event:\n  date: 2026-11-21\n  title: No\n  facilitator: Zo\u200bë\n"
        + "coalitions:\n  - name: Checkout\n    top_goal: |\n      Halve lead time\x07\n      by Q2\n"
        + 'participants:\n  - {name: "Ana\\tNúñez", team: "Pay\\u00adments\\r\\nEU"}\n'
    ).replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8"))

    notices: list[TextNotice] = []
    event_id = import_event_file(db, path, notices=notices)

    assert [str(n) for n in notices] == [
        f"{path}:6:18: dropped U+200B (zero-width space) in event.facilitator",
        f"{path}:10:22: dropped U+0007 (control character) in coalitions[1].top_goal",
        f"{path}:13:36: dropped U+00AD (soft hyphen) in participants[1].team",
    ]
    document = document_of(db, event_id)
    assert document["event"]["title"] == "No"  # YAML 1.2: a word, not false
    assert document["event"]["facilitator"] == "Zoë"
    assert document["coalitions"][0]["top_goal"] == "Halve lead time\nby Q2"
    assert document["participants"][0]["name"] == "Ana\tNúñez"
    assert document["participants"][0]["team"] == "Payments\nEU"


def test_json_with_carriage_returns_and_escapes(tmp_path):
    path = tmp_path / "prepared.json"
    path.write_text(
        json.dumps(
            {
                "format": "scale-across-event",
                "version": 1,
                "event": {"date": "2026-11-21", "title": "Line\r\nbreak\u0000"},
                "coalitions": [{"name": "Checkout\u2028Guild"}],
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    doc = read_event_file(path)
    assert (doc.event.title, doc.coalitions[0].name) == ("Line\nbreak", "Checkout\nGuild")
    assert [str(n) for n in doc.notices] == [
        f"{path}:6:26: dropped U+0000 (control character) in event.title"
    ]


def test_a_file_without_anything_dropped_has_no_notices(tmp_path):
    path = tmp_path / "clean.yaml"
    path.write_text(HEAD + "event: {date: 2026-11-21}\ncoalitions: [{name: A}]\n", encoding="utf-8")
    assert read_event_file(path).notices == ()


@pytest.mark.parametrize(
    "value, problem",
    [
        ("1:30", 'must be zero or a positive number of hours, got the text "1:30"'),
        ("1_000", 'must be zero or a positive number of hours, got the text "1_000"'),
        ("yes", 'must be zero or a positive number of hours, got the text "yes"'),
    ],
)
def test_yaml_1_1_numbers_are_refused_where_they_stand(tmp_path, value, problem):
    path = tmp_path / "numbers.yaml"
    path.write_text(
        HEAD + "event: {date: 2026-11-21}\ncoalitions: [{name: A}]\n"
        f"participants:\n  - name: Ana\n    capacity_hours: {value}\n",
        encoding="utf-8",
    )
    with pytest.raises(DocumentError) as caught:
        read_event_file(path)
    assert str(caught.value) == f"{path}:7:21: participants[1].capacity_hours: {problem}"


def test_octal_and_hexadecimal_hours_are_numbers(tmp_path):
    path = tmp_path / "numbers.yaml"
    path.write_text(
        HEAD + "event: {date: 2026-11-21}\ncoalitions: [{name: A}]\n"
        "participants:\n  - {name: Ana, capacity_hours: 010}\n  - {name: Bo, capacity_hours: 0o10}\n",
        encoding="utf-8",
    )
    assert [p.capacity_hours for p in read_event_file(path).participants] == [10.0, 8.0]


@pytest.mark.parametrize("text", ["09", "1e5", "0o17", "0x1F", ".5", "No", "1:30", "True"])
def test_text_that_yaml_1_1_or_1_2_would_misread_is_quoted_on_export(db, tmp_path, text):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["A"], date=dt.date(2026, 1, 2), title=text)
        event_id = event.id
    path = tmp_path / "e.yaml"
    with db.transaction() as session:
        export_event(session, event_id, path)
    assert f"title: '{text}'" in path.read_text(encoding="utf-8")
    assert read_event_file(path).event.title == text


def test_stored_coalition_is_found_by_name_in_any_script_and_case(db, tmp_path):
    with db.transaction() as session:
        stored = coalitions.find_or_create_coalition(session, "Łódź Ödeme Guild").id
    path = tmp_path / "e.yaml"
    path.write_text(
        HEAD + "event: {date: 2026-11-21}\ncoalitions: [{name: ŁÓDŹ ÖDEME GUILD}]\n",
        encoding="utf-8",
    )
    event_id = import_event_file(db, path)
    assert document_of(db, event_id)["coalitions"][0]["id"] == str(stored)


def test_coalition_names_in_a_file_compare_by_case_folding(tmp_path):
    path = tmp_path / "e.yaml"
    path.write_text(
        HEAD + "event: {date: 2026-11-21}\ncoalitions: [{name: Straße}, {name: STRASSE}]\n",
        encoding="utf-8",
    )
    with pytest.raises(DocumentError, match="is already listed as coalitions\\[1\\]"):
        read_event_file(path)
