"""The walk-through: clicker navigation, where the room was, and the step timer."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import freeze_step_clock, show_active
from PySide6.QtCore import Qt

from facilitator.demo import create_demo_event
from facilitator.services import events
from facilitator.storage import open_database
from ui.main_window import MainWindow
from ui.walkthrough.timer import format_seconds


@pytest.fixture
def demo(db):
    with db.transaction() as session:
        return create_demo_event(session, date=dt.date(2026, 11, 3)).id


def _window(qtbot, db, event_id, view=1):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    show_active(qtbot, window)
    window.open_event(event_id, view=view)
    return window


def _stored_step(db_path, event_id):
    db = open_database(db_path)
    with db.transaction() as session:
        step = events.load_event(session, event_id).current_step_id
    db.close()
    return step


def test_page_down_and_page_up_move_through_the_steps_and_are_remembered(qtbot, db, db_path, demo):
    window = _window(qtbot, db, demo)
    page = window.screen_.walkthrough
    assert page.index == 0 and page.position_label.text() == "Step 1 of 4 · TOP Goal"
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert page.index == 2
    assert "where do they break?" in page.question_label.text()
    qtbot.waitUntil(lambda: _stored_step(db_path, demo) == "context-boundaries")
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert page.index == 1
    # Clickers also work while the cursor is in a list or a text field.
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageDown)
    assert page.index == 2
    for _ in range(5):
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert page.index == 3 and not page.next_button.isEnabled()
    qtbot.waitUntil(lambda: _stored_step(db_path, demo) == "follow-up-support")
    status = [page.step_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(4)]
    assert status == ["done", "done", "done", "current"]

    window.close()
    again = _window(qtbot, db, demo, view=None)
    assert again.screen_.tabs.currentIndex() == 1
    assert again.screen_.walkthrough.index == 3


def test_the_step_list_and_prompts_follow_the_agenda_file(qtbot, db, demo):
    window = _window(qtbot, db, demo)
    page = window.screen_.walkthrough
    assert [page.step_list.item(i).text().split("\n")[0].split(". ", 1)[1] for i in range(4)] == [
        "TOP Goal",
        "Outcomes & Patterns",
        "Context & Boundaries",
        "Follow-Up Support",
    ]
    assert "Read the TOP Goal out loud" in page.prompts_label.text()
    assert page.prompts_area.isVisible()
    qtbot.keyClick(
        window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert not page.prompts_area.isVisible()
    assert window.settings.get("show_prompts") is False


@pytest.fixture
def clock(monkeypatch):
    """A monotonic clock for the step timer that moves only when the test says."""
    return freeze_step_clock(monkeypatch)


def test_the_timer_counts_pauses_stores_and_resets(qtbot, db, db_path, demo, clock):
    window = _window(qtbot, db, demo)
    page = window.screen_.walkthrough
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert page.timer.running and page.timer_button.text() == "Pause"
    clock(72.4)
    with qtbot.waitSignal(page.timer.ticked, timeout=10_000):
        pass  # the once-a-second tick repaints the reading
    assert page.timer_label.text().startswith("1:12 / 5:00")
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not page.timer.running
    clock(30)  # paused: time goes by uncounted
    used = page.timer.seconds()
    assert used == pytest.approx(72.4)
    assert page.timer_label.text().startswith(format_seconds(used))
    reopened = open_database(db_path)
    with reopened.transaction() as session:
        assert events.load_event(session, demo).seconds_on("top-goal") == pytest.approx(used, abs=0.1)
    reopened.close()

    qtbot.keyClick(
        window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert page.timer.seconds() == 0


def test_a_running_timer_goes_on_with_the_next_step(qtbot, db, demo, clock):
    window = _window(qtbot, db, demo)
    page = window.screen_.walkthrough
    page.timer.start()
    clock(40)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    clock(25)
    page.timer.pause()
    assert page.timer.seconds("top-goal") == pytest.approx(40)
    assert page.timer.seconds("outcomes-patterns") == pytest.approx(25)
    assert page.timer.total_seconds() == pytest.approx(65)


def test_an_overrun_is_visible(qtbot, db, demo):
    with db.transaction() as session:
        events.record_step_time(session, demo, "top-goal", 6 * 60 + 15)
    window = _window(qtbot, db, demo)
    page = window.screen_.walkthrough
    assert page.timer_label.text() == "6:15 / 5:00\n+1:15 over"  # the overrun on a line of its own
    assert page.timer_label.property("state") == "over"
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert page.timer_label.property("state") == ""
    assert page.total_label.text() == "Event time 6:15 of 60:00"
