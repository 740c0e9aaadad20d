"""A database written by an older version is migrated and keeps its records."""

from __future__ import annotations

from refused_files import make_revision_0001

from facilitator.storage import open_database
from facilitator.storage.migrate import HEAD_REVISION


def test_a_revision_0001_file_with_data_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_revision_0001(path)

    db = open_database(path)
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD_REVISION
        assert connection.exec_driver_sql("SELECT name FROM coalitions").scalar() == "Ærø Coalition"
        columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(support_capacities)")}
    db.close()
    assert "accepted_hours" in columns
