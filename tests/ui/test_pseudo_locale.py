"""Every screen under the pseudo-locales: every word translated, longer text fits, right to left mirrored.

The layout tour (``layout_tour.py``) runs with ``--lang en_XA`` (every
translated text wrapped in ``⟦ ⟧``, accented and 40 % longer) at normal zoom
on a 1080p and a 720p screen, and with ``--lang ar_XB`` (the same, right to
left) on the 720p one. It reports any text that does
not fit, any text on screen outside the marks that is not data
(``untranslated.py``: a word that never went through translation), and any
two texts drawn over each other (``layout_overlap.py``).

``python tests/ui/layout_tour.py --lang en_XA --shots DIR --shots-all`` saves
every screen it visits, to look at.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TOUR = Path(__file__).with_name("layout_tour.py")
# At normal zoom: text 40 % longer than English at 200 % zoom on a 720p screen
# leaves a message box taller than the screen, which no layout can fix; German at
# every zoom is toured by test_layout_fits.py.
RUNS = {
    "en_XA-1920x1080": ("en_XA", (1920, 1080), (100,)),
    "en_XA-1280x720": ("en_XA", (1280, 720), (100,)),
    "ar_XB-1280x720": ("ar_XB", (1280, 720), (100,)),
}
TIMEOUT_S = 600
SHOWN = 40


@pytest.fixture(scope="module")
def tours(tmp_path_factory):
    """Start every run at once; return their processes by name."""
    folder = tmp_path_factory.mktemp("pseudo")
    running = {}
    for name, (lang, (width, height), zooms) in RUNS.items():
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
        command = [sys.executable, str(TOUR), "--size", f"{width}x{height}", "--lang", lang]
        for zoom in zooms:
            command += ["--zoom", str(zoom)]
        out, err = folder / f"out-{name}.jsonl", folder / f"err-{name}.txt"
        with out.open("w") as stdout, err.open("w") as stderr:
            running[name] = (
                subprocess.Popen(command, stdout=stdout, stderr=stderr, text=True, env=env),
                out,
                err,
            )
    yield running
    for process, _out, _err in running.values():
        if process.poll() is None:
            process.kill()
            process.wait()


def _findings(tours, name: str) -> list[dict]:
    process, out_file, err_file = tours[name]
    try:
        process.wait(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail(f"the tour {name} did not finish in {TIMEOUT_S} s\n{err_file.read_text()[-3000:]}")
    lines = [json.loads(line) for line in out_file.read_text().splitlines() if line.startswith("{")]
    assert process.returncode == 0 and any("done" in line for line in lines), (
        f"the tour {name} failed:\n{err_file.read_text()[-3000:]}"
    )
    return [line for line in lines if "message" in line]


def _listed(found: list[dict]) -> str:
    messages = sorted({line["message"] for line in found})
    more = f"\n… and {len(messages) - SHOWN} more" if len(messages) > SHOWN else ""
    return "\n".join(messages[:SHOWN]) + more


@pytest.mark.parametrize("name", list(RUNS))
def test_every_word_on_every_screen_went_through_translation(tours, name):
    found = [line for line in _findings(tours, name) if line.get("why") == "untranslated"]
    assert not found, f"{len(found)} texts were not translated ({name}):\n{_listed(found)}"


@pytest.mark.parametrize("name", list(RUNS))
def test_text_forty_percent_longer_still_fits_and_nothing_overlaps(tours, name):
    found = [line for line in _findings(tours, name) if line.get("why") != "untranslated"]
    assert not found, f"{len(found)} texts do not fit or overlap ({name}):\n{_listed(found)}"
