"""The main window's actions and menus: made from the action registry, enabled for what is open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMenu

from facilitator.i18n import _
from ui import theme
from ui.actions import SPECS, Act, key_sequences, make_action, text_of, tip_of, tooltip_of
from ui.background import held_reason
from ui.exporting import PAGE_SIZES
from ui.language import add_language_menu, request_restart
from ui.new_events import new_event, open_sample
from ui.room.canvas import Mode
from ui.shared_database import READ_ONLY_TIP
from ui.views import PREPARE, REVIEW, WALK_THROUGH

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FOLLOW_UP_ACTS = (Act.HISTORY, Act.SEARCH, Act.ADOPTIONS, Act.PATTERN_LIBRARY, Act.FIGURES)

# Acts that need an open event; a closed (read-only) one disables some again.
_EVENT_ACTS = (
    Act.PREPARE,
    Act.WALK_THROUGH,
    Act.REVIEW,
    Act.NEXT_STEP,
    Act.PREVIOUS_STEP,
    Act.TIMER_TOGGLE,
    Act.TIMER_RESET,
    Act.ADD_RECORD,
    Act.EXPORT_SUMMARY,
    Act.EXPORT_AGREEMENTS,
    Act.EXPORT_EVENT_FILE,
    Act.SEND_AGREEMENTS,
    Act.EXPORT_CALENDAR,
    Act.EXPORT_MARKDOWN,
    Act.EXPORT_CSV_AGREEMENTS,
    Act.EXPORT_CSV_SUPPORT,
)


def build_actions(window: MainWindow) -> dict[Act, QAction]:
    """Make every action of the registry, connected to the window, and add it to the window."""
    slots: dict[Act, Callable[..., object]] = {
        Act.NEW_EVENT: lambda: new_event(window),
        Act.OPEN_SAMPLE: lambda: open_sample(window),
        Act.HOME: lambda: window.show_start(),
        Act.PREPARE: lambda: window.show_view(PREPARE),
        Act.WALK_THROUGH: lambda: window.show_view(WALK_THROUGH),
        Act.REVIEW: lambda: window.show_view(REVIEW),
        Act.CLOSE_EVENT: window.close_current_event,
        Act.REOPEN_EVENT: window.reopen_current_event,
        Act.QUIT: window.close,
        Act.ADD_RECORD: window.add_record,
        Act.NEXT_STEP: lambda: window.walk("next_step"),
        Act.PREVIOUS_STEP: lambda: window.walk("previous_step"),
        Act.TIMER_TOGGLE: lambda: window.run_timer("toggle"),
        Act.TIMER_RESET: lambda: window.run_timer("reset"),
        Act.TOGGLE_PROMPTS: window.toggle_prompts,
        Act.FULL_SCREEN: window.toggle_full_screen,
        Act.ZOOM_IN: lambda: window.zoom(+1),
        Act.ZOOM_OUT: lambda: window.zoom(-1),
        Act.ZOOM_RESET: lambda: window.zoom(0),
        Act.SHORTCUTS: window.show_shortcuts,
        Act.EXPORT_SUMMARY: window.exporter.export_summary,
        Act.EXPORT_AGREEMENTS: window.exporter.export_all_agreements,
        Act.EXPORT_EVENT_FILE: window.exporter.export_event_file,
        Act.SEND_AGREEMENTS: window.exporter.send_agreements,
        Act.EXPORT_CALENDAR: window.exporter.add_check_ins_to_calendar,
        Act.EXPORT_MARKDOWN: window.exporter.export_markdown,
        Act.EXPORT_CSV_AGREEMENTS: lambda: window.exporter.export_csv("agreements"),
        Act.EXPORT_CSV_SUPPORT: lambda: window.exporter.export_csv("support"),
        Act.IMPORT_EVENT_FILE: window.exporter.import_event_file,
        Act.BACKUPS: lambda: _show_backups(window),
        **{act: _follow_up_slot(window, act) for act in FOLLOW_UP_ACTS},
        Act.PRESENT: window.room.toggle_presenting,
        Act.ROOM_SWITCH: window.room.switch,
        Act.ROOM_BLACK: lambda: window.room.set_mode(Mode.BLACK),
        Act.ROOM_WHITE: lambda: window.room.set_mode(Mode.WHITE),
        Act.ROOM_HOLD: window.room.toggle_hold,
        Act.ROOM_TIMER: window.room.toggle_timer,
        Act.ROOM_NEXT_PAGE: lambda: window.room.turn_page(+1),
        Act.ROOM_PREVIOUS_PAGE: lambda: window.room.turn_page(-1),
        Act.OPEN_AFTER_EXPORT: lambda: window.settings.set(
            "open_after_export", window.actions_[Act.OPEN_AFTER_EXPORT].isChecked()
        ),
    }
    actions: dict[Act, QAction] = {}
    for act, slot in slots.items():
        action = make_action(act, window, slot)
        window.addAction(action)
        actions[act] = action
    # Undo and redo follow the open event's stack through the undo group.
    group = window.undo_group
    for act, factory in ((Act.UNDO, group.createUndoAction), (Act.REDO, group.createRedoAction)):
        action = factory(window, text_of(act))
        action.setObjectName(act.value)
        action.setShortcuts(key_sequences(SPECS[act]))
        window.addAction(action)
        actions[act] = action
    actions[Act.TOGGLE_PROMPTS].setChecked(window.settings.get("show_prompts"))
    actions[Act.OPEN_AFTER_EXPORT].setChecked(window.settings.get("open_after_export"))
    actions[Act.ROOM_TIMER].setChecked(window.settings.get("room_timer"))
    # The clicker's keys act only while the room view is up: B and W are letters too.
    for act in (Act.ROOM_BLACK, Act.ROOM_WHITE, Act.ROOM_HOLD, Act.ROOM_SWITCH):
        actions[act].setEnabled(False)
    return actions


def _show_backups(window: MainWindow) -> None:
    from ui.backups_dialog import show_backups

    show_backups(window, window.settings, lambda: window.db, window.show_problem)


def _follow_up_slot(window: MainWindow, act: Act) -> Callable[..., None]:
    return lambda _checked=False: window.show_followup(act)


def build_menus(window: MainWindow) -> None:
    """Fill the window's menu bar from its actions, with the theme and paper-size choices."""
    bar = window.menuBar()
    file_menu = bar.addMenu(_("&File"))
    file_menu.setToolTipsVisible(True)  # "Close event" held back while its agreements are written says why
    _add(
        window,
        file_menu,
        (
            Act.NEW_EVENT,
            Act.OPEN_SAMPLE,
            Act.IMPORT_EVENT_FILE,
            Act.HOME,
            None,
            Act.CLOSE_EVENT,
            Act.REOPEN_EVENT,
            None,
            Act.BACKUPS,
            None,
            Act.QUIT,
        ),
    )
    _add(window, bar.addMenu(_("&Edit")), (Act.UNDO, Act.REDO, None, Act.ADD_RECORD))
    view_menu = bar.addMenu(_("&View"))
    _add(
        window,
        view_menu,
        (
            Act.PREPARE,
            Act.WALK_THROUGH,
            Act.REVIEW,
            None,
            Act.TOGGLE_PROMPTS,
            Act.FULL_SCREEN,
            None,
            Act.ZOOM_IN,
            Act.ZOOM_OUT,
            Act.ZOOM_RESET,
        ),
    )
    theme_menu = view_menu.addMenu(_("&Theme"))
    window.theme_group = QActionGroup(window)
    for name in theme.THEMES:
        action = theme_menu.addAction(_(theme.THEME_LABELS[name]))
        action.setCheckable(True)
        action.setData(name)
        action.setChecked(name == window.settings.get("theme"))
        window.theme_group.addAction(action)
    window.theme_group.triggered.connect(lambda action: window.set_theme(action.data()))
    window.language_group = add_language_menu(
        window, view_menu, window.settings.get("language"), window.settings.store_language, request_restart
    )
    _add(
        window,
        bar.addMenu(_("&Go")),
        (Act.NEXT_STEP, Act.PREVIOUS_STEP, None, Act.TIMER_TOGGLE, Act.TIMER_RESET),
    )
    room_menu = bar.addMenu(_("&Room"))
    _add(
        window,
        room_menu,
        (
            Act.PRESENT,
            Act.ROOM_SWITCH,
            None,
            Act.ROOM_BLACK,
            Act.ROOM_WHITE,
            Act.ROOM_HOLD,
            None,
            Act.ROOM_NEXT_PAGE,
            Act.ROOM_PREVIOUS_PAGE,
            Act.ROOM_TIMER,
        ),
    )
    screens = room_menu.addMenu(_("Room view &screen"))
    screens.aboutToShow.connect(lambda: _fill_screen_menu(window, screens))
    followup_menu = bar.addMenu(_("F&ollow-up"))
    followup_menu.setToolTipsVisible(True)  # held back while the database is updated: says why
    _add(window, followup_menu, FOLLOW_UP_ACTS)
    _build_export_menu(window, bar.addMenu(_("E&xport")))
    bar.addMenu(_("&Help")).addAction(window.actions_[Act.SHORTCUTS])


