"""Recognise our own database file before SQLite or Alembic touch it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.i18n import _
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
        raise ForeignFileError(_("{path} is a folder, not a database file").format(path=path)) from None
    if not header:
        return
    if len(header) == 100 and not any(header):
        # How a damaged SQLite file often looks; acceptance.zeroed_but_ours
        # decides with our backups whether it is a damaged file of ours.
        raise ForeignFileError(
            _(
                "{path} cannot be recognised: its SQLite header is zeroed (a damaged database, "
                "or not a database at all); it was left untouched"
            ).format(path=path)
        )
    if not header.startswith(SQLITE_MAGIC):
        raise ForeignFileError(
            _("{path} is not a Scale Across database (it is not a SQLite file)").format(path=path)
        )
    if len(header) < 100:
        raise ForeignFileError(_("{path} is damaged: its SQLite header is cut short").format(path=path))
    app_id = int.from_bytes(header[_APPLICATION_ID_OFFSET : _APPLICATION_ID_OFFSET + 4], "big")
    if app_id not in (0, APPLICATION_ID):
        raise ForeignFileError(
            _(
                "{path} is a SQLite database of another application (application id {id}); "
                "it was left untouched"
            ).format(path=path, id=f"0x{app_id:08X}")
        )
    if app_id == 0:
        tables = _table_names(path)
        # Ours before the id is stamped always has alembic_version (written in
        # the same transaction as the schema); most other apps never set an id.
        if tables and "alembic_version" not in tables:
            raise ForeignFileError(
                _(
                    "{path} is a SQLite database of another application "
                    "(it has tables such as {table}); it was left untouched"
                ).format(path=path, table=repr(sorted(tables)[0]))
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
