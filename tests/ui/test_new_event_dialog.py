"""The New event dialog: known coalitions bring their goal; new names create coalitions."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from facilitator.domain import Trigger
from facilitator.services import coalitions, events
from facilitator.storage import open_database
from ui.date_fields import to_qdate
from ui.prepare.new_event import NewEventDialog, ask_new_event

OLD_GOAL = "Halve checkout lead time by Q2"


def stored(db_path, event_id):
    db = open_database(db_path)
    with db.transaction() as session:
        e = events.load_event(session, event_id)
        result = {
            "coalitions": [c.name for c in e.coalitions],
            "goal": e.goal_for(e.coalitions[0]),
            "date": e.date,
            "facilitator": e.facilitator,
            "trigger": e.trigger,
            "agenda": e.agenda_id,
            "known": [c.name for c in coalitions.list_coalitions(session)],
        }
    db.close()
    return result


@pytest.fixture
def earlier_events(db):
    """Two coalitions with an earlier event each; Checkout's has a goal."""
    with db.transaction() as session:
        checkout = events.plan_event(
            session, coalitions=["Checkout Coalition"], date=dt.date(2026, 1, 10), facilitator="Ana Núñez"
        )
        events.set_top_goal(session, checkout.id, checkout.coalitions[0].id, OLD_GOAL)
        events.plan_event(session, coalitions=["Ärzte Coalition"], date=dt.date(2025, 12, 1))


def open_dialog(qtbot, db) -> NewEventDialog:
    dialog = NewEventDialog(db)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_the_latest_coalition_comes_first_with_its_latest_goal(qtbot, db, earlier_events):
    dialog = open_dialog(qtbot, db)
    assert dialog.coalition.currentText() == "Checkout Coalition"
    assert dialog.goal.toPlainText() == OLD_GOAL
    # Sorted as people read them: Ä with the A's.
    assert [dialog.coalition.itemText(i) for i in range(dialog.coalition.count())] == [
        "Ärzte Coalition",
        "Checkout Coalition",
    ]
    assert dialog.date.date() == to_qdate(dt.date.today())
    assert dialog.facilitator.text() == "Ana Núñez"
    assert (
        QApplication.focusWidget() is dialog.coalition.lineEdit()
        or QApplication.focusWidget() is dialog.coalition
    )


def test_choosing_an_existing_coalition_prefills_and_enter_creates(qtbot, db, db_path, earlier_events):
    dialog = open_dialog(qtbot, db)
    # Pick the other coalition (no goal yet), then come back: the goal follows the choice.
    dialog.coalition.setCurrentIndex(0)
    assert dialog.coalition.currentText() == "Ärzte Coalition"
    assert dialog.goal.toPlainText() == ""
    dialog.coalition.setCurrentIndex(1)
    assert dialog.goal.toPlainText() == OLD_GOAL

    dialog.goal.setFocus()
    dialog.goal.moveCursor(dialog.goal.textCursor().MoveOperation.End)
    type_text(dialog.goal, ", without more incidents")
    dialog.facilitator.setFocus()
    dialog.facilitator.selectAll()
    type_text(dialog.facilitator, "Zoë Lefèvre")
    dialog.trigger.setFocus()
    qtbot.keyClick(dialog.trigger, Qt.Key.Key_End)  # Quarterly cadence
    dialog.date.setDate(to_qdate(dt.date(2026, 5, 4)))
    dialog.agenda.setCurrentIndex(dialog.agenda.findData("scale-across-30"))
    dialog.facilitator.setFocus()
    qtbot.keyClick(dialog.facilitator, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored(db_path, dialog.created_event_id) == {
        "coalitions": ["Checkout Coalition"],
        "goal": OLD_GOAL + ", without more incidents",
        "date": dt.date(2026, 5, 4),
        "facilitator": "Zoë Lefèvre",
        "trigger": Trigger.QUARTERLY_CADENCE,
        "agenda": "scale-across-30",
        "known": ["Checkout Coalition", "Ärzte Coalition"],
    }


def test_typing_an_existing_name_in_another_case_finds_its_goal(qtbot, db, db_path, earlier_events):
    dialog = open_dialog(qtbot, db)
    line = dialog.coalition.lineEdit()
    line.clear()
    qtbot.keyClicks(line, "checkout coalition")
    assert dialog.goal.toPlainText() == OLD_GOAL
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored(db_path, dialog.created_event_id)["known"] == ["Checkout Coalition", "Ärzte Coalition"]


def test_a_new_name_creates_a_coalition_and_its_goal(qtbot, db, db_path, earlier_events):
    dialog = open_dialog(qtbot, db)
    line = dialog.coalition.lineEdit()
    line.selectAll()
    type_text(line, "Zahlungsverkehr Łódź")
    assert dialog.goal.toPlainText() == ""  # an unknown coalition has no goal yet
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.goal
    type_text(dialog.goal, "Fewer failed payments")
    qtbot.keyClick(dialog.goal, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(dialog.goal, "in every country")
    assert dialog.isVisible()  # Shift+Enter is a new line, not "create"
    qtbot.keyClick(dialog.goal, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    result = stored(db_path, dialog.created_event_id)
    assert result["coalitions"] == ["Zahlungsverkehr Łódź"]
    assert result["goal"] == "Fewer failed payments\nin every country"
    assert result["date"] == dt.date.today()
    assert sorted(result["known"]) == sorted(
        ["Checkout Coalition", "Ärzte Coalition", "Zahlungsverkehr Łódź"]
    )


def test_a_goal_edited_by_hand_is_kept_when_the_coalition_changes(qtbot, db, earlier_events):
    dialog = open_dialog(qtbot, db)
    dialog.goal.setPlainText("My own words")
    dialog.coalition.setCurrentIndex(0)
    assert dialog.goal.toPlainText() == "My own words"


def test_an_empty_coalition_is_refused_without_closing(qtbot, db, db_path, earlier_events):
    dialog = open_dialog(qtbot, db)
    line = dialog.coalition.lineEdit()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, "   ")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.created_event_id is None
    assert dialog.error.isVisible()
    assert "Name the coalition" in dialog.error.text()
    db2 = open_database(db_path)
    with db2.transaction() as session:
        assert len(events.list_events(session)) == 2
    db2.close()

    # Typing a name clears the message; Enter then creates the event.
    type_text(line, "Neu")
    assert not dialog.error.isVisible()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored(db_path, dialog.created_event_id)["coalitions"] == ["Neu"]


def test_a_refused_value_is_shown_in_the_dialog(qtbot, db):
    dialog = open_dialog(qtbot, db)
    dialog.coalition.setCurrentText("X" * 201)
    dialog.accept()
    assert dialog.isVisible()
    assert "too long" in dialog.error.text()


def test_escape_cancels_and_creates_nothing(qtbot, db, earlier_events):
    dialog = open_dialog(qtbot, db)
    qtbot.keyClick(dialog.coalition, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.created_event_id is None
    with db.transaction() as session:
        assert len(events.list_events(session)) == 2


def test_ask_new_event_returns_the_new_id_or_none(qtbot, db):
    def answer(accept: bool):
        dialog = QApplication.activeModalWidget()
        if accept:
            dialog.coalition.setCurrentText("First Coalition")
            dialog.accept()
        else:
            dialog.reject()

    QTimer.singleShot(0, lambda: answer(True))
    event_id = ask_new_event(db)
    assert event_id is not None
    with db.transaction() as session:
        assert [c.name for c in events.load_event(session, event_id).coalitions] == ["First Coalition"]

    QTimer.singleShot(0, lambda: answer(False))
    assert ask_new_event(db) is None
