"""Shared fixtures: every test gets its own data directory and database file."""

from __future__ import annotations

import os

# Qt must pick the platform before it is first imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from facilitator.storage import open_database


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory, monkeypatch):
    """Point the app's data directory (and default database) at a fresh folder."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SCALE_ACROSS_DATA_DIR", str(data))
    monkeypatch.delenv("SCALE_ACROSS_DB", raising=False)
    return data


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """Give every test fresh QSettings in a temporary folder."""
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path):
    """Return the path of a database file that does not exist yet."""
    return tmp_path / "events.sqlite3"


@pytest.fixture
def db(db_path):
    """Return an open, migrated database on a real file."""
    database = open_database(db_path)
    yield database
    database.close()
