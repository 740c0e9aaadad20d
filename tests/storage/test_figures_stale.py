"""The stale days of the figures: every write marks the days it changed, on both backends."""

from __future__ import annotations

import datetime as dt
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest
from alembic import command
from sqlalchemy import create_engine, delete, select, text, update

from facilitator.domain import (
    Agreement,
    AgreementPattern,
    AgreementStatus,
    BoundaryCondition,
    BoundaryKind,
    Coalition,
    Event,
    EventCoalition,
    EventPattern,
    FitAnswer,
    FitAnswerKind,
    Outcome,
    OutcomeKind,
    Participant,
    Pattern,
    StatusChange,
)
from facilitator.domain.base import utcnow
from facilitator.services import agreements, events, fit, outcomes, participants, patterns
from facilitator.storage import figures_stale, open_database
from facilitator.storage.figures_stale import EVERYTHING, FACTS, SOURCES, STALE
from facilitator.storage.migrate import alembic_config
from facilitator.storage.sqlite_setup import configure_sqlite_engine
from tests.pg_databases import empty_tables

# The days the history's rows stand on: two events, a date to move one to, a
# new event's, and the day its conditions were recorded.
DAYS = {"A": "2026-02-10", "B": "2026-08-20", "A2": "2026-03-01", "C": "2026-11-02", "R": "2025-01-07"}


def marks(db) -> dict[str, int]:
    with db.engine.connect() as connection:
        return {day: mark for day, mark in connection.execute(text(f"SELECT day, mark FROM {STALE}"))}


def clear(db) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(f"DELETE FROM {STALE}"))


@pytest.fixture
def history(db):
    return db, build_history(db)


@pytest.fixture
def pg_db(pg_worker_url):
    """Return this worker's emptied PostgreSQL database (for tests of PostgreSQL alone)."""
    empty_tables(pg_worker_url)
    database = open_database(pg_worker_url)
    yield database
    database.close()


def build_history(db) -> SimpleNamespace:
    """Write two events on different dates, a pattern of A reused at B and answered at both; clear the marks.

    Returns:
        The records' ids by name: events a and b, participants ana, ben and
        cleo (who adopts nothing), outcomes oa and ob, patterns p and q,
        conditions ca (stated at A), cb (at B) and cn (no event), agreements
        ga (at A, answers cb and cn) and gb (at B, answers ca).
    """
    with db.transaction() as s:
        a = events.plan_event(s, coalitions=["Checkout", "Payments"], date=dt.date.fromisoformat(DAYS["A"]))
        b = events.plan_event(s, coalitions=["Checkout"], date=dt.date.fromisoformat(DAYS["B"]))
        ana = participants.add_participant(s, a.id, "Ana", "Payments")
        ben = participants.add_participant(s, b.id, "Ben", "Search")
        cleo = participants.add_participant(s, a.id, "Cleo", "Operations")  # adopts nothing
        oa = outcomes.add_outcome(s, a.id, OutcomeKind.SUCCESS, "Lead time halved")
        ob = outcomes.add_outcome(s, b.id, OutcomeKind.FAILURE, "Freeze backfired")
        p = patterns.create_pattern(s, a.id, "Feature flags")
        q = patterns.create_pattern(s, a.id, "Contract tests")
        patterns.reuse_pattern(s, b.id, p.id)
        # Stated at A, at B and at no event; each answered at an event other than its own.
        ca = patterns.add_boundary(s, p.id, BoundaryKind.WORKS_WHEN, "Own pipeline", event_id=a.id)
        cb = patterns.add_boundary(s, p.id, BoundaryKind.BREAKS_WHEN, "Approval per deploy", event_id=b.id)
        cn = patterns.add_boundary(s, p.id, BoundaryKind.PREREQUISITE, "A flag service")
        ga = agreements.add_agreement(s, a.id, ana.id, pattern_ids=[p.id, q.id])
        gb = agreements.add_agreement(s, b.id, ben.id, pattern_ids=[p.id])
        agreements.change_status(s, ga.id, AgreementStatus.ADOPTED)
        for agreement, condition in ((ga, cb), (ga, cn), (gb, ca)):
            fit.set_fit_answer(s, agreement.id, condition.id, FitAnswerKind.HOLDS)
        s.execute(update(BoundaryCondition).values(recorded_at=dt.datetime.fromisoformat(DAYS["R"])))
        made = dict(a=a, b=b, ana=ana, ben=ben, cleo=cleo, oa=oa, ob=ob, p=p, q=q, ca=ca, cb=cb, cn=cn)
        ids = SimpleNamespace(ga=ga.id, gb=gb.id, **{name: record.id for name, record in made.items()})
    clear(db)
    return ids


