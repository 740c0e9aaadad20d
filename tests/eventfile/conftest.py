"""Fixtures for event-file tests."""

from __future__ import annotations

import pytest

from facilitator.storage import open_database


@pytest.fixture
def other_db(tmp_path):
    """Return a second, empty database (the colleague's machine)."""
    database = open_database(tmp_path / "other.sqlite3")
    yield database
    database.close()
