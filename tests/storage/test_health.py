"""The health check tells a sound file from a damaged one and never changes it.

Every damaged file here is a real database file on disk that was damaged the
way it happens: cut short, pages overwritten, header zeroed, or a ``-wal``
that is not its own beside it. The promise "untouched" is checked on the
file's bytes (sha256).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from facilitator import paths
from facilitator.domain import Participant
from facilitator.services import events, participants
from facilitator.storage import StorageError, open_database
from facilitator.storage.backups import take_backup
from facilitator.storage.database import integrity_check
from facilitator.storage.integrity import CorruptDatabaseError, check_database
from facilitator.storage.recovery import move_aside, restore_backup
from facilitator.storage.session_markers import (
    mark_session_closed,
    mark_session_open,
    previous_session_unclean,
)

PAGE = 4096


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def populate(path: Path, people: int = 20, name: str = "Ærø Coalition") -> set:
    """Create a database with one event and ``people`` participants; return their ids."""
    db = open_database(path)
    try:
        with db.transaction() as session:
            event_id = events.plan_event(session, coalitions=[name], date=dt.date(2026, 5, 4)).id
        ids = set()
        for n in range(people):
            with db.transaction() as session:
                ids.add(participants.add_participant(session, event_id, f"{name} person {n}", "Team").id)
    finally:
        db.close()
    return ids


def stored_participants(path: Path) -> set:
    db = open_database(path)
    try:
        assert integrity_check(db) == "ok"
        with db.transaction() as session:
            return set(session.scalars(select(Participant.id)))
    finally:
        db.close()


def wal_of(path: Path, edit) -> bytes:
    """Return the bytes of the -wal a raw connection writes while ``edit`` runs on it.

    The connection stays open while the -wal is read: closing it would
    checkpoint the -wal into the file and delete it.
    """
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        edit(connection)
        return Path(f"{path}-wal").read_bytes()
    finally:
        connection.close()


def add_raw_participants(path: Path, count: int):
    def edit(connection):
        (event_id,) = connection.execute("SELECT id FROM events").fetchone()
        for n in range(count):
            connection.execute(
                "INSERT INTO participants (id, event_id, name, team, role, position) "
                "VALUES (?, ?, ?, 't', 'potential_adopter', ?)",
                (os.urandom(16).hex(), event_id, f"from the other file {n}", 1000 + n),
            )

    return wal_of(path, edit)


# --- sound files -----------------------------------------------------------


def test_a_sound_file_has_no_problems_and_gets_nothing_written_beside_it(db_path):
    populate(db_path)
    before = sha256(db_path)

    assert check_database(db_path) == []

    assert sha256(db_path) == before
    # Read as immutable when no journal is there: no empty -wal/-shm left behind.
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


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
    "keep", [PAGE * 5, PAGE * 5 + 1000, PAGE, 50], ids=["page-boundary", "mid-page", "header-page-only", "mid-header"]
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


# --- moving aside ------------------------------------------------------------


def test_move_aside_moves_the_file_and_its_journals_and_deletes_nothing(db_path):
    populate(db_path)
    files = {db_path.name: db_path}
    for suffix, content in (("-wal", b"wal frames"), ("-shm", b"shm index"), ("-journal", b"journal")):
        path = Path(f"{db_path}{suffix}")
        path.write_bytes(content)
        files[path.name] = path
    before = {name: sha256(path) for name, path in files.items()}

    folder = move_aside(db_path)

    assert folder.parent == paths.damaged_dir()
    assert folder.name.startswith(f"{db_path.stem}-")
    assert {p.name: sha256(p) for p in folder.iterdir()} == before
    assert not any(path.exists() for path in files.values())


def test_move_aside_twice_never_overwrites_the_first(db_path):
    populate(db_path)
    first_sha = sha256(db_path)
    first = move_aside(db_path)
    populate(db_path, people=3)

    second = move_aside(db_path)

    assert first != second
    assert sha256(first / db_path.name) == first_sha
    assert (second / db_path.name).exists()


def test_move_aside_moves_the_wal_before_the_file(db_path, monkeypatch):
    """If moving stops half-way, the file is never left beside a -wal that is not its own."""
    populate(db_path)
    wal = Path(f"{db_path}-wal")
    wal.write_bytes(b"frames")
    real_rename = os.rename

    def rename(source, target):
        if Path(source) == db_path:
            raise OSError(5, "Input/output error")
        real_rename(source, target)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(StorageError, match="cannot move"):
        move_aside(db_path)

    assert db_path.exists() and not wal.exists()
    assert [p.read_bytes() for p in paths.damaged_dir().glob("*/*-wal")] == [b"frames"]


def test_move_aside_of_nothing_is_refused(tmp_path):
    with pytest.raises(StorageError, match="does not exist"):
        move_aside(tmp_path / "nothing.sqlite3")


# --- restoring ---------------------------------------------------------------


def test_restore_refuses_a_bad_backup_and_leaves_the_current_file_untouched(db_path):
    populate(db_path)
    backup = take_backup(db_path)
    os.truncate(backup.path, backup.size // 2)
    before = sha256(db_path)

    with pytest.raises(StorageError, match="failed verification"):
        restore_backup(backup.path, db_path)

    assert sha256(db_path) == before
    assert not paths.damaged_dir().exists()
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_restore_puts_a_good_backup_in_place_and_moves_the_current_file_aside(db_path):
    ids = populate(db_path)
    backup = take_backup(db_path)
    with db_path.open("r+b") as handle:  # the current file gets damaged afterwards
        handle.write(bytes(100))
    Path(f"{db_path}-wal").write_bytes(b"left by the crash")
    damaged_sha = sha256(db_path)

    moved = restore_backup(backup.path, db_path)

    assert moved is not None and moved.parent == paths.damaged_dir()
    assert sha256(moved / db_path.name) == damaged_sha
    assert (moved / f"{db_path.name}-wal").read_bytes() == b"left by the crash"
    assert not Path(f"{db_path}-wal").exists()
    assert check_database(db_path) == []
    assert stored_participants(db_path) == ids


def test_restore_into_a_missing_file_moves_nothing(db_path, tmp_path):
    ids = populate(db_path)
    backup = take_backup(db_path)
    target = tmp_path / "new" / "restored.sqlite3"

    assert restore_backup(backup.path, target) is None
    assert stored_participants(target) == ids


# --- session markers ---------------------------------------------------------


def test_a_session_left_open_is_unclean_until_closed(db_path):
    populate(db_path)
    assert not previous_session_unclean(db_path)

    mark_session_open(db_path)
    assert previous_session_unclean(db_path)
    # The marker lives in the data folder, not beside the user's file.
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]

    mark_session_closed(db_path)
    assert not previous_session_unclean(db_path)


def test_a_wal_with_frames_left_beside_the_file_counts_as_unclean(db_path, tmp_path):
    populate(db_path)
    shutil.copy(db_path, tmp_path / "copy.sqlite3")
    Path(f"{db_path}-wal").write_bytes(add_raw_participants(tmp_path / "copy.sqlite3", 1))

    assert previous_session_unclean(db_path)
