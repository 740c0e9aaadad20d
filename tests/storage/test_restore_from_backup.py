"""A damaged file is moved aside whole, and a backup restored only once it is verified."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from database_files import populate, sha256, stored_participants

from facilitator import paths
from facilitator.storage import StorageError
from facilitator.storage.backups import take_backup
from facilitator.storage.integrity import check_database
from facilitator.storage.recovery import move_aside, restore_backup

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
