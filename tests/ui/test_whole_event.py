"""A whole event the way a facilitator runs it: keys, clicks and shortcuts only.

From "New event" through the four steps to "Close event", with non-ASCII names;
then a new main window on the same database shows every record in place.
"""

from __future__ import annotations

import datetime as dt

from helpers import focused, show_active, type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox

from facilitator.domain import BoundaryKind, EventStatus
from facilitator.services import events
from facilitator.storage import open_database
from ui.main_window import MainWindow
from ui.panels.people.capacity import CapacityPanel

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _fill_new_event_dialog():
    dialog = QApplication.activeModalWidget()
    line = dialog.coalition.lineEdit()
    line.selectAll()
    type_text(line, "Koalition Zahlungsverkehr Łódź")
    dialog.goal.setFocus()
    type_text(dialog.goal, "Fehlgeschlagene Zahlungen halbieren, bis Q3")
    dialog.facilitator.setFocus()
    dialog.facilitator.selectAll()
    type_text(dialog.facilitator, "Zoë Lefèvre")
    QTest.keyClick(dialog.facilitator, Qt.Key.Key_Return)


def _commit_cell(qtbot, table):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_a_whole_event_from_new_event_to_close(qtbot, db_path, monkeypatch):
    db = open_database(db_path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    show_active(qtbot, window)

    # New event (Ctrl+N): the dialog is answered from the keyboard.
    QTimer.singleShot(0, _fill_new_event_dialog)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    screen = window.screen_
    assert screen is not None and screen.tabs.currentIndex() == 0
    event_id = window.editor.event_id

    # Participants: name, Tab, team, Tab, role by its first letters, Enter.
    qtbot.waitUntil(lambda: getattr(focused(), "placeholderText", lambda: "")() == "Name")
    for name, team, role in [
        ("Zoë Lefèvre", "Checkout", "co"),
        ("Łukasz Wróblewski", "Platform", "pot"),
        ("田中 愛子", "Leitung", "sp"),
    ]:
        type_text(focused(), name)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        focused().selectAll()
        type_text(focused(), team)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), role)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert [p.name for p in window.editor.event.participants] == [
        "Zoë Lefèvre",
        "Łukasz Wróblewski",
        "田中 愛子",
    ]

    # Support capacity: Zoë can give 10 hours.
    screen.prepare.show_section(2)
    table = screen.prepare.findChild(CapacityPanel).table
    table.setFocus()
    column = next(
        c
        for c in range(table.model().columnCount())
        if "available" in table.model().headerData(c, Qt.Orientation.Horizontal)
    )
    table.setCurrentIndex(table.model().index(0, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    focused().selectAll()
    qtbot.keyClicks(focused(), "10")
    _commit_cell(qtbot, table)
    assert window.editor.event.capacities[0].hours == 10

    # Walk-through (Ctrl+2), step 1: the TOP Goal is there; add to it.
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    walk = screen.walkthrough
    assert walk.index == 0 and "TOP Goal" in walk.position_label.text()
    goal = walk.contents.currentWidget().panels[0].cards[0].goal
    goal.setFocus()
    goal.moveCursor(goal.textCursor().MoveOperation.End)
    type_text(goal, " — ohne Mehraufwand")
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # focus leaves: stored, then step 2
    assert walk.index == 1

    # Step 2: outcomes and a pattern learnt from one of them.
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)  # Add record
    type_text(focused(), "Retries halbiert die Fehlerquote")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    outcomes_panel, patterns_panel = walk.contents.currentWidget().panels
    outcomes_panel.quick_add.kind.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # Failure
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(focused(), "Big-Bang-Migration scheiterte")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    patterns_panel.quick_add.line.setFocus()
    type_text(focused(), "Idempotente Wiederholungen")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    patterns_panel.sources.setFocus()
    patterns_panel.sources.setCurrentRow(0)
    qtbot.keyClick(patterns_panel.sources, Qt.Key.Key_Space)
    assert [o.title for o in window.editor.event.patterns[0].outcomes] == ["Retries halbiert die Fehlerquote"]

    # Step 3: boundaries of the pattern.
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert walk.index == 2
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    boundaries = walk.contents.currentWidget().panels[0]
    type_text(focused(), "Die API ist idempotent")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    boundaries.lists[BoundaryKind.BREAKS_WHEN].quick_add.focus()
    type_text(focused(), "Zahlungen ohne Schlüssel")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    # Step 4: Łukasz adopts the pattern with 12 hours of Zoë's coaching: over her 10.
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert walk.index == 3
    agreements_panel, capacity_view = walk.contents.currentWidget().panels
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    qtbot.keyClicks(focused(), "Platform")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    form = agreements_panel.agreement_editor
    qtbot.waitUntil(form.patterns.hasFocus)
    form.patterns.setCurrentRow(0)
    qtbot.keyClick(form.patterns, Qt.Key.Key_Space)
    qtbot.keyClicks(form.support.quick_add.amount, "12")
    qtbot.keyClick(form.support.quick_add.amount, Qt.Key.Key_Return)
    assert capacity_view.banners and "12 h promised" in capacity_view.banners[0].text.text()
    assert capacity_view.banners[0].isVisible()

    # Review (Ctrl+3) and close (Ctrl+Shift+E), confirming the question.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert screen.tabs.currentIndex() == 2
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | SHIFT)
    assert window.editor.event.status == EventStatus.CLOSED
    window.close()
    db.close()

    # A new window on the same file shows every record in place.
    db = open_database(db_path)
    again = MainWindow(db)
    qtbot.addWidget(again)
    show_active(qtbot, again)
    assert again.start.proxy.index(0, 1).data() == "Koalition Zahlungsverkehr Łódź"
    assert again.start.proxy.index(0, 3).data() == "Closed"
    again.start.open_current()
    event = again.editor.event
    assert again.screen_.tabs.currentIndex() == 1 and again.screen_.walkthrough.index == 3
    assert event.facilitator == "Zoë Lefèvre" and event.date == dt.date.today()
    assert (
        event.goal_for(event.coalitions[0])
        == "Fehlgeschlagene Zahlungen halbieren, bis Q3 — ohne Mehraufwand"
    )
    assert [(p.name, p.team, p.role.value) for p in event.participants] == [
        ("Zoë Lefèvre", "Checkout", "coalition_member"),
        ("Łukasz Wróblewski", "Platform", "potential_adopter"),
        ("田中 愛子", "Leitung", "sponsor"),
    ]
    assert [(o.kind.value, o.title) for o in event.outcomes] == [
        ("success", "Retries halbiert die Fehlerquote"),
        ("failure", "Big-Bang-Migration scheiterte"),
    ]
    (pattern,) = event.patterns
    assert pattern.name == "Idempotente Wiederholungen"
    assert [c.text for c in pattern.conditions(BoundaryKind.WORKS_WHEN)] == ["Die API ist idempotent"]
    assert [c.text for c in pattern.conditions(BoundaryKind.BREAKS_WHEN)] == ["Zahlungen ohne Schlüssel"]
    (agreement,) = event.agreements
    assert agreement.adopter.name == "Łukasz Wróblewski" and agreement.patterns == [pattern]
    assert [(i.amount, i.unit, i.owner.name) for i in agreement.support_items] == [
        (12, "hours", "Zoë Lefèvre")
    ]
    assert event.status == EventStatus.CLOSED
    qtbot.keyClick(again, Qt.Key.Key_3, CTRL)
    review_text = " ".join(
        label.text() for label in again.screen_.review.findChildren(type(again.saved_label))
    )
    for expected in ("Zoë Lefèvre", "田中 愛子", "Idempotente Wiederholungen", "Zahlungen ohne Schlüssel"):
        assert expected in review_text
    with db.transaction() as session:
        assert events.load_event(session, event_id).closed_at is not None
    again.close()
    db.close()


