"""The command line lists events, creates the demo, and fails in one clear line."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from facilitator.services import events
from facilitator.storage import open_database
from ui.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_events_on_an_empty_database_says_how_to_start(capsys, db, db_path):
    code, out, err = run(capsys, "events", "--db", str(db_path))
    assert code == 0
    assert "No events yet" in out
    assert err == ""


def test_demo_then_events_lists_full_id_date_coalition_status_newest_first(capsys, db_path):
    code, out, _ = run(capsys, "--db", str(db_path), "demo")
    assert code == 0
    db = open_database(db_path)
    with db.transaction() as session:
        older = events.plan_event(session, coalitions=["Onboarding Coalition"], date=dt.date(2025, 3, 1))
        demo_id = next(e.id for e in events.list_events(session) if e.id != older.id)
    db.close()

    code, out, err = run(capsys, "events", "--db", str(db_path))
    lines = out.strip().splitlines()
    assert code == 0 and err == ""
    assert len(lines) == 2
    assert lines[0].startswith(str(demo_id))
    assert "Checkout Reliability Coalition" in lines[0] and "planned" in lines[0]
    assert lines[1].startswith(str(older.id))
    assert "2025-03-01" in lines[1]


def test_database_from_environment_variable(capsys, db_path, monkeypatch):
    monkeypatch.setenv("SCALE_ACROSS_DB", str(db_path))
    run(capsys, "demo")
    assert db_path.exists()
    code, out, _ = run(capsys, "events")
    assert "Checkout Reliability Coalition" in out


def test_default_database_lives_in_the_data_directory(capsys, isolated_data_dir):
    run(capsys, "demo")
    assert (isolated_data_dir / "scale-across.sqlite3").exists()


def test_a_file_that_is_not_a_database_is_refused_in_one_line(capsys, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list\n")
    code, out, err = run(capsys, "events", "--db", str(notes))
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("scale-across: error: ") and "not a SQLite file" in err
    assert "Traceback" not in err
    assert notes.read_text() == "shopping list\n"


def test_a_foreign_sqlite_file_is_refused(capsys, tmp_path):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("PRAGMA application_id = 1234")
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = other.read_bytes()
    code, _, err = run(capsys, "events", "--db", str(other))
    assert code == 1 and "another application" in err
    assert other.read_bytes() == before


def test_unexpected_errors_are_logged_not_shown_as_a_traceback(capsys, monkeypatch, isolated_data_dir):
    def explode(_args):
        raise RuntimeError("boom")

    monkeypatch.setitem(__import__("ui.cli", fromlist=["_HANDLERS"])._HANDLERS, "events", explode)
    code, _, err = run(capsys, "events")
    assert code == 1
    assert "unexpected error: boom" in err and "Traceback" not in err
    log = isolated_data_dir / "logs" / "scale-across.log"
    assert "RuntimeError: boom" in log.read_text()


def test_usage_errors_exit_non_zero(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["export"])
    assert exc.value.code == 2
