"""On a real X server with two monitors: F5 puts the room view on the projector, unplugging brings it back.

Xvfb gives one wide screen; RandR 1.5 monitors split it into a 1280×720
laptop and a 1920×1080 projector, which Qt sees as two screens. `xrandr
--delmonitor` is the cable coming out. CI installs Xvfb and xrandr
(.ci/run); elsewhere the test is skipped unless SCALE_ACROSS_REQUIRE_XVFB is set.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(__file__).parent / "xvfb" / "two_screens_app.py"
ROOT = Path(__file__).parents[2]
MISSING = [tool for tool in ("Xvfb", "xrandr") if shutil.which(tool) is None]

pytestmark = pytest.mark.skipif(
    bool(MISSING) and not os.environ.get("SCALE_ACROSS_REQUIRE_XVFB"),
    reason=f"needs {', '.join(MISSING)} (apt-get install xvfb x11-xserver-utils)",
)


@pytest.fixture
def two_monitors(tmp_path):
    """Start Xvfb (it picks a free display) with a laptop and a projector monitor."""
    read, write = os.pipe()
    # -noreset: without it Xvfb resets when xrandr disconnects, and forgets the monitors.
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            "3200x1080x24",
            "+extension",
            "RANDR",
            "-noreset",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()  # blocks until the server is ready
    env = {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    try:
        # The laptop takes Xvfb's one output ("screen"); the projector is a virtual monitor.
        for monitor in (
            ["*LAPTOP", "1280/339x720/191+0+0", "screen"],
            ["PROJ", "1920/508x1080/286+1280+0", "none"],
        ):
            subprocess.run(["xrandr", "--setmonitor", *monitor], env=env, check=True, capture_output=True)
        yield env
    finally:
        server.terminate()
        server.wait()


def test_f5_puts_the_room_view_on_the_projector_and_unplugging_brings_it_back(two_monitors, tmp_path):
    env = {
        **two_monitors,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, str(APP)], env=env, capture_output=True, text=True, timeout=240, cwd=ROOT
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stdout + result.stderr
    seen = json.loads(lines[-1])
    assert seen.pop("screens") == ["LAPTOP", "PROJ"]
    assert seen == dict.fromkeys(seen, True), result.stderr
    assert result.returncode == 0, result.stderr
