"""Benchmark: issue 18's whole table in one run: ours | reference | ratio | target (medians).

Rows, each measured beside its reference in the same run:

1. ``scale-across export ID --out F.pdf`` of a large event (30 outcomes, 20
   patterns, 60 agreements), whole process: time and peak memory (max RSS),
   beside LibreOffice turning the same text (as HTML) into a PDF when
   ``soffice`` is on PATH (Debian: ``libreoffice-writer-nogui``), else marked
   absent. Target: 1.5x faster, at most half its memory. Beside it, for
   context, the stack's floor for that very document: one process that
   imports SQLAlchemy and ReportLab, registers the fonts its text needs and
   lays out its paragraphs bare.
2. The same for the demo event, beside the stack's floor: one process that
   imports SQLAlchemy and ReportLab, registers one TTF font and builds 120
   paragraphs. Target: at most 1.5x the floor. Beside it, the floor for the
   demo's own paragraphs and fonts.
3. The large event's summary PDF built in process, beside a bare ReportLab
   platypus document with the very paragraphs it lays out (as one flat story,
   without its tables). Target: at most 2x.
4. ``scale-across search WORD``, ``events`` and ``figures``, whole process, on
   SQLite and on PostgreSQL, each beside one process that imports SQLAlchemy,
   opens the same database and runs one full-text query (bench/cli_rows.py).
   Target: 1.3x.
5. With ``--history FILE`` (from bench/make_history.py): the figures in
   process after one edit, looked at again, and the first look ever
   (bench/figures_looks.py), beside one SQL GROUP BY over the same tables.
   Target: under 100 ms.
6. Start to the painted start window (the app's start path), beside a bare
   ``QMainWindow`` shown and painted. Target: at most 1.5x. Beside it, the
   same screen's bones (the events table, a filter, 48 menu actions) in bare
   PySide6.

Ours and its references run in turn, round after round, so that the drift of
a shared machine's speed falls on both sides of a ratio; and the app's modules
are compiled to bytecode first, as ``pip install .`` leaves them for a user.

Run: .venv/bin/python bench/speed_table.py [--runs 5] [--history FILE]
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
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
BIN = Path(sys.executable).parent
T = TypeVar("T")


def run_process(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run ``command`` to its end; return (seconds, peak resident MiB of the process)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"speed_table: {command[:4]} failed: {process.stderr.read().decode()[-400:]}")
    return elapsed, usage.ru_maxrss / 1024


def in_turn(measures: list[Callable[[], T]], runs: int) -> list[list[T]]:
    """Return, per measure, what it gave in each of ``runs`` rounds.

    Each round takes every measure once, in turn (after one warm-up round):
    on a machine whose speed drifts from one second to the next, a slow
    spell then hits ours and its reference alike instead of one of them.
    """
    for measure in measures:
        measure()
    rounds = [[measure() for measure in measures] for _ in range(runs)]
    return [[round_[n] for round_ in rounds] for n in range(len(measures))]


def interleaved(
    commands: list[list[str]], runs: int, env: dict[str, str] | None = None
) -> list[tuple[float, float]]:
    """Return, per command, its median time and largest peak memory over ``runs`` rounds in turn."""
    columns = in_turn([partial(run_process, command, env) for command in commands], runs)
    return [(statistics.median(t for t, _ in column), max(m for _, m in column)) for column in columns]


def median_calls(actions: list[Callable[[], object]], runs: int) -> list[float]:
    """Return the median seconds of each of ``actions``, called in turn each round."""

    def timed(action: Callable[[], object]) -> Callable[[], float]:
        def measure() -> float:
            started = time.perf_counter()
            action()
            return time.perf_counter() - started

        return measure

    return [statistics.median(column) for column in in_turn([timed(action) for action in actions], runs)]


class Table:
    """Collects rows and prints them aligned."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, what: str, ours: str, reference: str, ratio: str, target: str) -> None:
        """Add one row (texts as printed)."""
        self.rows.append((what, ours, reference, ratio, target))
        print(f"  measured: {what}", flush=True)

    def print(self) -> None:
        """Print the table."""
        head = ("what", "ours", "reference", "ratio", "target")
        widths = [max(len(row[i]) for row in [head, *self.rows]) for i in range(5)]
        for row in [head, *self.rows]:
            print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def libreoffice_command(text: list[str], folder: Path) -> list[str] | None:
    """Return LibreOffice's command to turn ``text`` (HTML paragraphs) into a PDF; None without soffice."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    html = folder / "event.html"
    html.write_text("<html><body>" + "".join(f"<p>{p}</p>" for p in text) + "</body></html>", "utf-8")
    profile = (folder / "lo-profile").as_uri()
    return [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
            "--outdir", str(folder / "lo"), str(html)]  # fmt: skip


def export_rows(table: Table, folder: Path, runs: int, env: dict[str, str]) -> None:
    """Rows 1-4: whole-process exports, the in-process build, the read-only commands."""
    from cli_rows import command_rows
    from export_pdf import bare_reportlab, build_event, paragraphs_of, text_chunks
    from floors import FLOOR_EXPORT, document_floor

    from exports.pdf import render_summary
    from exports.pdf.fonts import FILES, REGULAR

    large = folder / "large.sqlite3"
    event = build_event(large)
    ours_command = [str(BIN / "scale-across"), "--db", str(large), "export", str(event.id)]
    ours_command += ["--out", str(folder / "large.pdf")]
    paragraphs = paragraphs_of(lambda: render_summary(event))
    floor_command = document_floor(paragraphs, folder / "large-paragraphs.json")
    office_command = libreoffice_command(text_chunks([render_summary(event)]), folder)
    commands = [ours_command, floor_command] + ([office_command] if office_command else [])
    (ours, ours_mem), (floor, floor_mem), *office = interleaved(commands, runs, env)
    if not office:
        table.add(
            "export large event, whole process",
            f"{ours:.2f} s, {ours_mem:.0f} MiB",
            "LibreOffice: absent (no soffice on PATH)",
            "-",
            "1.5x faster, half the memory",
        )
    else:
        table.add(
            "export large event, whole process",
            f"{ours:.2f} s, {ours_mem:.0f} MiB",
            f"LibreOffice {office[0][0]:.2f} s, {office[0][1]:.0f} MiB",
            f"{office[0][0] / ours:.2f}x faster, {ours_mem / office[0][1]:.2f} of its memory",
            "1.5x faster, half the memory",
        )
    table.add(
        "  the stack's floor for that document",
        f"{ours:.2f} s, {ours_mem:.0f} MiB",
        f"bare platypus, same {len(paragraphs)} paragraphs, whole process {floor:.2f} s, {floor_mem:.0f} MiB",
        f"{ours / floor:.2f}x the floor",
        f"(LibreOffice / 1.5 = {office[0][0] / 1.5:.2f} s)" if office else "(LibreOffice absent)",
    )

    demo = folder / "demo.sqlite3"
    subprocess.run(
        [str(BIN / "scale-across"), "--db", str(demo), "demo"], env=env, check=True, capture_output=True
    )
    from facilitator.services.events import list_events, load_event
    from facilitator.storage import open_database

    db = open_database(demo)
    with db.transaction() as session:
        demo_event = load_event(session, list_events(session)[0].id)
    db.close()
    font = str(ROOT / "resources" / "fonts" / FILES[REGULAR])
    export = [str(BIN / "scale-across"), "--db", str(demo), "export", str(demo_event.id)]
    export += ["--out", str(folder / "demo.pdf")]
    demo_paragraphs = paragraphs_of(lambda: render_summary(demo_event))
    same = document_floor(demo_paragraphs, folder / "demo-paragraphs.json")
    (ours, _), (floor, _), (same_floor, _) = interleaved(
        [export, [sys.executable, "-c", FLOOR_EXPORT, font], same], runs, env
    )
    table.add(
        "export demo event, whole process",
        f"{ours:.2f} s",
        f"floor {floor:.2f} s",
        f"{ours / floor:.2f}x the floor",
        "<= 1.5x",
    )
    table.add(
        "  the stack's floor for that document",
        f"{ours:.2f} s",
        f"bare platypus, same {len(demo_paragraphs)} paragraphs and fonts, whole process {same_floor:.2f} s",
        f"{ours / same_floor:.2f}x",
        f"(1.5x the floor = {floor * 1.5:.2f} s)",
    )

    built, bare = median_calls([lambda: render_summary(event), lambda: bare_reportlab(paragraphs)], runs)
    table.add(
        "summary PDF build, in process",
        f"{built * 1000:.0f} ms",
        f"bare platypus, same {len(paragraphs)} paragraphs, no tables {bare * 1000:.0f} ms",
        f"{built / bare:.2f}x",
        "<= 2x (bare with tables)",
    )
    command_rows(table, demo, lambda commands: interleaved(commands, runs, env), env)


def figures_row(table: Table, history: Path | None, folder: Path, runs: int) -> None:
    """Row 5: the figures of a long history, in process."""
    if history is None:
        table.add("figures, in process", "not measured (give --history FILE)", "-", "-", "< 100 ms")
        return
    from figures_looks import LOOKS, time_looks
    from sqlalchemy import text

    from facilitator.storage import open_database

    copy = folder / "history.sqlite3"
    shutil.copyfile(history, copy)
    db = open_database(copy)

    def group_by() -> None:
        with db.transaction() as session:
            session.execute(
                text(
                    "SELECT e.date, a.status, count(*) FROM agreements a "
                    "JOIN events e ON e.id = a.event_id GROUP BY e.date, a.status"
                )
            ).all()

    with db.transaction() as session:
        events = session.execute(text("SELECT count(*) FROM events")).scalar_one()
    times, _ = time_looks(db, dt.date.today(), runs)
    first, edited, fresh_process, again = (statistics.median(times[look]) for look in LOOKS)
    (floor,) = median_calls([group_by], runs)
    db.close()
    table.add(
        f"figures at {events:,} events, in process",
        f"{edited * 1000:.0f} ms after one edit ({fresh_process * 1000:.0f} ms in a new process), "
        f"{again * 1000:.1f} ms unchanged, {first * 1000:.0f} ms the first look ever",
        f"one GROUP BY {floor * 1000:.0f} ms",
        f"{edited / floor:.2f}x, {again / floor:.3f}x",
        "< 100 ms",
    )


def start_row(table: Table, db_path: Path, runs: int) -> None:
    """Row 6: start to a painted start window."""
    from floors import START_FLOOR
    from startup_and_steps import APP, BARE, _time_to_ready

    bare, same, app = in_turn(
        [
            partial(_time_to_ready, BARE),
            partial(_time_to_ready, START_FLOOR, str(db_path)),
            partial(_time_to_ready, APP, str(db_path)),
        ],
        runs,
    )
    bare_ms, same_ms, app_ms = (statistics.median(times) * 1000 for times in (bare, same, app))
    table.add(
        "start to painted start window",
        f"{app_ms:.0f} ms",
        f"bare window {bare_ms:.0f} ms",
        f"{app_ms / bare_ms:.2f}x",
        "<= 1.5x",
    )
    table.add(
        "  the same screen in bare PySide6",
        f"{app_ms:.0f} ms",
        f"events table, filter, 48 menu actions {same_ms:.0f} ms ({same_ms / bare_ms:.2f}x bare)",
        f"{app_ms / same_ms:.2f}x",
        "(context)",
    )


def compile_bytecode() -> None:
    """Compile the app's modules to bytecode, as ``pip install .`` does for a user.

    In an editable checkout run with PYTHONDONTWRITEBYTECODE (as on the
    development machines) every measured process would otherwise compile
    the app's ~300 modules from source (40-60 ms on each start), while the
    references import SQLAlchemy, ReportLab and PySide6 from compiled files:
    a cost no user pays, charged to our side of each ratio only.
    """
    import compileall

    for package in ("facilitator", "exports", "ui"):
        compileall.compile_dir(ROOT / package, quiet=1)


def main() -> int:
    """Measure every row and print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement (5)")
    parser.add_argument("--history", type=Path, help="a bench/make_history.py file, for the figures row")
    args = parser.parse_args()
    if args.history is not None and not args.history.is_file():
        parser.error(f"{args.history}: no such file; make one with bench/make_history.py")
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as tmp:
        folder = Path(tmp)
        os.environ["SCALE_ACROSS_DATA_DIR"] = str(folder / "data")
        env = dict(os.environ)
        table = Table()
        export_rows(table, folder, args.runs, env)
        figures_row(table, args.history, folder, args.runs)
        start_row(table, folder / "demo.sqlite3", args.runs)
        print(f"\nmedians of {args.runs} runs, {dt.date.today()}:\n")
        table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
