"""Benchmark: how long an edit takes to reach the room view while presenting.

The walk-through is at Outcomes & Patterns with 50 records on every step
(bench/big_event.py), presenting to a 1920x1080 room view. Each edit changes
an outcome's title through the event editor, as a cell edit does; the time is
taken from the edit until the room view has rebuilt its slide and painted it
(its pixels grabbed). "Within a frame or two" is 17–33 ms at 60 Hz.

Run: .venv/bin/python bench/room_refresh.py [--edits 100]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    """Time edits until the room view shows them, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        from big_event import open_at_outcomes

        from facilitator.domain import Outcome
        from facilitator.services import outcomes
        from ui.actions import Act

        app, db, window = open_at_outcomes(Path(tmp), "room.sqlite3", (1280, 720))
        window.actions_[Act.PRESENT].trigger()
        room = window.room
        room.room.resize(1920, 1080)
        app.processEvents()
        editor = window.editor
        target = editor.event.outcomes[0].id
        whole, slide_only = [], []
        for n in range(args.edits):
            start = time.perf_counter()
            editor.update("Edit outcome", Outcome, target, outcomes.update_outcome, title=f"Outcome {n}")
            stored = time.perf_counter()
            room.refresh()  # what the next turn of the event loop does
            room.room.canvas.grab()  # paints the slide, as the next frame does
            done = time.perf_counter()
            assert f"Outcome {n}" in " ".join(run.text for run in room.room.canvas.placed().runs)
            whole.append((done - start) * 1000)
            slide_only.append((done - stored) * 1000)
        print(f"edits: {args.edits}, 50 records per step, room view 1920x1080")
        print(f"edit stored and shown in the room view: median {statistics.median(whole):.1f} ms")
        room_ms = statistics.median(slide_only)
        print(f"  of which the room view's slide, layout and paint: median {room_ms:.1f} ms")
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
