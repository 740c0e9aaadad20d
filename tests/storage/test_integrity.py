"""The integrity check tells a sound file from a damaged one and never changes it.

Every damaged file here is a real database file on disk that was damaged the
way it happens: cut short, pages overwritten, header zeroed, or a ``-wal``
that is not its own beside it. The promise "untouched" is checked on the
file's bytes (sha256).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
from pathlib import Path

import pytest
from database_files import add_raw_participants, populate, sha256, stored_participants, wal_of

from facilitator.services import events
from facilitator.storage import StorageError, open_database
from facilitator.storage.integrity import CorruptDatabaseError, check_database

PAGE = 4096


# --- sound files -----------------------------------------------------------


def test_a_sound_file_has_no_problems_and_gets_nothing_written_beside_it(db_path):
    populate(db_path)
    before = sha256(db_path)

    assert check_database(db_path) == []

    assert sha256(db_path) == before
    # Read as immutable when no journal is there: no empty -wal/-shm left behind.
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


@pytest.mark.sqlite_only
def test_a_file_open_in_the_app_with_edits_only_in_its_wal_is_sound(db):
    with db.transaction() as session:
        events.plan_event(session, coalitions=["Live Coalition"], date=dt.date(2026, 1, 2))
    assert Path(f"{db.path}-wal").stat().st_size > 32  # the edit is not checkpointed yet

    assert check_database(db.path) == []


def test_a_missing_or_empty_file_is_reported_not_raised(tmp_path):
    assert check_database(tmp_path / "missing.sqlite3") == ["the file does not exist"]
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert "empty" in check_database(empty)[0]


# --- damaged files ---------------------------------------------------------


@pytest.mark.parametrize(
    "keep",
    [PAGE * 5, PAGE * 5 + 1000, PAGE, 50],
    ids=["page-boundary", "mid-page", "header-page-only", "mid-header"],
)
def test_a_truncated_file_is_reported_and_left_untouched(db_path, keep):
    populate(db_path)
    os.truncate(db_path, keep)
    before = sha256(db_path)

    problems = check_database(db_path)

    assert problems and all("\n" not in p for p in problems)
    assert sha256(db_path) == before


def test_overwritten_pages_are_reported_and_left_untouched(db_path):
    populate(db_path, people=60)
    size = db_path.stat().st_size
    assert size // PAGE > 3
    rng = random.Random(5)
    with db_path.open("r+b") as handle:  # pages 2..n: every page after the header page
        handle.seek(PAGE)
        handle.write(rng.randbytes(size - PAGE))
    before = sha256(db_path)

    problems = check_database(db_path)

    assert problems
    assert sha256(db_path) == before


def test_a_zeroed_header_is_reported_and_left_untouched(db_path):
    populate(db_path)
    with db_path.open("r+b") as handle:
        handle.write(bytes(100))
    before = sha256(db_path)

    assert check_database(db_path) == ["its SQLite header is zeroed: the file is damaged"]
    assert sha256(db_path) == before


def test_open_database_calls_our_damaged_file_corrupt_and_leaves_it_untouched(db_path):
    populate(db_path, people=60)
    with db_path.open("r+b") as handle:
        handle.seek(PAGE)
        handle.write(random.Random(7).randbytes(db_path.stat().st_size - PAGE))
    before = sha256(db_path)

    with pytest.raises(CorruptDatabaseError) as raised:
        open_database(db_path).close()

    assert raised.value.path == db_path
    assert raised.value.problems and str(db_path) in str(raised.value)
    assert isinstance(raised.value, StorageError)
    assert sha256(db_path) == before


# --- a -wal beside the file that is not its own -----------------------------
# What SQLite does: it trusts any -wal whose header magic and checksum are
# valid. The header names no database, so a -wal from another database is
# applied as if it were ours (the tests below show it). Garbage fails the
# header checksum and is ignored.


def test_a_garbage_wal_is_ignored_by_sqlite_and_the_data_is_intact(db_path):
    ids = populate(db_path)
    Path(f"{db_path}-wal").write_bytes(random.Random(3).randbytes(64 * 1024))
    before = sha256(db_path)

    assert check_database(db_path) == []

    assert sha256(db_path) == before
    assert stored_participants(db_path) == ids


def test_a_wal_from_another_application_is_reported_as_stray(db_path, tmp_path):
    populate(db_path)
    other = tmp_path / "other-app.db"
    plain = sqlite3.connect(other)
    plain.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    plain.commit()
    plain.close()
    stray = wal_of(other, lambda c: c.execute("INSERT INTO notes (body) VALUES ('not yours')"))
    Path(f"{db_path}-wal").write_bytes(stray)
    before = sha256(db_path)

    problems = check_database(db_path)

    assert any("-wal" in p for p in problems), problems
    assert sha256(db_path) == before


def test_a_wal_written_for_another_page_size_is_reported_as_stray(db_path, tmp_path):
    populate(db_path)
    other = tmp_path / "small-pages.sqlite3"
    plain = sqlite3.connect(other)
    plain.execute("PRAGMA page_size = 1024")
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    Path(f"{db_path}-wal").write_bytes(wal_of(other, lambda c: c.execute("INSERT INTO t VALUES (1)")))

    problems = check_database(db_path)

    assert any("stray -wal" in p and "1024" in p for p in problems), problems


@pytest.mark.parametrize(
    ("ours", "theirs", "caught_by"),
    [(20, 20, "foreign_key_check"), (150, 40, "malformed")],
    ids=["tables-in-root-pages", "larger-trees"],
)
def test_a_wal_with_recent_edits_of_another_scale_across_file_is_reported(
    db_path, tmp_path, ours, theirs, caught_by
):
    """Two files of ours share the schema; the -wal of one beside the other.

    SQLite applies it. With small tables it simply swaps in the other file's
    participants table (quick_check passes; foreign_key_check does not); with
    larger ones the mixed pages no longer form valid b-trees.
    """
    populate(db_path, people=ours)
    other = tmp_path / "other.sqlite3"
    populate(other, people=theirs, name="Other Coalition")
    Path(f"{db_path}-wal").write_bytes(add_raw_participants(other, 3))
    before = sha256(db_path)

    problems = check_database(db_path)

    assert caught_by in problems[0], problems
    assert "the -wal file beside it does not fit it" in problems[-1]
    assert sha256(db_path) == before


def test_a_wal_holding_every_page_of_another_scale_across_file_is_applied_unnoticed(db_path, tmp_path):
    """The documented limit: SQLite shows the other database, and it is sound.

    A database never checkpointed keeps all its pages in its -wal. Beside our
    file, that -wal replaces the whole view with the other database: nothing
    is inconsistent, so neither SQLite nor check_database can tell.
    """
    ours = populate(db_path)
    other_path = tmp_path / "other.sqlite3"
    other = open_database(other_path)
    try:
        with other.transaction() as session:
            events.plan_event(session, coalitions=["Other Coalition"], date=dt.date(2026, 1, 1))
        stray = Path(f"{other_path}-wal").read_bytes()
    finally:
        other.close()
    Path(f"{db_path}-wal").write_bytes(stray)

    assert check_database(db_path) == []
    view = sqlite3.connect(f"{db_path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        names = {name for (name,) in view.execute("SELECT name FROM coalitions")}
        count = view.execute("SELECT count(*) FROM participants").fetchone()[0]
    finally:
        view.close()
    assert names == {"Other Coalition"}  # our coalition and our people are gone from view
    assert count == 0 and ours
