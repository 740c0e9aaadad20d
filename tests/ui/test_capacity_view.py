"""Support capacity: an over-commitment is shown plainly, can be accepted, and goes away."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from facilitator.domain import ParticipantRole, SupportType
from facilitator.services import agreements, events, participants
from facilitator.storage import open_database
from ui.editing import EventEditor
from ui.panels.agreements.agreements import AgreementsPanel
from ui.panels.agreements.capacity_view import CapacityView

CTRL = Qt.KeyboardModifier.ControlModifier


def _event(db):
    """Zoë states 24 h; Ana adopts; nothing promised yet."""
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout Coalition"], date=dt.date(2026, 5, 4))
        zoe = participants.add_participant(
            session, event.id, "Zoë Lefèvre", "Checkout", ParticipantRole.COALITION_MEMBER
        )
        ana = participants.add_participant(session, event.id, "Ana Núñez", "Payments")
        participants.set_capacity(session, event.id, zoe.id, 24)
        agreements.add_agreement(session, event.id, ana.id)
        return event.id, zoe.id


def _stored_capacity(db_path, event_id):
    db = open_database(db_path)
    try:
        with db.transaction() as session:
            return {line.owner_name: line for line in participants.capacity_report(session, event_id)}
    finally:
        db.close()


def _show(qtbot, db, event_id):
    """The Follow-Up step as the room sees it: capacity in a strip above the agreements."""
    editor = EventEditor(db, event_id)
    window = QWidget()
    agreements_panel = AgreementsPanel(editor)
    capacity = CapacityView(editor)
    layout = QVBoxLayout(window)
    layout.addWidget(capacity)
    layout.addWidget(agreements_panel, 1)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window, editor, agreements_panel, capacity


def _promise(qtbot, panel, hours: str, what: str) -> None:
    add = panel.agreement_editor.support.quick_add
    add.type.setCurrentIndex(add.type.findData(SupportType.COACHING.value))
    qtbot.keyClicks(add.amount, hours)
    qtbot.keyClicks(add.description, what)
    qtbot.keyClick(add.description, Qt.Key.Key_Return)


def test_the_warning_appears_when_more_hours_are_promised_and_goes_when_the_excess_is_deleted(
    qtbot, db, db_path
):
    event_id, zoe_id = _event(db)
    _window, editor, panel, capacity = _show(qtbot, db, event_id)
    assert capacity.banners == []

    _promise(qtbot, panel, "20", "Pairing")
    assert capacity.banners == []
    _promise(qtbot, panel, "10", "Workshops")

    banner = capacity.banner_for(zoe_id)
    assert banner is not None
    qtbot.waitUntil(banner.isVisible)  # Qt shows widgets added to a shown layout on the next loop turn
    assert banner.property("role") == "banner"
    assert banner.text.text() == "Zoë Lefèvre: 30 h promised, 24 h available — 6 h over"
    assert banner.button.text() == "Accept over-commitment"

    table = panel.agreement_editor.support.table
    table.setFocus()
    table.setCurrentIndex(table.records.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete, CTRL)

    assert capacity.banner_for(zoe_id) is None
    assert _stored_capacity(db_path, event_id)["Zoë Lefèvre"].promised_hours == 20.0
    editor.undo_stack.undo()
    assert capacity.banner_for(zoe_id) is not None


def test_accepting_is_stored_and_the_warning_turns_into_accepted(qtbot, db, db_path):
    event_id, zoe_id = _event(db)
    _window, editor, panel, capacity = _show(qtbot, db, event_id)
    _promise(qtbot, panel, "30", "Coaching the whole team")

    qtbot.mouseClick(capacity.banner_for(zoe_id).button, Qt.MouseButton.LeftButton)

    line = _stored_capacity(db_path, event_id)["Zoë Lefèvre"]
    assert line.accepted and line.accepted_hours == 30.0
    banner = capacity.banner_for(zoe_id)
    assert banner.property("role") == "card"
    assert (
        banner.text.text() == "Zoë Lefèvre: 30 h promised, 24 h available — 6 h over · accepted by the room"
    )
    assert banner.button.text() == "Withdraw acceptance"

    editor.undo_stack.undo()
    assert _stored_capacity(db_path, event_id)["Zoë Lefèvre"].needs_attention
    assert capacity.banner_for(zoe_id).property("role") == "banner"

    editor.undo_stack.redo()
    # Promising more than was accepted brings the warning back.
    _promise(qtbot, panel, "2", "One more session")
    assert capacity.banner_for(zoe_id).property("role") == "banner"
    assert capacity.banner_for(zoe_id).text.text().startswith("Zoë Lefèvre: 32 h promised")


def test_only_hours_count_against_capacity(qtbot, db):
    event_id, zoe_id = _event(db)
    _window, editor, panel, capacity = _show(qtbot, db, event_id)
    add = panel.agreement_editor.support.quick_add
    add.type.setCurrentIndex(add.type.findData(SupportType.ARTIFACT.value))
    qtbot.keyClicks(add.amount, "40")
    qtbot.keyClicks(add.description, "Slides")
    qtbot.keyClick(add.description, Qt.Key.Key_Return)
    assert capacity.banner_for(zoe_id) is None
    [line] = capacity.lines
    assert (line.stated_hours, line.promised_hours) == (24.0, 0.0)


def test_the_owners_line_lists_promised_against_stated_and_what_is_left(qtbot, db):
    event_id, zoe_id = _event(db)
    _window, editor, panel, capacity = _show(qtbot, db, event_id)
    _promise(qtbot, panel, "7,5", "Pairing")
    assert capacity.shown_rows() == [["Zoë Lefèvre", "16.5 h left", "7.5 h promised of 24 h"]]
    _promise(qtbot, panel, "20", "More pairing")
    # Over-committed, Zoë is said once, in her banner, not again in the owners' line.
    assert capacity.shown_rows() == []
    assert (
        capacity.banner_for(zoe_id).text.text() == "Zoë Lefèvre: 27.5 h promised, 24 h available — 3.5 h over"
    )


def test_a_closed_event_shows_capacity_without_buttons(qtbot, db):
    event_id, zoe_id = _event(db)
    with db.transaction() as session:
        agreement = events.load_event(session, event_id).agreements[0]
        agreements.add_support_item(session, agreement.id, "time", amount=30, owner_id=zoe_id)
        events.close_event(session, event_id)
    _window, _editor, _panel, capacity = _show(qtbot, db, event_id)
    banner = capacity.banner_for(zoe_id)
    qtbot.waitUntil(banner.isVisible)
    assert not banner.button.isVisible()