def test_text_typed_just_before_quitting_is_stored(qtbot, db_path):
    """The TOP Goal saves after a pause; quitting mid-sentence must not lose it."""
    from facilitator.demo import create_demo_event

    db = open_database(db_path)
    with db.transaction() as session:
        event_id = create_demo_event(session).id
    window = MainWindow(db)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.open_event(event_id, view=1)
    goal = window.screen_.walkthrough.contents.currentWidget().panels[0].cards[0].goal
    goal.setFocus()
    goal.selectAll()
    type_text(goal, "Ziel für Łódź, gerade getippt")
    window.close()  # at once: no pause, no Tab
    db.close()

    reopened = open_database(db_path)
    with reopened.transaction() as session:
        event = events.load_event(session, event_id)
        assert event.goal_for(event.coalitions[0]) == "Ziel für Łódź, gerade getippt"
    reopened.close()


def test_a_table_cell_being_typed_when_quitting_is_stored(qtbot, db_path):
    from facilitator.demo import create_demo_event

    db = open_database(db_path)
    with db.transaction() as session:
        event_id = create_demo_event(session).id
    window = MainWindow(db)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.open_event(event_id, view=1)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    table = window.screen_.walkthrough.contents.currentWidget().panels[0].table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    focused().selectAll()
    type_text(focused(), "Durchlaufzeit halbiert")
    window.close()  # no Enter
    db.close()

    reopened = open_database(db_path)
    with reopened.transaction() as session:
        assert events.load_event(session, event_id).outcomes[0].title == "Durchlaufzeit halbiert"
    reopened.close()
