"""What the window does off the GUI thread as it starts: update the database, back it up.

The first start after an update backs the file up, migrates it and may
rebuild the search index: seconds at 10,000 events. The window shows the
events (read without the ORM, greyed) and a progress panel at once instead
of a blank wait, and the update runs on the pool. It must finish, so it
offers no Cancel; closing the window waits for it (ui/window_database.py).

The backup at start runs on the pool too: the facilitator may start
working while it copies, since it copies one consistent snapshot.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator import numbers
from facilitator.applog import log_exception
from facilitator.i18n import N_, _
from facilitator.progress import BACKUP, BACKUP_BEFORE_UPDATE, FIGURES, INDEX, UPDATE, Progress, Stages
from facilitator.storage.backups import BACKUP_STEPS

if TYPE_CHECKING:
    from facilitator.storage import Database
    from ui.background import Reporter, Task
    from ui.main_window import MainWindow

#: The task kinds (ui/window_menus.py says what each holds back while it runs).
UPDATE_TASK, BACKUP_TASK = "update", "backup"
# The titles and notes are marked here and translated where they are shown.
UPDATE_TITLE = N_("Updating the database")
# Translators: beside the bar of the database update, where Cancel would be.
UPDATE_NOTE = N_("Must finish first")
UPDATE_WHY = N_(
    "This version of the app keeps its records in a new way. The update is one step that must "
    "finish, so it cannot be cancelled; it happens once, and the events open when it is done."
)
BACKUP_TITLE = N_("Backing up the database")


def stage_words(name: str, done: int, total: int) -> str:
    """Say what a stage of opening is doing ("Updating the database: indexing 3,200 of 10,000 records")."""
    if name in (BACKUP_BEFORE_UPDATE, BACKUP):
        step = _(BACKUP_STEPS[min(done, len(BACKUP_STEPS) - 1)])
        number, of = numbers.integer(done + 1), numbers.integer(total)
        if name == BACKUP_BEFORE_UPDATE:
            if done >= total:
                return _("Updating the database: backup first: done")
            # Translators: {step} is a step of the backup ("checking the file"); (1 of 3).
            text = _("Updating the database: backup first, {step} ({number} of {total})")
            return text.format(step=step, number=number, total=of)
        if done >= total:
            return _("Backing up the database: done")
        # Translators: {step} is a step of the backup ("checking the file"); (1 of 3).
        return _("Backing up the database, {step} ({number} of {total})").format(
            step=step, number=number, total=of
        )
    if name == INDEX:
        return _("Updating the database: indexing {done} of {total} records").format(
            done=numbers.integer(done), total=numbers.integer(total)
        )
    if name == UPDATE:
        # Translators: a change of the database's structure, one of several the update makes.
        return _("Updating the database: change {number} of {total}").format(
            number=numbers.integer(min(done + 1, total)), total=numbers.integer(total)
        )
    if name == FIGURES:
        return _("Updating the database: working out the adoption figures")
    return _("Updating the database…")


def backup_step_words(done: int, total: int) -> str:
    """Say how far a backup has got when it says no more ("Backing up the database: step 2 of 3")."""
    return _("Backing up the database: step {number} of {total}").format(
        number=numbers.integer(done), total=numbers.integer(total)
    )


def no_backup_at_start(exc: BaseException, log: object | None) -> str:
    """Say that the backup at start failed, and where the details are (``log``, when they were written)."""
    if log:
        return _("No backup was taken at start: {error}. Earlier backups are kept; details in {log}.").format(
            error=exc, log=log
        )
    return _("No backup was taken at start: {error}. Earlier backups are kept.").format(error=exc)


def staged(report: Reporter) -> Stages:
    """Return the ``Stages`` that turn each stage's counts into the panel's words."""

    def of(name: str) -> Progress:
        return lambda done, total: report(done, total, stage_words(name, done, total))

    return of


def update_database(
    window: MainWindow,
    open_: Callable[[Stages], Database],
    *,
    recover: Callable[[BaseException], bool],
    recovered: bool = False,
) -> Task | None:
    """Open (and so update) the database on the pool; the window takes it when done.

    Args:
        window: The window shown meanwhile; it has no database until this ends.
        open_: Opens the database, telling the stages how far it got (a pool thread).
        recover: Called in the GUI thread with a ``CorruptDatabaseError``; True
            when a backup was put in place, which is then opened the same way.
        recovered: A backup was put in place of the file whose list is on screen.
    """
    from facilitator.storage import StorageError
    from facilitator.storage.integrity import CorruptDatabaseError
    from ui.recovery import StartCancelled

    def failed(exc: BaseException) -> None:
        try:
            if isinstance(exc, CorruptDatabaseError) and recover(exc):
                update_database(window, open_, recover=recover, recovered=True)
                return
        except StartCancelled:
            window.close()  # Quit, in the recovery dialog
            return
        except StorageError as again:
            exc = again
        window.cannot_open(exc)

    return window.tasks.start(
        UPDATE_TASK,
        _(UPDATE_TITLE),
        lambda report: open_(staged(report)),
        describe=lambda done, total: _("Updating the database: {done} of {total}").format(
            done=numbers.integer(done), total=numbers.integer(total)
        ),
        on_done=lambda db: window.set_database(db, refresh=recovered),
        on_error=failed,
        expected=(StorageError,),
        cancellable=False,
        note=_(UPDATE_NOTE),
        note_tip=_(UPDATE_WHY),
    )


def back_up_at_start(
    window: MainWindow, path: Path, *, recover: Callable[[BaseException], None]
) -> Task | None:
    """Back up a database that changed since its newest backup, on the pool; a failure never blocks.

    Returns the running task, or None when no backup is due.

    After a clean previous session nothing checks the file before it opens,
    so damage that opening does not read past first shows here: the backup
    checks the file and refuses a damaged one, and ``recover`` (GUI thread)
    gets the ``CorruptDatabaseError`` to offer the newest verified backup.
    Any other failure is said in the banner; earlier backups are kept.
    Cancel stops it with no file written.
    """
    from facilitator.storage.backups import backup_due
    from facilitator.storage.integrity import CorruptDatabaseError

    if not backup_due(path):
        return None  # nothing changed since the newest backup: no panel for nothing
    keep = max(1, window.settings.get("backups_keep"))

    def work(report: Reporter) -> object:
        from facilitator.storage.backups import backup_if_changed

        return backup_if_changed(path, keep=keep, reason="at-start", progress=staged(report)(BACKUP))

    def failed(exc: BaseException) -> None:
        if isinstance(exc, CorruptDatabaseError):
            recover(exc)
            return
        window.show_problem(no_backup_at_start(exc, log_exception(exc, "backup at start")))

    return window.tasks.start(
        BACKUP_TASK,
        _(BACKUP_TITLE),
        work,
        describe=backup_step_words,
        on_done=lambda _backup: None,
        on_error=failed,
        # As before it ran on the pool: whatever stops a backup, the window carries on.
        expected=(Exception,),
        on_cancel=lambda: window.statusBar().showMessage(
            _("Backup at start cancelled: no file was written; earlier backups are kept"), 10000
        ),
    )
