"""Long work off the GUI thread: a projected window that freezes looks like a crash.

:class:`BackgroundTasks` runs a callable on its own ``QThreadPool`` and hands
what happens back to the GUI thread: progress, the result, the error, or
that it was cancelled. The callable gets a ``facilitator.progress.Progress``
to call after each unit of work; Cancel makes that callback raise
``Cancelled`` at the next unit, which the export functions turn into
"nothing written".

What the callable may touch: only what it was given and what it opens
itself. The window's loaded event is updated in place when an edit is
stored, so a task that needs the event loads its own copy in its own
session (``Database.transaction()`` hands each thread its own connection).

Errors reach the user as if the work had run in the slot: the ``expected``
kinds go to the caller's ``on_error`` (the banner), anything else to
``sys.excepthook`` on the GUI thread, which logs it and shows the crash
dialog (ui/crash.py). Nothing is lost in a thread.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from facilitator.i18n import _
from facilitator.progress import Cancelled

#: Outcomes a task ends with (``Task.outcome``).
DONE, FAILED, CANCELLED = "done", "failed", "cancelled"


class Reporter(Protocol):
    """What a task's work is given: a ``facilitator.progress.Progress`` that also takes words.

    Work made of stages passes what it is doing in words for the panel
    (ui/start_tasks.py); any other work calls it as a plain ``Progress``.
    """

    def __call__(self, done: int, total: int, stage: str = "") -> None: ...


class _Bridge(QObject):
    """Lives in the GUI thread; the worker emits these, the task receives them queued."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Task(QObject):
    """One piece of work on the pool, as the GUI thread sees it.

    Attributes:
        kind: What the work is ("agreements", "report"); one of a kind runs at a time.
        title: What the panel calls it ("Agreements for all adopters").
        cancellable: Whether Cancel is offered (the work must leave nothing behind when stopped).
        note: A few words the panel shows beside the bar ("Must finish first"), or "".
        note_tip: Why, in the note's tooltip.
        done: Units done so far, as last reported.
        total: Units in all (0 until the first report).
        stage: What the work said it is doing with its last report ("" when it said nothing).
        outcome: "" while running, then DONE, FAILED or CANCELLED.
    """

    #: (done, total), in the GUI thread.
    progressed = Signal(int, int)
    #: The work ended and its outcome was handled (``outcome`` says how it ended).
    ended = Signal()

    def __init__(
        self,
        kind: str,
        title: str,
        describe: Callable[[int, int], str],
        *,
        cancellable: bool = True,
        note: str = "",
        note_tip: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.title = title
        self.cancellable = cancellable
        self.note = note
        self.note_tip = note_tip
        self.done = 0
        self.total = 0
        self.stage = ""
        self.outcome = ""
        self._describe = describe
        self._stop = threading.Event()
        self._bridge = _Bridge(self)
        # Queued, whatever thread emits: the slots touch widgets.
        queued = Qt.ConnectionType.QueuedConnection
        self._bridge.progressed.connect(self._on_progress, queued)

    @property
    def text(self) -> str:
        """Return what the panel says, e.g. "Writing agreement 7 of 25"."""
        if self.cancelling:
            return _("{task}: cancelling…").format(task=self.title)
        if self.stage:
            return self.stage
        if self.total == 0:
            return _("{task}: starting…").format(task=self.title)
        return self._describe(self.done, self.total)

    @property
    def cancelling(self) -> bool:
        """Tell whether Cancel was asked for and the work has not stopped yet."""
        return self._stop.is_set() and not self.outcome

    def cancel(self) -> None:
        """Stop the work at its next unit (only when it is cancellable)."""
        if self.cancellable and not self.outcome:
            self._stop.set()
            self.progressed.emit(self.done, self.total)

    def report(self, done: int, total: int, stage: str = "") -> None:
        """The ``Progress`` the work calls, in the worker thread; raises Cancelled once Cancel was asked.

        Work made of stages says with each report what it is doing, in words
        for the panel ("Indexing records 3,200 of 10,000"). A report that
        all is done is not cancelled: the work has finished.
        """
        if self._stop.is_set() and done < total:
            raise Cancelled
        self._bridge.progressed.emit(done, total, stage)

    def _on_progress(self, done: int, total: int, stage: str) -> None:
        if not self.outcome:
            self.done, self.total, self.stage = done, total, stage
            self.progressed.emit(done, total)


def held_reason(title: str, *, writes_documents: bool, cancellable: bool) -> str:
    """Say why something waits for the running task ``title``, and what to do about it.

    Args:
        title: The task's title ("Event summary").
        writes_documents: The task writes documents ("is being written"), else it "is running".
        cancellable: The task offers Cancel ("Wait for it, or cancel it.").
    """
    if writes_documents:
        if cancellable:
            return _("Not now: “{task}” is being written. Wait for it, or cancel it.").format(task=title)
        return _("Not now: “{task}” is being written. Wait for it.").format(task=title)
    if cancellable:
        return _("Not now: “{task}” is running. Wait for it, or cancel it.").format(task=title)
    return _("Not now: “{task}” is running. Wait for it.").format(task=title)


class _Runner(QRunnable):
    """Runs the work in a pool thread and sends its outcome over the bridge."""

    def __init__(self, work: Callable[[Reporter], Any], task: Task) -> None:
        super().__init__()
        self._work = work
        self._report = task.report
        self._bridge = task._bridge

    def run(self) -> None:
        try:
            result = self._work(self._report)
        except Cancelled:
            self._bridge.cancelled.emit()
        except BaseException as exc:  # every error must reach the GUI thread, none may end the thread
            self._bridge.failed.emit(exc)
        else:
            self._bridge.succeeded.emit(result)


def _freeze_what_lives_now() -> None:
    """Leave the objects alive now (modules, the window) out of every later garbage collection.

    A full collection holds the GIL while it walks every tracked object: with
    Qt, SQLAlchemy and the window loaded that took 84 ms, and the worker's
    imports set one off, so the window went deaf that long (measured with
    bench/gui_responsiveness.py; 14 ms once these are frozen). Done once, at
    the first task: objects that live this long live as long as the window.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()


class BackgroundTasks(QObject):
    """The window's background work: at most one task of each kind at a time.

    ``started`` and ``ended`` carry the :class:`Task`, in the GUI thread, so the
    progress panel and the actions that would conflict can follow.
    """

    started = Signal(object)
    ended = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self._running: dict[str, Task] = {}
        # The last finished task of each kind stays readable (tests, the panel's
        # last message) until the next of its kind starts; then it is deleted.
        self._finished: dict[str, Task] = {}

    def running(self, kind: str) -> Task | None:
        """Return the task of ``kind`` that is running, if any."""
        return self._running.get(kind)

    def tasks(self) -> list[Task]:
        """Return the running tasks, oldest first."""
        return list(self._running.values())

    def start(
        self,
        kind: str,
        title: str,
        work: Callable[[Reporter], Any],
        *,
        describe: Callable[[int, int], str],
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], object],
        expected: tuple[type[BaseException], ...],
        on_cancel: Callable[[], object] | None = None,
        cancellable: bool = True,
        note: str = "",
        note_tip: str = "",
    ) -> Task | None:
        """Run ``work(progress)`` on the pool; return its task, or None if one of ``kind`` runs.

        Args:
            kind: One task of a kind at a time ("agreements").
            title: What the progress panel names it.
            work: The callable; it must not touch widgets or the window's loaded objects.
            describe: The panel's text for (done, total), e.g. "Writing agreement 7 of 25".
            on_done: Called in the GUI thread with what ``work`` returned.
            on_error: Called in the GUI thread with an ``expected`` error (to show it in the banner).
            expected: The errors ``on_error`` takes; any other goes to ``sys.excepthook``.
            on_cancel: Called in the GUI thread when Cancel stopped the work.
            cancellable: Offer Cancel (the work leaves nothing behind when stopped).
            note: A few words the panel shows beside the bar, e.g. that the work must finish.
            note_tip: Why, in the note's tooltip.
        """
        if kind in self._running:
            return None
        _freeze_what_lives_now()
        previous = self._finished.pop(kind, None)
        if previous is not None:
            previous.deleteLater()
        task = Task(kind, title, describe, cancellable=cancellable, note=note, note_tip=note_tip, parent=self)
        queued = Qt.ConnectionType.QueuedConnection

        def succeeded(result: object) -> None:
            self._end(task, DONE, lambda: on_done(result))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, expected):
                self._end(task, FAILED, lambda: on_error(exc))
            else:
                # As an exception in a slot would: the log and the crash dialog (ui/crash.py).
                self._end(task, FAILED, lambda: sys.excepthook(type(exc), exc, exc.__traceback__))

        def cancelled() -> None:
            self._end(task, CANCELLED, on_cancel or (lambda: None))

        task._bridge.succeeded.connect(succeeded, queued)
        task._bridge.failed.connect(failed, queued)
        task._bridge.cancelled.connect(cancelled, queued)
        self._running[kind] = task
        self.started.emit(task)
        self.pool.start(_Runner(work, task))
        return task

    def _end(self, task: Task, outcome: str, handle: Callable[[], object]) -> None:
        task.outcome = outcome
        self._running.pop(task.kind, None)
        self._finished[task.kind] = task
        try:
            handle()
        finally:
            # The panel and the actions follow even when handling the outcome raised.
            self.ended.emit(task)
            task.ended.emit()

    def shut_down(self) -> None:
        """Cancel what can be cancelled and wait for every worker (the window is closing)."""
        for task in self.tasks():
            task.cancel()
        self.pool.waitForDone()
