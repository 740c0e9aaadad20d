"""The main window: start page or an open event, menus, saved state, errors."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from facilitator.dates import clock, day
from facilitator.domain.summary import EventSummary
from facilitator.storage import StorageError
from ui import theme
from ui.actions import SPECS, Act, key_sequences, make_action
from ui.error_banner import ErrorBanner
from ui.exporting import PAGE_SIZES, ExportController
from ui.field_shortcuts import FieldShortcuts
from ui.settings import ZOOM_STEPS, Settings
from ui.shortcuts_dialog import ShortcutsDialog
from ui.start.page import StartPage, rows_from
from ui.views import PREPARE, REVIEW, WALK_THROUGH

if TYPE_CHECKING:
    from facilitator.storage import Database
    from ui.editing import EventEditor
    from ui.event_screen import EventScreen
    from ui.followup.screen import FollowUpScreen

TITLE = "Scale Across Facilitator"
FOLLOW_UP_ACTS = (Act.HISTORY, Act.SEARCH, Act.ADOPTIONS, Act.PATTERN_LIBRARY, Act.FIGURES)


class _AfterFirstPaint(QObject):
    """Calls back once, right after the window's first paint, then goes away.

    An event filter rather than an ``event()`` override, so no Python code
    stays in the path of every later event to the window.
    """

    def __init__(self, window: QMainWindow, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


class MainWindow(QMainWindow):
    """Hosts the start page and the open event; owns actions and settings.

    Give it an open ``db``, or an ``opener`` with the ``initial_rows`` read
    without the ORM: then the window paints the event list first and opens
    the database right after (start-up must not wait for SQLAlchemy). The
    event screens are imported when the first event opens, for the same reason.
    """

    #: The database was opened through the opener (never emitted when given ``db``).
    opened = Signal()

    def __init__(
        self,
        db: Database | None = None,
        settings: Settings | None = None,
        *,
        opener: Callable[[], Database] | None = None,
        initial_rows: list[EventSummary] | None = None,
        location: str = "",
    ) -> None:
        super().__init__()
        if db is None and opener is None:
            raise ValueError("MainWindow needs a database or an opener")
        self._db = db
        self._opener = opener
        self._initial_rows = initial_rows
        self.settings = settings or Settings()
        self.setWindowTitle(TITLE)
        self.undo_group = QUndoGroup(self)
        self.screen_: EventScreen | None = None
        self.followup: FollowUpScreen | None = None
        self.editor: EventEditor | None = None

        self.banner = ErrorBanner()
        self.start = StartPage(lambda: rows_from(self.db)())
        self.start.open_requested.connect(self.open_event)
        self.start.new_requested.connect(self.new_event)
        self.start.sample_requested.connect(self.open_sample)
        self.start.followup_requested.connect(lambda: self.show_followup(Act.HISTORY))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.saved_label = QLabel("All changes are saved as you type")
        self.saved_label.setProperty("role", "ok")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().showMessage(f"Database: {location or (db.path or db.url)}")

        self.exporter = ExportController(self)
        self.actions_: dict[Act, QAction] = {}
        self._build_actions()
        self._build_menus()
        self.apply_view_settings()
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.show_start(self._initial_rows)
        if self._db is None:
            self._first_paint = _AfterFirstPaint(self, self._finish_opening)

    @property
    def db(self) -> Database:
        """Return the open database, opening it now if that has not happened yet."""
        if self._db is None:
            self._db = self._opener()
            # Deferred: whoever asked for the database finishes with it before
            # listeners (backups, a refreshed list) run.
            QTimer.singleShot(0, self, self.opened.emit)
        return self._db

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

    def _finish_opening(self) -> None:
        from ui.recovery import StartCancelled

        if self._db is not None:
            return
        try:
            self.db  # noqa: B018 (opens it)
        except StartCancelled:
            self.close()  # the facilitator chose Quit in the recovery dialog
            return
        except StorageError as exc:
            QMessageBox.critical(self, TITLE, f"Cannot open the database.\n\n{exc}")
            self.close()

    def show_problem(self, message: str) -> None:
        """Show a problem that is not about an edit (a backup at start, say) in the banner."""
        self.banner.label.setText(message)
        self.banner.show()

    # -- actions and menus -------------------------------------------------
    def _build_actions(self) -> None:
        slots = {
            Act.NEW_EVENT: self.new_event,
            Act.OPEN_SAMPLE: self.open_sample,
            Act.HOME: lambda: self.show_start(),
            Act.PREPARE: lambda: self.show_view(PREPARE),
            Act.WALK_THROUGH: lambda: self.show_view(WALK_THROUGH),
            Act.REVIEW: lambda: self.show_view(REVIEW),
            Act.CLOSE_EVENT: self.close_current_event,
            Act.REOPEN_EVENT: self.reopen_current_event,
            Act.QUIT: self.close,
            Act.ADD_RECORD: self.add_record,
            Act.NEXT_STEP: lambda: self._walk("next_step"),
            Act.PREVIOUS_STEP: lambda: self._walk("previous_step"),
            Act.TIMER_TOGGLE: lambda: self._timer("toggle"),
            Act.TIMER_RESET: lambda: self._timer("reset"),
            Act.TOGGLE_PROMPTS: self.toggle_prompts,
            Act.FULL_SCREEN: self.toggle_full_screen,
            Act.ZOOM_IN: lambda: self.zoom(+1),
            Act.ZOOM_OUT: lambda: self.zoom(-1),
            Act.ZOOM_RESET: lambda: self.zoom(0),
            Act.SHORTCUTS: self.show_shortcuts,
            Act.EXPORT_SUMMARY: self.exporter.export_summary,
            Act.EXPORT_AGREEMENTS: self.exporter.export_all_agreements,
            Act.EXPORT_EVENT_FILE: self.exporter.export_event_file,
            Act.IMPORT_EVENT_FILE: self.exporter.import_event_file,
            Act.BACKUPS: self.show_backups,
            **{act: (lambda _checked=False, act=act: self.show_followup(act)) for act in FOLLOW_UP_ACTS},
            Act.OPEN_AFTER_EXPORT: lambda: self.settings.set(
                "open_after_export", self.actions_[Act.OPEN_AFTER_EXPORT].isChecked()
            ),
        }
        for act, slot in slots.items():
            action = make_action(act, self, slot)
            self.addAction(action)
            self.actions_[act] = action
        # Undo and redo follow the open event's stack through the undo group.
        for act, factory in ((Act.UNDO, self.undo_group.createUndoAction), (Act.REDO, self.undo_group.createRedoAction)):
            action = factory(self, SPECS[act].text)
            action.setObjectName(act.value)
            action.setShortcuts(key_sequences(SPECS[act]))
            self.addAction(action)
            self.actions_[act] = action
        self.actions_[Act.TOGGLE_PROMPTS].setChecked(self.settings.get("show_prompts"))
        self.actions_[Act.OPEN_AFTER_EXPORT].setChecked(self.settings.get("open_after_export"))
        # Ctrl+U in the search box opens the tracker; Ctrl+Z after adding a
        # record undoes the record (ui/field_shortcuts.py says the rule).
        self.field_shortcuts = FieldShortcuts(
            (seq for action in self.actions_.values() for seq in action.shortcuts()), self
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        a = self.actions_
        file_menu = bar.addMenu("&File")
        for act in (Act.NEW_EVENT, Act.OPEN_SAMPLE, Act.IMPORT_EVENT_FILE, Act.HOME, None,
                    Act.CLOSE_EVENT, Act.REOPEN_EVENT, None, Act.BACKUPS, None, Act.QUIT):
            file_menu.addSeparator() if act is None else file_menu.addAction(a[act])
        edit_menu = bar.addMenu("&Edit")
        for act in (Act.UNDO, Act.REDO, None, Act.ADD_RECORD):
            edit_menu.addSeparator() if act is None else edit_menu.addAction(a[act])
        view_menu = bar.addMenu("&View")
        for act in (Act.PREPARE, Act.WALK_THROUGH, Act.REVIEW, None, Act.TOGGLE_PROMPTS, Act.FULL_SCREEN,
                    None, Act.ZOOM_IN, Act.ZOOM_OUT, Act.ZOOM_RESET):
            view_menu.addSeparator() if act is None else view_menu.addAction(a[act])
        theme_menu = view_menu.addMenu("&Theme")
        self.theme_group = QActionGroup(self)
        for name in theme.THEMES:
            action = theme_menu.addAction(theme.THEME_LABELS[name])
            action.setCheckable(True)
            action.setData(name)
            action.setChecked(name == self.settings.get("theme"))
            self.theme_group.addAction(action)
        self.theme_group.triggered.connect(lambda action: self.set_theme(action.data()))
        go_menu = bar.addMenu("&Go")
        for act in (Act.NEXT_STEP, Act.PREVIOUS_STEP, None, Act.TIMER_TOGGLE, Act.TIMER_RESET):
            go_menu.addSeparator() if act is None else go_menu.addAction(a[act])
        follow_menu = bar.addMenu("F&ollow-up")
        for act in FOLLOW_UP_ACTS:
            follow_menu.addAction(a[act])
        self._build_export_menu(bar.addMenu("E&xport"))
        bar.addMenu("&Help").addAction(a[Act.SHORTCUTS])

    def _build_export_menu(self, menu) -> None:
        a = self.actions_
        menu.addAction(a[Act.EXPORT_SUMMARY])
        menu.addAction(a[Act.EXPORT_AGREEMENTS])
        self.adopter_menu = menu.addMenu("Agreement for one a&dopter")
        self.adopter_menu.aboutToShow.connect(lambda: self.exporter.fill_adopter_menu(self.adopter_menu))
        menu.addSeparator()
        menu.addAction(a[Act.EXPORT_EVENT_FILE])
        menu.addSeparator()
        paper = menu.addMenu("&Paper size")
        self.paper_group = QActionGroup(self)
        for value, label in PAGE_SIZES:
            action = paper.addAction(label)
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(value == self.settings.get("page_size"))
            self.paper_group.addAction(action)
        self.paper_group.triggered.connect(lambda action: self.settings.set("page_size", action.data()))
        menu.addAction(a[Act.OPEN_AFTER_EXPORT])

    def _update_action_state(self) -> None:
        has_event = self.screen_ is not None
        closed = has_event and self.editor.read_only
        for act in (Act.PREPARE, Act.WALK_THROUGH, Act.REVIEW, Act.NEXT_STEP, Act.PREVIOUS_STEP,
                    Act.TIMER_TOGGLE, Act.TIMER_RESET, Act.ADD_RECORD, Act.EXPORT_SUMMARY,
                    Act.EXPORT_AGREEMENTS, Act.EXPORT_EVENT_FILE):
            self.actions_[act].setEnabled(has_event)
        self.actions_[Act.CLOSE_EVENT].setEnabled(has_event and not closed)
        self.actions_[Act.REOPEN_EVENT].setEnabled(bool(closed))
        self.actions_[Act.ADD_RECORD].setEnabled(has_event and not closed)
        # A closed event keeps the times it recorded: Ctrl+T and Ctrl+Shift+T do nothing.
        for act in (Act.TIMER_TOGGLE, Act.TIMER_RESET):
            self.actions_[act].setEnabled(has_event and not closed)

    # -- view settings -----------------------------------------------------
    def apply_view_settings(self) -> None:
        """Render the stylesheet for the stored theme and zoom."""
        app = QApplication.instance()
        app.setStyleSheet(theme.stylesheet(self.settings.get("theme"), self.settings.get("zoom")))

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
        self.statusBar().showMessage(f"Zoom {new} %", 3000)

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

    def show_backups(self) -> None:
        """Show the backups of the open database file, how many are kept, and back up now."""
        from ui.backups_dialog import BackupsDialog

        try:
            path = self.db.path
        except StorageError as exc:
            self.show_problem(str(exc))
            return
        if path is None:
            QMessageBox.information(
                self, TITLE, "Backups are kept for database files; this database is not a file."
            )
            return
        BackupsDialog(path, self.settings, self).exec()

    # -- events --------------------------------------------------------------
    def show_start(self, rows: list[EventSummary] | None = None) -> None:
        """Go back to the list of events."""
        self._leave_event()
        try:
            self.start.refresh(rows)
        except StorageError as exc:
            self.banner.show_message(f"the list of events could not be read: {exc}")
        self.pages.setCurrentWidget(self.start)
        self.setWindowTitle(TITLE)
        self._update_action_state()
        self.start.setFocus()

    def show_followup(self, act: Act = Act.HISTORY) -> None:
        """Show a follow-up page (history, search, adoptions, library, figures)."""
        from ui.followup.screen import FollowUpScreen

        self._leave_event()
        if self.followup is None:
            self.followup = FollowUpScreen(lambda: self.db)
            self.followup.open_requested.connect(self.open_record)
            self.followup.problem.connect(self.banner.show_message)
            self.pages.addWidget(self.followup)
        self.pages.setCurrentWidget(self.followup)
        self.followup.show_page(act)
        self.setWindowTitle(f"Follow-up — {TITLE}")
        self._update_action_state()

    def open_record(self, event_id: uuid.UUID, kind: str = "event", record_id: uuid.UUID | None = None) -> None:
        """Open an event and show one of its records where the room worked on it."""
        from facilitator.followup.locate import locate

        self.open_event(event_id)
        if self.screen_ is None:
            return
        try:
            with self.db.transaction() as session:
                place = locate(session, kind, record_id)
        except StorageError as exc:
            self.banner.show_message(f"the record could not be found: {exc}")
            return
        if place is not None:
            self.screen_.show_record(place)

    def new_event(self) -> None:
        """Ask for the new event's essentials, then prepare it."""
        from ui.prepare.new_event import ask_new_event

        event_id = ask_new_event(self.db, self)
        self.activateWindow()
        if event_id is not None:
            self.open_event(event_id, view=PREPARE)
            if self.screen_ is not None:
                # After the dialog closes Qt gives focus back to the window;
                # put the cursor where typing starts once that has happened.
                QTimer.singleShot(0, self.screen_.prepare.focus_first)

    def open_sample(self) -> None:
        """Create the sample event and open it."""
        from facilitator.demo import create_demo_event
        from facilitator.services.errors import ServiceError

        try:
            with self.db.transaction() as session:
                event_id = create_demo_event(session).id
        except (StorageError, ServiceError) as exc:
            self.banner.show_message(f"the sample event was not created: {exc}")
            return
        self.open_event(event_id)

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
            self.banner.show_message(f"the event could not be opened: {exc}")
            return
        catalog = load_catalog()
        agenda_id = editor.event.agenda_id
        try:
            agenda = catalog.get(agenda_id)
        except KeyError:
            agenda = catalog.default
            self.banner.show_message(
                f"the agenda “{agenda_id}” of this event is not installed here; showing “{agenda.title}”"
            )
        self.editor = editor
        editor.saved.connect(self._show_saved)
        editor.failed.connect(self._show_failed)
        editor.changed.connect(self._update_action_state)
        self.undo_group.addStack(editor.undo_stack)
        self.undo_group.setActiveStack(editor.undo_stack)
        self.screen_ = EventScreen(editor, agenda)
        self.screen_.walkthrough.set_prompts_visible(self.settings.get("show_prompts"))
        self.pages.addWidget(self.screen_)
        self.pages.setCurrentWidget(self.screen_)
        if view is None:
            view = WALK_THROUGH if editor.event.current_step_id else PREPARE
        self.screen_.show_view(view)
        names = " + ".join(c.name for c in editor.event.coalitions)
        self.setWindowTitle(f"{names} — {day(editor.event.date)} — {TITLE}")
        self._update_action_state()

    def _leave_event(self) -> None:
        if self.screen_ is None:
            return
        self.screen_.walkthrough.timer.pause()
        self.screen_.walkthrough.flush()
        self.undo_group.removeStack(self.editor.undo_stack)
        self.pages.removeWidget(self.screen_)
        self.screen_.deleteLater()
        self.editor.deleteLater()
        self.screen_ = None
        self.editor = None

    def show_view(self, index: int) -> None:
        """Show Prepare, Walk-through or Review of the open event."""
        if self.screen_ is not None:
            self.screen_.show_view(index)

    def add_record(self) -> None:
        """Start adding a record where the facilitator is (Ctrl+Enter)."""
        if self.screen_ is not None and not self.editor.read_only:
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

    def _walk(self, method: str) -> None:
        if self.screen_ is not None:
            if self.screen_.tabs.currentIndex() != WALK_THROUGH:
                self.screen_.show_view(WALK_THROUGH)
                return
            getattr(self.screen_.walkthrough, method)()

    def _timer(self, method: str) -> None:
        if self.screen_ is not None:
            getattr(self.screen_.walkthrough.timer, method)()

    def _show_saved(self, when: dt.datetime) -> None:
        self.banner.hide()
        self.saved_label.setText(f"Saved {clock(when)}")

    def _show_failed(self, message: str) -> None:
        self.banner.show_not_saved(message)
        self.saved_label.setText("Last edit NOT saved")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """Store the timer and window layout; every edit is already stored."""
        self._leave_event()
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.settings.sync()
        super().closeEvent(event)
