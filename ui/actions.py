"""Every user action, declared in one place with its text and shortcuts."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Key = QKeySequence.StandardKey


class Act(enum.Enum):
    """The app's actions; menus, toolbars and the F1 overview are built from these."""

    NEW_EVENT = "new_event"
    OPEN_SAMPLE = "open_sample"
    HOME = "home"
    PREPARE = "prepare"
    WALK_THROUGH = "walk_through"
    REVIEW = "review"
    CLOSE_EVENT = "close_event"
    REOPEN_EVENT = "reopen_event"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    ADD_RECORD = "add_record"
    DELETE_RECORD = "delete_record"
    MOVE_UP = "move_up"
    MOVE_DOWN = "move_down"
    NEXT_PATTERN = "next_pattern"
    PREVIOUS_PATTERN = "previous_pattern"
    NEXT_STEP = "next_step"
    PREVIOUS_STEP = "previous_step"
    TIMER_TOGGLE = "timer_toggle"
    TIMER_RESET = "timer_reset"
    TOGGLE_PROMPTS = "toggle_prompts"
    FULL_SCREEN = "full_screen"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    ZOOM_RESET = "zoom_reset"
    SHORTCUTS = "shortcuts"
    EXPORT_SUMMARY = "export_summary"
    EXPORT_AGREEMENTS = "export_agreements"
    EXPORT_EVENT_FILE = "export_event_file"
    SEND_AGREEMENTS = "send_agreements"
    EXPORT_CALENDAR = "export_calendar"
    EXPORT_MARKDOWN = "export_markdown"
    EXPORT_CSV_AGREEMENTS = "export_csv_agreements"
    EXPORT_CSV_SUPPORT = "export_csv_support"
    IMPORT_EVENT_FILE = "import_event_file"
    BACKUPS = "backups"
    OPEN_AFTER_EXPORT = "open_after_export"
    HISTORY = "history"
    SEARCH = "search"
    ADOPTIONS = "adoptions"
    PATTERN_LIBRARY = "pattern_library"
    FIGURES = "figures"
    PRESENT = "present"
    ROOM_SWITCH = "room_switch"
    ROOM_BLACK = "room_black"
    ROOM_WHITE = "room_white"
    ROOM_HOLD = "room_hold"
    ROOM_TIMER = "room_timer"
    ROOM_NEXT_PAGE = "room_next_page"
    ROOM_PREVIOUS_PAGE = "room_previous_page"


@dataclass(frozen=True)
class ActionSpec:
    """Text, shortcuts and help for one action."""

    text: str
    shortcuts: tuple[QKeySequence | Key | str, ...] = ()
    tip: str = ""
    checkable: bool = False


