"""Start the Qt application on a database: one instance per file, recovery, backups."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.applog import log_exception
from facilitator.i18n import _
from facilitator.storage import StorageError
from facilitator.storage.location import database_target, plain_sqlite_path
from facilitator.storage.quick_read import events_before_update, recent_events
from facilitator.storage.session_markers import mark_session_closed, mark_session_open

PROG = "scale-across"

if TYPE_CHECKING:
    # Qt is imported only when the window starts: the command line never loads it.
    from PySide6.QtWidgets import QApplication

    from facilitator.domain.summary import EventSummary
    from facilitator.progress import Stages
    from facilitator.storage import Database
    from ui.main_window import MainWindow


def start_window(db_target: str | None) -> MainWindow:
    """Return the main window for the database, showing its events as fast as possible.

    A database whose last session did not end cleanly is checked first; a
    damaged one is moved aside and its newest verified backup offered. When
    the file is a known database at the current schema, the event list is
    read without the ORM and the database is opened after the first paint.
    When this version must update it first (a backup, a migration, maybe a
    new search index: seconds on a long history), the window shows the list
    greyed with the update's progress while it runs on the pool. Anything
    else (a first start, a URL, a problem) takes the careful path first.
    Once open, a changed database is backed up on the pool; damage that
    backup's check finds gets the same offer as after a crash.

    Raises:
        StorageError: the database cannot be opened.
        StartCancelled: the facilitator chose Quit in the recovery dialog.
    """
    from ui.main_window import MainWindow
    from ui.recovery import recover_if_needed

    target = database_target(db_target)
    path = plain_sqlite_path(target)
    if path is not None:
        recover_if_needed(path)
        mark_session_open(path)
    rows = recent_events(path) if path is not None else None
    if rows is None and path is not None:
        before = events_before_update(path)
        if before is not None:
            return _window_while_updating(target, path, before)
    if rows is None:
        db, _recovered = _open(target, path)
        window = MainWindow(db)
        _back_up_at_start(window, target, path)
        return window

    recovered: list[bool] = []

    def opener() -> Database:
        db, was_recovered = _open(target, path)
        recovered.append(was_recovered)
        return db

    window = MainWindow(opener=opener, initial_rows=rows, location=str(path))

    def after_opening() -> None:
        if any(recovered):
            window.show_start()  # the list on screen came from the damaged file
        _back_up_at_start(window, target, path)

    window.opened.connect(after_opening)
    return window


def _window_while_updating(target: str, path: Path, rows: list[EventSummary]) -> MainWindow:
    """Return the window that shows ``rows`` greyed while the database is updated on the pool."""
    from facilitator.storage import open_database
    from facilitator.storage.integrity import CorruptDatabaseError
    from ui.main_window import MainWindow
    from ui.recovery import recover
    from ui.start_tasks import update_database

    window = MainWindow(initial_rows=rows, location=str(path), updating=True)

    def recovered(exc: BaseException) -> bool:
        assert isinstance(exc, CorruptDatabaseError)
        recover(path, exc.problems)  # a backup in its place, or StartCancelled
        return True

    window.opened.connect(lambda: _back_up_at_start(window, target, path))
    update_database(
        window, lambda stages: _updated(open_database(target, stages=stages), stages), recover=recovered
    )
    return window


def _updated(db: Database, stages: Stages) -> Database:
    """Return ``db`` (just updated) with its adoption figures worked out, if the update left them to do.

    Runs on the pool with the update. The figures are only made quicker to
    look at by this: should it fail, the first look works them out instead.
    """
    from facilitator.figures.kept import work_out_if_all_stale
    from facilitator.progress import FIGURES, stage

    try:
        work_out_if_all_stale(db, stage(stages, FIGURES))
    except Exception as exc:  # never a reason not to open
        log_exception(exc, "working out the figures after an update")
    return db


def _open(target: str, path: Path | None) -> tuple[Database, bool]:
    """Open the database; a file that opening finds damaged goes through recovery once.

    Returns:
        The database, and whether it was recovered on the way.
    """
    from facilitator.storage import open_database
    from facilitator.storage.database import PasswordRequiredError
    from facilitator.storage.integrity import CorruptDatabaseError, check_database
    from ui.recovery import recover

    try:
        return open_database(target), False
    except PasswordRequiredError as exc:
        from ui.password_prompt import url_with_password

        return open_database(url_with_password(exc)), False
    except CorruptDatabaseError as exc:
        if path is None or not path.exists():
            raise
        recover(path, check_database(path) or exc.problems)
        return open_database(target), True


def _back_up_at_start(window: MainWindow, target: str, path: Path | None) -> None:
    """Back up a database that changed since its newest backup, on the pool (ui/start_tasks.py).

    After a clean previous session nothing checks the file before it opens
    (that would read all of it on every start), so damage that opening does
    not read past, such as overwritten pages of one table, first shows here:
    the backup checks the file and refuses a damaged one. It then gets the
    same treatment as damage found after a crash: the file is moved aside
    and the newest verified backup offered, and the window shows what was
    put in its place; Quit in that dialog, or a replacement that cannot be
    opened, closes the window.
    """
    if path is None:
        return
    from facilitator.storage.integrity import CorruptDatabaseError
    from ui.recovery import StartCancelled, recover
    from ui.start_tasks import back_up_at_start

    def recover_damaged(exc: BaseException) -> None:
        assert isinstance(exc, CorruptDatabaseError)
        try:
            window.close_database()  # every connection let go before the file is moved
            recover(path, exc.problems)
            db, _recovered = _open(target, path)
        except StartCancelled:
            window.close()  # the facilitator chose Quit in the recovery dialog
            return
        except StorageError as again:
            window.cannot_open(again)
            return
        window.replace_database(db)

    try:
        back_up_at_start(window, path, recover=recover_damaged)
    except OSError as exc:
        # The backup folder could not even be listed: say so; earlier backups are kept.
        from ui.start_tasks import no_backup_at_start

        window.show_problem(no_backup_at_start(exc, log_exception(exc, "backup at start")))


def run_gui(db_target: str | None) -> int:
    """Open the database and show the main window; return the exit status.

    Exits with status 1, without opening anything, when another instance has
    the same database open, the database cannot be opened, or there is none
    at a path given with ``--db`` and the facilitator chose not to create it
    (see ``ui.new_database``).
    """
    from PySide6.QtWidgets import QApplication

    from ui.crash import install_exception_hooks
    from ui.fonts import register_fonts
    from ui.language import choose_at_start, restart_if_wanted
    from ui.settings import APPLICATION, ORGANIZATION, Settings

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setFont(register_fonts())
    choose_at_start(app, Settings().get("language"))
    hooks = install_exception_hooks()
    try:
        status = _run(app, db_target)
    finally:
        hooks.uninstall()
    restart_if_wanted()  # View ▸ Language: only now is the database shut and its lock free
    return status


def _run(app: QApplication, db_target: str | None) -> int:
    from PySide6.QtWidgets import QMessageBox

    from ui.new_database import may_start
    from ui.recovery import StartCancelled
    from ui.settings import APPLICATION
    from ui.single_instance import AlreadyOpenError, DatabaseLock

    if not may_start(db_target):
        return 1
    path = plain_sqlite_path(db_target)
    lock = DatabaseLock(path) if path is not None else None
    try:
        if lock is not None:
            lock.acquire()
    except AlreadyOpenError as exc:
        QMessageBox.warning(None, APPLICATION, str(exc))
        _say_error(exc)
        return 1
    except OSError as exc:
        # Without a writable data folder there is no lock to take; SQLite's
        # own locking still keeps the file sound, so open it anyway.
        problem = _("no single-instance lock: {error}").format(error=exc)
        print(_("{prog}: warning: {message}").format(prog=PROG, message=problem), file=sys.stderr)
        lock = None
    window = None
    try:
        try:
            window = start_window(db_target)
        except StartCancelled as exc:
            print(f"scale-across: {exc}", file=sys.stderr)
            return 1
        except StorageError as exc:
            QMessageBox.critical(
                None, APPLICATION, _("Cannot open the database.\n\n{error}").format(error=exc)
            )
            _say_error(exc)
            return 1
        if window.settings.window_state()[0] is None:
            # First start: the whole screen, as a projected tool is used; a
            # window manager that maximises does the same, one that cannot
            # (a bare X server) still gets the screen's size.
            window.setGeometry(window.screen().availableGeometry())
            window.showMaximized()
        else:
            window.show()
        status = app.exec()
        if window.open_failure:
            # Refused after the window was shown (an update that could not be made): as before it.
            _say_error(window.open_failure)
            return 1
        return status
    finally:
        if window is not None:
            # Whatever ended the event loop, no worker may still read the file
            # when it is closed: its last connection leaves no -wal behind.
            window.tasks.shut_down()
            window.close_database()
        if path is not None:
            mark_session_closed(path)  # a clean end: no check needed next time
        if lock is not None:
            lock.release()


def _say_error(problem: object) -> None:
    """Say on stderr why the window did not start, as the command line says its errors."""
    print(_("{prog}: error: {message}").format(prog=PROG, message=problem), file=sys.stderr)
