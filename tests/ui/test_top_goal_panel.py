"""The TOP Goal step: the goal is stored as typed, undo restores it, history is shown."""

from __future__ import annotations

import datetime as dt

from helpers import type_text as _type
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from facilitator.services import events
from facilitator.storage import open_database
from ui.editing import EventEditor
from ui.panels.top_goal.panel import TopGoalPanel

COALITION = "Checkout Reliability Coalition"


def _stored_goal(db_path, event_id) -> str:
    db = open_database(db_path)
    try:
        with db.transaction() as session:
            event = events.load_event(session, event_id)
            return event.goal_for(event.coalitions[0])
    finally:
        db.close()


def _plan(db, date: dt.date, goal: str):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=[COALITION], date=date, facilitator="Zoë Lefèvre")
        if goal:
            events.set_top_goal(session, event.id, event.coalitions[0].id, goal)
        return event.id


def _window(qtbot, db, event_id):
    editor = EventEditor(db, event_id)
    window = QWidget()
    panel = TopGoalPanel(editor)
    elsewhere = QLineEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(panel)
    layout.addWidget(elsewhere)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    # The caller must keep the window: the panel is deleted with it.
    return window, editor, panel, elsewhere


def test_goal_typed_is_stored_when_focus_leaves_and_undo_restores_it(qtbot, db, db_path):
    event_id = _plan(db, dt.date(2026, 5, 4), "Ship weekly")
    _w, editor, panel, elsewhere = _window(qtbot, db, event_id)
    goal = panel.cards[0].goal
    assert goal.toPlainText() == "Ship weekly"

    goal.setFocus()
    qtbot.keyClick(goal, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(goal, Qt.Key.Key_Delete)
    _type(goal, "Zoë’s goal: halve lead time — Łódź 日本")
    elsewhere.setFocus()
    qtbot.waitUntil(lambda: not goal.hasFocus())

    assert _stored_goal(db_path, event_id) == "Zoë’s goal: halve lead time — Łódź 日本"
    assert editor.undo_stack.count() == 1

    editor.undo_stack.undo()
    assert _stored_goal(db_path, event_id) == "Ship weekly"
    assert goal.toPlainText() == "Ship weekly"
    editor.undo_stack.redo()
    assert _stored_goal(db_path, event_id) == "Zoë’s goal: halve lead time — Łódź 日本"
    assert goal.toPlainText() == "Zoë’s goal: halve lead time — Łódź 日本"


def test_goal_is_stored_after_a_pause_in_typing(qtbot, db, db_path):
    event_id = _plan(db, dt.date(2026, 5, 4), "")
    _w, _editor, panel, _elsewhere = _window(qtbot, db, event_id)
    goal = panel.cards[0].goal
    goal.setFocus()
    qtbot.keyClicks(goal, "Cut lead time to 4 days")
    assert goal.hasFocus()
    qtbot.waitUntil(lambda: _stored_goal(db_path, event_id) == "Cut lead time to 4 days", timeout=20_000)
    assert goal.hasFocus()
    assert goal.toPlainText() == "Cut lead time to 4 days"


def test_a_redraw_from_another_edit_keeps_text_not_yet_stored(qtbot, db, db_path):
    event_id = _plan(db, dt.date(2026, 5, 4), "Old goal")
    _w, editor, panel, _elsewhere = _window(qtbot, db, event_id)
    goal = panel.cards[0].goal
    goal.setFocus()
    goal.moveCursor(goal.textCursor().MoveOperation.End)
    qtbot.keyClicks(goal, " and more")
    # Another panel stores something: the event reloads and every panel redraws.
    editor.call(
        "Rename",
        lambda s: events.update_event(s, event_id, title="Renamed"),
        lambda s: events.update_event(s, event_id, title=""),
    )
    assert goal.toPlainText() == "Old goal and more"
    assert panel.cards[0].goal.unsaved
    panel.flush()
    assert _stored_goal(db_path, event_id) == "Old goal and more"


def test_earlier_goals_of_the_coalition_are_shown_newest_first(qtbot, db):
    _plan(db, dt.date(2025, 6, 2), "Deploy monthly")
    _plan(db, dt.date(2025, 11, 3), "Deploy weekly — Zoë’s plan")
    event_id = _plan(db, dt.date(2026, 5, 4), "Deploy daily")
    _w, _editor, panel, _elsewhere = _window(qtbot, db, event_id)
    card = panel.cards[0]
    shown = [card.history.itemAt(i).widget().text() for i in range(card.history.count())]
    assert shown == ["Mon 3 Nov 2025 — Deploy weekly — Zoë’s plan", "Mon 2 Jun 2025 — Deploy monthly"]
    assert card.history.itemAt(0).widget().property("role") == "muted"
    assert card.name.text() == COALITION


def test_each_coalition_of_a_shared_event_has_its_own_goal(qtbot, db, db_path):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Alpha", "Ωmega Coalition"], date=dt.date(2026, 5, 4))
        event_id = event.id
    _w, editor, panel, elsewhere = _window(qtbot, db, event_id)
    assert [card.name.text() for card in panel.cards] == ["Alpha", "Ωmega Coalition"]
    second = panel.cards[1].goal
    second.setFocus()
    _type(second, "Ωmega: fewer handovers")
    elsewhere.setFocus()
    qtbot.waitUntil(lambda: not second.hasFocus())
    with db.transaction() as session:
        stored = events.load_event(session, event_id)
        goals = [stored.goal_for(c) for c in stored.coalitions]
    assert goals == ["", "Ωmega: fewer handovers"]


def test_a_closed_event_shows_the_goal_read_only(qtbot, db):
    event_id = _plan(db, dt.date(2026, 5, 4), "Final goal")
    with db.transaction() as session:
        events.close_event(session, event_id)
    _w, _editor, panel, _elsewhere = _window(qtbot, db, event_id)
    goal = panel.cards[0].goal
    assert goal.isReadOnly()
    assert goal.toPlainText() == "Final goal"
