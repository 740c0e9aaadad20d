"""The patterns panel: add, link to outcomes, reuse from earlier events, edit, reorder, delete."""

from __future__ import annotations

import datetime as dt

from helpers import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from facilitator.demo import create_demo_event
from facilitator.domain import OutcomeKind
from facilitator.services import events, outcomes, patterns
from facilitator.storage import open_database
from ui.editing import EventEditor
from ui.panels.patterns.patterns import PatternsPanel

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
COALITION = "Platform Coalition"


def stored_patterns(db_path, event_id):
    """Return (name, kind, [outcome titles]) of the event's stored patterns, from a fresh connection."""
    db = open_database(db_path)
    try:
        with db.transaction() as session:
            return [
                (p.name, p.kind, [o.title for o in p.outcomes])
                for p in events.load_event(session, event_id).patterns
            ]
    finally:
        db.close()


def names(db_path, event_id):
    return [row[0] for row in stored_patterns(db_path, event_id)]


def plan(session, date=dt.date(2026, 5, 4)):
    return events.plan_event(session, coalitions=[COALITION], date=date)


def show(qtbot, panel):
    qtbot.addWidget(panel)
    panel.resize(1280, 720)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    return panel


def make_editor(db, pattern_names=(), outcome_titles=()):
    with db.transaction() as session:
        event = plan(session)
        for title in outcome_titles:
            outcomes.add_outcome(session, event.id, OutcomeKind.SUCCESS, title)
        for name in pattern_names:
            patterns.create_pattern(session, event.id, name)
    return EventEditor(db, event.id)


def test_add_a_pattern_and_tick_the_outcomes_it_came_from(qtbot, db, db_path):
    editor = make_editor(db, ["Contract tests"], ["Lead time halved", "Release freeze backfired"])
    panel = show(qtbot, PatternsPanel(editor))
    line = panel.quick_add.line

    panel.add_record()
    qtbot.keyClick(line, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(panel.quick_add.kind, Qt.Key.Key_Down)  # failure
    qtbot.keyClick(panel.quick_add.kind, Qt.Key.Key_Tab)
    type_text(line, "Łukasz’s long freezes — 冻结")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == "" and line.hasFocus()
    assert names(db_path, editor.event_id) == ["Contract tests", "Łukasz’s long freezes — 冻结"]
    # The new pattern is selected, so "Learnt from" is about it.
    assert panel.selected_pattern().name == "Łukasz’s long freezes — 冻结"
    assert panel.sources_pattern.full_text() == "“Łukasz’s long freezes — 冻结”"

    sources = panel.sources
    sources.setFocus()
    sources.setCurrentRow(1)
    qtbot.keyClick(sources, Qt.Key.Key_Space)
    assert stored_patterns(db_path, editor.event_id)[1] == (
        "Łukasz’s long freezes — 冻结",
        OutcomeKind.FAILURE,
        ["Release freeze backfired"],
    )
    assert sources.item(1).text().startswith("☑")
    assert sources.item(0).text().startswith("☐")

    qtbot.keyClick(sources, Qt.Key.Key_Space)  # untick
    assert stored_patterns(db_path, editor.event_id)[1][2] == []
    assert sources.item(1).text().startswith("☐")

    editor.undo_stack.undo()  # the unlink
    assert stored_patterns(db_path, editor.event_id)[1][2] == ["Release freeze backfired"]
    editor.undo_stack.undo()  # the link
    assert stored_patterns(db_path, editor.event_id)[1][2] == []
    # The other pattern was never touched.
    assert stored_patterns(db_path, editor.event_id)[0][2] == []


def test_tab_leaves_the_table_for_the_learnt_from_list(qtbot, db):
    editor = make_editor(db, ["Contract tests"], ["Lead time halved"])
    panel = show(qtbot, PatternsPanel(editor))
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)
    assert panel.sources.hasFocus()


