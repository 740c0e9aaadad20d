"""The room view: a second window that follows the console and never takes the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import show_active, window_on_event
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from facilitator.demo import create_demo_event
from facilitator.services import agreements, outcomes
from ui.actions import Act
from ui.main_window import MainWindow
from ui.room.canvas import QUESTION_MIN_PX, RECORD_MIN_PX, Mode, RoomCanvas
from ui.room.slide import Column, Item, Section, Slide
from ui.views import WALK_THROUGH


@pytest.fixture
def demo(db):
    with db.transaction() as session:
        return create_demo_event(session, date=dt.date(2026, 11, 3)).id


def _presenting(qtbot, db, event_id):
    window = window_on_event(qtbot, db, event_id, WALK_THROUGH, (1280, 720))
    window.actions_[Act.PRESENT].trigger()
    room = window.room
    qtbot.waitUntil(lambda: room.room.isVisible() and not room._pending.isActive())
    # The console keeps (or at once takes back) the keyboard.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, room


def clicker(qtbot, window, key):
    """Press a key as a presentation clicker does: into whichever window is active."""
    qtbot.keyClick(QApplication.activeWindow() or window, key)


def _texts(canvas: RoomCanvas) -> list[str]:
    return [run.text for run in canvas.placed().runs]


def _room_text(room) -> str:
    return "\n".join(_texts(room.room.canvas))


def test_f5_shows_the_room_view_and_the_console_keeps_the_keyboard(qtbot, db, demo):
    window, room = _presenting(qtbot, db, demo)
    assert room.presenting and room.room.isFullScreen()
    assert room.preview.isVisible()  # the console's preview of what the room sees
    # Nothing in the room view can take the focus: the facilitator types on.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert room.room.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert not any(w.focusPolicy() != Qt.FocusPolicy.NoFocus for w in room.room.findChildren(type(room.room)))
    assert room.room.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert room.room.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    # Activating it anyway (a window manager might) hands the keys straight back.
    room.room.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # No menus, no fields, no paths in the room view.
    assert "sqlite" not in _room_text(room)
    window.actions_[Act.PRESENT].trigger()
    assert not room.room.isVisible() and not room.presenting


def test_the_room_sees_the_step_and_follows_step_changes(qtbot, db, demo):
    window, room = _presenting(qtbot, db, demo)
    page = window.screen_.walkthrough
    assert _texts(room.room.canvas)[0] == "Step 1 of 4 · TOP Goal"
    clicker(qtbot, window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: "Step 2 of 4 · Outcomes & Patterns" in _room_text(room))
    assert page.step.question in _room_text(room)
    assert "Successes" in _room_text(room) and "Failures" in _room_text(room)
    clicker(qtbot, window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: "Works when" in _room_text(room))
    print(page.index, _room_text(room))
    assert "Breaks when" in _room_text(room) and "Prerequisites" in _room_text(room)
    # The pattern under discussion follows the console (Ctrl+Page Down).
    first = window.editor.event.patterns[0].name
    second = window.editor.event.patterns[1].name
    assert first in _room_text(room)
    content = page.step_contents[page.index]
    content.panels[0].step_pattern(+1)
    qtbot.waitUntil(lambda: second in _room_text(room))
    # The preview draws the same slide.
    assert _texts(room.preview.canvas)[0] == _texts(room.room.canvas)[0]


def test_an_edit_in_the_console_reaches_the_room_within_a_frame(qtbot, db, demo):
    window, room = _presenting(qtbot, db, demo)
    window.screen_.walkthrough.go_to(1)
    qtbot.waitUntil(lambda: "Outcomes" in _room_text(room))
    event_id = window.editor.event_id
    window.editor.call(
        "Add outcome",
        lambda s: outcomes.add_outcome(s, event_id, "success", "Zoë's onboarding halved — 日本"),
        lambda s: None,
    )
    # One turn of the event loop: the room redraws on the next frame, not after a delay.
    assert room._pending.isActive()
    qtbot.waitUntil(lambda: not room._pending.isActive(), timeout=1000)
    assert "Zoë's onboarding halved — 日本" in _room_text(room)


def test_black_white_and_hold(qtbot, db, demo):
    window, room = _presenting(qtbot, db, demo)
    canvas = room.room.canvas
    # B blanks to black, B again shows the step; "." is the same clicker key.
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert canvas.mode is Mode.BLACK and canvas.grab().toImage().pixelColor(10, 10).name() == "#000000"
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert canvas.mode is Mode.LIVE
    qtbot.keyClick(window, Qt.Key.Key_Period)
    assert canvas.mode is Mode.BLACK
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert canvas.mode is Mode.WHITE and canvas.grab().toImage().pixelColor(10, 10).name() == "#ffffff"
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert canvas.mode is Mode.LIVE
    # Hold: the room keeps what it saw while the console moves on.
    window.actions_[Act.ROOM_HOLD].trigger()
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    room.refresh()
    assert "Step 1 of 4" in _room_text(room)
    assert "Held" in room.preview.state_label.text()
    window.actions_[Act.ROOM_HOLD].trigger()
    qtbot.waitUntil(lambda: "Step 2 of 4" in _room_text(room))


def test_letters_typed_in_a_field_stay_letters_while_presenting(qtbot, db, demo):
    window, room = _presenting(qtbot, db, demo)
    window.screen_.walkthrough.go_to(1)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)  # the step's first field, where typing starts
    qtbot.keyClicks(field, "Bob W. b.w")
    assert field.text().endswith("Bob W. b.w")
    assert room.mode is Mode.LIVE
    # With the cursor in a field, as it is after every Page Down, Ctrl+Shift+B and W blank the room.
    qtbot.keyClick(
        field, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert room.mode is Mode.BLACK and field.text().endswith("Bob W. b.w")
    qtbot.keyClick(
        field, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert room.mode is Mode.WHITE


def test_the_timer_is_private_until_shown_to_the_room(qtbot, db, demo):
    window, room = _presenting(qtbot, db, demo)
    assert not room.room.canvas.slide.timer
    window.actions_[Act.ROOM_TIMER].trigger()
    qtbot.waitUntil(lambda: "0:00 / 10:00" in _room_text(room) or "/ 5:00" in _room_text(room))
    assert window.settings.get("room_timer")


def test_one_screen_f6_switches_between_the_room_view_and_the_console(qtbot, db, demo):
    window, room = _presenting(qtbot, db, demo)
    assert room.single_screen  # the offscreen platform has one screen
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert not room.room.isVisible() and room.presenting
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert room.room.isVisible()


def test_a_clicker_key_that_reaches_the_room_view_works_there_too(qtbot, db, demo):
    window, room = _presenting(qtbot, db, demo)
    page = window.screen_.walkthrough
    qtbot.keyClick(room.room, Qt.Key.Key_PageDown)
    assert page.index == 1
    qtbot.keyClick(room.room, Qt.Key.Key_B)
    assert room.mode is Mode.BLACK


def test_the_agreements_step_shows_the_fit_check_and_what_is_still_open(qtbot, db, demo):
    window, room = _presenting(qtbot, db, demo)
    window.screen_.walkthrough.go_to(3)
    qtbot.waitUntil(lambda: "Agreements" in _room_text(room))
    text = _room_text(room)
    assert "adopts" in text and "Sponsor:" in text
    assert "Does it fit" in text  # the agreement in hand, held against the pattern's conditions
    assert "Still open before we leave" in text


def _long_slide(count: int) -> Slide:
    items = tuple(
        Item(f"Outcome {n}: a title that wraps onto a second line at the room's size") for n in range(count)
    )
    return Slide(
        "Step 2 of 4 · Outcomes", "What happened?", main=(Section("Outcomes", (Column("", items),)),)
    )


def test_long_content_shrinks_to_a_readable_minimum_then_pages(qtbot):
    canvas = RoomCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(1920, 1080)
    canvas.show_slide(_long_slide(3))
    assert canvas.page_count() == 1 and canvas.placed().record_px > RECORD_MIN_PX
    canvas.show_slide(_long_slide(40), page=0)
    placed = canvas.placed()
    assert placed.record_px == RECORD_MIN_PX  # 24 pt at 1080p, never smaller
    assert placed.pages > 1
    more = [run.text for run in placed.runs if run.text.endswith("more")]
    shown = [run.text for run in placed.runs if run.text.startswith("Outcome ")]
    assert more == [f"+ {40 - len(shown)} more"]
    # Nothing drawn outside the screen.
    for run in placed.runs:
        assert canvas.rect().contains(run.rect.bottomRight()), run.text
    # The last page holds the last records, and says nothing more is hidden.
    canvas.show_slide(_long_slide(40), page=placed.pages - 1)
    last = canvas.placed()
    assert "Outcome 39: a title" in " ".join(r.text for r in last.runs)
    assert not [run.text for run in last.runs if run.text.endswith("more")]
    assert canvas.page_of(None) is None


def test_sizes_are_for_the_back_of_the_room_at_1080p(qtbot):
    canvas = RoomCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(QSize(1920, 1080))
    canvas.show_slide(_long_slide(2))
    runs = canvas.placed().runs
    question = next(run for run in runs if run.text == "What happened?")
    assert question.px * 72 / 96 >= 40  # 40 pt
    assert all(run.px * 72 / 96 >= 24 for run in runs if run.text.startswith("Outcome "))
    assert QUESTION_MIN_PX * 72 / 96 >= 40 and RECORD_MIN_PX * 72 / 96 >= 24


def test_the_room_is_shown_the_page_of_the_record_just_typed(qtbot, db, demo):
    window, room = _presenting(qtbot, db, demo)
    page = window.screen_.walkthrough
    page.go_to(3)
    qtbot.waitUntil(lambda: "Agreements" in _room_text(room))
    event = window.editor.event
    event_id = event.id
    adopter = event.participants[-1].id
    for _ in range(15):
        window.editor.call(
            "Add agreement", lambda s: agreements.add_agreement(s, event_id, adopter), lambda s: None
        )
    qtbot.waitUntil(lambda: not room._pending.isActive())
    assert room.room.canvas.page_count() > 1
    assert room.page == room.room.canvas.page_count() - 1  # the newest agreement is on the last page
    window.actions_[Act.ROOM_PREVIOUS_PAGE].trigger()
    assert room.page == room.room.canvas.page_count() - 2


def test_closing_the_console_closes_the_room_view(qtbot, db, demo):
    window, room = _presenting(qtbot, db, demo)
    room_window = room.room
    window.close()
    assert not room_window.isVisible()
    assert room_window not in [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_an_edit_costs_the_room_view_nothing_while_nobody_sees_it(qtbot, db, demo):
    window = MainWindow(db)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.open_event(demo, view=WALK_THROUGH)
    window.screen_.walkthrough.go_to(1)  # Outcomes & Patterns
    room = window.room
    event_id = window.editor.event_id
    window.editor.call(
        "Add outcome", lambda s: outcomes.add_outcome(s, event_id, "success", "Unseen"), lambda s: None
    )
    assert not room._pending.isActive() and not room.presenting
    window.actions_[Act.PRESENT].trigger()  # presenting builds the slide afresh
    assert "Unseen" in _room_text(room)


def test_the_room_reads_text_as_it_is_typed_before_it_is_stored(qtbot, db, demo):
    window, room = _presenting(qtbot, db, demo)
    page = window.screen_.walkthrough
    # The TOP Goal stores after a pause in typing; the room does not wait for it.
    goal = page.step_contents[0].panels[0].cards[0].goal
    goal.setFocus()
    qtbot.waitUntil(goal.hasFocus)
    goal.selectAll()
    qtbot.keyClicks(goal, "Ship weekly")
    assert goal.unsaved  # not stored yet
    qtbot.waitUntil(lambda: "Ship weekly" in _texts(room.room.canvas))
    # A new outcome's title shows in its column, marked as being typed, letter by letter.
    page.go_to(1)
    outcomes_panel = page.step_contents[1].panels[0]
    outcomes_panel.quick_add.kind.setCurrentIndex(outcomes_panel.quick_add.kind.findText("✗ Failure"))
    line = outcomes_panel.quick_add.line
    line.setFocus()
    qtbot.keyClicks(line, "Flaky tes")
    qtbot.waitUntil(lambda: "Flaky tes" in _texts(room.room.canvas))
    failures = next(c for s in room.slide.main for c in s.columns if c.heading == "Failures")
    assert failures.items[-1].title == "Flaky tes" and failures.items[-1].mark == "✎"
    qtbot.keyClick(line, Qt.Key.Key_Return)  # stored: an outcome like any other
    qtbot.waitUntil(lambda: not room._pending.isActive())
    failures = next(c for s in room.slide.main for c in s.columns if c.heading == "Failures")
    assert failures.items[-1].title == "Flaky tes" and failures.items[-1].mark != "✎"
    # A boundary typed into "Breaks when" shows under Breaks when.
    page.go_to(2)
    breaks = page.step_contents[2].panels[0].lists
    line = next(lst for kind, lst in breaks.items() if kind.value == "breaks_when").quick_add.line
    line.setFocus()
    qtbot.keyClicks(line, "Teams share one pipeline")
    qtbot.waitUntil(lambda: "Teams share one pipeline" in _texts(room.room.canvas))
    column = next(c for s in room.slide.main for c in s.columns if c.heading == "Breaks when")
    assert column.items[-1].title == "Teams share one pipeline"


def test_the_present_button_gives_its_line_to_the_records_at_a_large_zoom(qtbot, db, demo):
    window = window_on_event(qtbot, db, demo, WALK_THROUGH, (1920, 1080))
    button = window.screen_.walkthrough.present_button
    qtbot.waitUntil(button.isVisible)
    for _ in range(5):  # 110, 125, 150, 175, 200 %: the largest zoom
        window.zoom(+1)
    qtbot.waitUntil(lambda: not button.isVisible())
    assert window.actions_[Act.PRESENT].isEnabled()  # F5 and the Room menu still present
