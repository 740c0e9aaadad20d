"""Benchmark: search and figures on a shared PostgreSQL database beside SQLite (issue targets).

One history of ``--events`` events (10,000 by default) is made by
bench/make_history.py in a SQLite file, then copied table by table into a
fresh PostgreSQL database: both backends hold the same rows. For each one:
- search latency for typical queries: median and p95 over ``--runs`` runs
  after one warm-up, target median under 50 ms;
- the figures card (``compute_figures``, overall and per coalition): median
  over ``--figure-runs`` runs (p95 is then the slowest), target under 300 ms,
  three times (bench/figures_looks.py): the first look ever, with nothing
  kept; after one edit; and looking again at a history nobody changed since.
Each time is one whole transaction, as the app's pages run it: on a server
the BEGIN and COMMIT are round trips too.

PostgreSQL: the server at $SCALE_ACROSS_TEST_PG (a superuser URL) if set,
else a private one (tests/pg_server.py) started and stopped here. The app's
data folder is a temporary one. ``--db FILE`` uses a copy of a history that
bench/make_history.py made before instead of making one.

Run: .venv/bin/python bench/shared_db.py [--events N] [--db FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

QUERIES = (
    ("common word", "team"),
    ("very common word", "the"),
    ("rare word", "weekend"),
    ("name, no accent", "zoe"),
    ("prefix as typed", "dep"),
    ("two words", "feature flag"),
    ("pattern names", "before deploy"),
)
SEARCH_TARGET = 0.050
FIGURES_TARGET = 0.300


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=10_000, help="events to generate (10000)")
    parser.add_argument("--db", type=Path, help="use a copy of this make_history.py file instead")
    parser.add_argument("--runs", type=int, default=30, help="timed runs of each query (30)")
    parser.add_argument("--figure-runs", type=int, default=7, help="timed runs of the figures (7)")
    args = parser.parse_args()
    if args.db is not None and not args.db.is_file():
        parser.error(f"{args.db}: no such file; make one with bench/make_history.py")
    if args.events < 1 or args.runs < 1 or args.figure_runs < 1:
        parser.error("--events, --runs and --figure-runs must be at least 1")
    return args


def _sqlite_history(args: argparse.Namespace, folder: Path):
    from facilitator.storage import open_database

    path = folder / "history.sqlite3"
    if args.db is not None:
        for suffix in ("", "-wal"):
            if Path(f"{args.db}{suffix}").exists():
                shutil.copyfile(f"{args.db}{suffix}", f"{path}{suffix}")
    else:
        # In a child process: the caches generating leaves behind here made
        # the figures about 15 % slower than in an app that only opened the file.
        print(f"generating {args.events:,} events into SQLite ...", flush=True)
        command = [sys.executable, str(ROOT / "bench" / "make_history.py"), "--events", str(args.events)]
        done = subprocess.run([*command, "--db", str(path)], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"shared_db: make_history.py failed: {(done.stderr or done.stdout).strip()}")
    return open_database(path)


def _copy_to_server(lite, url: str):
    """Copy every table of ``lite`` into the empty database at ``url``; return it opened."""
    from sqlalchemy import select

    from facilitator.domain import Base
    from facilitator.storage import (
        figures_stale,
        history_token,
        open_database,
        search_index,
        search_index_pg,
    )

    # Not copy_history (the importer, one event per transaction) nor making
    # it again on the server: minutes per thousand events, and the second
    # has other identifiers. Rows in foreign-key order take seconds.
    pg = open_database(url)
    with lite.engine.connect() as source, pg.engine.begin() as target:
        # The index's triggers would index every row as it comes in, table by
        # table; the rebuild numbers documents by event date, as on SQLite.
        search_index_pg.uninstall(target)
        # Nor touch the history token, nor mark a day stale, once per row at the commit.
        history_token.uninstall(target)
        figures_stale.uninstall(target)
        for table in Base.metadata.sorted_tables:
            rows = source.execute(select(table)).mappings().all()
            if rows:
                target.execute(table.insert(), rows)
        search_index.rebuild(target)
        history_token.install(target)
        figures_stale.install(target)  # everything stale: the first look works every quarter out
    # What autovacuum soon does on a server in use: planner statistics, and
    # the GIN index's pending list merged (a bulk load leaves it long).
    with pg.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE")
    return pg


def _timed(db, work, runs: int) -> tuple[list[float], object]:
    """Run ``work(session)`` in a transaction once to warm up, then ``runs`` times; return sorted times."""
    times = []
    for index in range(runs + 1):
        started = time.perf_counter()
        with db.transaction() as session:
            result = work(session)
        if index:
            times.append(time.perf_counter() - started)
    return sorted(times), result


def _measure(name: str, db, args: argparse.Namespace, today: dt.date) -> tuple[list[tuple], object]:
    from figures_looks import time_looks

    from facilitator.search import search

    rows = []
    for label, query in QUERIES:
        times, hits = _timed(db, lambda s, q=query: search(s, q, limit=50), args.runs)
        rows.append((name, f'search "{query}" ({label})', len(hits), times, SEARCH_TARGET))

    times_by_look, report = time_looks(db, today, args.figure_runs)
    for look, times in times_by_look.items():
        rows.append((name, f"figures, {look}", None, times, FIGURES_TARGET))
    return rows, report


def _print_table(rows: list[tuple]) -> None:
    print(f"\n{'backend':<11} {'measurement':<38} {'hits':>4} {'median':>9} {'p95':>9} {'target':>9}  met")
    for backend, label, hits, times, target in rows:
        median, p95 = statistics.median(times), times[round(0.95 * (len(times) - 1))]
        print(
            f"{backend:<11} {label:<38} {'' if hits is None else hits:>4} {median * 1000:>6.1f} ms "
            f"{p95 * 1000:>6.1f} ms {'< ' + str(round(target * 1000)) + ' ms':>9}  "
            + ("yes" if median < target else "NO")
        )


def main() -> int:
    """Build the history on both backends, time search and figures on each, print the table."""
    args = _arguments()
    with tempfile.TemporaryDirectory(prefix="bench-shared-db-") as tmp:
        os.environ["SCALE_ACROSS_DATA_DIR"] = tmp
        from make_history import counts

        from tests import pg_server
        from tests.pg_databases import Databases

        started = time.perf_counter()
        server_url, folder = os.environ.get(pg_server.URL_VARIABLE), None
        if not server_url:
            server_url, folder = pg_server.start_private()
        server_time = time.perf_counter() - started
        try:
            databases = Databases(server_url, "bench_shared_db")
            try:
                started = time.perf_counter()
                lite = _sqlite_history(args, Path(tmp))
                made_time, started = time.perf_counter() - started, time.perf_counter()
                pg = _copy_to_server(lite, databases.create(f"p{os.getpid()}"))
                copy_time = time.perf_counter() - started
                rows = counts(lite)
                print(
                    f"history: {rows['events']:,} events, {rows['patterns']:,} patterns, "
                    f"{rows['coalitions']} coalitions; same row counts on PostgreSQL: {counts(pg) == rows}"
                )
                print(
                    f"setup: PostgreSQL server {'private, started in ' if folder else 'given, reached in '}"
                    f"{server_time:.1f} s; SQLite history {'copied' if args.db else 'generated'} in "
                    f"{made_time:.1f} s; copied to PostgreSQL (with index rebuild, VACUUM ANALYZE) "
                    f"in {copy_time:.1f} s"
                )
                today = dt.date.today()
                lite_rows, lite_report = _measure("SQLite", lite, args, today)
                pg_rows, pg_report = _measure("PostgreSQL", pg, args, today)
                _print_table(lite_rows + pg_rows)
                print(f"\nsame figures on both backends: {lite_report == pg_report}")
                lite.close()
                pg.close()
            finally:
                databases.drop_all()
        finally:
            if folder is not None:
                pg_server.stop(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
