"""The context & boundaries panel: three lists per pattern, filled and tidied from the keyboard."""

from __future__ import annotations

import datetime as dt

from helpers import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from facilitator.domain import BoundaryKind
from facilitator.services import events, patterns
from facilitator.storage import open_database
from ui.editing import EventEditor
from ui.panels.patterns.boundaries import BoundariesPanel

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
WORKS, BREAKS, NEEDS = BoundaryKind.WORKS_WHEN, BoundaryKind.BREAKS_WHEN, BoundaryKind.PREREQUISITE


def stored(db_path, event_id):
    """Return {pattern name: {kind: [texts in order]}} from a fresh connection."""
    db = open_database(db_path)
    try:
        with db.transaction() as session:
            return {
                p.name: {kind: [c.text for c in p.conditions(kind)] for kind in BoundaryKind}
                for p in events.load_event(session, event_id).patterns
            }
    finally:
        db.close()


def make_editor(db, conditions=None):
    """An event with patterns "Flags" and "Contracts"; ``conditions`` go on "Flags"."""
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Platform Coalition"], date=dt.date(2026, 5, 4))
        flags = patterns.create_pattern(session, event.id, "Flags", summary="Merge daily behind flags")
        patterns.create_pattern(session, event.id, "Contracts")
        for kind, texts in (conditions or {}).items():
            for text in texts:
                patterns.add_boundary(session, flags.id, kind, text, event_id=event.id)
    return EventEditor(db, event.id)


def show(qtbot, panel):
    qtbot.addWidget(panel)
    panel.resize(1280, 720)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    return panel


