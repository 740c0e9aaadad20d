"""A database of revision 0004 (before the fit check) upgrades and keeps every agreement."""

from __future__ import annotations

import sqlite3

from alembic import command
from sqlalchemy import select

from facilitator.demo import create_demo_event
from facilitator.domain import Agreement, FitAnswer
from facilitator.storage import open_database
from facilitator.storage.migrate import HEAD_REVISION, alembic_config


def _agreements(db):
    with db.transaction() as session:
        return sorted(
            (a.id, a.adopter_id, a.limits, a.check_in, len(a.support_items), len(a.pattern_links))
            for a in session.scalars(select(Agreement))
        )


def test_a_0004_file_gains_the_fit_check_and_keeps_every_agreement(tmp_path):
    path = tmp_path / "before-fit.sqlite3"
    db = open_database(path)
    with db.transaction() as session:
        create_demo_event(session)
        create_demo_event(session)
    before = _agreements(db)
    db.close()
    config = alembic_config()
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.downgrade(config, "0004")  # the file as the previous version left it
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
    assert "fit_answers" not in tables and "agreements" in tables

    db = open_database(path)
    try:
        with db.engine.connect() as connection:
            assert (
                connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                == HEAD_REVISION
            )
        assert _agreements(db) == before and len(before) == 8
        with db.transaction() as session:
            assert session.scalars(select(FitAnswer)).first() is None
    finally:
        db.close()