SPECS: dict[Act, ActionSpec] = {
    Act.NEW_EVENT: ActionSpec("&New event…", (Key.New,), "Prepare a new Scale Across event"),
    Act.OPEN_SAMPLE: ActionSpec("Open &sample event", ("Ctrl+Shift+D",), "Create and open the sample event"),
    Act.HOME: ActionSpec("&Recent events", ("Ctrl+Shift+H",), "Back to the list of events"),
    Act.PREPARE: ActionSpec("&Prepare event", ("Ctrl+1",), "Details, participants, capacity and drafts"),
    Act.WALK_THROUGH: ActionSpec("&Walk-through", ("Ctrl+2",), "Lead the room through the agenda"),
    Act.REVIEW: ActionSpec("Re&view", ("Ctrl+3",), "Everything captured on one page"),
    Act.CLOSE_EVENT: ActionSpec("&Close event…", ("Ctrl+Shift+E",), "Mark the event closed"),
    Act.REOPEN_EVENT: ActionSpec("Re&open event for edits", (), "Make a closed event editable again"),
    Act.QUIT: ActionSpec("&Quit", (Key.Quit, "Ctrl+Q"), "Everything is already saved"),
    Act.UNDO: ActionSpec("&Undo", (Key.Undo,), "Take back the last edit"),
    Act.REDO: ActionSpec("&Redo", (Key.Redo, "Ctrl+Shift+Z"), "Do the undone edit again"),
    Act.ADD_RECORD: ActionSpec(
        "&Add record", ("Ctrl+Return", "Ctrl+Enter"), "Add a record to the current list"
    ),
    Act.DELETE_RECORD: ActionSpec("&Delete record", ("Ctrl+Delete",), "Delete the selected record"),
    Act.MOVE_UP: ActionSpec("Move &up", ("Alt+Up",), "Move the selected record up"),
    Act.MOVE_DOWN: ActionSpec("Move do&wn", ("Alt+Down",), "Move the selected record down"),
    Act.NEXT_PATTERN: ActionSpec(
        "Ne&xt pattern", ("Ctrl+PgDown",), "Show the next pattern's context and boundaries"
    ),
    Act.PREVIOUS_PATTERN: ActionSpec(
        "Previous pa&ttern", ("Ctrl+PgUp",), "Show the previous pattern's context and boundaries"
    ),
    Act.NEXT_STEP: ActionSpec("&Next step", ("PgDown", "Alt+Right"), "Go to the next agenda step"),
    Act.PREVIOUS_STEP: ActionSpec("&Previous step", ("PgUp", "Alt+Left"), "Go to the previous agenda step"),
    Act.TIMER_TOGGLE: ActionSpec("&Start/pause timer", ("Ctrl+T",), "Start or pause the step timer"),
    Act.TIMER_RESET: ActionSpec("&Reset timer", ("Ctrl+Shift+T",), "Set this step's time back to zero"),
    Act.TOGGLE_PROMPTS: ActionSpec("Show facilitator &prompts", ("Ctrl+Shift+P",), "", True),
    Act.FULL_SCREEN: ActionSpec("&Full screen", ("F11",), "Fill the projector", True),
    Act.ZOOM_IN: ActionSpec("Zoom &in", ("Ctrl+=", "Ctrl++"), "Larger text"),
    Act.ZOOM_OUT: ActionSpec("Zoom &out", ("Ctrl+-",), "Smaller text"),
    Act.ZOOM_RESET: ActionSpec("&Actual size", ("Ctrl+0",), "Text at 100 %"),
    Act.SHORTCUTS: ActionSpec("&Keyboard shortcuts", ("F1",), "Every shortcut on one page"),
    Act.EXPORT_SUMMARY: ActionSpec("Event &summary (PDF)…", ("Ctrl+E",), "The whole event as a PDF to share"),
    Act.EXPORT_AGREEMENTS: ActionSpec(
        "&Agreements for all adopters (PDF)…",
        ("Ctrl+Shift+A",),
        "One agreement PDF per adopter, into a folder",
    ),
    Act.EXPORT_EVENT_FILE: ActionSpec(
        "Event &file (YAML)…", (), "The event as a file another facilitator can import"
    ),
    Act.SEND_AGREEMENTS: ActionSpec(
        "Se&nd agreements…",
        (),
        "One mail draft per adopter with their agreement PDF, opened in your mail program; nothing is sent",
    ),
    Act.EXPORT_CALENDAR: ActionSpec(
        "Add &check-ins to calendar…", (), "One calendar entry per check-in date, for everyone's calendar"
    ),
    Act.EXPORT_MARKDOWN: ActionSpec(
        "Summary as &Markdown…", (), "The event summary for a team wiki or a code host"
    ),
    Act.EXPORT_CSV_AGREEMENTS: ActionSpec(
        "Agreements as &table (CSV)…", (), "One row per agreement, for a spreadsheet"
    ),
    Act.EXPORT_CSV_SUPPORT: ActionSpec(
        "Support &items as table (CSV)…", (), "One row per support item, for a spreadsheet"
    ),
    Act.IMPORT_EVENT_FILE: ActionSpec(
        "&Import event file…", ("Ctrl+I",), "Create an event from a YAML or JSON event file"
    ),
    Act.BACKUPS: ActionSpec(
        "&Backups…", (), "See the verified backups, choose how many to keep, back up now"
    ),
    Act.OPEN_AFTER_EXPORT: ActionSpec(
        "&Open files after export", (), "Show each exported file at once", True
    ),
    Act.HISTORY: ActionSpec("&History", ("Ctrl+H",), "Every event, sortable and filterable"),
    Act.SEARCH: ActionSpec(
        "&Search everything", ("Ctrl+F",), "Goals, outcomes, patterns, boundaries, agreements, people"
    ),
    Act.ADOPTIONS: ActionSpec("&Adoption tracker", ("Ctrl+U",), "Every agreement: status, check-in, overdue"),
    Act.PATTERN_LIBRARY: ActionSpec("&Pattern library", ("Ctrl+L",), "Each pattern across all events"),
    Act.FIGURES: ActionSpec(
        "&Figures and report", ("Ctrl+G",), "Adoption figures over time, and the leadership report"
    ),
    Act.PRESENT: ActionSpec(
        "&Present to the room", ("F5",), "The room view full screen on the projector; F5 again to stop", True
    ),
    Act.ROOM_SWITCH: ActionSpec(
        "&Switch room view / console", ("F6",), "On one screen: show this window or the room view"
    ),
    # B, "." and W are the keys presentation clickers send; a text field keeps
    # them as letters, and the cursor is in a field for most of an event, so
    # each also has a key that works from anywhere.
    Act.ROOM_BLACK: ActionSpec(
        "&Black screen", ("B", ".", "Ctrl+Shift+B"), "Blank the room view to black; again to show it"
    ),
    Act.ROOM_WHITE: ActionSpec(
        "&White screen", ("W", "Ctrl+Shift+W"), "Blank the room view to white; again to show it"
    ),
    Act.ROOM_HOLD: ActionSpec(
        "&Hold the room view", ("Ctrl+Shift+F",), "Freeze what the room sees while you fix a typo", True
    ),
    Act.ROOM_TIMER: ActionSpec("Show the &timer to the room", (), "The step's time on the room view", True),
    Act.ROOM_NEXT_PAGE: ActionSpec(
        "&Next page of the room view", ("Alt+PgDown",), "More records than the room view holds at once"
    ),
    Act.ROOM_PREVIOUS_PAGE: ActionSpec(
        "Previous pa&ge of the room view", ("Alt+PgUp",), "Back to the earlier records"
    ),
}


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """Return the key sequences of an action spec, standard keys expanded."""
    sequences: list[QKeySequence] = []
    for shortcut in spec.shortcuts:
        if isinstance(shortcut, Key):
            sequences.extend(QKeySequence.keyBindings(shortcut))
        else:
            sequences.append(QKeySequence(shortcut))
    unique: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    return unique


