"""The history token: a new value after every committed write to a watched table, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from facilitator.demo import create_demo_event
from facilitator.services import events, patterns
from facilitator.storage import open_database
from facilitator.storage.history_token import TABLE, WATCHED, read_token


def token_of(db) -> str | None:
    with db.engine.connect() as connection:
        return read_token(connection)


@pytest.fixture
def demo(db):
    with db.transaction() as session:
        create_demo_event(session, date=dt.date(2026, 5, 14))
        # A coalition and a pattern nothing holds on to, which can be deleted.
        spare = events.plan_event(session, coalitions=["Spare"], date=dt.date(2026, 6, 1))
        other = events.plan_event(session, coalitions=["Other"], date=dt.date(2026, 6, 2))
        patterns.create_pattern(session, other.id, "Spare pattern")
        session.delete(spare)
        session.delete(other)
    return db


def test_a_new_database_has_a_token(db):
    assert token_of(db)


def test_every_watched_table_has_rows_in_the_demo(demo):
    with demo.engine.connect() as connection:
        empty = [t for t in WATCHED if not connection.execute(text(f"SELECT count(*) FROM {t}")).scalar()]
    assert empty == []  # else the tests below would not touch that table


@pytest.mark.parametrize("table", WATCHED)
def test_an_update_and_a_delete_in_each_watched_table_change_the_token(demo, table):
    before = token_of(demo)
    with demo.engine.begin() as connection:
        rows = connection.execute(text(f"SELECT id FROM {table} ORDER BY id")).scalars().all()
        connection.execute(text(f"UPDATE {table} SET version = version WHERE id = :id"), {"id": rows[0]})
    updated = token_of(demo)
    with demo.engine.begin() as connection:
        assert _delete_one(connection, table, rows)
    deleted = token_of(demo)
    assert len({before, updated, deleted}) == 3


def _delete_one(connection, table: str, rows) -> bool:
    """Delete the first row no foreign key holds on to (a participant may be an adopter)."""
    for row in rows:
        try:
            with connection.begin_nested():
                connection.execute(text(f"DELETE FROM {table} WHERE id = :id"), {"id": row})
            return True
        except IntegrityError:
            continue
    return False


def test_an_insert_through_the_services_changes_the_token_and_reading_does_not(db):
    before = token_of(db)
    with db.transaction() as session:
        create_demo_event(session)
    after = token_of(db)
    with db.transaction() as session:
        session.execute(text("SELECT count(*) FROM events")).scalar()
    assert before != after == token_of(db)


def test_a_write_rolled_back_leaves_the_token(demo):
    before = token_of(demo)
    with demo.engine.connect() as connection:
        connection.execute(text("UPDATE events SET title = 'Renamed'"))
        connection.rollback()
    assert token_of(demo) == before


def test_a_table_nobody_watches_leaves_the_token(demo):
    before = token_of(demo)
    with demo.engine.begin() as connection:
        connection.execute(text("UPDATE support_items SET version = version + 1"))
    assert token_of(demo) == before


def test_truncating_a_watched_table_changes_the_token_on_postgresql(pg_databases):
    db = open_database(pg_databases.create("token_truncate"))
    try:
        before = token_of(db)
        with db.engine.begin() as connection:
            connection.execute(text("TRUNCATE outcomes CASCADE"))
        assert token_of(db) != before
    finally:
        db.close()


def test_a_write_on_postgresql_waits_for_no_other_open_transaction(pg_databases):
    """The token's lock is taken at commit: two facilitators' open transactions never queue on it."""
    url = pg_databases.create("token_locks")
    db = open_database(url)
    with db.transaction() as session:
        create_demo_event(session)
        create_demo_event(session)
    engine = create_engine(url)
    try:
        first, second = engine.connect(), engine.connect()
        ids = first.execute(text("SELECT id FROM events ORDER BY id")).scalars().all()
        first.execute(text("UPDATE events SET title = 'First' WHERE id = :id"), {"id": ids[0]})
        # Were the token touched before the commit, this would wait on ``first`` and time out.
        second.execute(text("SET lock_timeout = '2s'"))
        second.execute(text("UPDATE events SET title = 'Second' WHERE id = :id"), {"id": ids[1]})
        second.commit()
        after_second = token_of(db)
        first.commit()
        assert token_of(db) != after_second
        first.close()
        second.close()
    finally:
        engine.dispose()
        db.close()


def test_the_token_table_is_raw_sql_on_both_backends(db):
    with db.engine.connect() as connection:
        rows = connection.execute(text(f"SELECT id FROM {TABLE}")).scalars().all()
    assert rows == [1]
