"""The pattern library page: filter, read a pattern's history, carry it into an event."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from helpers import type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from facilitator.domain import Event
from facilitator.followup import library
from facilitator.services import agreements, events, outcomes, participants, patterns
from ui.followup.library import pattern_html
from ui.followup.library.carry_dialog import CarryDialog
from ui.followup.library.model import PatternTableModel
from ui.followup.library.page import LibraryPage

CHECKOUT = "Checkout Reliability Coalition"


@pytest.fixture
def history(db):
    """Winter finds "Trunk-based development" (two adopters, one abandons); Spring carries it
    on and adds a boundary; "Zoë's déploiement" is a failure pattern of another coalition;
    Summer is open and presents nothing yet."""
    with db.transaction() as s:
        winter = events.plan_event(s, coalitions=[CHECKOUT], date=dt.date(2026, 1, 10), title="Winter").id
        win = outcomes.add_outcome(s, winter, "success", "Lead time cut", evidence="9 → 3.5 days")
        trunk = patterns.create_pattern(
            s, winter, "Trunk-based development", summary="Merge daily.", outcome_ids=[win.id]
        ).id
        patterns.add_boundary(s, trunk, "works_when", "Small services", event_id=winter)
        zoe = participants.add_participant(s, winter, "Zoë", "Payments")
        bo = participants.add_participant(s, winter, "Bo", "Search")
        adopted = agreements.add_agreement(s, winter, zoe.id, pattern_ids=[trunk]).id
        dropped = agreements.add_agreement(s, winter, bo.id, pattern_ids=[trunk]).id
        agreements.change_status(s, adopted, "adopted")
        agreements.change_status(s, dropped, "abandoned", "No CI to speak of")
        events.close_event(s, winter)
        spring = events.plan_event(s, coalitions=[CHECKOUT], date=dt.date(2026, 4, 14), title="Spring").id
        patterns.reuse_pattern(s, spring, trunk)
        patterns.add_boundary(s, trunk, "breaks_when", "Release trains", event_id=spring)
        guild = events.plan_event(s, coalitions=["Platform Guild"], date=dt.date(2026, 2, 1)).id
        freeze = patterns.create_pattern(s, guild, "Zoë's déploiement freeze", kind="failure").id
        events.close_event(s, guild)
        summer = events.plan_event(s, coalitions=[CHECKOUT], date=dt.date(2026, 6, 1), title="Summer").id
    return SimpleNamespace(**locals())


@pytest.fixture
def page(qtbot, db, history):
    widget = LibraryPage(lambda: db)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.refresh()
    return widget


def _names(page) -> list[str]:
    return [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]


def _double_click_on(qtbot, view, text: str) -> None:
    """Double-click the detail where ``text`` is written, scrolled into sight first."""
    found = view.document().find(text)
    assert not found.isNull(), text
    # Aim at the middle of the words: the end of the match is the link's edge,
    # and any change of font or zoom can move that edge off the link.
    cursor = QTextCursor(found)
    cursor.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center())


def test_table_lists_patterns_with_their_reach(page, history):
    assert _names(page) == ["Trunk-based development", "Zoë's déploiement freeze"]
    row = [page.proxy.index(0, column).data() for column in range(7)]
    assert row == ["Trunk-based development", "Success", CHECKOUT, "Sat 10 Jan 2026", "2", "2", "1"]
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert _names(page) == ["Zoë's déploiement freeze", "Trunk-based development"]


def test_filter_ignores_accents_and_combos_narrow_by_kind_and_coalition(qtbot, page, history):
    type_text(page.filter_edit, "zoe deploiement")
    assert _names(page) == ["Zoë's déploiement freeze"]
    assert page.detail.detail.pattern_id == history.freeze
    page.filter_edit.clear()
    qtbot.keyClicks(page.filter_edit, "merge DAILY")  # the summary counts too
    assert _names(page) == ["Trunk-based development"]
    page.filter_edit.clear()
    page.kind_combo.setCurrentText("Failure")
    assert _names(page) == ["Zoë's déploiement freeze"]
    page.kind_combo.setCurrentIndex(0)
    page.coalition_combo.setCurrentText(CHECKOUT)
    assert _names(page) == ["Trunk-based development"]
    assert page.count_label.text() == "1 of 2 patterns match"


def test_selected_pattern_shows_outcomes_boundaries_and_adopters(qtbot, page, history):
    assert page.select_pattern(history.trunk)
    lines = page.detail.toPlainText().splitlines()
    for expected in (
        "Trunk-based development",
        "Came from",
        "Success: Lead time cut",
        "Boundaries over time",
        "Sat 10 Jan 2026 · Winter",
        "Tue 14 Apr 2026 · Spring",
        "Works when: Small services",
        "Breaks when: Release trains",
        "Adopted by",
        "Zoë (Payments)",
        "Adopted",
        "Bo (Search)",
        "Abandoned — No CI to speak of",
        "Presented at",
        "Tue 14 Apr 2026 · Spring (planned)",
    ):
        assert expected in lines
    grown = [
        lines.index(text)
        for text in (
            "Sat 10 Jan 2026 · Winter",
            "Works when: Small services",
            "Tue 14 Apr 2026 · Spring",
            "Breaks when: Release trains",
        )
    ]
    assert grown == sorted(grown)


def test_double_click_or_enter_in_the_detail_opens_the_record(qtbot, page, history):
    page.select_pattern(history.trunk)
    for text, expected in (
        ("Lead time cut", [history.winter, "outcome", history.win.id]),
        ("Release trains", [history.spring, "pattern", history.trunk]),
        ("Zoë (Payments)", [history.winter, "agreement", history.adopted]),
        ("Tue 14 Apr 2026 · Spring (planned)", [history.spring, "event", None]),
    ):
        with qtbot.waitSignal(page.open_requested) as opened:
            _double_click_on(qtbot, page.detail, text)
        assert opened.args == expected, text

    opened = []
    page.open_requested.connect(lambda *args: opened.append(args))
    cursor = page.detail.document().find("Lead time cut")
    cursor.setPosition(cursor.selectionStart() + 4)
    page.detail.setTextCursor(cursor)
    page.detail.ensureCursorVisible()
    qtbot.mouseClick(page.detail.viewport(), Qt.MouseButton.LeftButton, pos=page.detail.cursorRect().center())
    assert opened == []  # one stray click keeps the lead in the library
    page.detail.setFocus()
    page.detail.moveCursor(page.detail.textCursor().MoveOperation.Start)
    qtbot.keyClick(page.detail, Qt.Key.Key_Tab)
    qtbot.keyClick(page.detail, Qt.Key.Key_Return)
    assert opened == [(history.winter, "outcome", history.win.id)]


def test_carry_into_event_stores_it_and_opens_the_target(qtbot, db, page, history):
    page.select_pattern(history.trunk)
    seen = []

    def choose_summer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CarryDialog)
        seen.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose_summer)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.mouseClick(page.carry_button, Qt.MouseButton.LeftButton)
    assert seen == [[f"Mon 1 Jun 2026 · {CHECKOUT} — Summer (planned)"]]
    assert opened.args == [history.summer, "pattern", history.trunk]
    with db.transaction() as session:
        assert [p.id for p in session.get(Event, history.summer).patterns] == [history.trunk]
    assert page.proxy.index(0, 4).data() == "3"


def test_without_an_open_target_the_dialog_says_to_create_an_event(qtbot, db, page, history):
    with db.transaction() as session:
        library.carry_into_event(session, history.trunk, history.summer)
    page.refresh()
    dialog = CarryDialog("Trunk-based development", [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.hint.isVisible() and "Create a new event first" in dialog.hint.text()
    assert not dialog.ok_button.isVisible()
    with db.transaction() as session:
        assert library.carry_targets(session, history.trunk) == []


def test_a_storage_problem_goes_to_the_banner(qtbot, db, page, history):
    with db.transaction() as session:
        events.reopen_event(session, history.winter)  # keep one target: the rest is closed
        events.close_event(session, history.summer)
        events.close_event(session, history.spring)
    page.select_pattern(history.freeze)

    def close_target_then_choose():
        dialog = QApplication.activeModalWidget()
        with db.transaction() as session:
            events.close_event(session, history.winter)  # someone closes it meanwhile
        dialog.accept()

    QTimer.singleShot(0, close_target_then_choose)
    with qtbot.waitSignal(page.problem) as problem:
        page.carry_button.click()
    assert problem.args == ["this event is closed; reopen it to change it"]


def test_pattern_table_model_is_a_valid_qt_model(qtmodeltester, db, history):
    with db.transaction() as session:
        rows = library.pattern_rows(session)
    model = PatternTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)


def test_user_text_is_shown_literally_never_as_markup(qtbot, db, page, history):
    with db.transaction() as session:
        patterns.create_pattern(
            session,
            history.summer,
            '<b>Bold</b> <a href="file:///etc/passwd">x</a>',
            summary="line one\nline <i>two",
        )
    page.refresh()
    page.filter_edit.setText("bold")
    text = page.detail.toPlainText()
    assert '<b>Bold</b> <a href="file:///etc/passwd">x</a>' in text
    assert "line one\nline <i>two" in text
    assert all(target[1] != "file" for target in page.detail.targets)


def test_a_filter_that_matches_nothing_says_so(page):
    page.filter_edit.setText("nothing like this")
    assert page.detail.toPlainText() == "No pattern matches the filter."
    assert page.count_label.text() == "0 of 2 patterns match"
    assert not page.carry_button.isVisible()


def test_an_empty_library_says_where_patterns_come_from(qtbot, db):
    empty = LibraryPage(lambda: db)
    qtbot.addWidget(empty)
    empty.show()
    empty.refresh()
    assert empty.detail.toPlainText().startswith("No patterns yet.")
    assert empty.count_label.text() == "0 patterns"


def test_long_lists_show_their_latest_items_and_a_click_shows_all(qtbot, monkeypatch, page, history):
    monkeypatch.setattr(pattern_html, "SHOWN", 1)
    page.select_pattern(history.freeze)
    page.select_pattern(history.trunk)
    lines = page.detail.toPlainText().splitlines()
    assert "2 agreements by 2 teams: 1 adopted, 1 abandoned" in lines
    assert "Breaks when: Release trains" in lines and "Works when: Small services" not in lines
    assert "Bo (Search)" in lines and "Zoë (Payments)" not in lines
    cursor = page.detail.document().find("Show all 2")  # the first: boundaries
    # Click inside the link's words, scrolled into view (the end of the match
    # is the link's edge, which a different font size can move off it).
    cursor.setPosition(cursor.selectionStart() + 3)
    page.detail.setTextCursor(cursor)
    page.detail.ensureCursorVisible()
    qtbot.mouseClick(page.detail.viewport(), Qt.MouseButton.LeftButton, pos=page.detail.cursorRect().center())
    lines = page.detail.toPlainText().splitlines()
    assert "Works when: Small services" in lines
    assert "Zoë (Payments)" not in lines  # the other lists stay short
    page.refresh()  # shown again: the same pattern keeps its lists open
    assert "Works when: Small services" in page.detail.toPlainText().splitlines()