def _value(h, value):
    """Return the id ``value`` names in the history, or ``value`` itself."""
    return getattr(h, value) if isinstance(value, str) and hasattr(h, value) else value


def _update(model, where: dict, **values):
    """Return a write in plain SQL: UPDATE ``model`` SET ``values`` WHERE ``where``."""
    table = model.__table__

    def write(s, h):
        rows = (table.c[column] == _value(h, value) for column, value in where.items())
        s.execute(update(table).where(*rows).values({k: _value(h, v) for k, v in values.items()}))

    return write


def _delete(model, where: dict):
    table = model.__table__
    return lambda s, h: s.execute(
        delete(table).where(*(table.c[k] == _value(h, v) for k, v in where.items()))
    )


CASES = [
    # events: their own dates.
    (
        "events insert",
        lambda s, h: events.plan_event(s, coalitions=["Checkout"], date=dt.date(2026, 11, 2)),
        "C",
    ),
    ("events update", lambda s, h: events.update_event(s, h.a, date=dt.date(2026, 3, 1)), "A A2"),
    # B's condition cb loses its event: its day becomes the recorded one; ga answered it at A.
    ("events delete", lambda s, h: events.delete_event(s, h.b), "A B R"),
    ("events delete in SQL", _delete(Event, {"id": "b"}), "A B R"),
    # Rows of an event: its date.
    ("event_coalitions insert", lambda s, h: events.add_coalition_to_event(s, h.b, "Payments"), "B"),
    (
        "event_coalitions update",
        _update(EventCoalition, {"event_id": "a", "position": 1}, event_id="b"),
        "A B",
    ),
    ("event_coalitions delete", _delete(EventCoalition, {"event_id": "b"}), "B"),
    ("event_patterns insert", lambda s, h: patterns.create_pattern(s, h.b, "Pairing"), "B"),
    ("event_patterns update", _update(EventPattern, {"pattern_id": "q"}, event_id="b"), "A B"),
    ("event_patterns delete", _delete(EventPattern, {"event_id": "b"}), "B"),
    ("outcomes insert", lambda s, h: outcomes.add_outcome(s, h.b, OutcomeKind.SUCCESS, "Shipped"), "B"),
    ("outcomes update", _update(Outcome, {"id": "oa"}, event_id="b"), "A B"),
    ("outcomes delete", _delete(Outcome, {"id": "ob"}), "B"),
    ("agreements insert", lambda s, h: agreements.add_agreement(s, h.b, h.ben, pattern_ids=[h.p]), "B"),
    ("agreements update", _update(Agreement, {"id": "ga"}, event_id="b"), "A B"),
    ("agreements delete", _delete(Agreement, {"id": "gb"}), "B"),
    # Participants: the dates of the agreements they adopt.
    ("participants insert", lambda s, h: participants.add_participant(s, h.a, "Dora"), ""),
    ("participants update", lambda s, h: participants.update_participant(s, h.ana, team="Platform"), "A"),
    ("participants delete", _delete(Participant, {"id": "cleo"}), ""),
    # Rows of an agreement: its event's date.
    ("status_changes insert", lambda s, h: agreements.change_status(s, h.gb, AgreementStatus.ADOPTED), "B"),
    ("status_changes update", _update(StatusChange, {"agreement_id": "ga"}, agreement_id="gb"), "A B"),
    ("status_changes delete", _delete(StatusChange, {"agreement_id": "ga"}), "A"),
    (
        "agreement_patterns insert",
        lambda s, h: (
            patterns.reuse_pattern(s, h.b, h.q),
            agreements.set_agreement_patterns(s, h.gb, [h.p, h.q]),
        ),
        "B",
    ),
    ("agreement_patterns update", _update(AgreementPattern, {"pattern_id": "q"}, agreement_id="gb"), "A B"),
    ("agreement_patterns delete", _delete(AgreementPattern, {"agreement_id": "gb"}), "B"),
    ("fit_answers insert", lambda s, h: fit.set_fit_answer(s, h.gb, h.cb, FitAnswerKind.HOLDS), "B"),
    ("fit_answers update", _update(FitAnswer, {"boundary_id": "cn"}, agreement_id="gb"), "A B"),
    ("fit_answers delete", _delete(FitAnswer, {"agreement_id": "gb"}), "B"),
    # Conditions: their own day, and on a change the days of the agreements that answered them.
    (
        "boundary_conditions insert",
        lambda s, h: patterns.add_boundary(s, h.q, BoundaryKind.WORKS_WHEN, "Small teams", event_id=h.b),
        "B",
    ),
    (
        "boundary_conditions insert without event",
        lambda s, h: patterns.add_boundary(s, h.q, BoundaryKind.WORKS_WHEN, "Small teams"),
        "today",
    ),
    ("boundary_conditions update kind", _update(BoundaryCondition, {"id": "cb"}, kind="works_when"), "A B"),
    (
        "boundary_conditions update kind, no event",
        _update(BoundaryCondition, {"id": "cn"}, kind="works_when"),
        "A R",
    ),
    ("boundary_conditions update event", _update(BoundaryCondition, {"id": "ca"}, event_id=None), "A B R"),
    ("boundary_conditions delete", _delete(BoundaryCondition, {"id": "cb"}), "A B"),
    # Read whole by the figures: no marks of their own.
    ("patterns update", _update(Pattern, {"id": "q"}, name="Renamed"), ""),
    ("coalitions update", _update(Coalition, {}, name="Renamed"), ""),
]


