"""The search tables and triggers: made by migration 0003, idempotent, removable."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import create_engine

from facilitator.demo import create_demo_event
from facilitator.search import search
from facilitator.storage import open_database
from facilitator.storage import search_index as schema
from facilitator.storage.migrate import HEAD_REVISION, alembic_config
from facilitator.storage.sqlite_setup import configure_sqlite_engine

SOURCE_TABLES = {s.table for s in schema.SOURCES}


def search_objects(conn) -> set[tuple[str, str]]:
    if conn.dialect.name == "postgresql":
        sql = (
            "SELECT 'table', tablename FROM pg_tables WHERE tablename LIKE 'search%%' "
            "UNION ALL SELECT 'trigger', tgname FROM pg_trigger WHERE tgname LIKE 'search%%' "
            "UNION ALL SELECT 'function', proname FROM pg_proc WHERE proname LIKE 'search%%'"
        )
    else:
        sql = "SELECT type, name FROM sqlite_master WHERE name LIKE 'search%'"
    return {(kind, name) for kind, name in conn.exec_driver_sql(sql).fetchall()}


def test_migration_makes_the_tables_and_three_triggers_per_table(db, backend):
    with db.engine.connect() as conn:
        objects = search_objects(conn)
    triggers = {name for kind, name in objects if kind == "trigger"}
    # On PostgreSQL the tsvector is a generated column: search_docs needs no triggers.
    tables = SOURCE_TABLES | ({"docs"} if backend == "sqlite" else set())
    assert triggers == {f"search_{table}_{when}" for table in tables for when in ("ai", "au", "ad")}
    index = "search_index" if backend == "sqlite" else "search_docs"
    assert {("table", "search_docs"), ("table", index)} <= objects
    assert all(schema.is_search_table(name) for kind, name in objects if kind == "table")


def test_install_is_idempotent(db):
    with db.engine.begin() as conn:
        before = search_objects(conn)
        schema.install(conn)
        schema.install(conn)
        assert search_objects(conn) == before


def test_is_search_table_names_only_the_index_tables():
    for name in ["search_docs", "search_index", "search_index_data", "search_index_config"]:
        assert schema.is_search_table(name)
    for name in ["searches", "events", "search", "docs_search", None, ""]:
        assert not schema.is_search_table(name)


def test_upgrading_a_0002_file_indexes_the_records_already_in_it(tmp_path):
    path = tmp_path / "old.sqlite3"
    made = open_database(path)  # records are written with today's models, then the file is taken back
    with made.transaction() as session:
        create_demo_event(session, date=dt.date(2025, 6, 1), fit_check=False)
    made.close()
    engine = create_engine(f"sqlite:///{path}")
    configure_sqlite_engine(engine)
    config = alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
        assert search_objects(conn) == set()  # a 0002 file has no index
    engine.dispose()

    db = open_database(path)
    try:
        with db.transaction() as s:
            assert (
                s.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()
                == HEAD_REVISION
            )
            people = {hit.snippet_text for hit in search(s, "soren") if hit.kind == "participant"}
            documents = s.connection().exec_driver_sql("SELECT count(*) FROM search_docs").scalar()
        assert people == {"Søren Ødegård · Search"}
        assert documents > 30
    finally:
        db.close()


def test_downgrade_removes_the_index_and_upgrade_rebuilds_it(db, db_url, backend):
    with db.transaction() as s:
        create_demo_event(s)
    db.close()
    config = alembic_config()
    engine = create_engine(db_url if backend == "postgresql" else f"sqlite:///{db_url}")
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
        assert search_objects(conn) == set()
        command.upgrade(config, "head")
        assert ("table", "search_docs") in search_objects(conn)
    engine.dispose()
    reopened = open_database(db_url)
    try:
        with reopened.transaction() as s:
            assert [hit.kind for hit in search(s, "lukasz")] == ["participant"]
    finally:
        reopened.close()
