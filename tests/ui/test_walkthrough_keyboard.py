"""The walk-through from the keyboard: typing right after Page Down, and a closed event's read-only look."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import focused, freeze_step_clock, show_active, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from facilitator.demo import create_demo_event
from facilitator.domain import BoundaryKind
from facilitator.services import events
from ui.actions import Act
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def demo(db):
    with db.transaction() as session:
        return create_demo_event(session, date=dt.date(2026, 11, 3)).id


def _walk_through(qtbot, db, event_id) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    show_active(qtbot, window)
    window.open_event(event_id, view=1)
    return window


def _press(qtbot, window, key) -> None:
    # Where a clicker's key arrives: wherever the keyboard focus is.
    qtbot.keyClick(focused() or window, key)


def test_typing_right_after_page_down_lands_in_the_steps_first_field(qtbot, db, demo):
    window = _walk_through(qtbot, db, demo)
    page = window.screen_.walkthrough
    _press(qtbot, window, Qt.Key.Key_PageDown)  # Outcomes & Patterns
    _press(qtbot, window, Qt.Key.Key_PageUp)  # back to the TOP Goal
    assert page.index == 0
    goal = page.contents.widget(0).panels[0].cards[0].goal
    qtbot.waitUntil(goal.hasFocus)
    goal.moveCursor(goal.textCursor().MoveOperation.End)
    type_text(focused(), " — Zoë")
    assert goal.toPlainText().endswith(" — Zoë")

    # Page Down works from inside the goal too, and each step's first field takes the typing.
    expected = {
        1: lambda content: content.panels[0].quick_add.line,  # the new outcome's title
        2: lambda content: content.panels[0].lists[BoundaryKind.WORKS_WHEN].quick_add.line,
        3: lambda content: content.panels[0].picker.lineEdit(),  # the new agreement's adopter
    }
    for index, field_of in expected.items():
        _press(qtbot, window, Qt.Key.Key_PageDown)
        assert page.index == index
        field = field_of(page.contents.widget(index))
        qtbot.waitUntil(field.hasFocus)
        type_text(focused(), "Łukasz")
        assert field.text() == "Łukasz", f"step {index + 1}: the typing went to {type(focused()).__name__}"
        field.clear()

    # Back up to the outcomes: their title line again, not the field the room left.
    _press(qtbot, window, Qt.Key.Key_PageUp)
    _press(qtbot, window, Qt.Key.Key_PageUp)
    outcome_title = page.contents.widget(1).panels[0].quick_add.line
    qtbot.waitUntil(outcome_title.hasFocus)
    type_text(focused(), "Ana")
    assert outcome_title.text() == "Ana"


def test_the_adoption_review_step_puts_the_keyboard_in_its_list(qtbot, db, demo):
    with db.transaction() as session:
        coalition = events.load_event(session, demo).coalitions[0].name
        review = events.plan_event(
            session, coalitions=[coalition], date=dt.date(2026, 12, 1), agenda_id="scale-across-follow-up"
        ).id
    window = _walk_through(qtbot, db, review)
    page = window.screen_.walkthrough
    _press(qtbot, window, Qt.Key.Key_PageDown)
    _press(qtbot, window, Qt.Key.Key_PageUp)
    panel = page.contents.widget(0).panels[0]
    assert panel.rows(), "the demo event's agreements are up for review"
    qtbot.waitUntil(panel.table.hasFocus)  # Enter then changes the selected agreement's status


def test_a_closed_event_shows_read_only_with_no_timer_to_start(qtbot, db, demo, monkeypatch):
    advance = freeze_step_clock(monkeypatch)
    with db.transaction() as session:
        events.record_step_time(session, demo, "top-goal", 90)
        events.close_event(session, demo)
    window = _walk_through(qtbot, db, demo)
    page = window.screen_.walkthrough
    assert page.closed_label.isVisible() and "Reopen it from the File menu" in page.closed_label.text()
    assert not page.timer_button.isEnabled() and not page.reset_button.isEnabled()
    assert not window.actions_[Act.TIMER_TOGGLE].isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)  # start: nothing
    advance(30)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)  # reset: nothing
    assert not page.timer.running
    assert page.timer.seconds("top-goal") == pytest.approx(90)

    # The room can still be walked through; typing right after Page Down changes nothing.
    before = [o.title for o in window.editor.event.outcomes]
    _press(qtbot, window, Qt.Key.Key_PageDown)
    assert page.index == 1
    outcomes = page.contents.widget(1).panels[0]
    assert not outcomes.quick_add.isVisible()
    type_text(focused() or window, "x")
    qtbot.keyClick(focused() or window, Qt.Key.Key_Return)
    window.editor.reload()
    assert [o.title for o in window.editor.event.outcomes] == before
    assert page.closed_label.isVisible()


def test_reopening_brings_the_timer_back(qtbot, db, demo, monkeypatch):
    freeze_step_clock(monkeypatch)
    with db.transaction() as session:
        events.close_event(session, demo)
    window = _walk_through(qtbot, db, demo)
    page = window.screen_.walkthrough
    assert not page.timer_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.screen_.review.request_reopen()
    assert not page.closed_label.isVisibleTo(page)
    assert page.timer_button.isEnabled() and page.reset_button.isEnabled()
    assert window.actions_[Act.TIMER_TOGGLE].isEnabled()
