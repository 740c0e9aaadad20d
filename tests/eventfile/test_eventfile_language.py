"""The language of an event's documents and of each person's, in event files: written, read, kept."""

from __future__ import annotations

import datetime as dt

import pytest
from eventfile_builders import document_of

from facilitator.documents import DocumentError
from facilitator.eventfile import import_event_file, read_event_file
from facilitator.eventfile.export import export_event
from facilitator.services import events, languages, participants

HEAD = """\
format: scale-across-event
version: 1
event:
  date: 2026-11-21
{event}coalitions:
  - name: Checkout Reliability Coalition
participants:
  - name: Zoë
{person}  - name: Ana
"""


def _build(db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout"], date=dt.date(2026, 11, 21))
        zoe = participants.add_participant(session, event.id, "Zoë")
        participants.add_participant(session, event.id, "Ana")
        languages.set_document_language(session, event.id, "de")
        languages.set_participant_language(session, zoe.id, "en")
        return event.id


def _export(db, event_id, path):
    with db.transaction() as session:
        export_event(session, event_id, path)
    return path.read_bytes()


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_languages_travel_and_the_file_comes_back_byte_for_byte(db, other_db, tmp_path, suffix):
    first = _export(db, _build(db), tmp_path / f"first{suffix}")

    imported = import_event_file(other_db, tmp_path / f"first{suffix}")

    assert _export(other_db, imported, tmp_path / f"second{suffix}") == first
    document = document_of(other_db, imported)
    assert document["event"]["document_language"] == "de"
    # Written only when chosen: Ana reads the event's language.
    assert [p.get("language") for p in document["participants"]] == ["en", None]


def test_an_event_without_languages_is_written_as_before(db, tmp_path):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout"], date=dt.date(2026, 11, 21))
        participants.add_participant(session, event.id, "Zoë")
    text = _export(db, event.id, tmp_path / "event.yaml").decode()
    assert "language" not in text


def test_a_hand_written_language_is_read_as_the_app_writes_it(tmp_path):
    path = tmp_path / "event.yaml"
    path.write_text(
        HEAD.format(event="  document_language: pt-br\n", person="    language: DE\n"), encoding="utf-8"
    )
    document = read_event_file(path)
    assert document.event.document_language == "pt_BR"  # kept, with a catalog here or not
    assert [p.language for p in document.participants] == ["de", None]


@pytest.mark.parametrize(
    ("event", "person", "where"),
    [
        ("  document_language: german\n", "", '5:22: event.document_language: "german"'),
        ("", "    language: xx\n", '9:15: participants[1].language: "xx"'),
    ],
)
def test_a_bad_language_is_refused_at_its_place(tmp_path, event, person, where):
    path = tmp_path / "event.yaml"
    path.write_text(HEAD.format(event=event, person=person), encoding="utf-8")
    with pytest.raises(DocumentError) as refused:
        read_event_file(path)
    assert str(refused.value) == (
        f"{path}:{where} is not a language code; write one like en, de, fr or pt_BR"
    )