def _fill_screen_menu(window: MainWindow, menu: QMenu) -> None:
    """List the connected screens; the choice is remembered for this set of screens."""
    menu.clear()
    chosen = window.room.chosen_screen()
    group = QActionGroup(menu)
    automatic = menu.addAction(_("Automatic: the screen this window is not on"))
    choices = [(automatic, "")]
    for screen in QGuiApplication.screens():
        size = screen.geometry().size()
        choices.append((menu.addAction(f"{screen.name()} ({size.width()}×{size.height()})"), screen.name()))
    for action, name in choices:
        action.setCheckable(True)
        action.setChecked(name == chosen)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, name=name: window.room.choose_screen(name))


def _add(window: MainWindow, menu: QMenu, acts: tuple[Act | None, ...]) -> None:
    """Add the window's actions for ``acts`` to ``menu``; None is a separator."""
    for act in acts:
        if act is None:
            menu.addSeparator()
        else:
            menu.addAction(window.actions_[act])


def _build_export_menu(window: MainWindow, menu: QMenu) -> None:
    a = window.actions_
    # An export held back while one runs says why when pointed at.
    menu.setToolTipsVisible(True)
    menu.addAction(a[Act.EXPORT_SUMMARY])
    menu.addAction(a[Act.EXPORT_AGREEMENTS])
    window.adopter_menu = menu.addMenu(_("Agreement for one a&dopter"))
    window.adopter_menu.aboutToShow.connect(lambda: window.exporter.fill_adopter_menu(window.adopter_menu))
    menu.addSeparator()
    # Where people work after the event: their inbox and calendar, a wiki, a spreadsheet.
    _add(window, menu, (Act.SEND_AGREEMENTS, Act.EXPORT_CALENDAR, None))
    _add(window, menu, (Act.EXPORT_MARKDOWN, Act.EXPORT_CSV_AGREEMENTS, Act.EXPORT_CSV_SUPPORT, None))
    menu.addAction(a[Act.EXPORT_EVENT_FILE])
    menu.addSeparator()
    paper = menu.addMenu(_("&Paper size"))
    window.paper_group = QActionGroup(window)
    for value, label in PAGE_SIZES:
        action = paper.addAction(_(label))
        action.setCheckable(True)
        action.setData(value)
        action.setChecked(value == window.settings.get("page_size"))
        window.paper_group.addAction(action)
    window.paper_group.triggered.connect(lambda action: window.settings.set("page_size", action.data()))
    menu.addAction(a[Act.OPEN_AFTER_EXPORT])


