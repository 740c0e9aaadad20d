"""The main window's hold on its database: opened now, after the first paint, or after an update.

Three ways in (ui/app.py chooses): an open database; an ``opener`` run
right after the first paint (the event list came from a quick read); or
neither, while the first start after an update opens it on the pool
(ui/start_tasks.py), when the window waits greyed for :meth:`set_database`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox

from facilitator.i18n import N_, _
from facilitator.storage import StorageError

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QStackedWidget

    from facilitator.storage import Database
    from ui.background import BackgroundTasks
    from ui.followup.screen import FollowUpScreen
    from ui.start.page import StartPage

#: What a window without its database yet says when something asks for it.
NOT_READY = N_("the database is still being updated for this version; it can be used when that has finished")


class WindowDatabase(QMainWindow):
    """The part of the main window that opens, replaces and closes its database."""

    # Made by the main window.
    opened: SignalInstance
    tasks: BackgroundTasks
    start: StartPage
    pages: QStackedWidget
    followup: FollowUpScreen | None
    show_start: Callable[[], None]
    _leave_event: Callable[[], None]
    _db: Database | None
    _opener: Callable[[], Database] | None
    _close_when_done: bool
    #: Why the database could not be opened after the window was shown ("" while all is well).
    open_failure: str = ""

    @property
    def db(self) -> Database:
        """Return the open database, opening it now if that has not happened yet.

        Raises:
            StorageError: it is being updated on the pool and is not ready yet.
        """
        if self._db is None:
            if self._opener is None:
                raise StorageError(_(NOT_READY))
            self._db = self._opener()
            # Deferred: whoever asked for the database finishes with it before
            # listeners (backups, a refreshed list) run.
            QTimer.singleShot(0, self, self.opened.emit)
        return self._db

    def db_is_read_only(self) -> bool:
        """Tell whether the open database may only be read (a read-only role on a server)."""
        return self._db is not None and self._db.read_only

    def close_database(self) -> None:
        """Release the database, if it was opened."""
        if self._db is not None:
            self._db.close()

    def replace_database(self, db: Database) -> None:
        """Work on ``db`` from now on: recovery has put another file in place of the open one.

        Whatever was read from the old file is dropped: the open event, the
        follow-up pages (they keep what they read), and the list of events.
        """
        self._leave_event()
        self.close_database()
        if self.followup is not None:
            self.pages.removeWidget(self.followup)
            self.followup.deleteLater()
            self.followup = None
        self._db = db
        self.show_start()

    def set_database(self, db: Database, *, refresh: bool = False) -> None:
        """Take the database the update opened on the pool; the window becomes usable.

        The list on screen stays unless ``refresh`` (a backup was put in
        place of the file it was read from): an update changes no event, and
        reading 10,000 of them again through the ORM holds the window a second.
        """
        self._db = db
        self.start.setEnabled(True)
        if refresh:
            self.show_start()
        self.opened.emit()

    def cannot_open(self, exc: BaseException) -> None:
        """Say that the database cannot be opened, and close the window (the app then exits with 1)."""
        self.open_failure = str(exc)
        QMessageBox.critical(
            self, self.windowTitle(), _("Cannot open the database.\n\n{error}").format(error=exc)
        )
        self._close_when_done = False
        self.close()

    def _finish_opening(self) -> None:
        from ui.recovery import StartCancelled

        if self._db is not None:
            return
        try:
            self.db  # noqa: B018 (opens it)
        except StartCancelled:
            self.close()  # the facilitator chose Quit in the recovery dialog
        except StorageError as exc:
            self.cannot_open(exc)

    def _close_later(self, event: QCloseEvent) -> bool:
        """Keep the window open while work that must finish runs; close it when that ends.

        Returns:
            Whether the close was put off (``event`` is then ignored).
        """
        waiting = [task for task in self.tasks.tasks() if not task.cancellable]
        if not waiting:
            return False
        event.ignore()
        if not self._close_when_done:
            self._close_when_done = True
            self.tasks.ended.connect(self._close_if_done)
        self.statusBar().showMessage(_("Closing when “{task}” has finished…").format(task=waiting[0].title))
        return True

    def _close_if_done(self) -> None:
        if self._close_when_done and all(task.cancellable for task in self.tasks.tasks()):
            # After the task's outcome was handled (it may have shown a dialog).
            QTimer.singleShot(0, self, self.close)
