"""A database written by an older version is migrated and keeps its records."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from facilitator.storage import open_database
from facilitator.storage.migrate import HEAD_REVISION, alembic_config


def test_a_revision_0001_file_with_data_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.sqlite3"
    config = alembic_config()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text(
            "INSERT INTO coalitions (id, name, created_at) "
            "VALUES ('0123456789abcdef0123456789abcdef', 'Ærø Coalition', '2025-01-01 00:00:00')"
        ))
    engine.dispose()

    db = open_database(path)
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD_REVISION
        assert connection.exec_driver_sql("SELECT name FROM coalitions").scalar() == "Ærø Coalition"
        columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(support_capacities)")}
    db.close()
    assert "accepted_hours" in columns
