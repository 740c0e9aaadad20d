"""The outcomes panel: successes and failures typed, edited, reordered and deleted by keyboard."""

from __future__ import annotations

import datetime as dt

from helpers import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from facilitator.domain import OutcomeKind
from facilitator.services import events, outcomes
from facilitator.storage import open_database
from ui.editing import EventEditor
from ui.panels.patterns.outcomes import OutcomesPanel

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def stored(db_path, event_id):
    """Return (kind, title, what happened, evidence) of the stored outcomes, read from a fresh connection."""
    db = open_database(db_path)
    try:
        with db.transaction() as session:
            return [
                (o.kind, o.title, o.what_happened, o.evidence)
                for o in events.load_event(session, event_id).outcomes
            ]
    finally:
        db.close()


def make_editor(db, titles=()):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Platform Coalition"], date=dt.date(2026, 5, 4))
        for kind, title in titles:
            outcomes.add_outcome(session, event.id, kind, title)
    return EventEditor(db, event.id)


def show(qtbot, panel):
    qtbot.addWidget(panel)
    panel.resize(1280, 720)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    return panel


THREE = [
    (OutcomeKind.SUCCESS, "Lead time halved"),
    (OutcomeKind.FAILURE, "Freeze backfired"),
    (OutcomeKind.SUCCESS, "Contracts caught a break"),
]


def titles(db_path, event_id):
    return [row[1] for row in stored(db_path, event_id)]