@pytest.mark.parametrize(("write", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_write_marks_exactly_the_days_it_changed(history, write, expected):
    db, h = history
    with db.transaction() as session:
        write(session, h)
    today = utcnow().date().isoformat()  # a condition with no event is recorded now (UTC)
    assert set(marks(db)) == {today if key == "today" else DAYS[key] for key in expected.split()}


def test_a_new_database_has_everything_marked_and_no_kept_facts(db):
    assert marks(db) == {EVERYTHING: 1}
    with db.engine.connect() as connection:
        assert connection.execute(text(f"SELECT count(*) FROM {FACTS}")).scalar() == 0


def test_an_event_deleted_in_sql_leaves_its_conditions_on_their_recorded_day(history):
    db, h = history
    with db.transaction() as session:
        _delete(Event, {"id": "b"})(session, h)
        left = session.execute(
            select(BoundaryCondition.event_id).where(BoundaryCondition.id == h.cb)
        ).scalar_one()
    assert left is None and DAYS["R"] in marks(db)


def test_marking_a_marked_day_again_changes_its_mark_so_a_reader_leaves_it(history):
    db, h = history
    for title in ("First", "Second"):
        with db.transaction() as session:
            events.update_event(session, h.a, title=title)
    with db.engine.begin() as connection:
        figures_stale.mark_everything(connection)
        figures_stale.mark_everything(connection)
    assert marks(db) == {DAYS["A"]: 2, EVERYTHING: 2}
    read = marks(db)[DAYS["A"]]
    with db.transaction() as session:
        events.update_event(session, h.a, title="Third")
    with db.engine.begin() as connection:  # what the reader deletes once it has computed A's quarter
        gone = connection.execute(
            text(f"DELETE FROM {STALE} WHERE day = :day AND mark = :mark"), {"day": DAYS["A"], "mark": read}
        )
        assert gone.rowcount == 0
    assert DAYS["A"] in marks(db)


def stale_objects(connection) -> set[tuple[str, str]]:
    """Return the tables, triggers and functions (PostgreSQL) of the stale days, by kind and name."""
    if connection.dialect.name == "postgresql":
        sql = (
            "SELECT 'table', tablename FROM pg_tables WHERE tablename LIKE 'figures%%' "
            "UNION ALL SELECT 'trigger', tgname FROM pg_trigger WHERE tgname LIKE 'figures%%' "
            "UNION ALL SELECT 'function', proname FROM pg_proc WHERE proname LIKE 'figures%%'"
        )
    else:
        sql = "SELECT type, name FROM sqlite_master WHERE name LIKE 'figures%' AND type != 'index'"
    return {(kind, name) for kind, name in connection.exec_driver_sql(sql).fetchall()}


def expected_objects(backend: str) -> set[tuple[str, str]]:
    tables = {("table", STALE), ("table", FACTS)}
    if backend == "sqlite":
        return tables | {("trigger", f"figures_stale_{t}_{op}") for t in SOURCES for op in ("ai", "au", "ad")}
    functions = {("function", f"figures_stale_{t}") for t in SOURCES} | {
        ("function", "figures_stale_everything")
    }
    triggers = {("trigger", f"figures_stale_{t}{end}") for t in SOURCES for end in ("", "_truncate")}
    return tables | functions | triggers


def test_install_makes_every_trigger_once_and_is_idempotent(db, backend):
    with db.engine.begin() as connection:
        before = stale_objects(connection)
        figures_stale.install(connection)
        figures_stale.install(connection)
        assert stale_objects(connection) == before == expected_objects(backend)


def test_downgrade_removes_the_tables_and_upgrade_brings_them_back_marked(db, db_url, backend):
    with db.transaction() as session:
        events.plan_event(session, coalitions=["Checkout"], date=dt.date(2026, 2, 10))
    db.close()
    config = alembic_config()
    engine = create_engine(db_url if backend == "postgresql" else f"sqlite:///{db_url}")
    if backend == "sqlite":
        configure_sqlite_engine(engine)
    try:
        with engine.connect() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0009")
            assert stale_objects(connection) == set()
            command.upgrade(config, "head")
            connection.commit()
    finally:
        engine.dispose()
    reopened = open_database(db_url)
    try:
        assert marks(reopened) == {EVERYTHING: 1}
        with reopened.transaction() as session:
            events.plan_event(session, coalitions=["Checkout"], date=dt.date(2026, 3, 1))
        assert set(marks(reopened)) == {EVERYTHING, "2026-03-01"}
    finally:
        reopened.close()


def test_truncating_any_watched_table_on_postgresql_marks_everything(pg_db):
    for table in SOURCES:
        clear(pg_db)
        with pg_db.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {table} CASCADE"))
        assert set(marks(pg_db)) == {EVERYTHING}, table


def test_on_postgresql_the_marks_are_written_at_commit(pg_db):
    h = build_history(pg_db)
    with pg_db.engine.connect() as writer, pg_db.engine.connect() as other:
        writer.execute(update(Event.__table__).where(Event.__table__.c.id == h.a).values(title="Renamed"))
        writer.execute(_outcome_retitled(h))  # A again: one more mark, not two
        # Deferred: not even the writing transaction sees its marks yet.
        assert writer.execute(text(f"SELECT count(*) FROM {STALE}")).scalar() == 0
        assert other.execute(text(f"SELECT count(*) FROM {STALE}")).scalar() == 0
        writer.commit()
        assert dict(other.execute(text(f"SELECT day, mark FROM {STALE}")).all()) == {DAYS["A"]: 1}


def test_two_commits_on_postgresql_marking_a_day_never_deadlock(pg_db):
    """Both take the history token's lock before any day's: the second waits, never deadlocks.

    The second transaction takes the token first (a pattern's change has no
    marks); the first marks day A first, unless its triggers take the token
    before: then the second, holding the token, would wait on A for the first,
    waiting on the token for the second.
    """
    h = build_history(pg_db)
    events_table, patterns_table = Event.__table__, Pattern.__table__
    with (
        pg_db.engine.connect() as blocker,
        pg_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as watcher,
        pg_db.engine.connect() as first,
        pg_db.engine.connect() as second,
        ThreadPoolExecutor(2) as pool,
    ):
        pids = {}
        for connection in (first, second):
            connection.execute(text("SET lock_timeout = '20s'"))
            pids[connection] = connection.execute(text("SELECT pg_backend_pid()")).scalar()
        second.execute(update(patterns_table).where(patterns_table.c.id == h.q).values(name="Renamed"))
        second.execute(_outcome_retitled(h))
        first.execute(update(events_table).where(events_table.c.id == h.a).values(title="Renamed"))
        blocker.execute(text("SELECT 1 FROM history_token WHERE id = 1 FOR UPDATE"))
        second_done = pool.submit(second.commit)
        _wait_until_blocked(watcher, pids[second])
        first_done = pool.submit(first.commit)
        _wait_until_blocked(watcher, pids[first])
        blocker.rollback()
        second_done.result(timeout=30)
        first_done.result(timeout=30)
    assert marks(pg_db) == {DAYS["A"]: 2}


def _outcome_retitled(h):
    table = Outcome.__table__
    return update(table).where(table.c.id == h.oa).values(title="Retitled")


def _wait_until_blocked(watcher, pid: int) -> None:
    """Wait until session ``pid`` waits on a lock (its commit is under way): a condition, polled."""
    for _ in range(6000):  # a minute at most, for a machine under load
        waiting = watcher.execute(
            text("SELECT wait_event_type FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
        ).scalar()
        if waiting == "Lock":
            return
        time.sleep(0.01)
    raise AssertionError(f"session {pid} never waited on a lock")
