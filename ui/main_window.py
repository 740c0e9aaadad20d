"""The main window: the start page, the follow-up pages or an open event; saved state, errors.

Its actions and menus are made in ui/window_menus.py; starting an event is ui/new_events.py.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import QApplication, QMenu

from facilitator import numbers
from facilitator.dates import clock, day
from facilitator.domain.summary import EventSummary
from facilitator.i18n import _
from facilitator.storage import StorageError
from ui import theme
from ui.actions import Act
from ui.background import BackgroundTasks
from ui.exporting import ExportController
from ui.field_shortcuts import FieldShortcuts
from ui.first_paint import AfterFirstPaint
from ui.room.presenter import RoomPresenter
from ui.settings import ZOOM_STEPS, Settings
from ui.shared_database import SharedDatabase
from ui.shortcuts_dialog import ShortcutsDialog
from ui.views import PREPARE, REVIEW, WALK_THROUGH
from ui.widgets import ElidedLabel
from ui.window_database import WindowDatabase
from ui.window_layout import build_centre
from ui.window_menus import build_actions, build_menus, update_action_state

if TYPE_CHECKING:
    from facilitator.services.changes import Changes
    from facilitator.storage import Database
    from ui.editing import EventEditor
    from ui.event_screen import EventScreen
    from ui.followup.screen import FollowUpScreen

#: The product's name: the same in every language.
TITLE = "Scale Across Facilitator"


class MainWindow(WindowDatabase):
    """Hosts the start page and the open event; owns actions and settings.

    Give it an open ``db``, or an ``opener`` with the ``initial_rows`` read
    without the ORM: then the window paints the event list first and opens
    the database right after (start-up must not wait for SQLAlchemy). The
    event screens are imported when the first event opens, for the same reason.
    With ``updating``, it has neither: the list is shown greyed until the
    update running on the pool hands over the database (ui/window_database.py).
    """

    #: The database was opened through the opener or the update (never emitted when given ``db``).
    opened = Signal()

    # Made with the menus (ui/window_menus.py).
    theme_group: QActionGroup
    language_group: QActionGroup
    paper_group: QActionGroup
    adopter_menu: QMenu

    def __init__(
        self,
        db: Database | None = None,
        settings: Settings | None = None,
        *,
        opener: Callable[[], Database] | None = None,
        initial_rows: list[EventSummary] | None = None,
        location: str = "",
        updating: bool = False,
    ) -> None:
        super().__init__()
        if db is None and opener is None and not updating:
            raise ValueError("MainWindow needs a database, an opener, or an update that opens it")
        self._db = db
        self._opener = opener
        self._close_when_done = False
        self._initial_rows = initial_rows
        self.settings = settings or Settings()
        self.setWindowTitle(TITLE)
        self.undo_group = QUndoGroup(self)
        self.screen_: EventScreen | None = None
        self.followup: FollowUpScreen | None = None
        self.editor: EventEditor | None = None

        #: Long exports run here, off the GUI thread; the panel under the banner shows them.
        self.tasks = BackgroundTasks(self)
        self.banner, self.progress_panel, self.start, self.pages, self.saved_label = build_centre(self)
        if not location:
            # An opener or an update comes with its location; a database knows its own.
            assert db is not None
            location = str(db.path or db.url)
        # A widget, not a message: it comes back after every message, and at the largest
        # zoom a long path loses its middle, with the whole of it in the tooltip.
        self.location_label = ElidedLabel(
            _("Database: {location}").format(location=location), mode=Qt.TextElideMode.ElideMiddle
        )
        self.location_label.setContentsMargins(0, 0, 16, 0)  # apart from "All changes saved"
        self.statusBar().addWidget(self.location_label, 1)
        # Qt hides it under a message, but a restyle (zoom) rebuilds the bar's layout
        # and shows it again beneath the message: hidden by hand, it stays hidden.
        self.statusBar().messageChanged.connect(lambda message: self.location_label.setVisible(not message))

        self.exporter = ExportController(self)
        self.room = RoomPresenter(self)
        self.shared = SharedDatabase(self)
        self.opened.connect(lambda: self.shared.announce(self.db))
        self.opened.connect(self._update_action_state)
        # What a running task rules out (another of its kind, closing the event) follows it.
        self.tasks.started.connect(lambda _task: self._update_action_state())
        self.tasks.ended.connect(lambda _task: self._update_action_state())
        self.actions_: dict[Act, QAction] = build_actions(self)
        # Ctrl+U in the search box opens the tracker; Ctrl+Z after adding a
        # record undoes the record (ui/field_shortcuts.py says the rule).
        self.field_shortcuts = FieldShortcuts(
            (seq for action in self.actions_.values() for seq in action.shortcuts()), self
        )
        build_menus(self)
        self.apply_view_settings()
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.show_start(self._initial_rows)
        if self._db is not None:
            self.shared.announce(self._db)
        elif updating:
            # Seen, not used: nothing on the start page works before the update is done.
            self.start.setEnabled(False)
        else:
            self._first_paint = AfterFirstPaint(self, self._finish_opening)

    def show_problem(self, message: str) -> None:
        """Show a problem that is not about an edit (a backup at start, say) in the banner."""
        self.banner.label.setText(message)
        self.banner.show()

    # -- view settings -----------------------------------------------------
    def apply_view_settings(self) -> None:
        """Render the stylesheet for the stored theme and zoom."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            raise RuntimeError("the main window needs a running QApplication")
        app.setStyleSheet(theme.stylesheet(self.settings.get("theme"), self.settings.get("zoom")))
        self.room.apply_theme()

    def set_theme(self, name: str) -> None:
        """Switch to a theme and remember it."""
        self.settings.set("theme", name)
        self.apply_view_settings()

    def zoom(self, direction: int) -> None:
        """Zoom in (+1), out (-1) or back to 100 % (0); remembered."""
        current = self.settings.get("zoom")
        if direction == 0:
            new = 100
        else:
            steps = [z for z in ZOOM_STEPS if (z > current if direction > 0 else z < current)]
            new = (min(steps) if direction > 0 else max(steps)) if steps else current
        self.settings.set("zoom", new)
        self.apply_view_settings()
        self.statusBar().showMessage(_("Zoom {percent}").format(percent=numbers.percent(new / 100)), 3000)

    def toggle_prompts(self) -> None:
        """Show or hide the facilitator prompts; remembered."""
        visible = self.actions_[Act.TOGGLE_PROMPTS].isChecked()
        self.settings.set("show_prompts", visible)
        if self.screen_ is not None:
            self.screen_.walkthrough.set_prompts_visible(visible)

    def toggle_full_screen(self) -> None:
        """Fill the projector, or go back to a window (F11)."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.actions_[Act.FULL_SCREEN].setChecked(self.isFullScreen())

    def show_shortcuts(self) -> None:
        """Show every shortcut (F1)."""
        ShortcutsDialog(self).exec()

    # -- events --------------------------------------------------------------
    def show_start(self, rows: list[EventSummary] | None = None) -> None:
        """Go back to the list of events."""
        self._leave_event()
        try:
            self.start.refresh(rows)
        except StorageError as exc:
            self.banner.show_message(_("the list of events could not be read: {error}").format(error=exc))
        self.pages.setCurrentWidget(self.start)
        self.setWindowTitle(TITLE)
        self._update_action_state()
        self.start.setFocus()

    def show_followup(self, act: Act = Act.HISTORY) -> None:
        """Show a follow-up page (history, search, adoptions, library, figures)."""
        from ui.followup.screen import FollowUpScreen

        self._leave_event()
        if self.followup is None:
            self.followup = FollowUpScreen(lambda: self.db, tasks=self.tasks)
            self.followup.open_requested.connect(self.open_record)
            self.followup.problem.connect(self.banner.show_message)
            self.pages.addWidget(self.followup)
        self.pages.setCurrentWidget(self.followup)
        self.followup.show_page(act)
        # Translators: the window's title on the follow-up pages; {title} is the app's name.
        self.setWindowTitle(_("Follow-up — {title}").format(title=TITLE))
        self._update_action_state()

    def open_record(
        self, event_id: uuid.UUID, kind: str = "event", record_id: uuid.UUID | None = None
    ) -> None:
        """Open an event and show one of its records where the room worked on it."""
        from facilitator.followup.locate import locate

        self.open_event(event_id)
        if self.screen_ is None:
            return
        try:
            with self.db.transaction() as session:
                place = locate(session, kind, record_id)
        except StorageError as exc:
            self.banner.show_message(_("the record could not be found: {error}").format(error=exc))
            return
        if place is not None:
            self.screen_.show_record(place)

    def open_event(self, event_id: uuid.UUID, view: int | None = None) -> None:
        """Open an event where it was left: the walk-through step, or Prepare if not started."""
        from facilitator.agenda import load_catalog
        from facilitator.services.errors import ServiceError
        from ui.editing import EventEditor
        from ui.event_screen import EventScreen

        self._leave_event()
        try:
            editor = EventEditor(self.db, event_id, self)
        except (StorageError, ServiceError) as exc:
            self.banner.show_message(_("the event could not be opened: {error}").format(error=exc))
            return
        catalog = load_catalog()
        agenda_id = editor.event.agenda_id
        try:
            agenda = catalog.get(agenda_id)
        except KeyError:
            agenda = catalog.default
            self.banner.show_message(
                _("the agenda “{agenda}” of this event is not installed here; showing “{shown}”").format(
                    agenda=agenda_id, shown=agenda.title
                )
            )
        self.editor = editor
        editor.saved.connect(self._show_saved)
        editor.failed.connect(self._show_failed)
        self.shared.attach(editor)
        editor.changed.connect(self._on_changed)
        self.undo_group.addStack(editor.undo_stack)
        self.undo_group.setActiveStack(editor.undo_stack)
        self.screen_ = EventScreen(editor, agenda)
        self.screen_.walkthrough.set_prompts_visible(self.settings.get("show_prompts"))
        self.pages.addWidget(self.screen_)
        self.pages.setCurrentWidget(self.screen_)
        if view is None:
            view = WALK_THROUGH if editor.event.current_step_id else PREPARE
        self.screen_.show_view(view)
        self.room.attach(self.screen_)
        names = " + ".join(c.name for c in editor.event.coalitions)
        self.setWindowTitle(f"{names} — {day(editor.event.date)} — {TITLE}")
        self._update_action_state()

    def _leave_event(self) -> None:
        screen, editor = self.screen_, self.editor
        if screen is None or editor is None:
            return
        screen.walkthrough.timer.pause()
        screen.walkthrough.flush()
        self.shared.detach()
        self.room.detach()
        self.undo_group.removeStack(editor.undo_stack)
        self.pages.removeWidget(screen)
        screen.deleteLater()
        editor.deleteLater()
        self.screen_ = None
        self.editor = None

    def show_view(self, index: int) -> None:
        """Show Prepare, Walk-through or Review of the open event."""
        if self.screen_ is not None:
            self.screen_.show_view(index)

    def add_record(self) -> None:
        """Start adding a record where the facilitator is (Ctrl+Enter)."""
        if self.screen_ is not None and self.editor is not None and not self.editor.read_only:
            self.screen_.add_record()

    def close_current_event(self) -> None:
        """Confirm and close the event (from the Review page)."""
        if self.screen_ is not None:
            self.screen_.show_view(REVIEW)
            self.screen_.review.request_close()

    def reopen_current_event(self) -> None:
        """Deliberately reopen a closed event for edits."""
        if self.screen_ is not None:
            self.screen_.show_view(REVIEW)
            self.screen_.review.request_reopen()

    def walk(self, method: str) -> None:
        """Call the walk-through's ``method`` (a step on), or show the walk-through first."""
        if self.screen_ is not None:
            if self.screen_.tabs.currentIndex() != WALK_THROUGH:
                self.screen_.show_view(WALK_THROUGH)
                return
            getattr(self.screen_.walkthrough, method)()

    def run_timer(self, method: str) -> None:
        """Call the step timer's ``method`` (toggle, reset)."""
        if self.screen_ is not None:
            getattr(self.screen_.walkthrough.timer, method)()

    def _on_changed(self, _changes: Changes) -> None:
        # Undo's text and what a closed event allows follow every stored change.
        self._update_action_state()

    def _update_action_state(self) -> None:
        update_action_state(self)

    def _show_saved(self, when: dt.datetime) -> None:
        self.banner.hide()
        # Translators: in the status bar after each stored edit; {time} is a time of day (14:32).
        self.saved_label.setText(_("Saved {time}").format(time=clock(when)))

    def _show_failed(self, message: str) -> None:
        self.banner.show_not_saved(message)
        self.saved_label.setText(_("Last edit NOT saved"))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Store the timer and window layout; every edit is already stored.

        Background exports are cancelled (they leave nothing behind) and waited
        for; work that must finish (an update) is not: the window says so and
        closes when it is done.
        """
        if self._close_later(event):
            return
        self.tasks.shut_down()
        self._leave_event()
        self.room.close()
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.settings.sync()
        super().closeEvent(event)