#: What a running background task rules out: another of its kind, and closing the
#: event while its documents are being written (ui/background.py). An import
#: holds back only another import: it opens its event when it is done. The
#: update at start holds back all that reads the database; the backup at
#: start holds back restoring one (ui/start_tasks.py).
TASK_CONFLICTS: dict[str, tuple[Act, ...]] = {
    "update": (
        Act.HOME,
        Act.NEW_EVENT,
        Act.OPEN_SAMPLE,
        Act.IMPORT_EVENT_FILE,
        Act.BACKUPS,
        Act.HISTORY,
        Act.SEARCH,
        Act.ADOPTIONS,
        Act.PATTERN_LIBRARY,
        Act.FIGURES,
    ),
    "backup": (Act.BACKUPS,),
    "agreements": (Act.EXPORT_AGREEMENTS, Act.CLOSE_EVENT),
    "mail drafts": (Act.SEND_AGREEMENTS, Act.CLOSE_EVENT),
    "summary": (Act.EXPORT_SUMMARY, Act.CLOSE_EVENT),
    # One adopter's entries are made when the submenu opens; they follow the task there.
    "agreement": (Act.CLOSE_EVENT,),
    "event file": (Act.EXPORT_EVENT_FILE, Act.CLOSE_EVENT),
    "check-ins": (Act.EXPORT_CALENDAR, Act.CLOSE_EVENT),
    "import": (Act.IMPORT_EVENT_FILE,),
}


