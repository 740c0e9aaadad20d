"""Benchmark: what one keystroke-level edit costs in the open walk-through.

An outcome's title is changed through the event editor (the path a cell edit
takes: service call in one transaction, undo command, screens told), with the
walk-through at Outcomes & Patterns, 50 records on every step, at 1920x1080.
Prints the median time of an edit until it is painted, the GUI thread's CPU
time, and how many screens redrew per edit (each ``refresh`` call counted).

Run: .venv/bin/python bench/edit_cost.py [--edits 200]
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _count_refreshes(counts: collections.Counter[str]) -> None:
    """Wrap every ``refresh`` of the screens an edit can redraw, counting calls per class."""
    import importlib
    import inspect
    import pkgutil

    import ui

    seen = set()
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        if ".cli" in info.name:
            continue
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls in seen or "refresh" not in cls.__dict__ or not cls.__module__.startswith("ui."):
                continue
            seen.add(cls)
            original = cls.__dict__["refresh"]

            def counted(self, *args, _original=original, _name=cls.__qualname__, **kwargs):
                counts[_name] += 1
                return _original(self, *args, **kwargs)

            cls.refresh = counted


def main() -> int:
    """Time edits and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        from big_event import open_at_outcomes

        from facilitator.domain import Outcome
        from facilitator.services import outcomes

        counts: collections.Counter[str] = collections.Counter()
        _count_refreshes(counts)
        app, db, window = open_at_outcomes(Path(tmp), "edits.sqlite3", (1920, 1080))
        editor = window.editor
        assert editor is not None
        target = editor.event.outcomes[0].id
        counts.clear()
        timings, cpu = [], []
        for n in range(args.edits):
            started, started_cpu = time.perf_counter(), time.thread_time()
            ok = editor.update("Edit outcome", Outcome, target, outcomes.update_outcome, title=f"Outcome {n}")
            app.processEvents()
            timings.append(time.perf_counter() - started)
            cpu.append(time.thread_time() - started_cpu)
            assert ok, editor.last_error
        assert editor.event.outcomes[0].title == f"Outcome {args.edits - 1}"
        print(
            "one outcome title edit at Outcomes & Patterns, 50 records per step, 1920x1080, "
            f"{args.edits} edits:"
        )
        print(
            f"    median {statistics.median(timings) * 1000:.1f} ms until painted, "
            f"GUI-thread CPU {statistics.median(cpu) * 1000:.1f} ms"
        )
        per_edit = {name: n / args.edits for name, n in counts.items()}
        print(f"    screens redrawn per edit: {sum(per_edit.values()):.1f}")
        for name, n in sorted(per_edit.items(), key=lambda item: -item[1]):
            print(f"        {name:28} {n:.1f}")
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    os._exit(status)
