"""The schema comes only from Alembic, matches the models, and foreign files stay untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

import facilitator
from facilitator.domain import Base
from facilitator.services import events
from facilitator.storage import StorageError, migrate, open_database, sqlite_setup
from facilitator.storage.raw_tables import alembic_include_name, is_raw_table


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrating_an_empty_file_creates_every_model_table(db_path):
    db_path.touch()  # an empty file is a new database, not a foreign one
    open_database(db_path).close()

    fresh = open_database(db_path)
    try:
        tables = set(inspect(fresh.engine).get_table_names())
    finally:
        fresh.close()
    assert set(Base.metadata.tables) <= tables
    # The search index's tables and the history token are raw SQL, checked by their own tests.
    extra = {name for name in tables - set(Base.metadata.tables) if not is_raw_table(name)}
    assert extra == {"alembic_version"}


def test_every_safety_pragma_reads_back_on_a_new_connection(db_path):
    open_database(db_path).close()

    fresh = open_database(db_path)
    try:
        with fresh.engine.connect() as conn:

            def pragma(name):
                return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

            assert str(pragma("journal_mode")).lower() == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") > 0
            assert pragma("application_id") == sqlite_setup.APPLICATION_ID
    finally:
        fresh.close()

    # The application id and WAL are in the file itself, not only per connection.
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA application_id").fetchone()[0] == sqlite_setup.APPLICATION_ID
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        raw.close()


def test_schema_built_by_migrations_matches_the_models(db):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": alembic_include_name}
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_head_revision_constant_equals_alembic_script_head(db):
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.HEAD_REVISION]
    assert migrate.HEAD_REVISION in migrate.known_revisions()
    with db.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD_REVISION


def test_opening_twice_is_idempotent_and_keeps_data(db_path):
    first = open_database(db_path)
    with first.transaction() as session:
        events.plan_event(session, coalitions=["Coalition A"], date=dt.date(2026, 3, 1))
    first.close()

    second = open_database(db_path)
    second.close()
    third = open_database(db_path)
    try:
        with third.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
            assert conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar() == 1
            assert conn.exec_driver_sql("SELECT count(*) FROM events").scalar() == 1
    finally:
        third.close()


def test_database_from_a_newer_version_is_refused_and_left_byte_identical(db_path):
    open_database(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("DELETE FROM alembic_version")
    raw.execute("INSERT INTO alembic_version (version_num) VALUES ('9999_from_the_future')")
    raw.commit()
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    before = sha256(db_path)

    with pytest.raises(StorageError, match="newer version"):
        open_database(db_path)

    assert sha256(db_path) == before
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("9999_from_the_future",)
        ]
    finally:
        raw.close()


def test_text_file_named_db_is_refused_and_left_byte_identical(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list: milk, eggs\n" * 20, encoding="utf-8")
    before = sha256(path)

    with pytest.raises(StorageError, match="not a SQLite file"):
        open_database(path)

    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_sqlite_file_with_foreign_application_id_is_refused_and_left_byte_identical(tmp_path):
    path = tmp_path / "other.db"
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA application_id = 0x0F0F0F0F")
    raw.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)")
    raw.execute("INSERT INTO things (name) VALUES ('precious')")
    raw.commit()
    raw.close()
    before = sha256(path)

    with pytest.raises(StorageError, match="another application"):
        open_database(path)

    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_sqlite_file_of_another_app_without_application_id_is_refused_untouched(tmp_path):
    """Most apps never set an application id; their files must not gain our schema."""
    path = tmp_path / "places.sqlite"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    raw.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    raw.commit()
    raw.close()
    before = sha256(path)

    with pytest.raises(StorageError, match="another application"):
        open_database(path)

    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]


def test_our_file_migrated_but_not_yet_stamped_still_opens(db_path):
    """A crash between migration and stamping the id leaves id 0; that file is ours."""
    open_database(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("PRAGMA application_id = 0")
    raw.commit()
    raw.close()

    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA application_id").scalar() == (sqlite_setup.APPLICATION_ID)
    finally:
        db.close()


def test_app_never_builds_the_schema_with_create_all():
    package = Path(facilitator.__file__).parent
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bcreate_all\s*\(", line)
    ]
    assert offenders == []
