"""A shared database on a PostgreSQL server: opened by many at once, migrated once, read-only roles.

These run on the suite's private server (tests/conftest.py); in CI a server
that cannot be reached fails them.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text

from facilitator.services import events, outcomes
from facilitator.storage import StorageError, open_database
from facilitator.storage.constants import HEAD_REVISION

WORKER = Path(__file__).with_name("pg_open_worker.py")
ROOT = Path(__file__).parents[2]


def _start_worker(data_dir: Path) -> subprocess.Popen[str]:
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    return worker


def test_two_processes_opening_a_new_database_at_once_migrate_it_once(pg_databases, tmp_path):
    urls = [pg_databases.create(f"race{n}") for n in range(20)]
    workers = [_start_worker(tmp_path / name) for name in ("a", "b")]
    answers = []
    try:
        for url in urls:
            # Both are told before either answers: they open the empty database together.
            for worker in workers:
                assert worker.stdin is not None
                worker.stdin.write(url + "\n")
                worker.stdin.flush()
            answers.append([w.stdout.readline().strip() for w in workers if w.stdout is not None])
    finally:
        for worker in workers:
            if worker.stdin is not None:
                worker.stdin.close()
            worker.wait(timeout=60)
    assert answers == [["ok", "ok"]] * 20
    for url in urls:
        engine = create_engine(url)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).all() == [
                (HEAD_REVISION,)
            ]
        engine.dispose()


def test_a_read_only_role_opens_read_only_and_cannot_write(pg_databases):
    url = pg_databases.create("readonly")
    db = open_database(url)
    with db.transaction() as session:
        event_id = events.plan_event(session, coalitions=["Payments"], date=dt.date(2026, 1, 5)).id
    db.close()
    # The README's grants, run as the owner would run them: the whole file through psql's protocol.
    script = (ROOT / "docs" / "roles.sql").read_text().replace("coalitions_db", url.rsplit("/", 1)[1])
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as owner:
        owner.execute(script)
        owner.execute("DROP ROLE IF EXISTS lead_reader")
        owner.execute("CREATE ROLE lead_reader LOGIN PASSWORD 'reader-pw' IN ROLE scale_across_reader")
    reader_url = url.replace("scale_test:s3cret-for-tests@", "lead_reader:reader-pw@")

    reader = open_database(reader_url)
    try:
        assert reader.read_only
        assert any("read-only" in notice for notice in reader.notices)
        with reader.transaction() as session:
            assert events.load_event(session, event_id).coalitions[0].name == "Payments"
        with (
            pytest.raises(StorageError, match="permission denied") as refused,
            reader.transaction() as session,
        ):
            outcomes.add_outcome(session, event_id, "success", "Deploys daily")
        assert "reader-pw" not in str(refused.value)
    finally:
        reader.close()


def test_a_lost_update_between_two_sessions_is_refused(pg_databases):
    """Both read version 1; the second to write finds the row moved on and stores nothing."""
    from facilitator.domain import Outcome
    from facilitator.storage.errors import ConflictError

    url = pg_databases.create("lost")
    mine, anna = open_database(url), open_database(url)
    anna.actor = "anna@laptop-2"
    try:
        with mine.transaction() as s:
            event = events.plan_event(s, coalitions=["Checkout"], date=dt.date(2026, 12, 3))
            outcome_id = outcomes.add_outcome(s, event.id, "success", "Deploys weekly").id
        with pytest.raises(ConflictError, match="at the same moment"), mine.transaction() as s:
            outcome = s.get(Outcome, outcome_id)  # read: version 1
            with anna.transaction() as other:
                other.get(Outcome, outcome_id).title = "Deploys daily"  # stored: version 2
            outcome.title = "Deploys hourly"
        with mine.transaction() as s:
            stored = s.get(Outcome, outcome_id)
            assert (stored.title, stored.version, stored.stored_by) == ("Deploys daily", 2, "anna@laptop-2")
    finally:
        mine.close()
        anna.close()


def test_a_read_only_role_on_a_newer_database_is_told_to_update_the_app(pg_databases, monkeypatch):
    from facilitator.storage import database

    url = pg_databases.create("newer")
    open_database(url).close()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    monkeypatch.setattr(database, "writable_or_new", lambda _connection: False)
    with pytest.raises(
        StorageError,
        match="written by a newer version of Scale Across .schema revision 9999.; "
        "update the app to open it. Nothing was changed.",
    ):
        open_database(url)
