"""Which database ``--db`` names, decided without loading SQLAlchemy."""

from __future__ import annotations

import os
from pathlib import Path

from facilitator import paths
from facilitator.i18n import _

DB_ENV = "SCALE_ACROSS_DB"


def database_target(target: str | os.PathLike[str] | None = None) -> str:
    """Return the explicit target, else ``SCALE_ACROSS_DB``, else the default file."""
    value = os.fspath(target) if target is not None else os.environ.get(DB_ENV) or ""
    return value or str(paths.default_database_path())


def origin(target: str | os.PathLike[str] | None = None) -> str:
    """Say where the database's location came from, for messages about it.

    Returns:
        "given with --db", "named by SCALE_ACROSS_DB", or "the default
        database in your data folder".
    """
    if target is not None and os.fspath(target):
        # Translators: where a database path came from, shown in brackets after it.
        return _("given with --db")
    if os.environ.get(DB_ENV):
        # Translators: where a database path came from, shown in brackets after it.
        return _("named by {variable}").format(variable=DB_ENV)
    # Translators: where a database path came from, shown in brackets after it.
    return _("the default database in your data folder")


def is_default_database(path: str | os.PathLike[str]) -> bool:
    """Return True when ``path`` is the default database in the app's data folder.

    Only there may the app create the folders a new database needs: the data
    folder is the app's own, any other folder is the user's, and one that is
    missing more likely means a mistyped path than a wish for a new folder.
    """
    return Path(path).expanduser().absolute() == paths.default_database_path().expanduser().absolute()


def plain_sqlite_path(target: str | os.PathLike[str] | None = None) -> Path | None:
    """Return the SQLite file the target names, or None when it is a URL."""
    value = database_target(target)
    if "://" in value:
        return None
    return Path(value).expanduser()
