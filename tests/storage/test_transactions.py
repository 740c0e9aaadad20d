"""A unit of work is all or nothing, takes the write lock up front, and fails readably."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

import pytest
from sqlalchemy import event, func, select, text

from facilitator.domain import Event, Outcome, Participant
from facilitator.services import events, outcomes, participants
from facilitator.storage import StorageError, open_database
from facilitator.storage.database import integrity_check


def _plan(db, name="Coalition A"):
    with db.transaction() as session:
        return events.plan_event(session, coalitions=[name], date=dt.date(2026, 5, 4)).id


def _count(path, model):
    fresh = open_database(path)
    try:
        with fresh.transaction() as session:
            return session.scalar(select(func.count()).select_from(model))
    finally:
        fresh.close()


def test_unit_of_work_that_raises_leaves_nothing_behind(db, db_url):
    event_id = _plan(db)

    with pytest.raises(RuntimeError, match="power cut"), db.transaction() as session:
        participants.add_participant(session, event_id, "Ana Núñez", "Payments")
        outcomes.add_outcome(session, event_id, "success", "Deploys daily")
        session.flush()  # the rows really reached the database before the failure
        raise RuntimeError("power cut")

    assert _count(db_url, Participant) == 0
    assert _count(db_url, Outcome) == 0
    assert _count(db_url, Event) == 1


def test_committed_unit_of_work_is_visible_to_a_fresh_open(db, db_url):
    event_id = _plan(db)
    with db.transaction() as session:
        participants.add_participant(session, event_id, "Ana Núñez", "Payments")
    db.close()

    assert _count(db_url, Participant) == 1


@pytest.mark.sqlite_only
def test_transaction_takes_the_write_lock_at_begin_immediate(db, db_path):
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with db.transaction() as session:
            # Only a read: a deferred BEGIN would not hold the write lock yet.
            session.execute(text("SELECT 1")).scalar()
            with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                other.execute("BEGIN IMMEDIATE")
        # Once the unit of work is over, the other writer gets in.
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


@pytest.mark.sqlite_only
def test_open_write_transaction_blocks_a_second_writer(db, db_path):
    event_id = _plan(db)
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with db.transaction() as session:
            outcomes.add_outcome(session, event_id, "failure", "Freeze made it worse")
            session.flush()
            with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()
    assert _count(db_path, Outcome) == 1


@pytest.mark.sqlite_only
def test_write_to_a_read_only_connection_gives_readable_storage_error(db, db_path):
    """Works as root too: SQLite itself refuses writes on a query_only connection."""
    event_id = _plan(db)

    @event.listens_for(db.engine, "connect")
    def _read_only(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA query_only = ON")

    db.engine.dispose()  # new connections get the listener

    with pytest.raises(StorageError, match="cannot be written") as caught, db.transaction() as session:
        participants.add_participant(session, event_id, "Søren Ødegård")
    assert "readonly" in str(caught.value)
    db.close()

    assert _count(db_path, Participant) == 0
    assert _count(db_path, Event) == 1


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: file permissions do not stop root from writing",
)
def test_read_only_file_and_folder_give_readable_storage_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "events.sqlite3"
    db = open_database(path)
    _plan(db)
    db.close()
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        with pytest.raises(StorageError) as caught:
            db = open_database(path)
            with db.transaction() as session:
                events.plan_event(session, coalitions=["B"], date=dt.date(2026, 1, 1))
        assert str(path.name) in str(caught.value) or "written" in str(caught.value)
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


@pytest.mark.sqlite_only
def test_full_disk_gives_storage_error_and_earlier_records_survive(db, db_path):
    event_id = _plan(db)
    with db.transaction() as session:
        kept = outcomes.add_outcome(session, event_id, "success", "Lead time 9 → 3.5 days").id
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(db.engine, "connect")
    def _tiny_disk(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    db.engine.dispose()

    big = "evidence " * 2_000  # ~18 kB per field, several pages in all
    with pytest.raises(StorageError, match="disk is full"), db.transaction() as session:
        outcomes.add_outcome(session, event_id, "failure", "Huge", big, big)
    db.close()

    fresh = open_database(db_path)
    try:
        with fresh.transaction() as session:
            titles = session.scalars(select(Outcome.title)).all()
            assert titles == ["Lead time 9 → 3.5 days"]
            assert session.get(Outcome, kept) is not None
        assert integrity_check(fresh) == "ok"
    finally:
        fresh.close()
