"""``scale-across search``, ``events`` and ``figures`` read with plain SQL and never load the ORM (issue 18).

Loading every model class cost the command 70-80 ms of its 0.48 s, and
SQLAlchemy's ORM another 50 (0.35 s now); a fresh interpreter shows what the
command itself imports (this process has them all).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SEARCH = """
import sys
from ui.cli import main
try:
    main()
except SystemExit:
    pass
models = sorted(m for m in sys.modules if m.startswith("facilitator.domain.") and m not in {
    "facilitator.domain.enums", "facilitator.domain.base", "facilitator.domain.summary"})
print("models:", models, file=sys.stderr)
print("orm:", "sqlalchemy.orm" in sys.modules, file=sys.stderr)
"""


def _run(db_path, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", SEARCH, "--db", str(db_path), *command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )


@pytest.fixture
def demo_file(tmp_path) -> Path:
    """Return a database file holding the demo event of 3 November 2026."""
    from facilitator.demo import create_demo_event
    from facilitator.storage import open_database

    db_path = tmp_path / "history.sqlite3"
    db = open_database(db_path)
    with db.transaction() as session:
        create_demo_event(session, date=dt.date(2026, 11, 3))
    db.close()
    return db_path


def _without_the_orm(result: subprocess.CompletedProcess) -> None:
    assert "models: []" in result.stderr
    assert "orm: False" in result.stderr


def test_search_and_the_event_list_without_loading_the_orm(demo_file):
    result = _run(demo_file, "search", "checkout")
    assert "Checkout" in result.stdout, result.stderr
    _without_the_orm(result)
    listed = _run(demo_file, "events")
    assert "2026-11-03  Checkout Reliability Coalition  planned" in listed.stdout, listed.stderr
    _without_the_orm(listed)


def test_figures_are_worked_out_and_kept_without_loading_the_orm(demo_file):
    result = _run(demo_file, "figures")
    assert "2026 Q4" in result.stdout, result.stderr
    _without_the_orm(result)
    with sqlite3.connect(demo_file) as connection:  # what it worked out is kept for the next look
        assert connection.execute("SELECT count(*) FROM figures_stale").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM figures_quarters").fetchone() == (1,)
