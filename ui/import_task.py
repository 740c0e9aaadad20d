"""Importing an event file off the GUI thread: read, checked and stored in a worker's own transaction.

A large file takes PyYAML and the checks a good part of a second, and storing
its records more; the window keeps painting meanwhile. Cancel stores nothing:
the import's last chance to stop comes before its transaction commits
(``facilitator.eventfile.import_event_file``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.i18n import N_, _

if TYPE_CHECKING:
    from facilitator.documents import TextNotice
    from facilitator.progress import Progress
    from facilitator.storage import Database
    from ui.background import Task
    from ui.main_window import MainWindow

#: The kind of background task an import is (ui/window_menus.py holds Import back while one runs).
IMPORT = "import"

#: What the panel says while each step of ``import_event_file`` runs, by steps done.
_STEPS = (
    # Translators: the steps of an import, shown as "Importing plan.yaml: reading and checking the file".
    N_("reading and checking the file"),
    N_("matching coalitions and patterns with stored ones"),
    N_("storing the event"),
    N_("storing the event"),
)

Imported = tuple[uuid.UUID, list["TextNotice"]]


def import_errors() -> tuple[type[Exception], ...]:
    """Return what an import may fail with that the banner explains (anything else: the crash dialog)."""
    from facilitator.documents import DocumentError
    from facilitator.services.errors import ServiceError
    from facilitator.storage import StorageError

    return (DocumentError, ServiceError, StorageError, OSError)


def import_work(db: Database, path: Path) -> Callable[[Progress], Imported]:
    """Return work for a pool thread: import ``path`` into ``db``; it returns the event id and the notices.

    The notices say which invisible characters the file's text lost, for the
    GUI thread to show once the event is open.
    """

    def work(progress: Progress) -> Imported:
        from facilitator.eventfile import import_event_file

        notices: list[TextNotice] = []
        # Database.transaction() gives this thread its own connection and session.
        event_id = import_event_file(db, path, notices=notices, progress=progress)
        return event_id, notices

    return work


def start_import(window: MainWindow, path: Path, *, on_imported: Callable[[], object]) -> Task | None:
    """Import ``path`` in the window's background tasks, then open the event and show its notices.

    Args:
        window: The main window: its tasks run the import, its banner shows
            what went wrong (a DocumentError names file:line:column).
        path: The event file.
        on_imported: Called in the GUI thread once the event is stored,
            before it opens (the export controller remembers the folder).

    Returns:
        The running task, or None when an import is running already.
    """
    if window.tasks.running(IMPORT) is not None:
        # Import is disabled while one runs; a shortcut pressed before the menus caught up lands here.
        window.statusBar().showMessage(_("An event file is still being imported"), 8000)
        return None

    def imported(result: Imported) -> None:
        event_id, notices = result
        on_imported()
        window.open_event(event_id)
        window.statusBar().showMessage(_("Imported {file}").format(file=path.name), 8000)
        if notices:
            from ui.import_notices import show_dropped

            show_dropped(window, path.name, notices)

    return window.tasks.start(
        IMPORT,
        _("Import of {file}").format(file=path.name),
        import_work(window.db, path),
        describe=lambda done, _total: _importing(path.name, done),
        on_done=imported,
        on_error=lambda exc: window.banner.show_message(
            _("the event file was not imported: {error}").format(error=exc)
        ),
        expected=import_errors(),
        on_cancel=lambda: window.statusBar().showMessage(
            _("Cancelled: nothing of {file} was imported").format(file=path.name), 10000
        ),
    )


def _importing(name: str, done: int) -> str:
    """Say what the import of the file ``name`` is doing after ``done`` steps."""
    if done >= len(_STEPS):
        return _("Importing {file}: done").format(file=name)
    return _("Importing {file}: {step}").format(file=name, step=_(_STEPS[done]))
