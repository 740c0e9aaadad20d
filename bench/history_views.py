"""Benchmark: the follow-up views on a big history (issue 6's scale targets).

Make the history first:
    .venv/bin/python bench/make_history.py --events 10000 --db /tmp/history.sqlite3
then run:
    .venv/bin/python bench/history_views.py --db /tmp/history.sqlite3

It works on a copy of the file (the original is never written) inside one
app process, as a coalition lead would use it, and prints:
- the time to open the history view (first open, with its imports, and again),
  target under 300 ms;
- search latency over typical queries, common words included: median and
  95th percentile, target median under 50 ms;
- the time to compute all figures, overall and per coalition, target under 200 ms;
- the app's resident memory with the file open and every view visited,
  target under 250 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Typical look-ups: names (with and without accents), domain words that occur
# in thousands of records, two-word phrases, and prefixes as they are typed.
QUERIES = (
    "team",
    "the",
    "deploy",
    "review",
    "test",
    "zoe",
    "Zoë",
    "muller",
    "josé",
    "pairing",
    "feature flag",
    "trunk",
    "on-call",
    "coaching",
    "breaks",
    "incident",
    "release train",
    "mob",
    "dep",
    "retro",
    "budget",
    "platform team",
    "abandoned",
    "checklist",
    "onboarding",
)


def _rss_mb() -> tuple[float, float]:
    """Return (current, peak) resident memory of this process in MB."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _copy(source: Path, folder: Path) -> Path:
    target = folder / source.name
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


def main() -> int:
    """Measure history, search, figures and memory on a copy of ``--db``."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True, help="a history made by bench/make_history.py")
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each query and of the figures")
    args = parser.parse_args()
    if not args.db.is_file():
        parser.error(f"{args.db}: no such file; make one with bench/make_history.py")

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp
        os.environ["SCALE_ACROSS_DATA_DIR"] = tmp
        path = _copy(args.db, Path(tmp))
        from PySide6.QtWidgets import QApplication

        from facilitator.storage import open_database
        from ui.actions import Act
        from ui.fonts import register_fonts
        from ui.main_window import MainWindow

        app = QApplication.instance() or QApplication([])
        app.setFont(register_fonts())
        db = open_database(path)
        with db.transaction() as session:
            from sqlalchemy import text

            count = session.execute(text("SELECT count(*) FROM events")).scalar_one()
        window = MainWindow(db)
        window.resize(1920, 1080)
        window.show()
        app.processEvents()
        print(f"{path.name}: {count:,} events, {path.stat().st_size / 2**20:.0f} MB")

        # History view: from the menu action to the painted table, the first
        # time (imports and building the page included), then reloads.
        window.show_start()
        app.processEvents()
        started = time.perf_counter()
        window.show_followup(Act.HISTORY)
        app.processEvents()
        window.grab()
        first = time.perf_counter() - started
        page = window.followup.pages[Act.HISTORY]
        reloads = []
        for _ in range(args.runs):
            started = time.perf_counter()
            page.refresh()
            app.processEvents()
            window.grab()
            reloads.append(time.perf_counter() - started)
        print(
            f"history view: first open {_ms(first)}, reload median {_ms(statistics.median(reloads))}, "
            f"best {_ms(min(reloads))} (target < 300 ms); {page.model.rowCount():,} rows"
        )

        from facilitator.search import search

        latencies = []
        hits = {}
        for _ in range(args.runs):
            for query in QUERIES:
                with db.transaction() as session:
                    started = time.perf_counter()
                    hits[query] = len(search(session, query))
                    latencies.append(time.perf_counter() - started)
        latencies.sort()
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        print(
            f"search: median {_ms(statistics.median(latencies))}, p95 {_ms(p95)}, "
            f"max {_ms(latencies[-1])} over {len(latencies)} queries (target median < 50 ms)"
        )
        print("  hits per query (limit 50): " + ", ".join(f"{q!r} {n}" for q, n in hits.items()))

        from facilitator.figures import compute_figures

        times = []
        for _ in range(args.runs):
            with db.transaction() as session:
                started = time.perf_counter()
                report = compute_figures(session)
                times.append(time.perf_counter() - started)
        print(
            f"figures: first {_ms(times[0])}, median {_ms(statistics.median(times))} "
            f"for {len(report.scopes)} scopes (target < 200 ms)"
        )

        for act in (Act.SEARCH, Act.ADOPTIONS, Act.PATTERN_LIBRARY, Act.FIGURES):
            started = time.perf_counter()
            window.show_followup(act)
            app.processEvents()
            window.grab()
            print(f"  {act.value} page shown in {_ms(time.perf_counter() - started)}")
        current, peak = _rss_mb()
        print(f"memory: {current:.0f} MB resident now, {peak:.0f} MB at peak (target < 250 MB)")
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
