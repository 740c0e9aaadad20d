"""Events for the export tests, built once per module through the services."""

from __future__ import annotations

import pytest
from pdf_helpers import hostile_event

from facilitator.demo import create_demo_event
from facilitator.services.events import load_event
from facilitator.storage import open_database


def _loaded(tmp_path_factory, build):
    database = open_database(tmp_path_factory.mktemp("exports") / "events.sqlite3")
    try:
        with database.transaction() as session:
            event_id = build(session).id
        with database.transaction() as session:
            return load_event(session, event_id)
    finally:
        database.close()


@pytest.fixture(scope="module")
def demo_event(tmp_path_factory):
    """The app's sample event, fully loaded (usable without a session)."""
    return _loaded(tmp_path_factory, create_demo_event)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """An event whose every typed field holds markup-like or multi-script text."""
    return _loaded(tmp_path_factory, hostile_event)