def test_success_and_failure_added_from_the_keyboard(qtbot, db, db_path):
    editor = make_editor(db)
    panel = show(qtbot, OutcomesPanel(editor))
    line = panel.quick_add.line

    panel.add_record()
    assert line.hasFocus()
    type_text(line, "Zoë’s lead time — 日本 −40 %")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == "" and line.hasFocus()

    # Shift+Tab to the kind, Down picks "Failure", Tab back to the title.
    qtbot.keyClick(line, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert panel.quick_add.kind.hasFocus()
    qtbot.keyClick(panel.quick_add.kind, Qt.Key.Key_Down)
    qtbot.keyClick(panel.quick_add.kind, Qt.Key.Key_Tab)
    assert line.hasFocus()
    type_text(line, "Łukasz’s freeze")
    qtbot.keyClick(line, Qt.Key.Key_Return)

    assert stored(db_path, editor.event_id) == [
        (OutcomeKind.SUCCESS, "Zoë’s lead time — 日本 −40 %", "", ""),
        (OutcomeKind.FAILURE, "Łukasz’s freeze", "", ""),
    ]
    model = panel.table.records
    # The kind reads as a glyph and a word, not as a colour.
    assert [model.index(r, 0).data() for r in range(2)] == ["✓ Success", "✗ Failure"]
    assert model.index(1, 1).data() == "Łukasz’s freeze"
    assert panel.tally.text() == "✓ 1 success   ✗ 1 failure"
    # Undo takes the last one back.
    editor.undo_stack.undo()
    assert titles(db_path, editor.event_id) == ["Zoë’s lead time — 日本 −40 %"]


def test_an_empty_title_adds_nothing_and_a_refused_one_stays_typed(qtbot, db, db_path):
    editor = make_editor(db)
    panel = show(qtbot, OutcomesPanel(editor))
    errors = []
    editor.failed.connect(errors.append)
    line = panel.quick_add.line
    panel.add_record()
    qtbot.keyClicks(line, "   ")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.keyClicks(line, "x" * 501)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert stored(db_path, editor.event_id) == []
    assert "too long" in errors[0]
    assert line.text().strip() == "x" * 501


def edit_cell(qtbot, table, row, column, text):
    """F2 on a cell, replace its text, Enter."""
    table.setFocus()
    table.setCurrentIndex(table.records.index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    cell_editor = QApplication.focusWidget()
    assert cell_editor is not table
    cell_editor.selectAll()
    type_text(cell_editor, text)
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor through a queued call.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_inline_edit_of_every_column(qtbot, db, db_path):
    editor = make_editor(db, THREE[:1])
    panel = show(qtbot, OutcomesPanel(editor))
    table = panel.table

    edit_cell(qtbot, table, 0, 1, "Lead time cut to 3,5 days — Ørsted’s way")
    edit_cell(qtbot, table, 0, 2, "Trunk-based development, six weeks")
    edit_cell(qtbot, table, 0, 3, "DORA: 9.1 → 3.5 days")
    # The kind is a drop-down in the cell: Down picks the other kind.
    table.setCurrentIndex(table.records.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)

    assert stored(db_path, editor.event_id) == [
        (
            OutcomeKind.FAILURE,
            "Lead time cut to 3,5 days — Ørsted’s way",
            "Trunk-based development, six weeks",
            "DORA: 9.1 → 3.5 days",
        )
    ]
    assert table.records.index(0, 0).data() == "✗ Failure"
    editor.undo_stack.undo()
    assert stored(db_path, editor.event_id)[0][0] == OutcomeKind.SUCCESS


def test_alt_down_moves_an_outcome_and_undo_moves_it_back(qtbot, db, db_path):
    editor = make_editor(db, THREE)
    panel = show(qtbot, OutcomesPanel(editor))
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(table.records.index(0, 1))

    qtbot.keyClick(table, Qt.Key.Key_Down, ALT)
    assert titles(db_path, editor.event_id) == [
        "Freeze backfired",
        "Lead time halved",
        "Contracts caught a break",
    ]
    assert table.current_record().title == "Lead time halved"  # the moved row stays selected
    qtbot.keyClick(table, Qt.Key.Key_Down, ALT)
    assert titles(db_path, editor.event_id)[-1] == "Lead time halved"
    qtbot.keyClick(table, Qt.Key.Key_Down, ALT)  # already last: nothing happens
    assert editor.undo_stack.count() == 2

    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert titles(db_path, editor.event_id) == [t for _, t in THREE]
    assert [table.records.index(r, 1).data() for r in range(3)] == [t for _, t in THREE]


def test_ctrl_delete_removes_and_undo_puts_it_back_in_place(qtbot, db, db_path):
    editor = make_editor(db, THREE)
    panel = show(qtbot, OutcomesPanel(editor))
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(table.records.index(1, 1))

    qtbot.keyClick(table, Qt.Key.Key_Delete, CTRL)
    assert titles(db_path, editor.event_id) == ["Lead time halved", "Contracts caught a break"]
    assert table.records.rowCount() == 2

    editor.undo_stack.undo()
    assert titles(db_path, editor.event_id) == [t for _, t in THREE]
    assert table.records.index(1, 1).data() == "Freeze backfired"


def test_a_closed_event_is_shown_read_only(qtbot, db, db_path):
    editor = make_editor(db, THREE)
    panel = show(qtbot, OutcomesPanel(editor))
    assert editor.apply(lambda session: events.close_event(session, editor.event_id))[0]

    model = panel.table.records
    assert model.read_only
    assert not panel.quick_add.isVisible()
    for column in range(model.columnCount()):
        assert not model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    panel.add_record()
    assert not panel.quick_add.line.hasFocus()
    panel.table.setFocus()
    panel.table.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete, CTRL)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down, ALT)
    assert titles(db_path, editor.event_id) == [t for _, t in THREE]
    assert editor.undo_stack.count() == 0


def test_the_outcome_table_is_a_valid_qt_model(qtmodeltester, qtbot, db):
    editor = make_editor(db, THREE)
    panel = OutcomesPanel(editor)
    qtbot.addWidget(panel)
    panel.refresh()
    qtmodeltester.check(panel.table.records)
    assert panel.table.records.index(1, 0).data(Qt.ItemDataRole.UserRole).title == "Freeze backfired"
