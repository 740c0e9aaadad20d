"""Which database ``--db`` names, decided without loading SQLAlchemy."""

from __future__ import annotations

import os
from pathlib import Path

from facilitator import paths

DB_ENV = "SCALE_ACROSS_DB"


def database_target(target: str | os.PathLike[str] | None = None) -> str:
    """Return the explicit target, else ``SCALE_ACROSS_DB``, else the default file."""
    value = os.fspath(target) if target is not None else os.environ.get(DB_ENV) or ""
    return value or str(paths.default_database_path())


def plain_sqlite_path(target: str | os.PathLike[str] | None = None) -> Path | None:
    """Return the SQLite file the target names, or None when it is a URL."""
    value = database_target(target)
    if "://" in value:
        return None
    return Path(value).expanduser()
