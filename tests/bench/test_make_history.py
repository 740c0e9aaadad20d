"""bench/make_history.py: a small generated history has the shape of the big one."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "make_history.py"
EVENTS = 30

# Records of each event, by the table that holds them and how a row finds its event.
PER_EVENT = """
SELECT e.id,
  (SELECT count(*) FROM top_goals t WHERE t.event_id = e.id)
  + (SELECT count(*) FROM participants p WHERE p.event_id = e.id)
  + (SELECT count(*) FROM outcomes o WHERE o.event_id = e.id)
  + (SELECT count(*) FROM boundary_conditions b WHERE b.event_id = e.id)
  + (SELECT count(*) FROM agreements a WHERE a.event_id = e.id)
  + (SELECT count(*) FROM support_items s JOIN agreements a ON a.id = s.agreement_id
     WHERE a.event_id = e.id)
  + (SELECT count(*) FROM status_changes c JOIN agreements a ON a.id = c.agreement_id
     WHERE a.event_id = e.id),
  e.status
FROM events e
"""


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "history.sqlite3"
    result = run("--events", str(EVENTS), "--db", str(path), "--batch", "7", "--today", "2026-11-21")
    assert result.returncode == 0, result.stderr
    connection = sqlite3.connect(path)
    yield connection, result.stdout, path
    connection.close()


def test_it_reports_what_it_made(history):
    _, out, path = history
    assert sorted(p.name for p in path.parent.iterdir()) == ["history.sqlite3"]
    assert f"events      {EVENTS}" in out
    for figure in ("records", "patterns", "coalitions", "file size", "elapsed"):
        assert figure in out


def test_every_event_has_about_twenty_records(history):
    connection, _, _ = history
    rows = connection.execute(PER_EVENT).fetchall()
    assert len(rows) == EVENTS
    held = [count for _, count, status in rows if status != "planned"]
    # The first events of a history also bring in the new patterns' first
    # conditions, so a short history runs a little above twenty per event.
    assert all(12 <= count <= 45 for count in held), held
    assert 17 <= sum(held) / len(held) <= 32


def test_patterns_are_shared_across_events(history):
    connection, _, _ = history
    (shared,) = connection.execute(
        "SELECT count(*) FROM (SELECT pattern_id FROM event_patterns "
        "GROUP BY pattern_id HAVING count(DISTINCT event_id) > 1)"
    ).fetchone()
    presented, patterns = connection.execute(
        "SELECT count(*), count(DISTINCT pattern_id) FROM event_patterns"
    ).fetchone()
    assert shared > 0 and presented > patterns


def test_statuses_are_mixed_and_dated_after_the_event(history):
    connection, _, _ = history
    statuses = {s for (s,) in connection.execute("SELECT DISTINCT status FROM agreements")}
    assert {"adopted", "abandoned"} <= statuses and statuses & {"agreed", "in_progress"}
    events = {s for (s,) in connection.execute("SELECT DISTINCT status FROM events")}
    assert {"closed", "planned"} <= events
    (early,) = connection.execute(
        "SELECT count(*) FROM status_changes c JOIN agreements a ON a.id = c.agreement_id "
        "JOIN events e ON e.id = a.event_id WHERE date(c.changed_at) < e.date "
        "OR date(c.changed_at) >= '2026-11-21'"
    ).fetchone()
    assert early == 0
    (unexplained,) = connection.execute(
        "SELECT count(*) FROM agreements WHERE status = 'abandoned' AND status_reason = ''"
    ).fetchone()
    assert unexplained == 0


def test_an_existing_file_is_not_overwritten(history):
    _, _, path = history
    before = path.stat().st_size
    result = run("--events", "1", "--db", str(path))
    assert result.returncode != 0
    assert "already exists; pass --force" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.stat().st_size == before
