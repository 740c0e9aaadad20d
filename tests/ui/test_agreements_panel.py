"""The Follow-Up Support step: agreements with patterns, sponsor, check-in and support."""

from __future__ import annotations

import datetime as dt

from helpers import type_text as _type
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from facilitator.demo import create_demo_event
from facilitator.domain import ParticipantRole, SupportType
from facilitator.services import events, participants, patterns
from facilitator.storage import open_database
from ui.editing import EventEditor
from ui.panels.agreements.agreements import AgreementsPanel

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _stored(db_path, event_id):
    db = open_database(db_path)
    try:
        with db.transaction() as session:
            return events.load_event(session, event_id)
    finally:
        db.close()


def _small_event(db):
    """A coalition member with hours, an adopter, a sponsor and two patterns."""
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout Coalition"], date=dt.date(2026, 5, 4))
        zoe = participants.add_participant(
            session, event.id, "Zoë Lefèvre", "Checkout", ParticipantRole.COALITION_MEMBER
        )
        lukasz = participants.add_participant(
            session, event.id, "Łukasz Wróblewski", "Platform", ParticipantRole.COALITION_MEMBER
        )
        participants.add_participant(session, event.id, "Çağla Yıldız", "Release Management")
        participants.add_participant(session, event.id, "田中 愛子", "Leadership", ParticipantRole.SPONSOR)
        participants.set_capacity(session, event.id, zoe.id, 24)
        participants.set_capacity(session, event.id, lukasz.id, 10)
        patterns.create_pattern(session, event.id, "Trunk-based development")
        patterns.create_pattern(session, event.id, "Contract tests")
        return event.id


def _show(qtbot, db, event_id):
    editor = EventEditor(db, event_id)
    window = QWidget()
    panel = AgreementsPanel(editor)
    QVBoxLayout(window).addWidget(panel)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window, editor, panel


def test_adding_an_agreement_from_the_keyboard_with_patterns_sponsor_check_in_and_support(qtbot, db, db_path):
    event_id = _small_event(db)
    _window, editor, panel = _show(qtbot, db, event_id)
    assert panel.stack.currentIndex() == 0  # the hint: no agreement yet

    panel.add_record()
    assert panel.picker.lineEdit().hasFocus()
    qtbot.keyClicks(panel.picker.lineEdit(), "release")
    assert panel.picker.completer().popup().isVisible()  # "release" matches Çağla's team
    qtbot.keyClick(panel.picker.lineEdit(), Qt.Key.Key_Return)
    assert [a.adopter.name for a in editor.event.agreements] == ["Çağla Yıldız"]
    form = panel.agreement_editor
    assert panel.stack.currentIndex() == 1
    qtbot.waitUntil(form.patterns.hasFocus)
    assert panel.picker.currentText() == ""

    # Patterns: Space ticks the current one, Down moves to the next.
    form.patterns.setCurrentRow(0)
    qtbot.keyClick(form.patterns, Qt.Key.Key_Space)
    qtbot.keyClick(form.patterns, Qt.Key.Key_Down)
    qtbot.keyClick(form.patterns, Qt.Key.Key_Space)
    assert [p.name for p in editor.event.agreements[0].patterns] == [
        "Trunk-based development",
        "Contract tests",
    ]

    # Sponsor: the drop-down starts at "— none —"; the last entry is the sponsor.
    form.sponsor.setFocus()
    assert form.sponsor.currentText() == "— none —"
    qtbot.keyClick(form.sponsor, Qt.Key.Key_End)
    assert editor.event.agreements[0].sponsor.name == "田中 愛子"

    # Check-in: tick it (Space), then type a date and confirm with Enter.
    form.has_check_in.setFocus()
    qtbot.keyClick(form.has_check_in, Qt.Key.Key_Space)
    assert editor.event.agreements[0].check_in == dt.date(2026, 5, 4) + dt.timedelta(days=42)
    form.check_in.setDate(QDate(2026, 7, 1))
    qtbot.keyClick(form.check_in, Qt.Key.Key_Return)
    assert editor.event.agreements[0].check_in == dt.date(2026, 7, 1)

    # Two support items: the owner defaults to the first coalition member.
    add = form.support.quick_add
    assert add.owner.currentText() == "Zoë Lefèvre (Checkout)"
    add.type.setCurrentIndex(add.type.findData(SupportType.COACHING.value))
    qtbot.keyClicks(add.amount, "8")
    qtbot.keyClicks(add.description, "Pairing in the first two sprints")
    qtbot.keyClick(add.description, Qt.Key.Key_Return)
    assert add.amount.text() == "" and add.amount.hasFocus()
    add.type.setCurrentIndex(add.type.findData(SupportType.TIME.value))
    add.owner.setCurrentIndex(add.owner.findText("Łukasz Wróblewski (Platform)"))
    qtbot.keyClicks(add.amount, "4,5")
    qtbot.keyClick(add.amount, Qt.Key.Key_Return)

    stored = _stored(db_path, event_id)
    [agreement] = stored.agreements
    assert agreement.adopter.name == "Çağla Yıldız"
    assert [p.name for p in agreement.patterns] == ["Trunk-based development", "Contract tests"]
    assert agreement.sponsor.name == "田中 愛子"
    assert agreement.check_in == dt.date(2026, 7, 1)
    assert [(i.type, i.amount, i.unit, i.owner.name, i.description) for i in agreement.support_items] == [
        (SupportType.COACHING, 8.0, "hours", "Zoë Lefèvre", "Pairing in the first two sprints"),
        (SupportType.TIME, 4.5, "hours", "Łukasz Wróblewski", ""),
    ]
    row = panel.table.records
    assert row.data(row.index(0, 0)) == "Çağla Yıldız (Release Management)"
    assert row.data(row.index(0, 1)) == "Trunk-based development, Contract tests"
    assert row.data(row.index(0, 2)) == "Coaching 8 h · Time 4.5 h"
    assert row.data(row.index(0, 3)) == "Zoë Lefèvre, Łukasz Wróblewski"
    assert row.data(row.index(0, 4)) == "Wed 1 Jul 2026"
    assert row.data(row.index(0, 5)) == "田中 愛子"

    # Every step is undoable, one at a time, back to no agreement at all.
    editor.undo_stack.undo()
    assert len(_stored(db_path, event_id).agreements[0].support_items) == 1
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert _stored(db_path, event_id).agreements[0].check_in == dt.date(2026, 5, 4) + dt.timedelta(days=42)
    editor.undo_stack.undo()
    assert _stored(db_path, event_id).agreements[0].check_in is None
    editor.undo_stack.undo()
    assert _stored(db_path, event_id).agreements[0].sponsor is None
    editor.undo_stack.undo()
    assert [p.name for p in _stored(db_path, event_id).agreements[0].patterns] == ["Trunk-based development"]
    assert form.chosen_pattern_ids() == [p.id for p in editor.event.agreements[0].patterns]
    editor.undo_stack.undo()
    assert _stored(db_path, event_id).agreements[0].patterns == []
    editor.undo_stack.undo()
    assert _stored(db_path, event_id).agreements == []
    assert panel.stack.currentIndex() == 0


