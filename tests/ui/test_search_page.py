"""The Search page: type, see the matches in bold, open one with the keyboard or the mouse."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import focused, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from facilitator.demo import create_demo_event
from facilitator.services import events, participants
from ui.followup.search.page import LIMIT, SearchPage
from ui.followup.search.results import HIT_ROLE, hit_html


@pytest.fixture
def demo(db):
    with db.transaction() as s:
        event = create_demo_event(s, date=dt.date(2026, 2, 3))
        zoe = next(p for p in event.participants if p.name == "Zoë Lefèvre")
        return event.id, zoe.id


@pytest.fixture
def page(qtbot, db):
    widget = SearchPage(lambda: db)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    widget.field.setFocus()
    return widget


def rows(page):
    return [page.model.index(r, 0).data(HIT_ROLE) for r in range(page.model.rowCount())]


def type_and_wait(qtbot, page, text):
    type_text(page.field, text)
    qtbot.waitUntil(lambda: not page.timer.isActive(), timeout=20_000)


def test_typing_shows_the_matches_with_the_words_in_bold(qtbot, page, demo):
    event_id, zoe_id = demo
    type_and_wait(qtbot, page, "zoe")

    hits = rows(page)
    assert [(h.kind, h.record_id) for h in hits] == [("participant", zoe_id), ("event", event_id)]
    assert page.count_label.text() == "2 matches"
    html = hit_html(hits[0], QColor("#4a4a52"))
    assert "<b>Zoë</b> Lefèvre · Checkout" in html
    assert "Participant · Tue 3 Feb 2026 · Scale Across — checkout delivery patterns" in html
    assert page.model.index(0, 0).data() == (
        "Participant · Tue 3 Feb 2026 · Scale Across — checkout delivery patterns: Zoë Lefèvre · Checkout"
    )
    page.grab()  # paints every row through the delegate


def test_the_search_waits_for_a_pause_in_typing(qtbot, page, demo):
    type_text(page.field, "lukasz")
    assert page.model.rowCount() == 0 and page.timer.isActive()  # one search, not six
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20_000)


def test_enter_on_a_result_opens_it_in_its_event(qtbot, page, demo):
    event_id, zoe_id = demo
    type_and_wait(qtbot, page, "zoë")
    qtbot.keyClick(page.field, Qt.Key.Key_Down)
    assert focused() is page.results
    assert page.results.currentIndex().row() == 0
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.results, Qt.Key.Key_Return)
    assert opened.args == [event_id, "participant", zoe_id]

    qtbot.keyClick(page.results, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.results, Qt.Key.Key_Enter)
    assert opened.args == [event_id, "event", event_id]


def test_down_right_after_typing_searches_first_then_moves_into_the_results(qtbot, page, demo):
    _, zoe_id = demo
    type_text(page.field, "zoe")
    qtbot.keyClick(page.field, Qt.Key.Key_Down)
    assert focused() is page.results
    assert page.results.currentIndex().data(HIT_ROLE).record_id == zoe_id
    page.field.setFocus()
    type_text(page.field, "qqq")
    qtbot.keyClick(page.field, Qt.Key.Key_Down)  # nothing to move into: the field keeps the keys
    assert focused() is page.field and page.count_label.text() == "No matches for “zoeqqq”"


def test_enter_in_the_field_searches_at_once_then_opens_the_first(qtbot, page, demo):
    event_id, _ = demo
    type_text(page.field, "freeze")
    qtbot.keyClick(page.field, Qt.Key.Key_Return)
    assert not page.timer.isActive()
    assert {h.kind for h in rows(page)} >= {"outcome"}
    first = rows(page)[0]
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.field, Qt.Key.Key_Return)
    assert opened.args == [event_id, first.kind, first.record_id]


def test_double_click_opens_a_result(qtbot, page, demo):
    event_id, _ = demo
    type_and_wait(qtbot, page, "trunk based")
    second = page.model.index(1, 0)
    rect = page.results.visualRect(second)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.mouseClick(page.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    hit = second.data(HIT_ROLE)
    assert opened.args == [event_id, hit.kind, hit.record_id]


def test_no_matches_quotes_what_was_typed_as_plain_text(qtbot, page, demo):
    type_and_wait(qtbot, page, "<b>nothing</b>")
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "No matches for “<b>nothing</b>”"
    assert page.count_label.textFormat() == Qt.TextFormat.PlainText
    page.field.clear()
    page.run_search()
    assert page.count_label.text().startswith("Type to search")


def test_record_text_is_shown_as_text_never_as_markup(qtbot, db, page):
    with db.transaction() as s:
        event = events.plan_event(s, coalitions=["<i>C</i>"], date=dt.date(2026, 1, 1), title="<u>T")
        participants.add_participant(s, event.id, 'Wallaby <img src="file:///etc/passwd"> & co', "")
    type_and_wait(qtbot, page, "wallaby")
    html = hit_html(rows(page)[0], QColor("#000000"))
    assert "<img" not in html and "<u>" not in html
    assert "<b>Wallaby</b> &lt;img src=&quot;file:///etc/passwd&quot;&gt; &amp; co" in html
    page.grab()


def test_more_than_a_page_of_matches_says_so(qtbot, db, page):
    with db.transaction() as s:
        event = events.plan_event(s, coalitions=["Many"], date=dt.date(2026, 1, 1))
        for i in range(LIMIT + 5):
            participants.add_participant(s, event.id, f"Quokka {i}", "")
    type_and_wait(qtbot, page, "quokka")
    assert page.model.rowCount() == LIMIT
    assert page.count_label.text().startswith(f"More than {LIMIT} matches")


def test_refresh_finds_what_was_added_meanwhile(qtbot, db, page, demo):
    event_id, _ = demo
    type_and_wait(qtbot, page, "numbat")
    assert page.model.rowCount() == 0
    with db.transaction() as s:
        participants.add_participant(s, event_id, "Numbat Ng", "Data")
    page.refresh()
    assert [h.kind for h in rows(page)] == ["participant"]


def test_a_broken_index_is_reported_not_raised(qtbot, db, page, demo):
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE search_index")
    page.field.setText("zoe")
    with qtbot.waitSignal(page.problem) as problem:
        page.run_search()
    assert "scale-across db reindex" in problem.args[0]
    assert page.model.rowCount() == 0


def test_a_pattern_in_no_event_explains_instead_of_opening(qtbot, db, page, demo):
    event_id, _ = demo
    with db.transaction() as s:
        events.delete_event(s, event_id)
    type_and_wait(qtbot, page, "trunk based")
    assert [h.kind for h in rows(page)] == ["pattern"]
    with qtbot.waitSignal(page.problem) as problem:
        page.open_current()
    assert "in no event" in problem.args[0]


def test_results_model_is_a_valid_qt_model(qtmodeltester, qtbot, page, demo):
    type_and_wait(qtbot, page, "checkout")
    qtmodeltester.check(page.model)
