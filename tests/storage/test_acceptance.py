"""Every check runs before anything writes: a refused file stays byte-for-byte as it was.

The files are real SQLite files in both journal modes. Opening a file
through the engine switches it to WAL (header bytes 18-19), so a refused
file in rollback-journal mode is where a check that came too late shows.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from refused_files import (
    FILE_NAME,
    KINDS,
    MODES,
    header_journal,
    make_refused,
    make_revision_0001,
    overwrite_pages,
    set_journal_mode,
    snapshot,
)

from facilitator.services import events, participants
from facilitator.storage import StorageError, open_database
from facilitator.storage.backups import list_backups, take_backup
from facilitator.storage.integrity import CorruptDatabaseError
from facilitator.storage.migrate import HEAD_REVISION

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def place(tmp_path) -> Path:
    """A folder of its own for the database file, so nothing else lands beside it."""
    folder = tmp_path / "place"
    folder.mkdir()
    return folder


def _populate(path: Path, people: int = 40) -> None:
    db = open_database(path)
    try:
        with db.transaction() as session:
            event_id = events.plan_event(session, coalitions=["Ærø Coalition"], date=dt.date(2026, 5, 4)).id
        for n in range(people):
            with db.transaction() as session:
                participants.add_participant(session, event_id, f"Person {n}", "Team")
    finally:
        db.close()


# --- refused files -------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_refused_file_is_left_byte_for_byte_untouched(place, isolated_data_dir, kind, mode):
    path = make_refused(kind, mode, place, isolated_data_dir)
    before = snapshot(place)

    with pytest.raises(StorageError, match=KINDS[kind]) as raised:
        open_database(path)

    assert not isinstance(raised.value, CorruptDatabaseError)
    assert snapshot(place) == before  # the header too: still in its own journal mode
    assert header_journal(path) == mode
    assert "The file was left untouched" in str(raised.value) or kind.startswith("foreign")


@pytest.mark.parametrize("mode", MODES)
def test_a_newer_file_gets_no_backup_either(place, isolated_data_dir, mode):
    path = make_refused("newer", mode, place, isolated_data_dir)
    with pytest.raises(StorageError):
        open_database(path)
    assert list_backups(path) == []


# --- accepted files: WAL only after the checks ----------------------------------


def test_an_accepted_rollback_journal_file_is_switched_to_wal_and_enforced(place):
    path = place / FILE_NAME
    _populate(path, people=1)
    set_journal_mode(path, "delete")

    db = open_database(path)
    try:
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        with db.transaction() as session:
            assert [e.coalition_names for e in events.list_events(session)] == ["Ærø Coalition"]
    finally:
        db.close()
    assert header_journal(path) == "wal"


@pytest.mark.parametrize("mode", MODES)
def test_an_older_file_is_backed_up_before_anything_writes_then_migrated(place, mode):
    path = place / FILE_NAME
    make_revision_0001(path)
    set_journal_mode(path, mode)

    open_database(path).close()

    [backup] = list_backups(path)
    # The backup holds the file as it was: the old revision and its record.
    copy = sqlite3.connect(f"{backup.path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert copy.execute("SELECT name FROM coalitions").fetchall() == [("Ærø Coalition",)]
    finally:
        copy.close()
    assert header_journal(path) == "wal"
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as migrated:
        assert migrated.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD_REVISION,)]


def test_a_damaged_rollback_journal_file_is_refused_before_the_switch_to_wal(place):
    path = place / FILE_NAME
    _populate(path)
    set_journal_mode(path, "delete")
    overwrite_pages(path, "participants")
    before = snapshot(place)

    with pytest.raises(CorruptDatabaseError) as raised:
        open_database(path)

    assert raised.value.path == path
    assert snapshot(place) == before
    assert header_journal(path) == "delete"


def test_a_file_unstamped_after_a_crash_is_checked_then_stamped(place):
    path = place / FILE_NAME
    _populate(path, people=1)
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA application_id = 0")
    open_database(path).close()
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as raw:
        assert raw.execute("PRAGMA application_id").fetchone()[0] == 0x53434146


def test_a_file_at_head_opens_without_loading_alembic(place):
    path = place / FILE_NAME
    open_database(path).close()
    code = (
        "import sys\n"
        "from facilitator.storage import open_database\n"
        f"open_database({str(path)!r}).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[]\n"


def test_a_hot_rollback_journal_is_rolled_back_without_switching_first(place):
    """A writer in rollback mode stopped half-way: SQLite's own recovery runs, then the checks."""
    path = place / FILE_NAME
    _populate(path, people=3)
    set_journal_mode(path, "delete")
    # Copy the file and its journal in the middle of a big write (spilled to disk).
    scratch = place.parent / "scratch"
    scratch.mkdir()
    shutil.copy(path, scratch / FILE_NAME)
    writer = sqlite3.connect(scratch / FILE_NAME, isolation_level=None)
    writer.execute("PRAGMA cache_size = 1")
    writer.execute("BEGIN")
    writer.execute("UPDATE participants SET name = 'half written' || hex(randomblob(2000))")
    assert (scratch / f"{FILE_NAME}-journal").exists()
    shutil.copy(scratch / FILE_NAME, path)
    shutil.copy(scratch / f"{FILE_NAME}-journal", place / f"{FILE_NAME}-journal")
    writer.execute("ROLLBACK")
    writer.close()

    db = open_database(path)
    try:
        with db.engine.connect() as connection:
            names = connection.exec_driver_sql("SELECT name FROM participants ORDER BY name").scalars().all()
    finally:
        db.close()
    assert names == ["Person 0", "Person 1", "Person 2"]


