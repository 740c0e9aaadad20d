"""Event details and TOP Goal: every change is stored when made, and undoable."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from facilitator import paths
from facilitator.domain import Trigger
from facilitator.services import events
from facilitator.storage import open_database
from ui.date_fields import to_qdate
from ui.editing import EventEditor
from ui.prepare.details import EventDetailsForm
from ui.prepare.page import CAPACITY, DETAILS, PARTICIPANTS, PreparePage

GOAL = "Halve checkout lead time"


def stored_event(db_path, event_id):
    """Return (title, date, facilitator, trigger, agenda_id, {coalition: goal}) as stored."""
    db = open_database(db_path)
    with db.transaction() as session:
        e = events.load_event(session, event_id)
        result = (
            e.title,
            e.date,
            e.facilitator,
            e.trigger,
            e.agenda_id,
            {c.name: e.goal_for(c) for c in e.coalitions},
        )
    db.close()
    return result


@pytest.fixture
def editor(db):
    with db.transaction() as session:
        event = events.plan_event(
            session, coalitions=["Checkout Coalition"], date=dt.date(2026, 5, 4), facilitator="Ana"
        )
        events.set_top_goal(session, event.id, event.coalitions[0].id, GOAL)
    return EventEditor(db, event.id)


def show(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


@pytest.fixture
def form(qtbot, editor):
    return show(qtbot, EventDetailsForm(editor))


def test_text_fields_are_stored_when_the_cursor_leaves_them(qtbot, form, editor, db_path):
    form.title.setFocus()
    type_text(form.title, "Scale Across — Kasse ünd 支付")
    assert stored_event(db_path, editor.event_id)[0] == ""  # not while typing
    qtbot.keyClick(form.title, Qt.Key.Key_Tab)
    assert stored_event(db_path, editor.event_id)[0] == "Scale Across — Kasse ünd 支付"

    form.facilitator.setFocus()
    form.facilitator.selectAll()
    type_text(form.facilitator, "Zoë Lefèvre")
    qtbot.keyClick(form.facilitator, Qt.Key.Key_Return)
    assert stored_event(db_path, editor.event_id)[2] == "Zoë Lefèvre"

    editor.undo_stack.undo()
    assert stored_event(db_path, editor.event_id)[2] == "Ana"
    assert form.facilitator.text() == "Ana"
    editor.undo_stack.undo()
    assert stored_event(db_path, editor.event_id)[0] == ""
    assert form.title.text() == ""


def test_leaving_an_unchanged_field_stores_nothing(qtbot, form, editor):
    form.title.setFocus()
    qtbot.keyClick(form.title, Qt.Key.Key_Tab)
    form.facilitator.setFocus()
    type_text(form.facilitator, " ")  # only a trailing blank: the same name
    qtbot.keyClick(form.facilitator, Qt.Key.Key_Return)
    assert editor.undo_stack.count() == 0


def test_trigger_and_agenda_are_stored_when_chosen(qtbot, form, editor, db_path):
    form.trigger.setFocus()
    qtbot.keyClick(form.trigger, Qt.Key.Key_Down)
    assert form.trigger.currentText() == "Pattern discovery"
    assert stored_event(db_path, editor.event_id)[3] == Trigger.PATTERN_DISCOVERY

    form.agenda.setFocus()
    form.agenda.setCurrentIndex(form.agenda.findData("scale-across-30"))
    assert stored_event(db_path, editor.event_id)[4] == "scale-across-30"
    assert "Total 30 min" in form.outline.text()

    editor.undo_stack.undo()
    assert stored_event(db_path, editor.event_id)[4] == "scale-across"
    assert form.agenda.currentData() == "scale-across"
    assert "Total 60 min" in form.outline.text()
    editor.undo_stack.undo()
    assert form.trigger.currentText() == "Significant progress"


def test_date_typed_is_stored_on_leaving_and_a_picked_date_after_a_pause(qtbot, form, editor, db_path):
    form.date.setFocus()
    form.date.setCurrentSection(form.date.Section.DaySection)
    qtbot.keyClick(form.date, Qt.Key.Key_Up)
    qtbot.keyClick(form.date, Qt.Key.Key_Up)
    assert form.date.date() == to_qdate(dt.date(2026, 5, 6))
    qtbot.keyClick(form.date, Qt.Key.Key_Return)
    assert stored_event(db_path, editor.event_id)[1] == dt.date(2026, 5, 6)
    assert editor.undo_stack.count() == 1  # one edit, not one per key

    # Leaving the field stores too (Tab first walks the parts of the date).
    qtbot.keyClick(form.date, Qt.Key.Key_Down)
    form.facilitator.setFocus(Qt.FocusReason.TabFocusReason)
    assert stored_event(db_path, editor.event_id)[1] == dt.date(2026, 5, 5)
    editor.undo_stack.undo()

    # Picking a day in the calendar pop-up changes the date without leaving the field.
    form.date.setDate(to_qdate(dt.date(2026, 6, 1)))
    qtbot.waitUntil(lambda: stored_event(db_path, editor.event_id)[1] == dt.date(2026, 6, 1), timeout=20_000)
    editor.undo_stack.undo()
    assert stored_event(db_path, editor.event_id)[1] == dt.date(2026, 5, 6)
    assert form.date.date() == to_qdate(dt.date(2026, 5, 6))


def test_top_goal_is_stored_after_a_pause_and_when_leaving(qtbot, form, editor, db_path):
    goal = form.goal_edits[0]
    assert goal.toPlainText() == GOAL
    goal.setFocus()
    goal.moveCursor(goal.textCursor().MoveOperation.End)
    type_text(goal, " — by Q2 ")
    assert stored_event(db_path, editor.event_id)[5] == {"Checkout Coalition": GOAL}
    qtbot.waitUntil(lambda: not goal.unsaved, timeout=20_000)
    assert stored_event(db_path, editor.event_id)[5] == {"Checkout Coalition": GOAL + " — by Q2"}
    # The trailing blank typed before the pause is still there to type on.
    assert goal.toPlainText() == GOAL + " — by Q2 "

    type_text(goal, "für Łódź")
    qtbot.keyClick(goal, Qt.Key.Key_Tab)  # Tab leaves the field (it never inserts a tab)
    assert QApplication.focusWidget() is not goal
    assert stored_event(db_path, editor.event_id)[5] == {"Checkout Coalition": GOAL + " — by Q2 für Łódź"}

    editor.undo_stack.undo()
    assert stored_event(db_path, editor.event_id)[5] == {"Checkout Coalition": GOAL + " — by Q2"}
    assert goal.toPlainText() == GOAL + " — by Q2"
    editor.undo_stack.undo()
    assert stored_event(db_path, editor.event_id)[5] == {"Checkout Coalition": GOAL}
    assert goal.toPlainText() == GOAL


def test_typing_in_the_goal_survives_another_stored_edit(qtbot, form, editor, db_path):
    goal = form.goal_edits[0]
    goal.setFocus()
    goal.selectAll()
    type_text(goal, "Neues Ziel")
    # Another edit is stored (e.g. from another panel) before the pause ends.
    editor.update("Title", type(editor.event), editor.event_id, events.update_event, title="T")
    assert goal.toPlainText() == "Neues Ziel"
    goal.flush()
    assert stored_event(db_path, editor.event_id)[5] == {"Checkout Coalition": "Neues Ziel"}


def test_all_changes_survive_reopening_the_database(qtbot, db, db_path, editor):
    form = show(qtbot, EventDetailsForm(editor))
    form.title.setFocus()
    type_text(form.title, "Checkout patterns")
    qtbot.keyClick(form.title, Qt.Key.Key_Tab)
    form.trigger.setCurrentIndex(form.trigger.findData(Trigger.QUARTERLY_CADENCE.value))
    goal = form.goal_edits[0]
    goal.setFocus()
    goal.selectAll()
    type_text(goal, "Ship daily")
    form.title.setFocus()
    db.close()
    reopened = open_database(db_path)
    with reopened.transaction() as session:
        event = events.load_event(session, editor.event_id)
        assert (event.title, event.trigger) == ("Checkout patterns", Trigger.QUARTERLY_CADENCE)
        assert event.goal_for(event.coalitions[0]) == "Ship daily"
    reopened.close()


def test_a_shared_event_edits_each_coalitions_goal(qtbot, db, db_path):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout", "Payments"], date=dt.date(2026, 5, 4))
    editor = EventEditor(db, event.id)
    form = show(qtbot, EventDetailsForm(editor))
    assert len(form.goal_edits) == 2
    assert form.goal_heading.text() == "TOP Goals"
    second = form.goal_edits[1]
    second.setFocus()
    type_text(second, "Zero failed payments")
    form.title.setFocus()
    assert stored_event(db_path, event.id)[5] == {"Checkout": "", "Payments": "Zero failed payments"}


def test_user_agendas_are_offered_and_broken_ones_named(qtbot, editor):
    folder = paths.user_agenda_dir()
    folder.mkdir(parents=True)
    (folder / "retro.yaml").write_text(
        "format: scale-across-agenda\nversion: 1\nid: retro\ntitle: Retro-style\nsteps:\n"
        "  - id: one\n    title: One\n    question: Q?\n    timebox_minutes: 10\n    captures: []\n",
        encoding="utf-8",
    )
    (folder / "broken.yaml").write_text("format: scale-across-agenda\nversion: 1\nid: [\n", encoding="utf-8")
    form = show(qtbot, EventDetailsForm(editor))
    assert form.agenda.findData("retro") >= 0
    assert "Retro-style (your agenda)" in [form.agenda.itemText(i) for i in range(form.agenda.count())]
    assert form.problems.isVisible()
    assert "broken.yaml:" in form.problems.text()


def test_a_closed_event_cannot_be_changed_here(qtbot, db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["C"], date=dt.date(2026, 5, 4))
        events.close_event(session, event.id)
    editor = EventEditor(db, event.id)
    form = show(qtbot, EventDetailsForm(editor))
    assert form.title.isReadOnly() and form.goal_edits[0].isReadOnly()
    assert not form.trigger.isEnabled() and not form.date.isEnabled()


def test_prepare_page_title_sections_and_keyboard_entry(qtbot, editor):
    page = show(qtbot, PreparePage(editor, [("Outcomes (draft)", QLineEdit())]))
    assert page.title.text() == "Prepare: Checkout Coalition — Mon 4 May 2026"
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Details",
        "Participants (0)",
        "Support capacity",
        "Outcomes (draft)",
    ]
    page.focus_first()
    assert page.tabs.currentIndex() == PARTICIPANTS
    assert QApplication.focusWidget() is page.participants.quick_add.name
    type_text(page.participants.quick_add.name, "Zoë")
    qtbot.keyClick(page.participants.quick_add.name, Qt.Key.Key_Return)
    assert page.tabs.tabText(PARTICIPANTS) == "Participants (1)"

    # Ctrl+Tab walks the sections from the keyboard.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == CAPACITY
    page.add_record()  # nobody is a coalition member: nothing to do, nothing breaks
    page.show_section(DETAILS)
    page.add_record()  # Details has nothing to add: start a participant
    assert page.tabs.currentIndex() == PARTICIPANTS

    editor.update("Date", type(editor.event), editor.event_id, events.update_event, date=dt.date(2026, 6, 1))
    assert page.title.text() == "Prepare: Checkout Coalition — Mon 1 Jun 2026"
