"""Starting an event from the main window: the new-event dialog, or the sample event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from facilitator.i18n import _
from facilitator.storage import StorageError
from ui.shared_database import READ_ONLY_TIP
from ui.views import PREPARE

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def new_event(window: MainWindow) -> None:
    """Ask for the new event's essentials, then prepare it."""
    from ui.prepare.new_event import ask_new_event

    if window.db_is_read_only():
        window.statusBar().showMessage(_(READ_ONLY_TIP), 8000)
        return
    event_id = ask_new_event(window.db, window)
    window.activateWindow()
    if event_id is not None:
        window.open_event(event_id, view=PREPARE)
        if window.screen_ is not None:
            # After the dialog closes Qt gives focus back to the window;
            # put the cursor where typing starts once that has happened.
            QTimer.singleShot(0, window.screen_.prepare.focus_first)


def open_sample(window: MainWindow) -> None:
    """Create the sample event and open it."""
    from facilitator.demo import create_demo_event
    from facilitator.services.errors import ServiceError

    if window.db_is_read_only():
        window.statusBar().showMessage(_(READ_ONLY_TIP), 8000)
        return
    try:
        with window.db.transaction() as session:
            event_id = create_demo_event(session).id
    except (StorageError, ServiceError) as exc:
        window.banner.show_message(_("the sample event was not created: {error}").format(error=exc))
        return
    window.open_event(event_id)
