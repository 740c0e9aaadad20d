"""A command that reads never creates a database; one that creates never makes folders.

A mistyped ``--db`` used to grow folders and an empty database, and then say
"No events yet". Now every command that reads says there is no database and
leaves no file or folder behind; ``demo`` and ``import`` create a database
only in a folder that exists (or the app's own data folder).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from facilitator.storage import open_database
from facilitator.storage.backups import take_backup
from ui.cli import main

HOW = 'create one with "scale-across demo" or "scale-across import FILE", or check the path'

# Every command that only reads the database, as a user would type it; OUT is
# a file or folder the command would write, which must not appear either.
READING = {
    "events": ["events"],
    "export yaml": ["export", "bfc897a2", "--out", "OUT/event.yaml"],
    "export pdf": ["export", "bfc897a2", "--out", "OUT/summary.pdf"],
    "export adopters": ["export", "bfc897a2", "--adopters", "OUT"],
    "search": ["search", "freeze"],
    "figures": ["figures"],
    "figures coalition": ["figures", "--coalition", "Checkout"],
    "report": ["report", "--out", "OUT/report.pdf"],
    "db check": ["db", "check"],
    "db check move aside": ["db", "check", "--move-aside"],
    "db backup": ["db", "backup"],
    "db backups": ["db", "backups"],
    "db reindex": ["db", "reindex"],
}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def tree(folder: Path) -> list[str]:
    """Every file and folder under ``folder``, as relative paths."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("command", READING.values(), ids=READING.keys())
def test_a_reading_command_on_a_missing_path_creates_nothing(capsys, tmp_path, isolated_data_dir, command):
    missing = tmp_path / "nonexist" / "dir" / "x.db"
    out_place = tmp_path / "out"
    argv = [part.replace("OUT", str(out_place)) for part in command]
    data_before = tree(isolated_data_dir)

    code, out, err = run(capsys, *argv, "--db", str(missing))

    assert code == 1 and out == ""
    assert err == f"scale-across: error: no database at {missing} (given with --db); {HOW}\n"
    assert not (tmp_path / "nonexist").exists()
    assert not out_place.exists()
    assert tree(isolated_data_dir) == data_before


def test_a_missing_file_in_an_existing_folder_is_not_created_either(capsys, tmp_path):
    missing = tmp_path / "events.sqlite3"
    code, _, err = run(capsys, "events", "--db", str(missing))
    assert code == 1 and err.startswith(f"scale-across: error: no database at {missing} ")
    assert os.listdir(tmp_path) == []


def test_the_message_says_where_the_path_came_from(capsys, tmp_path, isolated_data_dir, monkeypatch):
    monkeypatch.setenv("SCALE_ACROSS_DB", str(tmp_path / "typo.sqlite3"))
    _, _, err = run(capsys, "events")
    assert f"no database at {tmp_path / 'typo.sqlite3'} (named by SCALE_ACROSS_DB); " in err

    monkeypatch.delenv("SCALE_ACROSS_DB")
    code, _, err = run(capsys, "figures")
    default = isolated_data_dir / "scale-across.sqlite3"
    assert code == 1
    assert f"no database at {default} (the default database in your data folder); " in err
    assert tree(isolated_data_dir) == []


@pytest.mark.parametrize("command", [["demo"], ["import", "EVENT_FILE"]], ids=["demo", "import"])
def test_creating_commands_do_not_make_a_missing_folder(capsys, tmp_path, command):
    event_file = _event_file(capsys, tmp_path)
    missing = tmp_path / "nonexist" / "dir" / "x.db"
    argv = [str(event_file) if part == "EVENT_FILE" else part for part in command]

    code, out, err = run(capsys, *argv, "--db", str(missing))

    assert code == 1 and out == ""
    assert err == (
        f"scale-across: error: cannot create a database at {missing}: the folder {missing.parent} "
        f"does not exist; create the folder first, or check the path (given with --db)\n"
    )
    assert not (tmp_path / "nonexist").exists()


def test_demo_creates_the_database_in_an_existing_folder(capsys, tmp_path):
    code, out, _ = run(capsys, "demo", "--db", str(tmp_path / "new.sqlite3"))
    assert code == 0 and out.startswith("Created the sample event ")
    assert (tmp_path / "new.sqlite3").is_file()


def test_a_first_demo_creates_the_data_folder_for_the_default_database(capsys, tmp_path, monkeypatch):
    data = tmp_path / "fresh" / "scale-across"
    monkeypatch.setenv("SCALE_ACROSS_DATA_DIR", str(data))
    code, _, err = run(capsys, "demo")
    assert code == 0 and err == ""
    assert (data / "scale-across.sqlite3").is_file()


def test_an_invalid_event_file_creates_no_database(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: scale-across-event\nversion: 1\nevent: {}\n", encoding="utf-8")
    target = tmp_path / "new.sqlite3"
    code, _, err = run(capsys, "import", str(bad), "--db", str(target))
    assert code == 1 and err.startswith(f"scale-across: error: {bad}:")
    assert sorted(os.listdir(tmp_path)) == ["bad.yaml"]


def test_backups_of_a_database_that_is_gone_are_still_listed(capsys, db, db_path):
    backup = take_backup(db_path, reason="manual")
    db.close()
    db_path.unlink()

    code, out, err = run(capsys, "db", "backups", "--db", str(db_path))

    assert code == 0
    assert err == f"scale-across: note: there is no database at {db_path} now; its backups:\n"
    assert out.rstrip().endswith(str(backup.path))
    assert not db_path.exists()


def test_check_of_a_database_that_is_gone_names_its_newest_backup(capsys, db, db_path):
    backup = take_backup(db_path, reason="manual")
    db.close()
    db_path.unlink()

    code, _, err = run(capsys, "db", "check", "--db", str(db_path))

    first, hint = err.splitlines()
    assert code == 1 and first.startswith(f"scale-across: error: no database at {db_path} ")
    assert hint.startswith(f"scale-across: hint: the newest verified backup is {backup.path} ")
    assert not db_path.exists()


def test_restore_into_a_missing_folder_is_refused(capsys, db, db_path, tmp_path):
    backup = take_backup(db_path, reason="manual")
    target = tmp_path / "nonexist" / "x.sqlite3"
    code, _, err = run(capsys, "db", "restore", str(backup.path), "--db", str(target))
    assert code == 1 and f"the folder {target.parent} does not exist" in err
    assert not target.parent.exists()


def test_open_database_refuses_to_create_when_asked_only_to_read(tmp_path):
    from facilitator.storage.errors import MissingDatabaseError, MissingFolderError

    with pytest.raises(MissingDatabaseError):
        open_database(tmp_path / "x.sqlite3", create=False)
    with pytest.raises(MissingFolderError):
        open_database(tmp_path / "no" / "x.sqlite3")
    assert os.listdir(tmp_path) == []


def _event_file(capsys, tmp_path: Path) -> Path:
    """Export the sample event from a scratch database into an event file."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    assert main(["demo", "--db", str(scratch / "s.sqlite3")]) == 0
    event_id = capsys.readouterr().out.split()[-1]
    path = scratch / "event.yaml"
    assert main(["export", event_id, "--out", str(path), "--db", str(scratch / "s.sqlite3")]) == 0
    capsys.readouterr()
    return path
