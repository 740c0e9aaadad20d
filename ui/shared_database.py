"""The window on a shared database: others' changes come in, conflicts are shown, read-only is said.

On a PostgreSQL server several facilitators may have the same event open.
Every :data:`POLL_MS` the open event's stamp is read (one small query,
``facilitator.services.stamps``); when another window stored something, the
event is loaded again and the screens redraw, and the field that had focus
keeps it. Typing is never pulled from under the typist: while a cell is
being edited, or a field holds text not yet stored (a new record's line, a
TOP Goal before its pause-to-store), the refresh waits for a later poll.

An edit that would overwrite someone else's change is refused by the
editor (``ConflictError``); the banner then says who changed what and when,
keeps the typed value in its message, and offers to re-apply it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from facilitator.i18n import N_, _
from facilitator.storage.errors import ConflictError

if TYPE_CHECKING:
    from facilitator.storage import Database
    from ui.editing import EventEditor
    from ui.main_window import MainWindow

#: How often an open event on a shared database looks for changes made elsewhere.
POLL_MS = 2000

#: Why a change is refused on a read-only role (marked: translate it where it is shown).
READ_ONLY_TIP = N_("Read-only: your role on the shared database may read the history but not change it")


class SharedDatabase(QObject):
    """Keeps a window's open event in step with a shared database."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def attach(self, editor: EventEditor) -> None:
        """Follow ``editor``'s event: show its conflicts, and poll when the database is shared."""
        editor.conflicted.connect(self.show_conflict)
        if editor.db.shared:
            self.timer.start()

    def detach(self) -> None:
        """Stop polling (the event was left)."""
        self.timer.stop()

    def show_conflict(self, error: ConflictError, retry: Callable[[], object] | None) -> None:
        """Say who changed what; the typed value is in the message and re-applied on request."""
        self.window.saved_label.setText(_("Last edit NOT saved"))
        # Translators: a button that stores again what this person typed, over another's change.
        action = (_("Re-apply mine"), retry) if retry is not None else None
        self.window.banner.show_message(_("not saved: {error}").format(error=error), action)

    def poll(self) -> bool:
        """Load the event again if it changed elsewhere; return whether it did."""
        editor = self.window.editor
        if editor is None or not editor.db.shared or _typing():
            return False
        focus = QApplication.focusWidget()
        if not editor.refresh_if_changed_elsewhere():
            return False
        if focus is not None and _alive(focus) and QApplication.focusWidget() is not focus:
            focus.setFocus()
        self.window.statusBar().showMessage(_("Updated with changes made in another window"), 5000)
        return True

    def announce(self, db: Database) -> None:
        """Say what opening the database did that matters here (read-only; a dump before upgrading)."""
        if db.notices:
            self.window.banner.show_message("; ".join(db.notices))
        if db.read_only:
            # Translators: in the status bar, on a database this person may only read.
            self.window.saved_label.setText(_("Read-only"))


def _typing() -> bool:
    """Tell whether the focused field holds typing not yet stored (a cell editor, a draft)."""
    widget = QApplication.focusWidget()
    while widget is not None:
        if isinstance(widget, QAbstractItemView) and widget.state() == QAbstractItemView.State.EditingState:
            return True
        draft = getattr(widget, "room_draft", None)
        if callable(draft) and draft() is not None:
            return True
        widget = widget.parentWidget()
    return False


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:  # deleted by the redraw
        return False
    return True
