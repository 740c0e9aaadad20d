"""Participants are typed in from the keyboard, corrected in the table, and undoable."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import focused, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit

from facilitator.domain import ParticipantRole
from facilitator.services import agreements, events, participants
from facilitator.storage import open_database
from ui.editing import EventEditor
from ui.panels.people.participants import ParticipantsPanel

Role = ParticipantRole


def commit_cell(qtbot, table, key=Qt.Key.Key_Return):
    """Press Enter in the open cell editor; the delegate commits on the next event loop turn."""
    qtbot.keyClick(focused(), key)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def stored_people(db_path, event_id):
    db = open_database(db_path)
    with db.transaction() as session:
        people = [(p.name, p.team, p.role) for p in events.load_event(session, event_id).participants]
    db.close()
    return people


@pytest.fixture
def editor(qtbot, db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout Coalition"], date=dt.date(2026, 5, 4))
    return EventEditor(db, event.id)


@pytest.fixture
def panel(qtbot, editor):
    widget = ParticipantsPanel(editor)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def add_people(editor, *people):
    ok, ids = editor.apply(
        lambda session: [participants.add_participant(session, editor.event_id, *p).id for p in people]
    )
    assert ok, editor.last_error
    return ids


def test_three_people_with_non_ascii_names_entered_from_the_keyboard(qtbot, panel, editor, db_path):
    panel.add_record()
    assert focused() is panel.quick_add.name

    # Zoë: name, Tab, team, Tab, role by its first letters, Enter.
    type_text(focused(), "Zoë Lefèvre")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is panel.quick_add.team
    type_text(focused(), "Caisse & Paiement")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is panel.quick_add.role
    qtbot.keyClicks(focused(), "co")  # keyboard search: "Coalition member"
    assert panel.quick_add.role.currentText() == "Coalition member"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    # Back in an empty name field; team and role kept for the next person of that team.
    assert focused() is panel.quick_add.name
    assert panel.quick_add.name.text() == ""
    assert panel.quick_add.team.text() == "Caisse & Paiement"
    assert panel.quick_add.role.currentText() == "Coalition member"

    # Łukasz, same team: name then Enter straight from the name field.
    type_text(focused(), "Łukasz Wróblewski")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is panel.quick_add.name

    # 田中 from another team (Tab selects the kept team, typing replaces it),
    # role changed with the arrow keys.
    type_text(focused(), "田中 愛子")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(focused(), "Leitung Ü")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # Coalition member → Potential adopter
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # → Sponsor
    assert panel.quick_add.role.currentText() == "Sponsor"
    qtbot.keyClick(focused(), Qt.Key.Key_Enter)  # the keypad Enter works too
    assert focused() is panel.quick_add.name

    expected = [
        ("Zoë Lefèvre", "Caisse & Paiement", Role.COALITION_MEMBER),
        ("Łukasz Wróblewski", "Caisse & Paiement", Role.COALITION_MEMBER),
        ("田中 愛子", "Leitung Ü", Role.SPONSOR),
    ]
    assert stored_people(db_path, editor.event_id) == expected
    shown = [panel.table.records.index(r, 0).data() for r in range(panel.table.records.rowCount())]
    assert shown == [name for name, _, _ in expected]
    assert "3 participants" in panel.tally.text()
    assert editor.undo_stack.count() == 3


@pytest.fixture
def forgetful_keyboard_search():
    """Make Qt's own type-to-search forget each letter at once, as after a pause."""
    before = QApplication.keyboardInputInterval()
    QApplication.setKeyboardInputInterval(0)
    yield
    QApplication.setKeyboardInputInterval(before)


def test_role_letters_count_from_entering_the_field_however_slowly_they_come(
    qtbot, panel, forgetful_keyboard_search
):
    # A facilitator talking while typing pauses mid-word; this passes only if
    # the panel keeps the letters itself rather than Qt's timed search.
    role = panel.quick_add.role
    role.setFocus()
    qtbot.keyClicks(role, "pr")  # "p" is Potential adopter, "pr" Process owner
    assert role.currentText() == "Process owner"
    qtbot.keyClick(role, Qt.Key.Key_Backspace)
    qtbot.keyClicks(role, "l")
    assert role.currentText() == "Platform owner"
    qtbot.keyClicks(role, "s")  # "pls" matches nothing: a new search from "s"
    assert role.currentText() == "Sponsor"
    panel.quick_add.name.setFocus()
    role.setFocus()  # coming back starts afresh
    qtbot.keyClicks(role, "co")
    assert role.currentText() == "Coalition member"


