"""Every command that opens a database leaves a refused file byte-for-byte untouched.

The files (tests/refused_files.py) are real: from a newer version, older
and impossible to back up, or another application's, each in WAL and in
rollback-journal mode. Each command runs in-process through ``main``; one
of them also runs as a real process, the way a script calls it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from refused_files import FILE_NAME, KINDS, MODES, make_refused, snapshot

from facilitator import paths
from facilitator.storage import open_database
from facilitator.storage.backups import take_backup
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]
EVENT_FILE = ROOT / "docs" / "examples" / "prepared-event.yaml"

#: Commands that open the database: each must refuse the file with its reason.
OPENING = {
    "events": ["events"],
    "demo": ["demo"],
    "import": ["import", str(EVENT_FILE)],
    "export": ["export", "0123abcd", "--out", "{out}/event.yaml"],
    "export-pdf": ["export", "0123abcd", "--out", "{out}/summary.pdf"],
    "search": ["search", "coalition"],
    "figures": ["figures"],
    "report": ["report", "--out", "{out}/report.pdf"],
    "db reindex": ["db", "reindex"],
}
#: db commands that only read the file (or only its backups): they may succeed, never write it.
READING = {
    "db check": ["db", "check"],
    "db check --move-aside": ["db", "check", "--move-aside"],
    "db backup": ["db", "backup"],
    "db backups": ["db", "backups"],
}


def _argv(template: list[str], out: Path, path: Path) -> list[str]:
    return [arg.replace("{out}", str(out)) for arg in template] + ["--db", str(path)]


@pytest.fixture
def refused(tmp_path, isolated_data_dir):
    """Build one refused file in a folder of its own; return (path, snapshot, output folder)."""

    def build(kind: str, mode: str):
        place = tmp_path / "place"
        path = make_refused(kind, mode, place, isolated_data_dir)
        return path, snapshot(place), tmp_path / "out"

    return build


@pytest.mark.parametrize("command", OPENING)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_command_that_opens_the_database_refuses_it_untouched(capsys, refused, kind, mode, command):
    path, before, out = refused(kind, mode)

    code = main(_argv(OPENING[command], out, path))

    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("scale-across: error: ") and err.count("\n") == 1
    assert KINDS[kind] in err and "Traceback" not in err
    assert snapshot(path.parent) == before


@pytest.mark.parametrize("command", READING)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_db_command_that_reads_the_file_leaves_it_untouched(capsys, refused, kind, mode, command):
    path, before, out = refused(kind, mode)

    main(_argv(READING[command], out, path))

    assert "Traceback" not in capsys.readouterr().err
    assert snapshot(path.parent) == before
    assert not paths.damaged_dir().exists()  # never moved aside: not ours, or not damaged


@pytest.mark.parametrize("kind", ["foreign", "foreign-id"])
def test_check_says_a_foreign_file_is_not_ours_rather_than_damaged(capsys, refused, kind):
    path, _before, out = refused(kind, "delete")
    code = main(_argv(["db", "check", "--move-aside"], out, path))
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[-1].startswith(
        f"scale-across: hint: {path} is a SQLite database of another application"
    )
    assert err.splitlines()[-1].endswith("; nothing was moved or changed")
    assert "--move-aside" not in err and "restore" not in err


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_real_process_refuses_the_file_untouched(refused, kind, mode):
    path, before, _out = refused(kind, mode)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from ui.cli import main; raise SystemExit(main())",
            "events",
            "--db",
            str(path),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("scale-across: error: ") and KINDS[kind] in result.stderr
    assert result.stdout == ""
    assert snapshot(path.parent) == before


# --- damage, and a folder that cannot be written ---------------------------------


@pytest.mark.parametrize("command", ["events", "search", "db reindex"])
def test_a_damaged_file_names_the_command_that_finds_its_backup(capsys, tmp_path, command):
    path = tmp_path / FILE_NAME
    open_database(path).close()
    take_backup(path)
    with path.open("r+b") as handle:
        handle.write(bytes(100))  # a zeroed header: ours, since a backup of it exists

    code = main(_argv(OPENING[command], tmp_path / "out", path))

    err = capsys.readouterr().err
    assert code == 1
    assert err == (
        f"scale-across: error: {path} is damaged: its SQLite header is zeroed: the file is damaged; "
        f"to see its newest backup and how to restore it: scale-across db check --db {path}\n"
    )


@pytest.mark.parametrize("command", ["events", "demo", "search", "db reindex"])
def test_a_folder_that_cannot_be_written_is_named_with_what_to_do(
    capsys, tmp_path, immutable_folder, command
):
    place = tmp_path / "place"
    place.mkdir()
    path = place / FILE_NAME
    open_database(path).close()
    before = snapshot(place)
    immutable_folder(place)

    code = main(_argv(OPENING[command], tmp_path / "out", path))

    assert code == 1
    assert capsys.readouterr().err == (
        f"scale-across: error: cannot open {path}: the folder {place} cannot be written (SQLite needs "
        f"to create its journal files there); make the folder writable, or choose another place with --db\n"
    )
    assert snapshot(place) == before
