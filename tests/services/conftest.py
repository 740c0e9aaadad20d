"""Helpers for service round trips: act in one unit of work, read back from a fresh open."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import pytest
from sqlalchemy import func, select

from facilitator.services import events
from facilitator.storage import open_database


@pytest.fixture
def act(db):
    """Run one service call as one user action (its own committed transaction)."""

    def run(service, *args, **kwargs):
        with db.transaction() as session:
            return service(session, *args, **kwargs)

    return run


@pytest.fixture
def reopen(db_url):
    """Return a context manager giving a session on a FRESH open of the same file."""

    @contextmanager
    def fresh_session():
        database = open_database(db_url)
        try:
            with database.transaction() as session:
                yield session
        finally:
            database.close()

    return fresh_session


@pytest.fixture
def count(reopen):
    """Return the number of rows of a model, read from a fresh open."""

    def rows(model) -> int:
        with reopen() as session:
            return session.scalar(select(func.count()).select_from(model))

    return rows


@pytest.fixture
def event_id(act):
    """Return the id of a planned event of one coalition."""
    return act(
        events.plan_event,
        coalitions=["Checkout Reliability Coalition"],
        date=dt.date(2026, 4, 14),
        facilitator="Zoë Lefèvre",
        title="Scale Across — checkout",
    ).id


@pytest.fixture
def coalition_id(reopen, event_id):
    """Return the id of the event's coalition."""
    from facilitator.domain import Event

    with reopen() as session:
        return session.get(Event, event_id).coalition_links[0].coalition_id
