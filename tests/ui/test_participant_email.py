"""A participant's e-mail address is typed into the table, stored, undone, and refused when wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import focused, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from facilitator.services import events, participants
from facilitator.storage import open_database
from ui.editing import EventEditor
from ui.panels.people.participants import EMAIL_COLUMN, ParticipantsPanel
from ui.panels.shared.column_fit import share_by_need
from ui.panels.shared.delegates import breakable


def stored_emails(db_path, event_id):
    db = open_database(db_path)
    with db.transaction() as session:
        emails = [(p.name, p.email) for p in events.load_event(session, event_id).participants]
    db.close()
    return emails


@pytest.fixture
def editor(qtbot, db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout Coalition"], date=dt.date(2026, 5, 4))
        participants.add_participant(session, event.id, "Zoë Lefèvre", "Checkout")
        participants.add_participant(session, event.id, "Ana Núñez", "Payments", email="ana@example.org")
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


def edit_email(qtbot, panel, row):
    """Open the e-mail cell of ``row`` with F2, everything in it selected; return its line edit."""
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(table.records.index(row, EMAIL_COLUMN))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    line = focused()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    return line


def commit(qtbot, table):
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_the_table_has_an_e_mail_column(panel):
    records = panel.table.records
    assert records.headerData(EMAIL_COLUMN, Qt.Orientation.Horizontal) == "E-mail"
    assert [records.index(r, EMAIL_COLUMN).data() for r in range(2)] == ["", "ana@example.org"]


def test_an_address_typed_into_the_table_is_stored_and_undone(qtbot, panel, editor, db_path):
    line = edit_email(qtbot, panel, 0)
    qtbot.keyClicks(line, "  zoe.lefevre+checkout@example.org ")
    commit(qtbot, panel.table)

    assert stored_emails(db_path, editor.event_id) == [
        ("Zoë Lefèvre", "zoe.lefevre+checkout@example.org"),
        ("Ana Núñez", "ana@example.org"),
    ]
    assert panel.table.records.index(0, EMAIL_COLUMN).data() == "zoe.lefevre+checkout@example.org"
    assert editor.undo_stack.undoText() == "Change the e-mail address of Zoë Lefèvre"

    editor.undo_stack.undo()
    assert stored_emails(db_path, editor.event_id)[0] == ("Zoë Lefèvre", "")
    assert panel.table.records.index(0, EMAIL_COLUMN).data() == ""
    editor.undo_stack.redo()
    assert stored_emails(db_path, editor.event_id)[0] == ("Zoë Lefèvre", "zoe.lefevre+checkout@example.org")


def test_a_non_ascii_address_is_typed_one_key_event_per_character(qtbot, panel, editor, db_path):
    # qtbot.keyClicks would abort the process on "ë" (see helpers.type_text).
    line = edit_email(qtbot, panel, 0)
    type_text(line, "zoë@bücher.de")
    commit(qtbot, panel.table)

    assert stored_emails(db_path, editor.event_id)[0] == ("Zoë Lefèvre", "zoë@bücher.de")


def test_clearing_the_cell_removes_the_address(qtbot, panel, editor, db_path):
    line = edit_email(qtbot, panel, 1)
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    commit(qtbot, panel.table)

    assert stored_emails(db_path, editor.event_id)[1] == ("Ana Núñez", "")


@pytest.mark.parametrize(
    ("typed", "phrase"),
    [
        ("ana@example", '"ana@example" is not an e-mail address: the part after @ needs a dot'),
        ("ana@@example.org", "2 @ signs"),
        ("ana nunez@example.org", "contains a space"),
    ],
)
def test_a_wrong_address_is_refused_with_its_reason_and_kept_for_a_retry(
    qtbot, panel, editor, db_path, typed, phrase
):
    line = edit_email(qtbot, panel, 1)
    qtbot.keyClicks(line, typed)
    with qtbot.waitSignal(editor.failed) as refused:
        commit(qtbot, panel.table)

    assert phrase in refused.args[0]
    assert stored_emails(db_path, editor.event_id)[1] == ("Ana Núñez", "ana@example.org")
    assert editor.undo_stack.count() == 0
    # What was typed stays in the cell, marked as not saved.
    cell = panel.table.records.index(1, EMAIL_COLUMN)
    assert cell.data() == typed
    assert "Not saved" in cell.data(Qt.ItemDataRole.ToolTipRole)

    # Corrected in the same cell, it is stored.
    line = edit_email(qtbot, panel, 1)
    qtbot.keyClicks(line, "ana.nunez@example.org")
    commit(qtbot, panel.table)
    assert stored_emails(db_path, editor.event_id)[1] == ("Ana Núñez", "ana.nunez@example.org")
    assert "Not saved" not in (cell.data(Qt.ItemDataRole.ToolTipRole) or "")


def test_copying_the_cell_gives_the_address_without_its_break_points(qtbot, panel):
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(table.records.index(1, EMAIL_COLUMN))
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    assert QGuiApplication.clipboard().text() == "ana@example.org"
    assert breakable("ana.nunez@example.org") == "ana.\u200bnunez@\u200bexample.\u200borg"


@pytest.mark.parametrize(
    ("room", "needs", "words", "expected"),
    [
        # Everything fits: each gets what it needs and a third of what is left.
        (900, {0: 200, 1: 200, 3: 200}, {0: 80, 1: 80, 3: 80}, {0: 300, 1: 300, 3: 300}),
        # Short names keep one line; the long address takes the rest.
        (900, {0: 200, 1: 250, 3: 700}, {0: 80, 1: 80, 3: 80}, {0: 200, 1: 250, 3: 450}),
        # Nothing fits: shares in proportion to the need, never under the widest word.
        (600, {0: 400, 1: 400, 3: 1200}, {0: 180, 1: 100, 3: 90}, {0: 180, 1: 105, 3: 315}),
        # Not even the widest words fit: shares in proportion to them.
        (300, {0: 400, 1: 400, 3: 1200}, {0: 200, 1: 200, 3: 200}, {0: 100, 1: 100, 3: 100}),
    ],
)
def test_columns_share_the_width_by_what_they_hold(room, needs, words, expected):
    sizes = share_by_need(room, needs, words, dict.fromkeys(needs, 50))
    assert sizes == expected
    assert sum(sizes.values()) == room
