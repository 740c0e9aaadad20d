"""The start page lists what is stored; New, sample and open are one key away."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from facilitator.demo import create_demo_event
from facilitator.services import events
from ui.start.event_list_model import EventListModel
from ui.start.page import StartPage, rows_from


def test_start_page_lists_stored_events_newest_first(qtbot, db):
    with db.transaction() as session:
        events.plan_event(session, coalitions=["Onboarding Coalition"], date=dt.date(2024, 1, 5))
        create_demo_event(session, date=dt.date(2026, 2, 1))
    page = StartPage(rows_from(db))
    qtbot.addWidget(page)
    page.refresh()
    assert page.proxy.rowCount() == 2
    assert page.proxy.index(0, 1).data() == "Checkout Reliability Coalition"
    assert page.proxy.index(0, 0).data() == "Sun 1 Feb 2026"
    assert page.proxy.index(1, 3).data() == "Planned"


def test_filter_then_enter_opens_the_matching_event(qtbot, db):
    with db.transaction() as session:
        create_demo_event(session)
        onboarding = events.plan_event(session, coalitions=["Onboarding Coalition"], date=dt.date(2026, 1, 5))
    page = StartPage(rows_from(db))
    qtbot.addWidget(page)
    page.refresh()
    qtbot.keyClicks(page.filter_edit, "onboard")
    assert page.proxy.rowCount() == 1
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    assert opened.args == [onboarding.id]


def test_empty_database_says_how_to_start(qtbot, db):
    page = StartPage(rows_from(db))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.empty_label.isVisible() and not page.table.isVisible()
    # The sample is a prepared, planned event: the page must not promise a finished one.
    assert "finished" not in page.empty_label.text()
    assert "prepared" in page.empty_label.text()


def test_event_list_model_is_a_valid_qt_model(qtmodeltester, db):
    with db.transaction() as session:
        create_demo_event(session)
        rows = events.list_events(session)
    model = EventListModel(rows)
    qtmodeltester.check(model)
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == rows[0]


def test_the_empty_state_sits_under_the_title_and_a_list_fills_the_page(qtbot, db):
    page = StartPage(rows_from(db))
    qtbot.addWidget(page)
    page.resize(1920, 1080)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.empty_label.isVisible())
    page.layout().activate()
    # Under the title, not floating halfway down an empty projector screen.
    assert page.filter_edit.geometry().top() < page.height() // 4
    assert page.empty_label.height() <= page.empty_label.sizeHint().height() + page.layout().spacing()

    with db.transaction() as session:
        create_demo_event(session)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.isVisible())
    page.layout().activate()
    assert page.table.height() > page.height() // 2
