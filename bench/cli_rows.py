"""Row 4 of bench/speed_table.py: the read-only commands, whole process, beside the stack's floor.

``search WORD``, ``events`` and ``figures`` on the demo event, each beside
one process that imports SQLAlchemy, opens the same database and runs one
full-text query through it (FTS5 on SQLite, a tsquery on PostgreSQL). On
PostgreSQL the server in ``SCALE_ACROSS_TEST_PG`` (a superuser URL) is used
if set, else a private one (tests/pg_server.py) is started and stopped;
where neither can be had the rows say so. Target: at most 1.3x the floor.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

COMMANDS = (("search", "deploy"), ("events",), ("figures",))
TARGET = "<= 1.3x"

FLOOR_SQLITE = """
import sys
from sqlalchemy import create_engine, text
with create_engine("sqlite:///" + sys.argv[1]).connect() as connection:
    connection.execute(text("SELECT rowid FROM search_index WHERE search_index MATCH :q LIMIT 50"),
                       {"q": sys.argv[2] + "*"}).all()
"""

FLOOR_POSTGRESQL = """
import sys
from sqlalchemy import create_engine, text
with create_engine(sys.argv[1]).connect() as connection:
    query = "SELECT record_id FROM search_docs WHERE tsv @@ to_tsquery('simple', :q) LIMIT 50"
    connection.execute(text(query), {"q": sys.argv[2] + ":*"}).all()
"""

Measure = Callable[[list[list[str]]], list[tuple[float, float]]]
"""Runs commands to their end a few times, interleaved; returns each one's median seconds and peak memory."""


def command_rows(table, sqlite_demo: Path, measure: Measure, env: dict[str, str]) -> None:
    """Add a row per command on SQLite, then on PostgreSQL (or one row saying why not)."""
    _rows(
        table,
        "SQLite",
        str(sqlite_demo),
        [sys.executable, "-c", FLOOR_SQLITE, str(sqlite_demo)],
        measure,
        env,
    )
    from tests import pg_server

    url, folder = os.environ.get(pg_server.URL_VARIABLE), None
    try:
        if not url:
            url, folder = pg_server.start_private()
        target = _demo_database(url, env)
    except (pg_server.ServerUnavailable, OSError, subprocess.CalledProcessError) as exc:
        table.add("read-only commands, PostgreSQL", f"not measured: {exc}", "-", "-", TARGET)
        return
    try:
        _rows(table, "PostgreSQL", target, [sys.executable, "-c", FLOOR_POSTGRESQL, target], measure, env)
    finally:
        if folder is not None:
            pg_server.stop(folder)


def _demo_database(server_url: str, env: dict[str, str]) -> str:
    """Make a fresh database on the server holding the demo event; return its URL."""
    import uuid

    from sqlalchemy import create_engine, text

    name = f"bench_cli_{uuid.uuid4().hex[:8]}"
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    target = server_url.rsplit("/", 1)[0] + "/" + name
    binary = str(Path(sys.executable).parent / "scale-across")
    subprocess.run([binary, "--db", target, "demo"], env=env, check=True, capture_output=True)
    return target


def _rows(table, backend: str, target: str, floor_command: list[str], measure: Measure, env) -> None:
    binary = str(Path(sys.executable).parent / "scale-across")
    for command in COMMANDS:
        (ours, _), (floor, _) = measure([[binary, "--db", target, *command], [*floor_command, "deploy"]])
        table.add(
            f"{' '.join(c if c == command[0] else 'WORD' for c in command)}, {backend}, whole process",
            f"{ours * 1000:.0f} ms",
            f"floor {floor * 1000:.0f} ms",
            f"{ours / floor:.2f}x the floor",
            TARGET,
        )