def test_typing_that_matches_nobody_keeps_the_text_and_adds_nothing(qtbot, db):
    event_id = _small_event(db)
    _window, editor, panel = _show(qtbot, db, event_id)
    messages = []
    editor.failed.connect(messages.append)
    panel.add_record()
    qtbot.keyClicks(panel.picker.lineEdit(), "Nobody")
    panel.add_agreement()
    assert editor.event.agreements == []
    assert panel.picker.currentText() == "Nobody"
    assert "Nobody" in messages[0]


def test_limits_and_notes_are_stored_when_focus_leaves_and_undo_restores(qtbot, db, db_path):
    with db.transaction() as session:
        event_id = create_demo_event(session, date=dt.date(2026, 5, 4)).id
    _window, editor, panel = _show(qtbot, db, event_id)
    form = panel.agreement_editor
    first = editor.event.agreements[0]
    assert form.limits.toPlainText() == first.limits

    form.limits.setFocus()
    qtbot.keyClick(form.limits, Qt.Key.Key_A, CTRL)
    _type(form.limits, "Keine Bereitschaft für Payments — Zoë")
    form.notes.setFocus()
    _type(form.notes, "<b>unclosed & 日本")
    panel.table.setFocus()

    stored = _stored(db_path, event_id).agreements[0]
    assert stored.limits == "Keine Bereitschaft für Payments — Zoë"
    assert stored.notes == "<b>unclosed & 日本"
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    stored = _stored(db_path, event_id).agreements[0]
    assert (stored.limits, stored.notes) == (first.limits, "")
    assert form.limits.toPlainText() == first.limits


