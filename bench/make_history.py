"""Generate a realistic event history for the follow-up benchmarks.

Builds ``--events`` events (about 20 records each: participants, outcomes,
patterns presented with new boundary conditions, agreements with support, a
fit check and a dated status history) shared among 40 coalitions and a library of 300
patterns, over the six years before today. Every event goes in through the
app's own bulk path, the event-file importer: each one is written as an
event-file document, checked like a file would be, and imported with
``import_event``; ``--batch`` events share one transaction. The file is
built as ``FILE.partial`` and renamed to FILE when it is complete.

Run: .venv/bin/python bench/make_history.py --events 10000 --db FILE
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from history_events import EventBuilder, schedule
from history_world import World

from ui.cli.progress import progress_bar

YEARS = 6
# Rows that are records of their own (the kinds search and "open this
# record" know); links between them are counted separately.
RECORD_TABLES = (
    "top_goals",
    "participants",
    "outcomes",
    "boundary_conditions",
    "agreements",
    "support_items",
    "status_changes",
)
LINK_TABLES = (
    "event_patterns",
    "pattern_outcomes",
    "agreement_patterns",
    "fit_answers",
    "support_capacities",
    "step_times",
)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000, help="events to generate (10000)")
    parser.add_argument("--db", type=Path, required=True, help="the SQLite file to create")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument("--batch", type=int, default=250, help="events per transaction (250)")
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=dt.date.today(),
        help="the day the history ends before (YYYY-MM-DD; default today)",
    )
    args = parser.parse_args(argv)
    if args.events < 1 or args.batch < 1:
        parser.error("--events and --batch must be at least 1")
    return args


def _files(path: Path) -> list[Path]:
    """Return the database file and the files SQLite keeps next to it."""
    return [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))]


def _clear(path: Path) -> None:
    for file in _files(path):
        file.unlink(missing_ok=True)


def _publish(work: Path, path: Path) -> None:
    """Move the finished file into place, so ``path`` is never seen half-written."""
    _clear(path)
    for source, target in reversed(list(zip(_files(work), _files(path), strict=True))):
        if source.exists():
            source.replace(target)


def validated(doc: dict, source: str):
    """Check ``doc`` exactly as an event file with this content would be checked."""
    from facilitator.documents import parse_document
    from facilitator.eventfile import MAX_FILE_BYTES, validate_event_document

    data = json.dumps(doc, ensure_ascii=False).encode()
    return validate_event_document(
        parse_document(data, source, is_json=True, max_bytes=MAX_FILE_BYTES), source
    )


def generate(db, count: int, seed: int, batch: int, today: dt.date, *, progress=None) -> None:
    """Import ``count`` generated events into ``db``, ``batch`` per transaction.

    ``progress`` (a ``facilitator.progress.Progress``) is told (events done,
    ``count``) after each committed batch.
    """
    from facilitator.eventfile import import_event

    rng = random.Random(seed)
    start = today - dt.timedelta(days=round(365.25 * YEARS))
    world = World(rng, start, today - dt.timedelta(days=1))
    builder = EventBuilder(world, dt.datetime.combine(today, dt.time()))
    dates = schedule(world, count, today)
    for first in range(0, count, batch):
        with db.transaction() as session:
            for index in range(first, min(first + batch, count)):
                day, status = dates[index]
                doc = validated(builder.build(day, status), f"event-{index + 1}.json")
                import_event(session, doc)
        if progress is not None:
            progress(min(first + batch, count), count)


def _lines(started: float):
    """Return a progress callback printing one line per batch (for logs, where no bar is drawn)."""

    def line(done: int, count: int) -> None:
        elapsed = time.perf_counter() - started
        print(f"  {done:>6}/{count} events   {elapsed:7.1f} s", flush=True)

    return line


def counts(db) -> dict[str, int]:
    """Return the number of rows per table that the summary reports."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        tables = ("events", "coalitions", "patterns", *RECORD_TABLES, *LINK_TABLES)
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}


def main(argv: list[str] | None = None) -> int:
    """Generate the history and print what it holds."""
    args = _arguments(argv)
    from facilitator.documents import DocumentError
    from facilitator.storage import StorageError, open_database

    if args.db.exists() and not args.force:
        raise SystemExit(f"make_history: {args.db} already exists; pass --force to replace it")
    work = args.db.with_name(args.db.name + ".partial")
    _clear(work)
    started = time.perf_counter()
    try:
        db = open_database(work)
    except StorageError as exc:
        raise SystemExit(f"make_history: cannot open {args.db}: {exc}") from None
    print(
        f"Generating {args.events} events into {work} (seed {args.seed}, {args.batch} per transaction)",
        flush=True,
    )
    try:
        # At a terminal a bar on stderr; in a log, the plain line per batch as before.
        with progress_bar("Generating events", "events") as bar:
            generate(db, args.events, args.seed, args.batch, args.today, progress=bar or _lines(started))
    except (DocumentError, StorageError) as exc:
        # A generated event the importer refuses is a bug in this script.
        raise SystemExit(f"make_history: stopped, {work} is incomplete: {exc}") from None
    rows = counts(db)
    db.close()
    _publish(work, args.db)
    elapsed = time.perf_counter() - started
    size = sum(f.stat().st_size for f in _files(args.db) if f.exists())
    records = sum(rows[t] for t in RECORD_TABLES)
    print(f"events      {rows['events']}")
    print(
        f"records     {records}   ({records / rows['events']:.1f} per event: "
        + ", ".join(f"{t} {rows[t]}" for t in RECORD_TABLES)
        + ")"
    )
    print("links       " + ", ".join(f"{t} {rows[t]}" for t in LINK_TABLES))
    print(f"patterns    {rows['patterns']}")
    print(f"coalitions  {rows['coalitions']}")
    print(f"file size   {size / 2**20:.1f} MiB")
    print(f"elapsed     {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
