"""The Follow-up screen in the window: reached by keys, opens events at records."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import focused, show_active, type_text
from PySide6.QtCore import Qt

from facilitator.demo import create_demo_event
from facilitator.services import events
from ui.actions import Act
from ui.main_window import MainWindow
from ui.views import PREPARE

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def history(db):
    with db.transaction() as session:
        closed = create_demo_event(session, date=dt.date(2026, 3, 3))
        events.close_event(session, closed.id)
        planned = create_demo_event(session, date=dt.date(2026, 11, 3))
        zoe = next(p for p in closed.participants if p.name.startswith("Zo"))
        return {"closed": closed.id, "planned": planned.id, "zoe": zoe.id}


@pytest.fixture
def window(qtbot, db, history):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    show_active(qtbot, window)
    return window


def test_each_follow_up_page_has_a_shortcut_and_a_menu_entry(qtbot, window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "F&ollow-up")
    assert [a.objectName() for a in menu.actions()] == [
        "history",
        "search",
        "adoptions",
        "pattern_library",
        "figures",
    ]
    for key, act in (
        (Qt.Key.Key_H, Act.HISTORY),
        (Qt.Key.Key_F, Act.SEARCH),
        (Qt.Key.Key_U, Act.ADOPTIONS),
        (Qt.Key.Key_L, Act.PATTERN_LIBRARY),
        (Qt.Key.Key_G, Act.FIGURES),
    ):
        qtbot.keyClick(window, key, CTRL)
        assert window.pages.currentWidget() is window.followup
        assert window.followup.current_act() == act


def test_a_closed_event_opens_read_only_from_the_history(qtbot, window, history):
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    page = window.followup.pages[Act.HISTORY]
    assert page.select_event(history["closed"])
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.editor is not None and window.editor.event.id == history["closed"]
    assert window.editor.read_only
    assert window.actions_[Act.REOPEN_EVENT].isEnabled()


def test_a_search_result_opens_its_event_at_the_record(qtbot, window, history):
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    page = window.followup.pages[Act.SEARCH]
    assert focused() is page.field
    type_text(page.field, "zoe lef")
    page.run_search()
    row = next(r for r, hit in enumerate(page.model.hits()) if hit.record_id == history["zoe"])
    page.results.setCurrentIndex(page.model.index(row, 0))
    qtbot.keyClick(page.results, Qt.Key.Key_Return)
    assert window.editor.event.id == history["closed"]
    assert window.screen_.tabs.currentIndex() == PREPARE
    assert window.screen_.prepare.participants.table.current_record().id == history["zoe"]


def test_a_page_reloads_only_after_something_was_written(qtbot, window, history, db, monkeypatch):
    window.show_followup(Act.HISTORY)
    page = window.followup.pages[Act.HISTORY]
    calls = []
    monkeypatch.setattr(page, "refresh", lambda: calls.append(1))
    window.show_followup(Act.SEARCH)
    window.show_followup(Act.HISTORY)
    assert calls == []
    with db.transaction() as session:
        events.update_event(session, history["planned"], title="Renamed")
    window.show_followup(Act.SEARCH)
    window.show_followup(Act.HISTORY)
    assert calls == [1]


def test_the_start_page_leads_to_the_history(qtbot, window):
    window.start.followup_requested.emit()
    assert window.followup.current_act() == Act.HISTORY


def test_pages_are_built_when_first_shown(qtbot, window):
    window.show_followup(Act.SEARCH)
    assert set(window.followup.pages) == {Act.SEARCH}
    window.show_followup(Act.FIGURES)
    assert set(window.followup.pages) == {Act.SEARCH, Act.FIGURES}
