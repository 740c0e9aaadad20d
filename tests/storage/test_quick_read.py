"""The start screen's ORM-free read: same rows, never writes, careful path when unsure."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3

import pytest
from refused_files import KINDS, MODES, make_refused, snapshot

from facilitator.demo import create_demo_event
from facilitator.services import events
from facilitator.storage import open_database
from facilitator.storage.quick_read import event_summaries, recent_events


def test_the_plain_list_equals_the_services_list_on_both_backends(db):
    with db.transaction() as session:
        create_demo_event(session, date=dt.date(2026, 1, 2))
        events.plan_event(session, coalitions=["Ærø Coalition", "Growth Guild 🚀"], date=dt.date(2026, 5, 1))
        expected = events.list_events(session)
    with db.reading() as connection:
        assert event_summaries(connection) == expected
    assert expected[0].coalitions == ("Ærø Coalition", "Growth Guild 🚀")


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only
def test_rows_equal_the_services_list_and_the_file_is_untouched(db, db_path):
    with db.transaction() as session:
        create_demo_event(session, date=dt.date(2026, 1, 2))
        events.plan_event(session, coalitions=["Ærø Coalition", "Growth Guild 🚀"], date=dt.date(2026, 5, 1))
        expected = events.list_events(session)
    db.close()
    before = _digest(db_path)
    assert recent_events(db_path) == expected
    assert _digest(db_path) == before
    # Read as immutable: not even an empty -wal or -shm is left beside it.
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_unusual_files_take_the_careful_path(tmp_path, db_path):
    assert recent_events(tmp_path / "missing.sqlite3") is None
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert recent_events(empty) is None
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    assert recent_events(text) is None
    db = open_database(db_path)
    db.close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '0001'")
    con.commit()
    con.close()
    assert recent_events(db_path) is None  # an older file is migrated on the careful path


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_file_to_be_refused_is_read_without_a_trace(tmp_path, isolated_data_dir, kind, mode):
    place = tmp_path / "place"
    path = make_refused(kind, mode, place, isolated_data_dir)
    before = snapshot(place)
    assert recent_events(path) is None
    assert snapshot(place) == before


@pytest.mark.sqlite_only
def test_a_folder_that_cannot_be_written_takes_the_careful_path(db, db_path, immutable_folder):
    db.close()
    immutable_folder(db_path.parent)
    # The file reads fine, but opening it for edits cannot create its journals.
    assert recent_events(db_path) is None
