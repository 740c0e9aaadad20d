"""Where the app keeps its files in the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "scale-across"
DATA_DIR_ENV = "SCALE_ACROSS_DATA_DIR"


def data_dir() -> Path:
    """Return the app's data directory (not created here).

    ``SCALE_ACROSS_DATA_DIR`` overrides the platform default so that tests and
    portable installs never touch the user's real data.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    """Return the embedded default database file."""
    return data_dir() / "scale-across.sqlite3"


def user_agenda_dir() -> Path:
    """Return the folder where users drop their own agenda YAML files."""
    return data_dir() / "agendas"


def log_dir() -> Path:
    """Return the folder for the app's log files."""
    return data_dir() / "logs"


def backup_dir() -> Path:
    """Return the folder where verified database backups are kept."""
    return data_dir() / "backups"


def damaged_dir() -> Path:
    """Return the folder damaged database files are moved into (never deleted)."""
    return data_dir() / "damaged"
