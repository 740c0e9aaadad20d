"""How long work reports how far it got, and how it is stopped, without knowing who watches.

A long function (rendering 25 agreements, rebuilding the search index,
copying a history) takes ``progress: Progress | None = None`` and calls it
with (done, total) after each unit of work, ``total`` being fixed for the
whole run. The window shows a progress bar from it, the command line a
terminal bar; neither is known here, and no Qt is imported.

Stopping is the watcher's answer: a ``progress`` callback that raises
:class:`Cancelled` stops the work at that point. The function lets it pass
after undoing what it started (a transaction rolled back, no file left half
written), so a caller can tell "cancelled" from a failure.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
"""Called with (units done, units in all) as work goes on."""


class Cancelled(Exception):
    """The person watching stopped the work; nothing it started was kept."""


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell ``progress`` (if any) that ``done`` of ``total`` units are done (it may raise Cancelled)."""
    if progress is not None:
        progress(done, total)


Stages = Callable[[str], Progress]
"""Gives the ``Progress`` of one named stage of longer work.

Opening a database after an update backs it up, migrates it and may
rebuild the search index: each stage counts in its own units, so the
watcher is asked for one ``Progress`` per stage (see ``STAGES``).
"""

#: The stages of opening a database, in the order they happen.
BACKUP_BEFORE_UPDATE, UPDATE, INDEX = "backup-before-update", "update", "index"
FIGURES, BACKUP = "figures", "backup"
STAGES = (BACKUP_BEFORE_UPDATE, UPDATE, INDEX, FIGURES, BACKUP)


def stage(stages: Stages | None, name: str) -> Progress | None:
    """Return the ``Progress`` of stage ``name``, or None when no one watches."""
    return stages(name) if stages is not None else None
