"""The figures are kept while nobody writes to the history, and worked out again after any write."""

from __future__ import annotations

import datetime as dt

from figures_history import TODAY, build_history
from sqlalchemy import text

from facilitator.domain import AgreementStatus
from facilitator.figures import compute_figures
from facilitator.services import agreements, outcomes
from facilitator.storage import open_database


def figures(db, today: dt.date = TODAY):
    with db.transaction() as session:
        return compute_figures(session, today=today)


def open_agreement_id(db):
    with db.engine.connect() as connection:
        return connection.execute(
            text("SELECT id FROM agreements WHERE status = 'agreed' ORDER BY id LIMIT 1")
        ).scalar()


def test_looking_again_at_an_unchanged_history_gives_the_kept_figures(db):
    build_history(db)
    first = figures(db)
    assert figures(db) is first
    # Another day judges the six-month windows differently: worked out for that day.
    assert figures(db, TODAY + dt.timedelta(days=30)) is not first


def test_a_change_through_the_services_is_in_the_next_figures(db):
    build_history(db)
    before = figures(db)
    with db.transaction() as session:
        agreements.change_status(
            session, open_agreement_id(db), AgreementStatus.ADOPTED, when=dt.datetime(2026, 11, 20, 9)
        )
    after = figures(db)
    assert after.overall.totals.adopted_agreements == before.overall.totals.adopted_agreements + 1


def test_a_change_from_another_connection_is_in_the_next_figures(db, db_url):
    """Another facilitator's window (or a command line run) writes; this one sees it next time."""
    build_history(db)
    before = figures(db)
    other = open_database(db_url)
    try:
        with other.transaction() as session:
            event_id = session.execute(text("SELECT event_id FROM outcomes LIMIT 1")).scalar()
            outcomes.add_outcome(session, event_id, "failure", "Rolled back twice")
    finally:
        other.close()
    assert figures(db).overall.totals.failures == before.overall.totals.failures + 1


def test_a_raw_delete_is_in_the_next_figures(db):
    build_history(db)
    before = figures(db)
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM outcomes WHERE kind = 'failure'"))
    assert before.overall.totals.failures > 0
    assert figures(db).overall.totals.failures == 0


def test_figures_seen_inside_a_write_that_is_rolled_back_are_not_kept(db):
    """On PostgreSQL the token changes only at the commit: a writing transaction must not keep its view."""
    build_history(db)
    before = figures(db)
    session = db._sessions()
    try:
        event_id = session.execute(text("SELECT event_id FROM outcomes LIMIT 1")).scalar()
        outcomes.add_outcome(session, event_id, "failure", "Only in this transaction")
        session.flush()
        inside = compute_figures(session, today=TODAY)
        assert inside.overall.totals.failures == before.overall.totals.failures + 1
    finally:
        session.rollback()
        session.close()
    assert figures(db).overall.totals.failures == before.overall.totals.failures
