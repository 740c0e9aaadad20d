"""Holding a background worker at a chosen point until the test lets it go on.

No sleeps: the worker waits on a threading.Event the test opens (the wait
has a long guard only so that a broken build fails instead of hanging).
"""

from __future__ import annotations

import threading

GUARD = 60  # seconds a held worker waits before giving up: only reached when something is broken
LONG = 120_000  # ms: rendering under a loaded machine may take a while; nothing here is timed


class Gate:
    """Holds a worker until the test opens it."""

    def __init__(self) -> None:
        self.open = threading.Event()
        #: Per held call, whether it ran in the GUI thread (it must not).
        self.in_gui_thread: list[bool] = []

    def wait(self) -> None:
        """Called by the worker: wait for the test to open the gate."""
        assert self.open.wait(GUARD), "the test never let the worker go on"


def hold(monkeypatch, owner, name: str, gate: Gate, *, after: bool = False) -> None:
    """Make ``owner.name`` wait at ``gate`` while it is shut: before it runs, or after with ``after``."""
    real = getattr(owner, name)

    def held(*args, **kwargs):
        gate.in_gui_thread.append(threading.current_thread() is threading.main_thread())
        if not after and not gate.open.is_set():
            gate.wait()
        result = real(*args, **kwargs)
        if after and not gate.open.is_set():
            gate.wait()
        return result

    monkeypatch.setattr(owner, name, held)