# --- a zeroed header: ours and damaged, or not ours ------------------------------


def _zero_header(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(bytes(100))


def test_a_zeroed_header_with_a_backup_of_that_name_is_our_damaged_file(place):
    path = place / FILE_NAME
    _populate(path, people=1)
    take_backup(path)
    _zero_header(path)
    before = snapshot(place)

    with pytest.raises(CorruptDatabaseError, match="header is zeroed"):
        open_database(path)
    assert snapshot(place) == before


def test_a_zeroed_header_without_any_backup_is_refused_as_unrecognised(place):
    path = place / FILE_NAME
    _populate(path, people=1)
    _zero_header(path)
    before = snapshot(place)

    with pytest.raises(StorageError, match="cannot be recognised: its SQLite header is zeroed") as raised:
        open_database(path)
    assert not isinstance(raised.value, CorruptDatabaseError)
    assert snapshot(place) == before


def test_a_text_file_is_foreign_even_beside_backups_of_that_name(place, tmp_path):
    ours = tmp_path / "elsewhere" / FILE_NAME
    ours.parent.mkdir()
    _populate(ours, people=1)
    take_backup(ours)  # a backup of the same file name exists
    text = place / FILE_NAME
    text.write_text("shopping list: milk, eggs\n" * 40, encoding="utf-8")
    before = snapshot(place)

    with pytest.raises(StorageError, match="not a SQLite file") as raised:
        open_database(text)
    assert not isinstance(raised.value, CorruptDatabaseError)
    assert snapshot(place) == before


# --- a folder that cannot be written ---------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_read_only_folder_is_named_with_what_to_do(place, immutable_folder, mode):
    path = place / FILE_NAME
    _populate(path, people=1)
    set_journal_mode(path, mode)
    before = snapshot(place)
    immutable_folder(place)

    with pytest.raises(StorageError) as raised:
        open_database(path)

    assert str(raised.value) == (
        f"cannot open {path}: the folder {place} cannot be written (SQLite needs to create its "
        f"journal files there); make the folder writable, or choose another place with --db"
    )
    assert snapshot(place) == before


def test_a_new_file_in_a_read_only_folder_is_named_with_what_to_do(place, immutable_folder):
    immutable_folder(place)
    with pytest.raises(
        StorageError,
        match=(
            rf"the folder {place} cannot be written \(SQLite needs to create the database file and its "
            rf"journal files there\); make the folder writable, or choose another place with --db"
        ),
    ):
        open_database(place / FILE_NAME)
    assert list(place.iterdir()) == []
