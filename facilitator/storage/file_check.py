"""Recognise our own database file before SQLite or Alembic touch it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.storage.constants import APPLICATION_ID, SQLITE_MAGIC

_APPLICATION_ID_OFFSET = 68


class ForeignFileError(Exception):
    """The file exists but is not a Scale Across database."""


def check_database_file(path: Path) -> None:
    """Refuse a file that is not ours, reading only its header.

    A missing or empty file is fine: SQLite makes a new database there. The
    file is only read, so a refused file is left byte-for-byte untouched.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise ForeignFileError(f"{path} is a folder, not a database file") from None
    if not header:
        return
    if len(header) == 100 and not any(header):
        # How a damaged SQLite file often looks; acceptance.zeroed_but_ours
        # decides with our backups whether it is a damaged file of ours.
        raise ForeignFileError(
            f"{path} cannot be recognised: its SQLite header is zeroed (a damaged database, "
            f"or not a database at all); it was left untouched"
        )
    if not header.startswith(SQLITE_MAGIC):
        raise ForeignFileError(f"{path} is not a Scale Across database (it is not a SQLite file)")
    if len(header) < 100:
        raise ForeignFileError(f"{path} is damaged: its SQLite header is cut short")
    app_id = int.from_bytes(header[_APPLICATION_ID_OFFSET : _APPLICATION_ID_OFFSET + 4], "big")
    if app_id not in (0, APPLICATION_ID):
        raise ForeignFileError(
            f"{path} is a SQLite database of another application "
            f"(application id 0x{app_id:08X}); it was left untouched"
        )
    if app_id == 0:
        tables = _table_names(path)
        # Ours before the id is stamped always has alembic_version (written in
        # the same transaction as the schema); most other apps never set an id.
        if tables and "alembic_version" not in tables:
            raise ForeignFileError(
                f"{path} is a SQLite database of another application "
                f"(it has tables such as {sorted(tables)[0]!r}); it was left untouched"
            )


def _table_names(path: Path) -> set[str] | None:
    """Return the file's table names, reading it as immutable (never writes)."""
    uri = f"{path.absolute().as_uri()}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return {name for (name,) in rows if not name.startswith("sqlite_")}
