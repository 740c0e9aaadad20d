"""Backups are verified copies, rotated, never made from a damaged file, and taken before a migration."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import re
import sqlite3
import uuid
from pathlib import Path

import pytest
from refused_files import make_revision_0001

from facilitator.services import events, participants
from facilitator.storage import StorageError, open_database
from facilitator.storage.backups import (
    backup_folder,
    backup_if_changed,
    list_backups,
    newest_verified_backup,
    take_backup,
    verify_backup,
)
from facilitator.storage.constants import APPLICATION_ID
from facilitator.storage.integrity import CorruptDatabaseError
from facilitator.storage.migrate import HEAD_REVISION

PAGE = 4096
NAME = re.compile(r"^events-\d{8}-\d{6}-\d{6}(-[a-z0-9-]+)?\.sqlite3$")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in the folder (temp files included) with its sha256."""
    return {p.name: sha256(p) for p in folder.iterdir()}


def add_people(db, count: int, event_id=None) -> set:
    if event_id is None:
        with db.transaction() as session:
            event_id = events.plan_event(
                session, coalitions=["Backup Coalition"], date=dt.date(2026, 2, 3)
            ).id
    ids = set()
    for n in range(count):
        with db.transaction() as session:
            ids.add(participants.add_participant(session, event_id, f"Person {n}", "Team").id)
    return ids


def populate(path: Path, people: int = 20) -> set:
    db = open_database(path)
    try:
        return add_people(db, people)
    finally:
        db.close()


def raw_rows(path: Path, sql: str) -> list:
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def participant_ids(path: Path) -> set:
    return {uuid.UUID(hex=row[0]) for row in raw_rows(path, "SELECT id FROM participants")}