#: The kinds that write documents ("… is being written"); the others "run".
_WRITES_DOCUMENTS = {"agreements", "mail drafts", "summary", "agreement", "event file", "check-ins"}
#: The property that holds the reason an action was held back, while it is.
_HELD = "heldReason"


def _hold_for_tasks(window: MainWindow) -> None:
    """Disable what would conflict with running work; its tooltip and status tip say why.

    The Review page's Close button follows Close event. A released action gets
    its own tips back, unless ``update_action_state`` has just set others (a
    read-only database's reason on Import).
    """
    held: dict[Act, str] = {}
    for task in window.tasks.tasks():
        why = held_reason(
            task.title, writes_documents=task.kind in _WRITES_DOCUMENTS, cancellable=task.cancellable
        )
        for act in TASK_CONFLICTS.get(task.kind, ()):
            held.setdefault(act, why)
    for act in {act for acts in TASK_CONFLICTS.values() for act in acts}:
        action = window.actions_[act]
        reason = held.get(act)
        if reason is not None:
            action.setEnabled(False)
            action.setToolTip(reason)
            action.setStatusTip(reason)
            action.setProperty(_HELD, reason)
            continue
        was_held = action.property(_HELD)
        if was_held:
            if action.toolTip() == was_held:
                action.setToolTip(tooltip_of(act))
            if action.statusTip() == was_held:
                action.setStatusTip(tip_of(act))
            action.setProperty(_HELD, "")
    if window.screen_ is not None:
        window.screen_.review.hold_close(held.get(Act.CLOSE_EVENT, ""))


def update_action_state(window: MainWindow) -> None:
    """Enable what applies to what is open: no event, an open event, or a closed one."""
    has_event = window.screen_ is not None
    closed = has_event and window.editor is not None and window.editor.read_only
    for act in _EVENT_ACTS:
        window.actions_[act].setEnabled(has_event)
    window.actions_[Act.CLOSE_EVENT].setEnabled(has_event and not closed)
    # A role that may only read the shared database changes nothing: no reopening, no new events.
    read_only = window.db_is_read_only()
    window.actions_[Act.REOPEN_EVENT].setEnabled(closed and not read_only)
    for act in (Act.NEW_EVENT, Act.OPEN_SAMPLE, Act.IMPORT_EVENT_FILE):
        window.actions_[act].setEnabled(not read_only)
        window.actions_[act].setToolTip(_(READ_ONLY_TIP) if read_only else "")
    window.actions_[Act.ADD_RECORD].setEnabled(has_event and not closed)
    # Always there once the database is (the update at start holds them back, below).
    for act in (Act.HOME, Act.BACKUPS, *FOLLOW_UP_ACTS):
        window.actions_[act].setEnabled(True)
    # A closed event keeps the times it recorded: Ctrl+T and Ctrl+Shift+T do nothing.
    for act in (Act.TIMER_TOGGLE, Act.TIMER_RESET):
        window.actions_[act].setEnabled(has_event and not closed)
    _hold_for_tasks(window)
