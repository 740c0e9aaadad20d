"""Durability proof: every edit the app acknowledged survives a SIGKILL.

A child process adds outcomes one transaction at a time and prints each id
only after its commit returned. The parent kills it with SIGKILL at some
moment, reopens the file, and finds every printed id and a sound database.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from facilitator.domain import Outcome
from facilitator.storage import open_database
from facilitator.storage.database import integrity_check

PROJECT_ROOT = Path(__file__).resolve().parents[2]

CHILD_CODE = r"""
import datetime as dt
import sys

from facilitator.services import events, outcomes
from facilitator.storage import open_database

db = open_database(sys.argv[1])
with db.transaction() as session:
    event_id = events.plan_event(
        session, coalitions=["Kill Test Coalition"], date=dt.date(2026, 6, 1)
    ).id
print("event", event_id, flush=True)
n = 0
while True:
    with db.transaction() as session:
        outcome = outcomes.add_outcome(
            session, event_id, "success", f"Outcome {n}", "what happened " * 20, "evidence"
        )
        outcome_id = outcome.id
    # Printed only after the commit returned: this id is acknowledged.
    print(outcome_id, flush=True)
    n += 1
"""

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")


def _reader(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line.strip())
    lines.put(None)


@pytest.mark.parametrize("acknowledged_before_kill", [1, 40, 150])
def test_every_acknowledged_outcome_survives_sigkill(db_path, acknowledged_before_kill):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD_CODE, str(db_path)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(child.stdout, lines), daemon=True).start()

    event_id = None
    acknowledged: list[uuid.UUID] = []
    deadline = time.monotonic() + 120  # a guard against a hung child, not a speed limit
    try:
        while len(acknowledged) < acknowledged_before_kill:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                pytest.fail(f"child acknowledged only {len(acknowledged)} outcomes in time")
            try:
                line = lines.get(timeout=remaining)
            except queue.Empty:
                continue
            if line is None:
                child.wait(timeout=5)
                pytest.fail(f"child exited early: {child.stderr.read()}")
            if line.startswith("event "):
                event_id = uuid.UUID(line.split()[1])
            else:
                acknowledged.append(uuid.UUID(line))
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    # Lines printed between our last read and the kill are acknowledged too.
    while True:
        try:
            line = lines.get(timeout=2)
        except queue.Empty:
            break
        if line is None:
            break
        if line and not line.startswith("event "):
            acknowledged.append(uuid.UUID(line))

    db = open_database(db_path)
    try:
        assert integrity_check(db) == "ok"
        with db.transaction() as session:
            stored = set(session.scalars(select(Outcome.id).where(Outcome.event_id == event_id)))
        missing = [i for i in acknowledged if i not in stored]
        assert missing == []
        # At most the one transaction in flight at the kill may be extra.
        assert len(stored) - len(acknowledged) in (0, 1)
    finally:
        db.close()
