"""Database.generation: views can tell whether what they show is still current."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.services import events
from facilitator.services.errors import ServiceError


def test_generation_counts_committed_writes_only(db):
    start = db.generation
    with db.transaction() as session:
        events.list_events(session)
    assert db.generation == start, "a read is not a change"
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout Coalition"], date=dt.date(2026, 5, 4))
    assert db.generation == start + 1
    with pytest.raises(ServiceError), db.transaction() as session:
        events.update_event(session, event.id, title="Kept?")
        raise ServiceError("refused")
    assert db.generation == start + 1, "a rolled-back write changed nothing"
