"""Support capacity: the hours each coalition member can give, typed into a table."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from facilitator.demo import create_demo_event
from facilitator.domain import ParticipantRole, SupportType
from facilitator.services import agreements, events, participants
from facilitator.storage import open_database
from ui.editing import EventEditor
from ui.panels.people.capacity import HOURS_COLUMN, CapacityPanel

Role = ParticipantRole


def stored_hours(db_path, event_id):
    """Return {participant name: (hours, accepted hours)} as stored."""
    db = open_database(db_path)
    with db.transaction() as session:
        event = events.load_event(session, event_id)
        names = {p.id: p.name for p in event.participants}
        hours = {names[c.participant_id]: (c.hours, c.accepted_hours) for c in event.capacities}
    db.close()
    return hours


def shown(panel):
    model = panel.table.records
    return [(model.index(r, 0).data(), model.index(r, HOURS_COLUMN).data()) for r in range(model.rowCount())]


def type_hours(qtbot, panel, row, text):
    """Select the hours cell, type like a facilitator (typing opens the editor), Enter."""
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(table.records.index(row, HOURS_COLUMN))
    if text:
        qtbot.keyClicks(table, text[0])  # the first key opens the cell editor with it
        qtbot.keyClicks(QApplication.focusWidget(), text[1:])
    else:
        qtbot.keyClick(table, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.clear()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


@pytest.fixture
def editor(db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout Coalition"], date=dt.date(2026, 5, 4))
        for name, role in [
            ("Zoë Lefèvre", Role.COALITION_MEMBER),
            ("Ana Núñez", Role.POTENTIAL_ADOPTER),
            ("Łukasz Wróblewski", Role.COALITION_MEMBER),
        ]:
            participants.add_participant(session, event.id, name, "Team", role)
    return EventEditor(db, event.id)


@pytest.fixture
def panel(qtbot, editor):
    widget = CapacityPanel(editor)
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def test_only_coalition_members_are_listed(panel):
    assert shown(panel) == [("Zoë Lefèvre", "—"), ("Łukasz Wróblewski", "—")]
    assert not panel.empty.isVisible()


def test_hours_typed_are_stored_and_undone(qtbot, panel, editor, db_path):
    type_hours(qtbot, panel, 0, "24")
    assert stored_hours(db_path, editor.event_id) == {"Zoë Lefèvre": (24.0, None)}
    assert shown(panel)[0] == ("Zoë Lefèvre", "24")

    # People say the unit and use a decimal comma; both are understood.
    type_hours(qtbot, panel, 0, "12,5 h")
    assert stored_hours(db_path, editor.event_id) == {"Zoë Lefèvre": (12.5, None)}
    assert shown(panel)[0] == ("Zoë Lefèvre", "12.5")

    # An empty cell clears the hours.
    type_hours(qtbot, panel, 0, "")
    assert stored_hours(db_path, editor.event_id) == {}
    assert shown(panel)[0] == ("Zoë Lefèvre", "—")

    editor.undo_stack.undo()
    assert stored_hours(db_path, editor.event_id) == {"Zoë Lefèvre": (12.5, None)}
    editor.undo_stack.undo()
    assert stored_hours(db_path, editor.event_id) == {"Zoë Lefèvre": (24.0, None)}
    editor.undo_stack.undo()
    assert stored_hours(db_path, editor.event_id) == {}
    assert shown(panel)[0] == ("Zoë Lefèvre", "—")
    editor.undo_stack.redo()
    assert stored_hours(db_path, editor.event_id) == {"Zoë Lefèvre": (24.0, None)}


def test_a_refused_number_stays_visible_and_is_reported(qtbot, panel, editor, db_path):
    errors = []
    editor.failed.connect(errors.append)
    type_hours(qtbot, panel, 1, "-3")
    assert errors and "zero or more" in errors[0]
    assert stored_hours(db_path, editor.event_id) == {}
    assert shown(panel)[1] == ("Łukasz Wróblewski", "-3")  # kept, marked unsaved, for a retry
    assert editor.undo_stack.count() == 0


def test_a_new_member_and_anyone_with_hours_appear(qtbot, panel, editor):
    ana = editor.event.participants[1]
    editor.update(
        "Role", type(ana), ana.id, participants.update_participant, role=Role.COALITION_MEMBER.value
    )
    assert [name for name, _ in shown(panel)] == ["Zoë Lefèvre", "Ana Núñez", "Łukasz Wróblewski"]
    editor.update("Role", type(ana), ana.id, participants.update_participant, role=Role.SPONSOR.value)
    assert [name for name, _ in shown(panel)] == ["Zoë Lefèvre", "Łukasz Wróblewski"]
    editor.call(
        "Hours",
        lambda s: participants.set_capacity(s, editor.event_id, ana.id, 3),
        lambda s: participants.set_capacity(s, editor.event_id, ana.id, None),
    )
    assert shown(panel) == [("Zoë Lefèvre", "—"), ("Ana Núñez", "3"), ("Łukasz Wróblewski", "—")]


def test_clearing_and_undoing_keeps_an_accepted_over_commitment(qtbot, db, db_path):
    with db.transaction() as session:
        event = create_demo_event(session, date=dt.date(2026, 5, 4))
        zoe = event.participants[0]
        agreement = event.agreements[0]
        agreements.add_support_item(
            session, agreement.id, SupportType.TIME, amount=10, unit="h", owner_id=zoe.id
        )
        accepted = participants.accept_over_commitment(session, event.id, zoe.id).accepted_hours
    editor = EventEditor(db, event.id)
    panel = CapacityPanel(editor)
    qtbot.addWidget(panel)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    assert shown(panel)[0] == ("Zoë Lefèvre", "24")
    type_hours(qtbot, panel, 0, "")
    assert "Zoë Lefèvre" not in stored_hours(db_path, event.id)
    editor.undo_stack.undo()
    assert stored_hours(db_path, event.id)["Zoë Lefèvre"] == (24.0, accepted)


def test_add_record_puts_the_cursor_on_the_first_missing_hours(qtbot, panel, editor):
    zoe = editor.event.participants[0]
    editor.call(
        "Hours",
        lambda s: participants.set_capacity(s, editor.event_id, zoe.id, 8),
        lambda s: participants.set_capacity(s, editor.event_id, zoe.id, None),
    )
    panel.add_record()
    index = panel.table.currentIndex()
    assert (index.row(), index.column()) == (1, HOURS_COLUMN)
    assert panel.table.hasFocus()


def test_no_members_shows_how_to_get_them(qtbot, db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["C"], date=dt.date(2026, 5, 4))
        participants.add_participant(session, event.id, "Ana", "Payments")
    panel = CapacityPanel(EventEditor(db, event.id))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.empty.isVisible()
    assert not panel.table.isVisible()