def test_new_role_defaults_to_potential_adopter_and_empty_name_adds_nothing(qtbot, panel, editor):
    assert panel.quick_add.role.currentText() == "Potential adopter"
    panel.add_record()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert editor.event.participants == []
    assert focused() is panel.quick_add.name


def test_a_refused_name_keeps_what_was_typed(qtbot, panel, editor):
    errors = []
    editor.failed.connect(errors.append)
    panel.add_record()
    type_text(focused(), "X" * 201)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert errors and "too long" in errors[0]
    assert panel.quick_add.name.text() == "X" * 201
    assert editor.event.participants == []


def test_inline_edit_of_name_team_and_role_with_undo(qtbot, panel, editor, db_path):
    add_people(editor, ("Ana Nunez", "Payments", Role.POTENTIAL_ADOPTER))
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(table.records.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    line = focused()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    type_text(line, "Ana Núñez")
    commit_cell(qtbot, table)
    assert stored_people(db_path, editor.event_id) == [("Ana Núñez", "Payments", Role.POTENTIAL_ADOPTER)]

    table.setCurrentIndex(table.records.index(0, 2))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = focused()
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Potential adopter"
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    commit_cell(qtbot, table)
    assert stored_people(db_path, editor.event_id) == [("Ana Núñez", "Payments", Role.SPONSOR)]
    assert table.records.index(0, 2).data() == "Sponsor"

    editor.undo_stack.undo()
    assert stored_people(db_path, editor.event_id) == [("Ana Núñez", "Payments", Role.POTENTIAL_ADOPTER)]
    editor.undo_stack.undo()
    assert stored_people(db_path, editor.event_id) == [("Ana Nunez", "Payments", Role.POTENTIAL_ADOPTER)]
    assert table.records.index(0, 0).data() == "Ana Nunez"
    editor.undo_stack.redo()
    assert stored_people(db_path, editor.event_id) == [("Ana Núñez", "Payments", Role.POTENTIAL_ADOPTER)]


def test_delete_is_refused_for_an_adopter_and_works_for_others(qtbot, panel, editor, db_path):
    ana, soren = add_people(
        editor, ("Ana Núñez", "Payments", Role.POTENTIAL_ADOPTER), ("Søren Ødegård", "Search", Role.OBSERVER)
    )
    assert editor.apply(lambda session: agreements.add_agreement(session, editor.event_id, ana))[0]

    table = panel.table
    table.setFocus()
    table.setCurrentIndex(table.records.index(0, 0))
    with qtbot.waitSignal(editor.failed) as refused:
        qtbot.keyClick(table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert "Ana Núñez is the adopter" in refused.args[0]
    assert table.records.rowCount() == 2
    assert [p[0] for p in stored_people(db_path, editor.event_id)] == ["Ana Núñez", "Søren Ødegård"]
    assert editor.undo_stack.count() == 0

    table.setCurrentIndex(table.records.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert [p[0] for p in stored_people(db_path, editor.event_id)] == ["Ana Núñez"]
    assert table.records.rowCount() == 1
    editor.undo_stack.undo()
    assert [p[0] for p in stored_people(db_path, editor.event_id)] == ["Ana Núñez", "Søren Ødegård"]


def test_alt_up_and_down_reorder_and_undo(qtbot, panel, editor, db_path):
    add_people(editor, ("A", "", Role.OBSERVER), ("B", "", Role.OBSERVER), ("C", "", Role.OBSERVER))
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(table.records.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [p[0] for p in stored_people(db_path, editor.event_id)] == ["B", "A", "C"]
    assert table.current_record().name == "A"
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [p[0] for p in stored_people(db_path, editor.event_id)] == ["B", "C", "A"]
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [p[0] for p in stored_people(db_path, editor.event_id)] == ["B", "A", "C"]
    editor.undo_stack.undo()
    assert [p[0] for p in stored_people(db_path, editor.event_id)] == ["B", "C", "A"]
    editor.undo_stack.undo()
    assert [p[0] for p in stored_people(db_path, editor.event_id)] == ["B", "A", "C"]
    editor.undo_stack.undo()
    assert [p[0] for p in stored_people(db_path, editor.event_id)] == ["A", "B", "C"]


def test_a_closed_event_is_shown_read_only(qtbot, db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["C"], date=dt.date(2026, 5, 4))
        participants.add_participant(session, event.id, "Zoë", "Checkout")
        events.close_event(session, event.id)
    editor = EventEditor(db, event.id)
    panel = ParticipantsPanel(editor)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.quick_add.isVisible()
    assert panel.table.records.read_only
    assert not panel.table.records.flags(panel.table.records.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
