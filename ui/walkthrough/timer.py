"""The per-step timer: time used against the step's timebox, kept in the event."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.orm import Session

from facilitator.services import events
from ui.editing import EventEditor

# While running, the reading is stored this often, so a crash loses at most
# this much of the time record.
SAVE_EVERY_MS = 15_000


def format_seconds(seconds: float) -> str:
    """Return ``m:ss`` (or ``h:mm:ss`` from one hour) for a duration."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class StepTimer(QObject):
    """Counts time on the current step; start, pause, reset.

    Readings are stored on pause, on reset, on a step change and every
    ``SAVE_EVERY_MS`` while running. Time used is taken from the event when
    it opens, so a reopened event continues where it stopped.
    """

    ticked = Signal()
    running_changed = Signal(bool)

    #: Seconds on a monotonic clock. Tests replace it to move time on without
    #: waiting, which holds however busy the machine is.
    clock: Callable[[], float] = staticmethod(time.monotonic)

    def __init__(self, editor: EventEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._seconds = {row.step_id: row.seconds for row in editor.event.step_times}
        self._step_id: str | None = None
        # Steps whose reading changed since it was last stored.
        self._unsaved: set[str] = set()
        # When the running stretch started, by ``clock``; None while paused.
        self._since: float | None = None
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self.ticked)
        self._autosave = QTimer(self, interval=SAVE_EVERY_MS)
        self._autosave.timeout.connect(self.save)

    @property
    def running(self) -> bool:
        """Return True while the timer counts."""
        return self._since is not None

    @property
    def step_id(self) -> str | None:
        """Return the step the timer counts for."""
        return self._step_id

    def seconds(self, step_id: str | None = None) -> float:
        """Return the time used on a step (default: the current one), running time included."""
        step_id = step_id or self._step_id
        if step_id is None:
            return 0.0
        used = self._seconds.get(step_id, 0.0)
        if step_id == self._step_id and self._since is not None:
            used += self.clock() - self._since
        return used

    def total_seconds(self) -> float:
        """Return the time used on all steps together."""
        steps = set(self._seconds) | ({self._step_id} if self._step_id else set())
        return sum(self.seconds(step) for step in steps)

    def set_step(self, step_id: str) -> None:
        """Count further time for ``step_id``; a running timer keeps running."""
        if step_id == self._step_id:
            return
        was_running = self.running
        if was_running:
            self._bank()  # marks the step left as unsaved
        self._step_id = step_id
        if was_running:
            self._since = self.clock()
        self.ticked.emit()

    def start(self) -> None:
        """Start counting on the current step."""
        if self.running or self._step_id is None or self._editor.read_only:
            return
        self._since = self.clock()
        self._tick.start()
        self._autosave.start()
        self.running_changed.emit(True)
        self.ticked.emit()

    def pause(self) -> None:
        """Stop counting and store the reading."""
        if not self.running:
            return
        self._bank()
        self._tick.stop()
        self._autosave.stop()
        self.save()
        self.running_changed.emit(False)
        self.ticked.emit()

    def toggle(self) -> None:
        """Start when paused, pause when running."""
        self.pause() if self.running else self.start()

    def reset(self) -> None:
        """Set the current step's time back to zero (the timer keeps its state)."""
        if self._step_id is None or self._editor.read_only:
            return
        self._seconds[self._step_id] = 0.0
        self._unsaved.add(self._step_id)
        if self.running:
            self._since = self.clock()
        self.save()
        self.ticked.emit()

    def readings(self) -> dict[str, float]:
        """Return the readings not stored yet (the current step's always included)."""
        steps = set(self._unsaved) | ({self._step_id} if self._step_id else set())
        return {step: round(self.seconds(step), 1) for step in steps}

    def mark_saved(self) -> None:
        """Note that ``readings()`` were stored."""
        self._unsaved.clear()

    def save(self) -> None:
        """Store the readings that changed."""
        if self._step_id is None or self._editor.read_only:
            return
        readings = self.readings()
        event_id = self._editor.event_id

        def store(session: Session) -> None:
            for step_id, seconds in readings.items():
                events.record_step_time(session, event_id, step_id, seconds)

        if self._editor.store(store):
            self.mark_saved()

    def _bank(self) -> None:
        if self._step_id is not None and self.running:
            self._seconds[self._step_id] = self.seconds(self._step_id)
            self._unsaved.add(self._step_id)
        self._since = None