def test_support_items_edit_inline_delete_and_move_from_the_keyboard(qtbot, db, db_path):
    with db.transaction() as session:
        event_id = create_demo_event(session, date=dt.date(2026, 5, 4)).id
    _window, editor, panel = _show(qtbot, db, event_id)
    support = panel.agreement_editor.support
    table = support.table
    assert [r.type for r in table.records.records] == [SupportType.COACHING, SupportType.ARTIFACT]

    # Type over the amount cell and press Enter: stored at once.
    table.setFocus()
    table.setCurrentIndex(table.records.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_1)  # typing opens the cell editor
    cell = QApplication.focusWidget()
    qtbot.keyClicks(cell, "2")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.undo_stack.count() == 1)  # the view commits on the next loop turn
    assert _stored(db_path, event_id).agreements[0].support_items[0].amount == 12.0

    # The owner is a drop-down of participants.
    owner_column = 3
    index = table.records.index(0, owner_column)
    lukasz = next(p for p in editor.event.participants if p.name.startswith("Łukasz"))
    assert table.records.setData(index, str(lukasz.id))
    assert _stored(db_path, event_id).agreements[0].support_items[0].owner.name == "Łukasz Wróblewski"

    table.setFocus()
    table.setCurrentIndex(table.records.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down, ALT)
    assert [i.type for i in _stored(db_path, event_id).agreements[0].support_items] == [
        SupportType.ARTIFACT,
        SupportType.COACHING,
    ]
    table.setCurrentIndex(table.records.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete, CTRL)
    assert [i.type for i in _stored(db_path, event_id).agreements[0].support_items] == [SupportType.ARTIFACT]

    editor.undo_stack.undo()  # delete
    editor.undo_stack.undo()  # move
    editor.undo_stack.undo()  # owner
    editor.undo_stack.undo()  # amount
    items = _stored(db_path, event_id).agreements[0].support_items
    assert [(i.type, i.amount, i.owner.name) for i in items] == [
        (SupportType.COACHING, 8.0, "Zoë Lefèvre"),
        (SupportType.ARTIFACT, 1.0, "Zoë Lefèvre"),
    ]


def test_an_artifact_is_counted_in_items_not_hours(qtbot, db, db_path):
    event_id = _small_event(db)
    _window, editor, panel = _show(qtbot, db, event_id)
    adopter = next(p for p in editor.event.participants if p.name == "Çağla Yıldız")
    panel.picker.setCurrentIndex(panel.picker.findData(adopter.id))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    add = panel.agreement_editor.support.quick_add
    add.type.setCurrentIndex(add.type.findData(SupportType.ARTIFACT.value))
    assert add.unit.text() == "item"
    qtbot.keyClicks(add.amount, "1")
    qtbot.keyClicks(add.description, "Playbook")
    qtbot.mouseClick(add.button, Qt.MouseButton.LeftButton)
    add.type.setCurrentIndex(add.type.findData(SupportType.TIME.value))
    assert add.unit.text() == "hours"
    [item] = _stored(db_path, event_id).agreements[0].support_items
    assert (item.type, item.amount, item.unit) == (SupportType.ARTIFACT, 1.0, "item")
    assert panel.table.records.data(panel.table.records.index(0, 2)) == "Artifact 1 item"


def test_deleting_an_agreement_with_ctrl_delete_is_undoable(qtbot, db, db_path):
    with db.transaction() as session:
        event_id = create_demo_event(session, date=dt.date(2026, 5, 4)).id
    _window, editor, panel = _show(qtbot, db, event_id)
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.table.records.index(1, 0))
    assert panel.agreement_editor.adopter.currentText() == "Søren Ødegård (Search)"
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete, CTRL)
    assert [a.adopter.name for a in _stored(db_path, event_id).agreements] == [
        "Ana Núñez",
        "Çağla Yıldız",
        "Łukasz Wróblewski",
    ]
    assert panel.agreement_editor.adopter.currentText() == "Çağla Yıldız (Release Management)"
    editor.undo_stack.undo()
    stored = _stored(db_path, event_id).agreements
    assert [a.adopter.name for a in stored][1] == "Søren Ødegård"
    assert len(stored[1].support_items) == 1


def test_changing_the_adopter_is_stored_and_undoable(qtbot, db, db_path):
    with db.transaction() as session:
        event_id = create_demo_event(session, date=dt.date(2026, 5, 4)).id
    _window, editor, panel = _show(qtbot, db, event_id)
    form = panel.agreement_editor
    form.adopter.setFocus()
    qtbot.keyClick(form.adopter, Qt.Key.Key_Down)
    assert _stored(db_path, event_id).agreements[0].adopter.name == "Søren Ødegård"
    editor.undo_stack.undo()
    assert _stored(db_path, event_id).agreements[0].adopter.name == "Ana Núñez"
    assert form.adopter.currentText() == "Ana Núñez (Payments)"


def test_a_closed_event_shows_agreements_without_editing(qtbot, db):
    with db.transaction() as session:
        event_id = create_demo_event(session, date=dt.date(2026, 5, 4)).id
        events.close_event(session, event_id)
    _window, _editor, panel = _show(qtbot, db, event_id)
    form = panel.agreement_editor
    assert not panel.add_row.isVisible()
    assert panel.table.records.read_only
    assert not form.adopter.isEnabled() and not form.sponsor.isEnabled()
    assert form.limits.isReadOnly() and form.notes.isReadOnly()
    assert not form.support.quick_add.isVisible()
    assert not form.patterns.item(0).flags() & Qt.ItemFlag.ItemIsUserCheckable
