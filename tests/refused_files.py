"""Real database files the app must refuse, in both journal modes, and the proof they stayed untouched.

Shared by the storage, command-line and start-up tests: each builds a file
in a folder of its own, takes :func:`snapshot` of that folder, runs what
opens it, and compares. A snapshot holds every file's sha256, so a changed
header (a switch to WAL) and a ``-wal``/``-shm``/``-journal`` left beside
the file both show.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from facilitator.storage import open_database

#: What opening each kind of file must say.
KINDS = {
    "newer": "newer version",
    "older-unbackable": "no backup could be taken",
    "foreign": "another application",
    "foreign-id": "another application",
}
MODES = ("wal", "delete")
FILE_NAME = "events.sqlite3"


def snapshot(folder: Path) -> dict[str, str]:
    """Return every file in the folder with its sha256."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def make_refused(kind: str, mode: str, folder: Path, data_dir: Path) -> Path:
    """Build a file of ``kind`` in journal ``mode`` ("wal" or "delete"); return its path.

    Kinds: "newer" (a schema revision this version does not know), "older-unbackable"
    (revision 0001, and the backup folder cannot be made), "foreign" (another
    application's SQLite file without an application id), "foreign-id" (with one).
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    if kind == "newer":
        open_database(path).close()
        _run(path, "UPDATE alembic_version SET version_num = '9999_from_the_future'")
    elif kind == "older-unbackable":
        make_revision_0001(path)
        # A file where the backup folder should be: no backup can be taken.
        (data_dir / "backups").write_text("in the way")
    elif kind == "foreign":
        _run(
            path,
            "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)",
            "INSERT INTO moz_places (url) VALUES ('https://example.org')",
        )
    elif kind == "foreign-id":
        _run(
            path,
            "PRAGMA application_id = 252645135",
            "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)",
            "INSERT INTO things (name) VALUES ('precious')",
        )
    else:
        raise ValueError(kind)
    set_journal_mode(path, mode)
    return path


def make_revision_0001(path: Path) -> None:
    """Build a file the way the version with schema 0001 left it, with a record."""
    from alembic import command
    from sqlalchemy import create_engine, text

    from facilitator.storage.migrate import alembic_config

    config = alembic_config()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO coalitions (id, name, created_at) "
                "VALUES ('0123456789abcdef0123456789abcdef', 'Ærø Coalition', '2025-01-01 00:00:00')"
            )
        )
    engine.dispose()


def set_journal_mode(path: Path, mode: str) -> None:
    """Put the file in a journal mode and close it cleanly: nothing is left beside it."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        assert connection.execute(f"PRAGMA journal_mode = {mode}").fetchone()[0] == mode
    finally:
        connection.close()
    assert header_journal(path) == mode
    assert [
        p.name for p in path.parent.iterdir() if p.name != path.name and p.name.startswith(path.name)
    ] == []


def header_journal(path: Path) -> str:
    """Return the journal mode the header records (bytes 18-19: 2 for WAL, 1 for rollback)."""
    with path.open("rb") as handle:
        handle.seek(18)
        return "wal" if handle.read(2) == b"\x02\x02" else "delete"


def _run(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


def overwrite_pages(path: Path, table: str) -> None:
    """Overwrite every page of one table with random bytes.

    Opening the file and the start screen's quick read never read those
    pages; only a full check (``quick_check``, as a backup runs) finds them.
    """
    with path.open("rb") as handle:
        handle.seek(16)
        page_size = int.from_bytes(handle.read(2), "big")
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        pages = [row[0] for row in connection.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    finally:
        connection.close()
    assert pages, f"{table} has no pages in {path}"
    with path.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * page_size)
            handle.write(random.Random(page).randbytes(page_size))


# --- folders that cannot be written, even by root ----------------------------


def _chattr(flag: str, path) -> None:
    subprocess.run(["chattr", flag, str(path)], check=True, capture_output=True, text=True)


@pytest.fixture
def immutable_folder():
    """Make a folder immutable (``chattr +i``) and always undo it; skip where that is impossible.

    Tests run as root, whom permissions do not stop; the immutable flag does.
    """
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed: no way to make a folder unwritable for root")
    done = []

    def immutable(path):
        try:
            _chattr("+i", path)
        except subprocess.CalledProcessError as exc:
            pytest.skip(f"this file system does not support the immutable flag: {exc.stderr.strip()}")
        done.append(path)

    yield immutable
    for path in done:
        _chattr("-i", path)