def first_key(sequence: QKeySequence) -> QKeyCombination:
    """Return the first key combination of ``sequence`` (most shortcuts have only one)."""
    # QKeySequence's operator[] is bound as __getitem__, but PySide6's stubs leave it out.
    return sequence[0]  # type: ignore[index]


def make_action(act: Act, parent: QObject, slot: Callable | None = None) -> QAction:
    """Create the QAction for ``act`` as declared in SPECS."""
    spec = SPECS[act]
    action = QAction(spec.text, parent)
    action.setObjectName(act.value)
    action.setShortcuts(key_sequences(spec))
    action.setStatusTip(spec.tip)
    action.setToolTip(spec.tip or spec.text.replace("&", ""))
    action.setCheckable(spec.checkable)
    if slot is not None:
        action.triggered.connect(slot)
    return action


def local_action(act: Act, widget: QWidget, slot: Callable) -> QAction:
    """Create an action that only fires while ``widget`` (or a child) has focus.

    Used for list-level actions (delete, move) that several lists share.
    """
    action = make_action(act, widget, slot)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    widget.addAction(action)
    return action


# Keys beyond letters, digits and punctuation that an ordinary keyboard has.
_KEYBOARD_KEYS = frozenset(
    {
        Qt.Key.Key_Escape,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Insert,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Left,
        Qt.Key.Key_Up,
        Qt.Key.Key_Right,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        *(Qt.Key(Qt.Key.Key_F1.value + n) for n in range(12)),
    }
)


def shortcut_text(act: Act) -> str:
    """Return the keys a person presses for ``act``, e.g. "PgDown, Alt+Right".

    Qt's standard keys also answer to keys of special keyboards (F14, the
    Undo key) and to old aliases (Alt+Backspace for undo); those work but are
    not shown. Return and Enter are both "Enter" to people.
    """
    shown: list[str] = []
    for sequence in key_sequences(SPECS[act]):
        combination = first_key(sequence)
        key = combination.key()
        if key.value >= 0x01000000 and key not in _KEYBOARD_KEYS:
            continue
        if key == Qt.Key.Key_Backspace and combination.keyboardModifiers() & Qt.KeyboardModifier.AltModifier:
            continue
        text = QKeySequence(combination).toString(QKeySequence.SequenceFormat.NativeText)
        text = text.replace("Return", "Enter")
        if text not in shown:
            shown.append(text)
    return ", ".join(shown)
