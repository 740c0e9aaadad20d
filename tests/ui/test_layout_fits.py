"""Every screen, at every zoom step, on a 1080p and a 720p projector: no text is cut off.

The tour (``layout_tour.py``) brings up the start page, each Prepare section,
each step of the default agenda and the follow-up agenda's Adoption review, the
Review page, the five follow-up pages and the New event, F1, Backups and Change
status dialogs, with the sample event and a fuller one, at each of
``ui.settings.ZOOM_STEPS``; ``layout_check.clipped`` names every text that does
not fit where it was put.

Qt's offscreen platform takes its screen from a JSON layout given when Qt
starts, so each screen size runs in a process of its own (dialogs size
themselves against the screen, and a window cannot grow past a real one). The
two processes run side by side, started by a module fixture, so the sizes cost
the time of one on a machine with two cores.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TOUR = Path(__file__).with_name("layout_tour.py")
SIZES = ((1920, 1080), (1280, 720))
TIMEOUT_S = 600  # a generous bound for a loaded machine; a tour takes about 30 s
SHOWN = 40  # clipped texts listed in a failure, of however many there are


@pytest.fixture(scope="module")
def tours(tmp_path_factory):
    """Start one tour per screen size at once; return their processes by size."""
    folder = tmp_path_factory.mktemp("layout")
    running = {}
    for width, height in SIZES:
        screens = folder / f"screens-{width}x{height}.json"
        screens.write_text(
            json.dumps({"screens": [{"name": "projector", "x": 0, "y": 0, "width": width, "height": height}]})
        )
        data = folder / f"data-{width}x{height}"
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=f"offscreen:configfile={screens}",
            SCALE_ACROSS_DATA_DIR=str(data),
            XDG_CONFIG_HOME=str(data),
        )
        # Into files, not pipes: a tour with much to say must not wait for its reader.
        out, err = folder / f"out-{width}x{height}.jsonl", folder / f"err-{width}x{height}.txt"
        with out.open("w") as stdout, err.open("w") as stderr:
            process = subprocess.Popen(
                [sys.executable, str(TOUR), "--size", f"{width}x{height}"],
                stdout=stdout,
                stderr=stderr,
                text=True,
                env=env,
            )
        running[(width, height)] = (process, out, err)
    yield running
    for process, _out, _err in running.values():
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_no_text_is_clipped_on_any_screen_at_any_zoom(tours, size):
    process, out_file, err_file = tours[size]
    try:
        process.wait(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail(
            f"the layout tour at {size[0]}×{size[1]} did not finish in {TIMEOUT_S} s\n"
            f"{err_file.read_text()[-3000:]}"
        )
    out, err = out_file.read_text(), err_file.read_text()
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    done = [line for line in lines if "done" in line]
    assert process.returncode == 0 and done, f"the layout tour at {size[0]}×{size[1]} failed:\n{err[-3000:]}"
    clipped = [line["message"] for line in lines if "message" in line]
    listed = "\n".join(clipped[:SHOWN])
    more = f"\n… and {len(clipped) - SHOWN} more" if len(clipped) > SHOWN else ""
    assert not clipped, f"{len(clipped)} texts do not fit at {size[0]}×{size[1]}:\n{listed}{more}"
