"""A reader that stops early (`scale-across events | head -1`) is not an error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from facilitator.demo import create_demo_event

ROOT = Path(__file__).resolve().parents[2]


def test_a_closed_pipe_ends_quietly_with_status_zero(db, db_path):
    with db.transaction() as session:
        create_demo_event(session)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from ui.cli import main; raise SystemExit(main())",
            "events",
            "--db",
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    process.stdout.close()  # the reader is gone before anything is written
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert stderr == ""
