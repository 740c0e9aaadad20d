"""`scale-across db check|backup|backups|restore`: what a facilitator sees on the command line."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import re
from pathlib import Path

import pytest

from facilitator import paths
from facilitator.services import events
from facilitator.storage import open_database
from facilitator.storage.backups import list_backups, take_backup, verify_backup
from ui.cli import main

PAGE = 4096


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make(path: Path, coalition: str = "Command Line Coalition") -> None:
    db = open_database(path)
    try:
        with db.transaction() as session:
            events.plan_event(session, coalitions=[coalition], date=dt.date(2026, 4, 1))
    finally:
        db.close()


def coalitions(path: Path) -> set[str]:
    db = open_database(path)
    try:
        with db.transaction() as session:
            return {row.coalition_names for row in events.list_events(session)}
    finally:
        db.close()


def damage(path: Path) -> None:
    """Overwrite every page after the header page with random bytes."""
    with path.open("r+b") as handle:
        handle.seek(PAGE)
        handle.write(random.Random(1).randbytes(path.stat().st_size - PAGE))


def test_check_of_a_sound_file_prints_ok(capsys, db_path):
    make(db_path)
    code, out, err = run(capsys, "db", "check", "--db", str(db_path))
    assert (code, out, err) == (0, f"{db_path}: ok\n", "")


def test_check_of_a_damaged_file_names_each_problem_and_the_backup_to_restore(capsys, db_path):
    make(db_path)
    backup = take_backup(db_path)
    damage(db_path)
    before = sha256(db_path)

    code, out, err = run(capsys, "db", "check", "--db", str(db_path))

    assert code == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) >= 2 and "Traceback" not in err
    assert all(line.startswith(f"scale-across: error: {db_path}: ") for line in lines[:-1])
    assert lines[-1] == (
        f"scale-across: hint: the newest verified backup is {backup.path} "
        f"(taken {backup.created:%Y-%m-%d %H:%M:%S}); restore it with: "
        f"scale-across db restore {backup.path} --db {db_path}"
    )
    # Checking never moves or changes the file.
    assert sha256(db_path) == before
    assert not paths.damaged_dir().exists()


def test_check_with_move_aside_moves_the_damaged_file_and_its_journals(capsys, db_path):
    make(db_path)
    take_backup(db_path)
    with db_path.open("r+b") as handle:
        handle.write(bytes(100))  # zeroed header
    Path(f"{db_path}-wal").write_bytes(b"left by a crash")
    before = sha256(db_path)

    code, out, err = run(capsys, "db", "check", "--move-aside", "--db", str(db_path))

    assert code == 1
    [folder] = list(paths.damaged_dir().iterdir())
    assert f"scale-across: moved {db_path} and its journal files to {folder}\n" in err
    assert "scale-across db restore" in err.splitlines()[-1]
    assert sha256(folder / db_path.name) == before
    assert (folder / f"{db_path.name}-wal").read_bytes() == b"left by a crash"
    assert not db_path.exists() and not Path(f"{db_path}-wal").exists()


def test_check_without_any_backup_says_so_and_how_to_set_the_file_aside(capsys, db_path):
    make(db_path)
    damage(db_path)

    code, _, err = run(capsys, "db", "check", "--db", str(db_path))

    assert code == 1
    assert err.splitlines()[-1] == (
        f"scale-across: hint: there is no verified backup of {db_path} in {paths.backup_dir()}; "
        f"to set the damaged file aside: scale-across db check --move-aside --db {db_path}"
    )


def test_check_of_a_missing_file_says_there_is_no_database_in_one_line(capsys, tmp_path):
    missing = tmp_path / "missing.sqlite3"
    code, _, err = run(capsys, "db", "check", "--db", str(missing))
    assert code == 1
    assert err == (
        f"scale-across: error: no database at {missing} (given with --db); create one with "
        f'"scale-across demo" or "scale-across import FILE", or check the path\n'
    )


def test_backup_takes_a_verified_backup_and_says_where(capsys, db_path):
    make(db_path)

    code, out, err = run(capsys, "db", "backup", "--db", str(db_path))

    [backup] = list_backups(db_path)
    assert code == 0 and err == ""
    assert re.fullmatch(
        rf"Backed up {re.escape(str(db_path))} to {re.escape(str(backup.path))} \(\d+ KB\)\n", out
    )
    assert verify_backup(backup.path)


def test_backup_keeps_only_the_newest_n(capsys, db_path):
    make(db_path)
    for _ in range(3):
        assert run(capsys, "db", "backup", "--keep", "2", "--db", str(db_path))[0] == 0
    assert len(list_backups(db_path)) == 2
    with pytest.raises(SystemExit):
        main(["db", "backup", "--keep", "0", "--db", str(db_path)])


def test_backup_of_a_damaged_file_is_refused_in_one_line_and_writes_nothing(capsys, db_path):
    make(db_path)
    good = take_backup(db_path)
    damage(db_path)

    code, out, err = run(capsys, "db", "backup", "--db", str(db_path))

    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"scale-across: error: {db_path} is damaged: ")
    assert list_backups(db_path) == [good]


def test_backups_lists_newest_first_with_date_size_and_path(capsys, db_path):
    make(db_path)
    code, out, _ = run(capsys, "db", "backups", "--db", str(db_path))
    assert code == 0
    assert out.startswith(f"No backups of {db_path} yet") and "scale-across db backup" in out

    older = take_backup(db_path)
    newer = take_backup(db_path, reason="manual")
    code, out, _ = run(capsys, "db", "backups", "--db", str(db_path))

    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    for line, backup in zip(lines, (newer, older), strict=True):
        assert line.startswith(f"{backup.created:%Y-%m-%d %H:%M:%S}  ")
        assert line.endswith(f"  {backup.path}")
        assert re.search(r"\d+ KB", line)


def test_restore_moves_the_current_file_aside_and_puts_the_backup_in_place(capsys, db_path):
    make(db_path, "Kept Coalition")
    backup = take_backup(db_path)
    damage(db_path)
    damaged = sha256(db_path)

    code, out, err = run(capsys, "db", "restore", str(backup.path), "--db", str(db_path))

    assert code == 0 and err == ""
    [folder] = list(paths.damaged_dir().iterdir())
    assert out == (
        f"Restored {db_path} from the verified backup {backup.path}\n"
        f"The previous file and its journal files were moved to {folder}\n"
    )
    assert sha256(folder / db_path.name) == damaged
    assert run(capsys, "db", "check", "--db", str(db_path))[0] == 0
    assert coalitions(db_path) == {"Kept Coalition"}


def test_restore_accepts_the_backup_file_name_as_listed(capsys, db_path):
    make(db_path, "Named Coalition")
    backup = take_backup(db_path)
    os.remove(db_path)

    code, out, _ = run(capsys, "db", "restore", backup.path.name, "--db", str(db_path))

    assert code == 0
    assert out.endswith("There was no previous file to move aside\n")
    assert coalitions(db_path) == {"Named Coalition"}


def test_restore_of_a_bad_backup_is_refused_and_the_current_file_is_untouched(capsys, db_path):
    make(db_path)
    backup = take_backup(db_path)
    os.truncate(backup.path, backup.size // 2)
    before = sha256(db_path)

    code, out, err = run(capsys, "db", "restore", str(backup.path), "--db", str(db_path))

    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "failed verification" in err
    assert sha256(db_path) == before
    assert not paths.damaged_dir().exists()

    code, _, err = run(capsys, "db", "restore", "nope.sqlite3", "--db", str(db_path))
    assert code == 1 and err == "scale-across: error: nope.sqlite3: no such backup file\n"


def test_db_commands_on_an_unknown_server_say_so_in_one_line(capsys):
    code, _, err = run(capsys, "db", "check", "--db", "postgresql://lead:hunter2@no-such-host.invalid/events")
    assert code == 1
    assert err == (
        "scale-across: error: the server's host name in "
        "postgresql+psycopg://lead:***@no-such-host.invalid/events is not known: check the URL\n"
    )
