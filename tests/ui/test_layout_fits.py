"""Every screen at every zoom, on a 1080p and a 720p projector, in English and German: no text cut off.

The tour (``layout_tour.py``) brings up the start page, each Prepare section,
each step of the default agenda and the follow-up agenda's Adoption review, the
Review page, the five follow-up pages and the New event, F1, Backups and Change
status dialogs, with the sample event and a fuller one, at each of
``ui.settings.ZOOM_STEPS``; ``layout_check.clipped`` names every text that does
not fit where it was put.

Qt's offscreen platform takes its screen from a JSON layout given when Qt
starts, so each screen size runs in a process of its own (dialogs size
themselves against the screen, and a window cannot grow past a real one). The
processes run side by side, started by a module fixture. German, whose words
run about a third longer, is toured the same way (overlapping texts reported too);
the pseudo-locales (``test_pseudo_locale.py``) stretch the text further at normal zoom.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TOUR = Path(__file__).with_name("layout_tour.py")
RUNS = {  # name: (language, screen size)
    "1920x1080": ("", (1920, 1080)),
    "1280x720": ("", (1280, 720)),
    "de-1920x1080": ("de", (1920, 1080)),
    "de-1280x720": ("de", (1280, 720)),
}
TIMEOUT_S = 600  # a generous bound for a loaded machine; a tour takes about 30 s
SHOWN = 40  # clipped texts listed in a failure, of however many there are


@pytest.fixture(scope="module")
def tours(tmp_path_factory):
    """Start every run at once; return their processes by name."""
    folder = tmp_path_factory.mktemp("layout")
    running = {}
    for name, (lang, (width, height)) in RUNS.items():
        screens = folder / f"screens-{name}.json"
        screens.write_text(
            json.dumps({"screens": [{"name": "projector", "x": 0, "y": 0, "width": width, "height": height}]})
        )
        data = folder / f"data-{name}"
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=f"offscreen:configfile={screens}",
            SCALE_ACROSS_DATA_DIR=str(data),
            XDG_CONFIG_HOME=str(data),
        )
        # Into files, not pipes: a tour with much to say must not wait for its reader.
        out, err = folder / f"out-{name}.jsonl", folder / f"err-{name}.txt"
        command = [sys.executable, str(TOUR), "--size", f"{width}x{height}"] + (
            ["--lang", lang] if lang else []
        )
        with out.open("w") as stdout, err.open("w") as stderr:
            process = subprocess.Popen(
                command,
                stdout=stdout,
                stderr=stderr,
                text=True,
                env=env,
            )
        running[name] = (process, out, err)
    yield running
    for process, _out, _err in running.values():
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("name", list(RUNS))
def test_no_text_is_clipped_on_any_screen_at_any_zoom(tours, name):
    process, out_file, err_file = tours[name]
    try:
        process.wait(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail(f"the layout tour {name} did not finish in {TIMEOUT_S} s\n{err_file.read_text()[-3000:]}")
    out, err = out_file.read_text(), err_file.read_text()
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    done = [line for line in lines if "done" in line]
    assert process.returncode == 0 and done, f"the layout tour {name} failed:\n{err[-3000:]}"
    clipped = [line["message"] for line in lines if "message" in line]
    listed = "\n".join(clipped[:SHOWN])
    more = f"\n… and {len(clipped) - SHOWN} more" if len(clipped) > SHOWN else ""
    assert not clipped, f"{len(clipped)} texts do not fit ({name}):\n{listed}{more}"
