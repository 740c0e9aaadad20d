"""Every user action, declared in one place with its text and shortcuts."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from facilitator.i18n import N_, _

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
    """Text, shortcuts and help for one action.

    ``text`` and ``tip`` are in English, marked with ``N_``: the ``text_of``
    and ``tip_of`` functions give them in the language in use.
    """

    text: str
    shortcuts: tuple[QKeySequence | Key | str, ...] = ()
    tip: str = ""
    checkable: bool = False


SPECS: dict[Act, ActionSpec] = {
    Act.NEW_EVENT: ActionSpec(N_("&New event…"), (Key.New,), N_("Prepare a new Scale Across event")),
    Act.OPEN_SAMPLE: ActionSpec(
        N_("Open &sample event"), ("Ctrl+Shift+D",), N_("Create and open the sample event")
    ),
    Act.HOME: ActionSpec(N_("&Recent events"), ("Ctrl+Shift+H",), N_("Back to the list of events")),
    Act.PREPARE: ActionSpec(
        N_("&Prepare event"), ("Ctrl+1",), N_("Details, participants, capacity and drafts")
    ),
    Act.WALK_THROUGH: ActionSpec(N_("&Walk-through"), ("Ctrl+2",), N_("Lead the room through the agenda")),
    Act.REVIEW: ActionSpec(N_("Re&view"), ("Ctrl+3",), N_("Everything captured on one page")),
    Act.CLOSE_EVENT: ActionSpec(N_("&Close event…"), ("Ctrl+Shift+E",), N_("Mark the event closed")),
    Act.REOPEN_EVENT: ActionSpec(N_("Re&open event for edits"), (), N_("Make a closed event editable again")),
    Act.QUIT: ActionSpec(N_("&Quit"), (Key.Quit, "Ctrl+Q"), N_("Everything is already saved")),
    Act.UNDO: ActionSpec(N_("&Undo"), (Key.Undo,), N_("Take back the last edit")),
    Act.REDO: ActionSpec(N_("&Redo"), (Key.Redo, "Ctrl+Shift+Z"), N_("Do the undone edit again")),
    Act.ADD_RECORD: ActionSpec(
        N_("&Add record"), ("Ctrl+Return", "Ctrl+Enter"), N_("Add a record to the current list")
    ),
    Act.DELETE_RECORD: ActionSpec(N_("&Delete record"), ("Ctrl+Delete",), N_("Delete the selected record")),
    Act.MOVE_UP: ActionSpec(N_("Move &up"), ("Alt+Up",), N_("Move the selected record up")),
    Act.MOVE_DOWN: ActionSpec(N_("Move do&wn"), ("Alt+Down",), N_("Move the selected record down")),
    Act.NEXT_PATTERN: ActionSpec(
        N_("Ne&xt pattern"), ("Ctrl+PgDown",), N_("Show the next pattern's context and boundaries")
    ),
    Act.PREVIOUS_PATTERN: ActionSpec(
        N_("Previous pa&ttern"), ("Ctrl+PgUp",), N_("Show the previous pattern's context and boundaries")
    ),
    Act.NEXT_STEP: ActionSpec(N_("&Next step"), ("PgDown", "Alt+Right"), N_("Go to the next agenda step")),
    Act.PREVIOUS_STEP: ActionSpec(
        N_("&Previous step"), ("PgUp", "Alt+Left"), N_("Go to the previous agenda step")
    ),
    Act.TIMER_TOGGLE: ActionSpec(N_("&Start/pause timer"), ("Ctrl+T",), N_("Start or pause the step timer")),
    Act.TIMER_RESET: ActionSpec(
        N_("&Reset timer"), ("Ctrl+Shift+T",), N_("Set this step's time back to zero")
    ),
    Act.TOGGLE_PROMPTS: ActionSpec(N_("Show facilitator &prompts"), ("Ctrl+Shift+P",), "", True),
    Act.FULL_SCREEN: ActionSpec(N_("&Full screen"), ("F11",), N_("Fill the projector"), True),
    Act.ZOOM_IN: ActionSpec(N_("Zoom &in"), ("Ctrl+=", "Ctrl++"), N_("Larger text")),
    Act.ZOOM_OUT: ActionSpec(N_("Zoom &out"), ("Ctrl+-",), N_("Smaller text")),
    Act.ZOOM_RESET: ActionSpec(N_("&Actual size"), ("Ctrl+0",), N_("Text at 100 %")),
    Act.SHORTCUTS: ActionSpec(N_("&Keyboard shortcuts"), ("F1",), N_("Every shortcut on one page")),
    Act.EXPORT_SUMMARY: ActionSpec(
        N_("Event &summary (PDF)…"), ("Ctrl+E",), N_("The whole event as a PDF to share")
    ),
    Act.EXPORT_AGREEMENTS: ActionSpec(
        N_("&Agreements for all adopters (PDF)…"),
        ("Ctrl+Shift+A",),
        N_("One agreement PDF per adopter, into a folder"),
    ),
    Act.EXPORT_EVENT_FILE: ActionSpec(
        N_("Event &file (YAML)…"), (), N_("The event as a file another facilitator can import")
    ),
    Act.SEND_AGREEMENTS: ActionSpec(
        N_("Se&nd agreements…"),
        (),
        N_(
            "One mail draft per adopter with their agreement PDF, opened in your mail program; "
            "nothing is sent"
        ),
    ),
    Act.EXPORT_CALENDAR: ActionSpec(
        N_("Add &check-ins to calendar…"),
        (),
        N_("One calendar entry per check-in date, for everyone's calendar"),
    ),
    Act.EXPORT_MARKDOWN: ActionSpec(
        N_("Summary as &Markdown…"), (), N_("The event summary for a team wiki or a code host")
    ),
    Act.EXPORT_CSV_AGREEMENTS: ActionSpec(
        N_("Agreements as &table (CSV)…"), (), N_("One row per agreement, for a spreadsheet")
    ),
    Act.EXPORT_CSV_SUPPORT: ActionSpec(
        N_("Support &items as table (CSV)…"), (), N_("One row per support item, for a spreadsheet")
    ),
    Act.IMPORT_EVENT_FILE: ActionSpec(
        N_("&Import event file…"), ("Ctrl+I",), N_("Create an event from a YAML or JSON event file")
    ),
    Act.BACKUPS: ActionSpec(
        N_("&Backups…"), (), N_("See the verified backups, choose how many to keep, back up now")
    ),
    Act.OPEN_AFTER_EXPORT: ActionSpec(
        N_("&Open files after export"), (), N_("Show each exported file at once"), True
    ),
    Act.HISTORY: ActionSpec(N_("&History"), ("Ctrl+H",), N_("Every event, sortable and filterable")),
    Act.SEARCH: ActionSpec(
        N_("&Search everything"), ("Ctrl+F",), N_("Goals, outcomes, patterns, boundaries, agreements, people")
    ),
    Act.ADOPTIONS: ActionSpec(
        N_("&Adoption tracker"), ("Ctrl+U",), N_("Every agreement: status, check-in, overdue")
    ),
    Act.PATTERN_LIBRARY: ActionSpec(
        N_("&Pattern library"), ("Ctrl+L",), N_("Each pattern across all events")
    ),
    Act.FIGURES: ActionSpec(
        N_("&Figures and report"), ("Ctrl+G",), N_("Adoption figures over time, and the leadership report")
    ),
    Act.PRESENT: ActionSpec(
        N_("&Present to the room"),
        ("F5",),
        N_("The room view full screen on the projector; F5 again to stop"),
        True,
    ),
    Act.ROOM_SWITCH: ActionSpec(
        N_("&Switch room view / console"), ("F6",), N_("On one screen: show this window or the room view")
    ),
    # B, "." and W are the keys presentation clickers send; a text field keeps
    # them as letters, and the cursor is in a field for most of an event, so
    # each also has a key that works from anywhere.
    Act.ROOM_BLACK: ActionSpec(
        N_("&Black screen"), ("B", ".", "Ctrl+Shift+B"), N_("Blank the room view to black; again to show it")
    ),
    Act.ROOM_WHITE: ActionSpec(
        N_("&White screen"), ("W", "Ctrl+Shift+W"), N_("Blank the room view to white; again to show it")
    ),
    Act.ROOM_HOLD: ActionSpec(
        N_("&Hold the room view"),
        ("Ctrl+Shift+F",),
        N_("Freeze what the room sees while you fix a typo"),
        True,
    ),
    Act.ROOM_TIMER: ActionSpec(
        N_("Show the &timer to the room"), (), N_("The step's time on the room view"), True
    ),
    Act.ROOM_NEXT_PAGE: ActionSpec(
        N_("&Next page of the room view"),
        ("Alt+PgDown",),
        N_("More records than the room view holds at once"),
    ),
    Act.ROOM_PREVIOUS_PAGE: ActionSpec(
        N_("Previous pa&ge of the room view"), ("Alt+PgUp",), N_("Back to the earlier records")
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


def text_of(act: Act) -> str:
    """Return the menu text of ``act`` in the language in use, with its mnemonic ("&New event…")."""
    return _(SPECS[act].text)


def tip_of(act: Act) -> str:
    """Return the status tip of ``act`` in the language in use ("" when it has none)."""
    tip = SPECS[act].tip
    return _(tip) if tip else ""


def tooltip_of(act: Act) -> str:
    """Return the tooltip of ``act``: its tip, else its text without the mnemonic."""
    return tip_of(act) or text_of(act).replace("&", "")


def make_action(act: Act, parent: QObject, slot: Callable | None = None) -> QAction:
    """Create the QAction for ``act`` as declared in SPECS, in the language in use."""
    spec = SPECS[act]
    action = QAction(text_of(act), parent)
    action.setObjectName(act.value)
    action.setShortcuts(key_sequences(spec))
    action.setStatusTip(tip_of(act))
    action.setToolTip(tooltip_of(act))
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
    not shown. Return and Enter are both "Enter" to people. The keys' names
    are Qt's, in the language of its installed catalog ("Bild ab").
    """
    shown: list[str] = []
    for sequence in key_sequences(SPECS[act]):
        combination = first_key(sequence)
        key = combination.key()
        if key.value >= 0x01000000 and key not in _KEYBOARD_KEYS:
            continue
        if key == Qt.Key.Key_Backspace and combination.keyboardModifiers() & Qt.KeyboardModifier.AltModifier:
            continue
        if key == Qt.Key.Key_Return:
            combination = QKeyCombination(combination.keyboardModifiers(), Qt.Key.Key_Enter)
        text = key_text(combination)
        if text not in shown:
            shown.append(text)
    return ", ".join(shown)


def key_text(key: QKeyCombination | Qt.Key) -> str:
    """Return a key's name as Qt writes it for people, in the language of Qt's catalog ("Enter", "F2")."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
