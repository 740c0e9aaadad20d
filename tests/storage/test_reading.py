"""``Database.reading()`` and ``plain_transaction()``: plain SQL in one transaction, errors in words."""

from __future__ import annotations

import pytest

from facilitator.demo import create_demo_event
from facilitator.storage import StorageError


def test_reading_sees_what_is_stored_and_keeps_nothing_it_did(db):
    with db.transaction() as session:
        create_demo_event(session)
    with db.reading() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM events").scalar() == 1
        connection.exec_driver_sql("DELETE FROM events")  # never committed: a read is rolled back
    with db.reading() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM events").scalar() == 1


def test_a_failed_read_is_a_storage_error_in_words(db):
    with pytest.raises(StorageError, match="no_such_table"), db.reading() as connection:
        connection.exec_driver_sql("SELECT * FROM no_such_table")


def test_a_plain_transaction_keeps_what_it_wrote_and_an_error_keeps_nothing(db):
    with db.transaction() as session:
        create_demo_event(session)
    with db.plain_transaction() as connection:
        connection.exec_driver_sql("UPDATE events SET title = 'Kept'")
    with pytest.raises(StorageError, match="no_such_table"), db.plain_transaction() as connection:
        connection.exec_driver_sql("UPDATE events SET title = 'Rolled back'")
        connection.exec_driver_sql("SELECT * FROM no_such_table")
    with db.reading() as connection:
        assert connection.exec_driver_sql("SELECT title FROM events").scalar() == "Kept"