def enter(qtbot, line, text):
    type_text(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_all_three_lists_filled_from_the_keyboard_in_order(qtbot, db, db_path):
    editor = make_editor(db)
    panel = show(qtbot, BoundariesPanel(editor))
    works = panel.lists[WORKS].quick_add.line
    breaks = panel.lists[BREAKS].quick_add.line
    needs = panel.lists[NEEDS].quick_add.line

    panel.add_record()
    assert works.hasFocus()
    enter(qtbot, works, "Zoë’s team owns its pipeline")
    enter(qtbot, works, "Tests run in < 15 min")
    assert works.text() == "" and works.hasFocus()

    # Tab walks on: the Add button, the list, then the next list's line.
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert breaks.hasFocus()
    enter(qtbot, breaks, "Each deploy needs CAB approval — 承認")
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert needs.hasFocus()
    enter(qtbot, needs, "A flag service (Łukasz’s team)")
    enter(qtbot, needs, "Main is always releasable")

    assert stored(db_path, editor.event_id) == {
        "Flags": {
            WORKS: ["Zoë’s team owns its pipeline", "Tests run in < 15 min"],
            BREAKS: ["Each deploy needs CAB approval — 承認"],
            NEEDS: ["A flag service (Łukasz’s team)", "Main is always releasable"],
        },
        "Contracts": {WORKS: [], BREAKS: [], NEEDS: []},
    }
    shown = panel.lists[NEEDS].table.records
    assert [shown.index(r, 0).data() for r in range(2)] == [
        "A flag service (Łukasz’s team)",
        "Main is always releasable",
    ]
    assert "no conditions yet" not in panel.selector.item(0).text()
    assert "no conditions yet" in panel.selector.item(1).text()

    editor.undo_stack.undo()
    assert stored(db_path, editor.event_id)["Flags"][NEEDS] == ["A flag service (Łukasz’s team)"]


def test_ctrl_page_down_goes_to_the_next_pattern(qtbot, db, db_path):
    editor = make_editor(db, {WORKS: ["Owns pipeline"]})
    panel = show(qtbot, BoundariesPanel(editor))
    line = panel.lists[BREAKS].quick_add.line
    line.setFocus()
    assert panel.pattern_name.text() == "✓ Success: Flags"
    assert panel.pattern_name.toolTip() == "Merge daily behind flags"

    qtbot.keyClick(line, Qt.Key.Key_PageDown, CTRL)
    assert panel.selected_pattern().name == "Contracts"
    assert panel.pattern_name.text() == "✓ Success: Contracts"
    assert panel.lists[WORKS].table.records.rowCount() == 0
    assert line.hasFocus()  # the cursor stays where the facilitator types
    enter(qtbot, line, "The provider is a vendor")
    qtbot.keyClick(line, Qt.Key.Key_PageDown, CTRL)  # already the last: stays
    assert panel.selected_pattern().name == "Contracts"

    qtbot.keyClick(line, Qt.Key.Key_PageUp, CTRL)
    assert panel.selected_pattern().name == "Flags"
    assert panel.lists[WORKS].table.records.index(0, 0).data() == "Owns pipeline"
    assert stored(db_path, editor.event_id)["Contracts"][BREAKS] == ["The provider is a vendor"]
    assert stored(db_path, editor.event_id)["Flags"][BREAKS] == []


def test_reorder_delete_and_undo_within_one_list(qtbot, db, db_path):
    editor = make_editor(db, {WORKS: ["One", "Two", "Three"], BREAKS: ["Other list"]})
    panel = show(qtbot, BoundariesPanel(editor))
    table = panel.lists[WORKS].table
    table.setFocus()
    table.setCurrentIndex(table.records.index(2, 0))

    def works():
        return stored(db_path, editor.event_id)["Flags"][WORKS]

    qtbot.keyClick(table, Qt.Key.Key_Up, ALT)
    assert works() == ["One", "Three", "Two"]
    assert table.current_record().text == "Three"
    qtbot.keyClick(table, Qt.Key.Key_Up, ALT)
    assert works() == ["Three", "One", "Two"]
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert works() == ["One", "Two", "Three"]

    table.setCurrentIndex(table.records.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete, CTRL)
    assert works() == ["One", "Three"]
    assert stored(db_path, editor.event_id)["Flags"][BREAKS] == ["Other list"]
    editor.undo_stack.undo()
    assert works() == ["One", "Two", "Three"]
    assert [table.records.index(r, 0).data() for r in range(3)] == ["One", "Two", "Three"]


def test_inline_edit_of_a_condition(qtbot, db, db_path):
    editor = make_editor(db, {NEEDS: ["A broker"]})
    panel = show(qtbot, BoundariesPanel(editor))
    table = panel.lists[NEEDS].table
    table.setFocus()
    table.setCurrentIndex(table.records.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    cell = QApplication.focusWidget()
    cell.selectAll()
    type_text(cell, "A shared contract broker — Søren’s")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)

    assert stored(db_path, editor.event_id)["Flags"][NEEDS] == ["A shared contract broker — Søren’s"]
    editor.undo_stack.undo()
    assert stored(db_path, editor.event_id)["Flags"][NEEDS] == ["A broker"]


def test_an_event_without_patterns_says_where_to_add_them(qtbot, db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Platform Coalition"], date=dt.date(2026, 5, 4))
    panel = show(qtbot, BoundariesPanel(EventEditor(db, event.id)))
    assert panel.empty.isVisible() and not panel.details.isVisible()
    assert "Outcomes & Patterns" in panel.empty.text()
    panel.add_record()  # nothing to add to: nothing happens


def test_a_closed_event_is_shown_read_only(qtbot, db, db_path):
    editor = make_editor(db, {WORKS: ["One", "Two"]})
    panel = show(qtbot, BoundariesPanel(editor))
    assert editor.apply(lambda session: events.close_event(session, editor.event_id))[0]

    for condition_list in panel.lists.values():
        assert not condition_list.quick_add.isVisible()
        assert condition_list.table.records.read_only
    model = panel.lists[WORKS].table.records
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    table = panel.lists[WORKS].table
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete, CTRL)
    qtbot.keyClick(table, Qt.Key.Key_Down, ALT)
    # Looking through the patterns still works.
    qtbot.keyClick(table, Qt.Key.Key_PageDown, CTRL)
    assert panel.selected_pattern().name == "Contracts"
    assert stored(db_path, editor.event_id)["Flags"][WORKS] == ["One", "Two"]
    assert editor.undo_stack.count() == 0
