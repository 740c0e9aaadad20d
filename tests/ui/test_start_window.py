"""The start window lists what is stored and creates the sample event."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from facilitator.demo import create_demo_event
from facilitator.services import events
from facilitator.storage import open_database
from ui.start.event_list_model import EventListModel
from ui.start.window import StartWindow


def test_start_window_lists_stored_events(qtbot, db):
    with db.transaction() as session:
        create_demo_event(session)
    window = StartWindow(db)
    qtbot.addWidget(window)
    window.show()

    assert window.proxy.rowCount() == 1
    coalition = window.proxy.index(0, 1).data()
    assert coalition == "Checkout Reliability Coalition"
    assert window.proxy.index(0, 3).data() == "Planned"


def test_create_sample_event_is_stored_and_shown(qtbot, db_path):
    db = open_database(db_path)
    window = StartWindow(db)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert window.empty_label.isVisible()

    qtbot.keyClick(window.filter_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    assert window.proxy.rowCount() == 1
    assert window.table.isVisible()
    db.close()
    reopened = open_database(db_path)
    with reopened.transaction() as session:
        assert len(events.list_events(session)) == 1
    reopened.close()


def test_filter_narrows_the_list(qtbot, db):
    with db.transaction() as session:
        create_demo_event(session)
        events.plan_event(session, coalitions=["Onboarding Coalition"], date=dt.date(2026, 1, 5))
    window = StartWindow(db)
    qtbot.addWidget(window)
    assert window.proxy.rowCount() == 2
    qtbot.keyClicks(window.filter_edit, "onboard")
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, 1).data() == "Onboarding Coalition"


def test_event_list_model_is_a_valid_qt_model(qtmodeltester, db):
    with db.transaction() as session:
        create_demo_event(session)
        rows = events.list_events(session)
    model = EventListModel(rows)
    qtmodeltester.check(model)
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == rows[0]
