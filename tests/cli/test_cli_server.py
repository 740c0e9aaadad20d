"""The command line on a PostgreSQL server: one-line errors, db commands, db copy, the way back."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from facilitator.services import events, outcomes
from facilitator.storage import open_database
from facilitator.storage.migrate import alembic_config
from tests.pg_server import PASSWORD
from ui.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def server(pg_databases):
    """A new, empty database on the test server: its URL (with the password)."""
    return pg_databases.create("cli")


def made_at(url, revision):
    """Make the empty database at ``url`` as an older version of the app left it."""
    from alembic import command

    engine = create_engine(url)
    with engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()
    engine.dispose()


def with_(url, **parts):
    return make_url(url).set(**parts).render_as_string(hide_password=False)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"password": "wrong-pw"}, "refused the user name or password for user 'scale_test'"),
        ({"port": 1}, "no PostgreSQL server answers at 127.0.0.1:1"),
        ({"database": "no_such_db"}, "there is no database 'no_such_db' on the server at 127.0.0.1:"),
        ({"host": "no-such-host.invalid"}, "host name in postgresql+psycopg://scale_test:***@no-such-host"),
        ({"drivername": "postgresql+psycopg2"}, "the PostgreSQL driver is not installed"),
    ],
)
def test_a_bad_server_is_one_line_without_the_password(capsys, server, change, expected):
    code, out, err = run(capsys, "events", "--db", with_(server, **change))
    assert (code, out) == (1, "")
    assert err.startswith("scale-across: error: ") and expected in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert PASSWORD not in err and "wrong-pw" not in err


def test_a_url_too_broken_to_read_is_named_without_its_password(capsys):
    code, _, err = run(capsys, "events", "--db", "postgresql://lead:hunter2@:x:/db")
    assert code == 1 and "hunter2" not in err
    assert err == (
        "scale-across: error: not a valid database URL: 'postgresql+psycopg://lead:***@:x:/db' "
        "(for PostgreSQL: postgresql://USER@HOST:PORT/DATABASE)\n"
    )


def test_libpq_style_urls_get_the_apps_driver(capsys, server):
    plain = server.replace("postgresql+psycopg://", "postgresql://")
    assert run(capsys, "demo", "--db", plain)[0] == 0
    code, out, _ = run(capsys, "events", "--db", plain)
    assert code == 0 and "Checkout Reliability Coalition" in out


def test_db_check_backup_and_backups_on_a_server(capsys, server, isolated_data_dir):
    assert run(capsys, "demo", "--db", server)[0] == 0
    code, out, err = run(capsys, "db", "check", "--db", server)
    assert (code, err) == (0, "")
    assert out.splitlines()[0].endswith("/t_" + server.rsplit("/t_", 1)[1] + ": ok")
    assert "your role may read and write" in out and PASSWORD not in out

    code, out, err = run(capsys, "db", "backup", "--db", server)
    assert (code, err) == (0, "") and out.startswith("Dumped postgresql+psycopg://scale_test:***@")
    (dump,) = (isolated_data_dir / "backups").glob("*.pgdump")
    assert dump.stat().st_size > 1000 and dump.name.endswith("-manual.pgdump")
    code, out, _ = run(capsys, "db", "backups", "--db", server)
    assert code == 0 and str(dump) in out

    code, _, err = run(capsys, "db", "restore", dump.name, "--db", server)
    assert code == 1 and "pg_restore --clean" in err and err.count("\n") == 1


def test_db_copy_moves_a_laptops_history_in_once_and_back_out(capsys, server, tmp_path):
    laptop = tmp_path / "laptop.sqlite3"
    for _ in range(2):
        assert run(capsys, "demo", "--db", str(laptop))[0] == 0

    code, out, err = run(capsys, "db", "copy", "--from", str(laptop), "--to", server)
    assert (code, err) == (0, "")
    assert out.startswith("Copied 2 events to postgresql+psycopg://scale_test:***@")
    code, out, err = run(capsys, "db", "copy", "--from", str(laptop), "--to", server)
    assert (code, err) == (0, "") and "Copied 0 events" in out and "2 were already there unchanged" in out

    # The same event changed on the laptop: reported, not overwritten.
    db = open_database(laptop)
    with db.transaction() as s:
        event_id = events.list_events(s)[0].id
        outcomes.add_outcome(s, event_id, "success", "Found after the copy")
    db.close()
    code, out, err = run(capsys, "db", "copy", "--from", str(laptop), "--to", server)
    assert code == 1 and "1 differ" in out
    assert f"differs on both sides, left as it is: {event_id}" in err
    shared = open_database(server)
    with shared.transaction() as s:
        assert "Found after the copy" not in {o.title for o in events.load_event(s, event_id).outcomes}
    shared.close()

    home = tmp_path / "home.sqlite3"
    code, out, _ = run(capsys, "db", "copy", "--from", server, "--to", str(home))
    assert code == 0 and out.startswith(f"Copied 2 events to {home}")


def test_an_older_shared_database_is_dumped_before_it_is_migrated(capsys, server, isolated_data_dir):
    made_at(server, "0005")
    code, _, err = run(capsys, "events", "--db", server)
    assert code == 0
    assert "note: before upgrading the shared database, took a dump: " in err
    assert PASSWORD not in err
    assert len(list((isolated_data_dir / "backups").glob("*-before-migration.pgdump"))) == 1


def test_without_pg_dump_and_without_a_recent_dump_nothing_is_migrated(capsys, server, monkeypatch):
    made_at(server, "0006")
    engine = create_engine(server)
    monkeypatch.setenv("PATH", "/nonexistent")
    code, _, err = run(capsys, "events", "--db", server)
    assert code == 1 and "there is no way back yet: pg_dump is not on PATH" in err
    assert "nothing was changed" in err
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0006"
    engine.dispose()