def test_a_backup_is_a_verified_self_contained_copy_with_our_id_and_all_rows(db_path):
    ids = populate(db_path)
    source_sha = sha256(db_path)
    started = dt.datetime.now()

    backup = take_backup(db_path)

    assert backup.path.parent == backup_folder()
    assert NAME.match(backup.path.name)
    assert backup.size == backup.path.stat().st_size > 0
    assert abs((backup.created - started).total_seconds()) < 5
    assert verify_backup(backup.path)
    assert raw_rows(backup.path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert raw_rows(backup.path, "PRAGMA quick_check") == [("ok",)]
    # One file on its own: rollback journal mode, so no -wal can be separated from it.
    assert raw_rows(backup.path, "PRAGMA journal_mode") == [("delete",)]
    assert participant_ids(backup.path) == ids
    assert sorted(p.name for p in backup_folder().iterdir()) == [backup.path.name]
    assert sha256(db_path) == source_sha


@pytest.mark.sqlite_only
def test_a_backup_taken_while_the_app_is_open_includes_edits_still_in_the_wal(db):
    ids = add_people(db, 5)
    assert Path(f"{db.path}-wal").stat().st_size > 32

    backup = take_backup(db.path)

    assert participant_ids(backup.path) == ids


def test_rotation_keeps_the_newest_and_leaves_other_databases_alone(db_path, tmp_path):
    populate(db_path, people=2)
    other = tmp_path / "other.sqlite3"
    populate(other, people=1)
    other_backup = take_backup(other, keep=1)

    taken = [take_backup(db_path, keep=3) for _ in range(5)]

    kept = list_backups(db_path)
    assert [b.path for b in kept] == [b.path for b in reversed(taken[2:])]
    assert not taken[0].path.exists() and not taken[1].path.exists()
    assert list_backups(other) == [other_backup]


def test_list_backups_is_newest_first_and_ignores_other_files(db_path):
    folder = backup_folder()
    folder.mkdir(parents=True)
    for name in (
        "events-20260101-090000-000000.sqlite3",
        "events-20260301-090000-000000-before-migration.sqlite3",
        "events-20260201-090000-000000.sqlite3",
        ".events-20260401-090000-000000.sqlite3.tmp",  # a backup being written
        "events-notes.sqlite3",
        "eventsx-20260501-090000-000000.sqlite3",
    ):
        (folder / name).write_bytes(b"x" * 10)

    found = list_backups(db_path)

    assert [b.created for b in found] == [
        dt.datetime(2026, 3, 1, 9),
        dt.datetime(2026, 2, 1, 9),
        dt.datetime(2026, 1, 1, 9),
    ]
    assert found[0].path.name.endswith("-before-migration.sqlite3")
    assert {b.size for b in found} == {10}


def test_backup_if_changed_takes_one_only_after_an_edit(db_path):
    populate(db_path, people=1)

    first = backup_if_changed(db_path)
    assert first is not None
    assert backup_if_changed(db_path) is None

    # Opening and closing without an edit is no change.
    open_database(db_path).close()
    assert backup_if_changed(db_path) is None

    db = open_database(db_path)
    try:
        add_people(db, 1)
        # The edit may still be in the -wal: that counts.
        second = backup_if_changed(db_path)
    finally:
        db.close()
    assert second is not None and second.path != first.path
    assert [b.path for b in list_backups(db_path)] == [second.path, first.path]


def test_backup_if_changed_skips_a_missing_or_new_empty_file(db_path):
    assert backup_if_changed(db_path) is None
    db_path.touch()
    assert backup_if_changed(db_path) is None
    assert not backup_folder().exists()


def _overwrite_middle_pages(path: Path) -> None:
    pages = path.stat().st_size // PAGE
    with path.open("r+b") as handle:
        handle.seek(PAGE * (pages // 3))
        handle.write(random.Random(11).randbytes(PAGE * (pages // 3)))


def _truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


@pytest.mark.parametrize("damage", [_overwrite_middle_pages, _truncate], ids=["overwritten", "truncated"])
def test_a_damaged_database_never_pushes_out_a_good_backup(db_path, damage):
    populate(db_path, people=60)
    good = [take_backup(db_path, keep=2) for _ in range(2)]
    before = folder_state(backup_folder())
    damage(db_path)

    with pytest.raises(CorruptDatabaseError) as raised:
        take_backup(db_path, keep=2)
    assert raised.value.path == db_path and raised.value.problems
    # The damaged file is newer than the backups: backup_if_changed tries, and refuses too.
    with pytest.raises(CorruptDatabaseError):
        backup_if_changed(db_path, keep=2)

    assert folder_state(backup_folder()) == before  # nothing written, nothing rotated out
    assert all(verify_backup(b.path) for b in good)
    assert newest_verified_backup(db_path) == good[-1]


def test_verify_backup_refuses_truncated_and_foreign_files(db_path, tmp_path):
    populate(db_path)
    backup = take_backup(db_path)
    assert verify_backup(backup.path)

    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(backup.path.read_bytes()[: backup.size // 2])
    cut_mid_page = tmp_path / "cut.sqlite3"
    cut_mid_page.write_bytes(backup.path.read_bytes()[: PAGE * 3 + 17])
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("shopping list\n")
    foreign = tmp_path / "foreign.sqlite3"
    plain = sqlite3.connect(foreign)
    plain.execute("PRAGMA application_id = 0x0F0F0F0F")
    plain.execute("CREATE TABLE alembic_version (version_num TEXT)")
    plain.execute("INSERT INTO alembic_version VALUES ('0002')")
    plain.commit()
    plain.close()

    for path in (truncated, cut_mid_page, text_file, foreign, tmp_path / "missing.sqlite3"):
        assert not verify_backup(path), path


def test_newest_verified_backup_passes_over_a_damaged_newer_one(db_path):
    populate(db_path)
    older = take_backup(db_path)
    newer = take_backup(db_path)
    os.truncate(newer.path, PAGE * 2)

    assert newest_verified_backup(db_path) == older
    assert list_backups(db_path)[0].path == newer.path


def test_no_backup_of_a_file_that_is_not_ours(tmp_path):
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("shopping list\n")
    with pytest.raises(StorageError, match="not a SQLite file"):
        take_backup(notes)
    with pytest.raises(StorageError, match="does not exist"):
        take_backup(tmp_path / "missing.sqlite3")
    assert not backup_folder().exists()


# --- before a migration -----------------------------------------------------


def test_an_older_file_is_backed_up_before_it_is_migrated(db_path):
    make_revision_0001(db_path)

    db = open_database(db_path)
    try:
        with db.engine.connect() as connection:
            revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            name = connection.exec_driver_sql("SELECT name FROM coalitions").scalar()
    finally:
        db.close()
    assert (revision, name) == (HEAD_REVISION, "Ærø Coalition")

    [backup] = list_backups(db_path)
    assert backup.path.name.endswith("-before-migration.sqlite3")
    assert verify_backup(backup.path)
    # The backup holds the file as it was: the old revision and its records.
    assert raw_rows(backup.path, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert raw_rows(backup.path, "SELECT name FROM coalitions") == [("Ærø Coalition",)]
    columns = {row[1] for row in raw_rows(backup.path, "PRAGMA table_info(support_capacities)")}
    assert "accepted_hours" not in columns


def test_a_file_at_the_current_revision_is_opened_without_a_backup(db_path):
    populate(db_path, people=1)
    open_database(db_path).close()
    assert list_backups(db_path) == []


def test_an_older_file_that_cannot_be_backed_up_is_not_migrated(db_path, isolated_data_dir):
    make_revision_0001(db_path)
    # A file where the backup folder should be: the folder cannot be created.
    (isolated_data_dir / "backups").write_text("in the way")

    with pytest.raises(StorageError, match="not migrated, because no backup could be taken"):
        open_database(db_path)

    assert raw_rows(db_path, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert raw_rows(db_path, "SELECT name FROM coalitions") == [("Ærø Coalition",)]