def test_a_click_ticks_an_outcome_too(qtbot, db, db_path):
    editor = make_editor(db, ["Contract tests"], ["Lead time halved"])
    panel = show(qtbot, PatternsPanel(editor))
    rect = panel.sources.visualItemRect(panel.sources.item(0))
    qtbot.mouseClick(panel.sources.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert stored_patterns(db_path, editor.event_id)[0][2] == ["Lead time halved"]


def test_reuse_a_pattern_from_an_earlier_event_of_the_coalition(qtbot, db, db_path):
    with db.transaction() as session:
        earlier = plan(session, dt.date(2026, 1, 12))
        known = patterns.create_pattern(
            session, earlier.id, "Pair with Platform on day one", summary="Found in January"
        )
        patterns.create_pattern(session, earlier.id, "Weekly demo")
        other = events.plan_event(session, coalitions=["Other Coalition"], date=dt.date(2026, 1, 1))
        patterns.create_pattern(session, other.id, "Not ours")
        event = plan(session)
    editor = EventEditor(db, event.id)
    panel = show(qtbot, PatternsPanel(editor))

    assert panel.reuse_row.isVisible()
    offered = [panel.reuse_choice.itemText(i) for i in range(panel.reuse_choice.count())]
    assert offered == ["✓ Success: Pair with Platform on day one", "✓ Success: Weekly demo"]

    qtbot.mouseClick(panel.reuse_button, Qt.MouseButton.LeftButton)
    assert names(db_path, event.id) == ["Pair with Platform on day one"]
    assert panel.table.records.index(0, 2).data() == "Found in January"
    assert [panel.reuse_choice.itemText(i) for i in range(panel.reuse_choice.count())] == [
        "✓ Success: Weekly demo"
    ]

    # From the keyboard: the drop-down, then the button.
    panel.reuse_choice.setFocus()
    qtbot.keyClick(panel.reuse_choice, Qt.Key.Key_Tab)
    assert panel.reuse_button.hasFocus()
    qtbot.keyClick(panel.reuse_button, Qt.Key.Key_Space)
    assert names(db_path, event.id) == ["Pair with Platform on day one", "Weekly demo"]
    assert not panel.reuse_row.isVisible()  # nothing left to bring in

    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert names(db_path, event.id) == []
    assert panel.reuse_row.isVisible()
    # Undo took it out of this event only: the earlier event still has it.
    assert names(db_path, earlier.id) == ["Pair with Platform on day one", "Weekly demo"]
    assert known.id in {p.id for p in EventEditor(db, earlier.id).event.patterns}


def test_the_reuse_row_is_hidden_when_there_is_nothing_to_reuse(qtbot, db):
    editor = make_editor(db, ["Contract tests"])
    panel = show(qtbot, PatternsPanel(editor))
    assert not panel.reuse_row.isVisible()


def test_deleting_an_adopted_pattern_is_refused_with_a_message(qtbot, db, db_path):
    with db.transaction() as session:
        event = create_demo_event(session)
    editor = EventEditor(db, event.id)
    panel = show(qtbot, PatternsPanel(editor))
    errors = []
    editor.failed.connect(errors.append)
    before = names(db_path, event.id)
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(table.records.index(0, 0))

    qtbot.keyClick(table, Qt.Key.Key_Delete, CTRL)

    assert errors and "adopt" in errors[0] and before[0] in errors[0]
    assert names(db_path, event.id) == before
    assert table.records.rowCount() == len(before)
    assert editor.undo_stack.count() == 0


def test_delete_reorder_and_undo_keep_the_order(qtbot, db, db_path):
    editor = make_editor(db, ["Alpha", "Beta", "Gamma"])
    panel = show(qtbot, PatternsPanel(editor))
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(table.records.index(0, 0))

    qtbot.keyClick(table, Qt.Key.Key_Down, ALT)
    assert names(db_path, editor.event_id) == ["Beta", "Alpha", "Gamma"]
    assert table.current_record().name == "Alpha"
    qtbot.keyClick(table, Qt.Key.Key_Up, ALT)
    assert names(db_path, editor.event_id) == ["Alpha", "Beta", "Gamma"]
    editor.undo_stack.undo()
    assert names(db_path, editor.event_id) == ["Beta", "Alpha", "Gamma"]
    editor.undo_stack.undo()
    assert names(db_path, editor.event_id) == ["Alpha", "Beta", "Gamma"]

    table.setCurrentIndex(table.records.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete, CTRL)
    assert names(db_path, editor.event_id) == ["Alpha", "Gamma"]
    editor.undo_stack.undo()
    assert names(db_path, editor.event_id) == ["Alpha", "Beta", "Gamma"]
    assert [table.records.index(r, 0).data() for r in range(3)] == ["Alpha", "Beta", "Gamma"]


def test_inline_edit_of_name_kind_summary_and_guidance(qtbot, db, db_path):
    editor = make_editor(db, ["Alpha"])
    panel = show(qtbot, PatternsPanel(editor))
    table = panel.table

    def edit(column, text):
        table.setFocus()
        table.setCurrentIndex(table.records.index(0, column))
        qtbot.keyClick(table, Qt.Key.Key_F2)
        cell = QApplication.focusWidget()
        cell.selectAll()
        type_text(cell, text)
        qtbot.keyClick(cell, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)

    edit(0, "Trunk-based development — Zoë’s way")
    edit(2, "Merge daily")
    edit(3, "Start with one service; 段階的に")
    table.setCurrentIndex(table.records.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)

    reopened = open_database(db_path)
    with reopened.transaction() as session:
        pattern = events.load_event(session, editor.event_id).patterns[0]
    reopened.close()
    assert (pattern.name, pattern.kind, pattern.summary, pattern.guidance) == (
        "Trunk-based development — Zoë’s way",
        OutcomeKind.FAILURE,
        "Merge daily",
        "Start with one service; 段階的に",
    )
    assert table.records.index(0, 1).data() == "✗ Failure"
    editor.undo_stack.undo()
    assert stored_patterns(db_path, editor.event_id)[0][1] == OutcomeKind.SUCCESS


def test_a_closed_event_is_shown_read_only(qtbot, db, db_path):
    with db.transaction() as session:
        earlier = plan(session, dt.date(2026, 1, 12))
        patterns.create_pattern(session, earlier.id, "Reusable")
    editor = make_editor(db, ["Alpha"], ["Lead time halved"])
    with db.transaction() as session:
        events.close_event(session, editor.event_id)
    editor.reload()
    panel = show(qtbot, PatternsPanel(editor))

    model = panel.table.records
    assert not panel.quick_add.isVisible()
    assert not panel.reuse_row.isVisible()
    for column in range(model.columnCount()):
        assert not model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    panel.sources.setFocus()
    panel.sources.setCurrentRow(0)
    qtbot.keyClick(panel.sources, Qt.Key.Key_Space)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete, CTRL)
    assert stored_patterns(db_path, editor.event_id) == [("Alpha", OutcomeKind.SUCCESS, [])]
    assert editor.undo_stack.count() == 0
