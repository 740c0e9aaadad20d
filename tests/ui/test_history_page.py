"""The History page: filter by each field and together, sort by real values, open with Enter."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import type_text
from PySide6.QtCore import QDate, QPoint, Qt

from facilitator.domain import AgreementStatus, EventStatus
from facilitator.services import agreements, events, participants
from facilitator.storage import StorageError
from ui import theme
from ui.followup.history.model import OVERDUE_COLUMN, ROW_ROLE
from ui.followup.history.page import HistoryPage

TODAY = dt.date(2026, 5, 1)
DATE, EVENT, AGREEMENTS = 0, 1, 5


@pytest.fixture
def history(db):
    """Four events, oldest first:

    ======== ========== =================== ========= ============================ ===========
    title    date       coalitions          status    people (team)                agreements
    ======== ========== =================== ========= ============================ ===========
    Winter   2025-12-01 Checkout            closed    Zoë Lefèvre (Payments)       2, 1 overdue
    Spring   2026-03-10 Search              running   Bob (Platform)               3, adopted 1
    Shared   2026-04-02 Checkout + Search   running   Ana (Payments), Søren (Data) 1
    Autumn   2026-09-20 Onboarding          planned   —                            0
    ======== ========== =================== ========= ============================ ===========
    """
    ids = {}
    with db.transaction() as s:
        winter = events.plan_event(s, coalitions=["Checkout"], date=dt.date(2025, 12, 1), title="Winter")
        zoe = participants.add_participant(s, winter.id, "Zoë Lefèvre", "Payments")
        agreements.add_agreement(s, winter.id, zoe.id, check_in=dt.date(2026, 1, 15))
        agreements.add_agreement(s, winter.id, zoe.id, check_in=dt.date(2026, 8, 1))
        events.close_event(s, winter.id)

        spring = events.plan_event(s, coalitions=["Search"], date=dt.date(2026, 3, 10), title="Spring")
        bob = participants.add_participant(s, spring.id, "Bob", "Platform")
        done = agreements.add_agreement(s, spring.id, bob.id)
        agreements.add_agreement(s, spring.id, bob.id)
        agreements.add_agreement(s, spring.id, bob.id)
        agreements.change_status(s, done.id, AgreementStatus.ADOPTED)
        events.move_to_step(s, spring.id, "top-goal")

        shared = events.plan_event(
            s, coalitions=["Checkout", "Search"], date=dt.date(2026, 4, 2), title="Shared"
        )
        ana = participants.add_participant(s, shared.id, "Ana", "Payments")
        participants.add_participant(s, shared.id, "Søren", "Data")
        agreements.add_agreement(s, shared.id, ana.id)
        events.move_to_step(s, shared.id, "top-goal")

        autumn = events.plan_event(s, coalitions=["Onboarding"], date=dt.date(2026, 9, 20), title="Autumn")
        ids = {"Winter": winter.id, "Spring": spring.id, "Shared": shared.id, "Autumn": autumn.id}
    return ids


@pytest.fixture
def page(qtbot, db, history):
    widget = HistoryPage(lambda: db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.refresh()
    return widget


def shown(page: HistoryPage) -> list[str]:
    """Return the titles in the order the table shows them."""
    return [page.proxy.index(row, EVENT).data() for row in range(page.proxy.rowCount())]


def choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered"
    combo.setCurrentIndex(index)


def test_all_events_newest_first_with_their_figures(page):
    assert shown(page) == ["Autumn", "Shared", "Spring", "Winter"]
    assert page.count_label.text() == "Showing 4 of 4 events"
    winter = page.proxy.index(3, 0)
    texts = [page.proxy.index(3, col).data() for col in range(page.proxy.columnCount())]
    assert texts == ["Mon 1 Dec 2025", "Winter", "Checkout", "Closed", "1", "2", "0", "1"]
    assert "read-only" in page.proxy.index(3, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert winter.data(ROW_ROLE).status == EventStatus.CLOSED
    assert page.proxy.index(2, 2).data() == "Search"
    assert page.proxy.index(1, 2).data() == "Checkout + Search"


def test_overdue_counts_stand_out(page):
    foreground = Qt.ItemDataRole.ForegroundRole
    assert page.proxy.index(3, OVERDUE_COLUMN).data(foreground) is not None  # Winter: 1 overdue
    assert page.proxy.index(2, OVERDUE_COLUMN).data(foreground) is None  # Spring: none
    assert page.proxy.index(3, OVERDUE_COLUMN).data(Qt.ItemDataRole.FontRole).bold()


def test_filter_by_coalition_includes_shared_events(page):
    combo = page.filters.coalition_combo
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert offered == ["All coalitions", "Checkout", "Onboarding", "Search"]
    choose(page.filters.coalition_combo, "Checkout")
    assert shown(page) == ["Shared", "Winter"]
    assert page.count_label.text() == "Showing 2 of 4 events"


def test_filter_by_status(page):
    choose(page.filters.status_combo, "Running")
    assert shown(page) == ["Shared", "Spring"]
    choose(page.filters.status_combo, "Closed")
    assert shown(page) == ["Winter"]


def test_filter_by_date_range_is_inclusive(qtbot, page):
    assert not page.filters.from_edit.isEnabled()
    # Unticked fields show the full range, ready to be narrowed.
    assert page.filters.from_edit.date() == QDate(2025, 12, 1)
    assert page.filters.to_edit.date() == QDate(2026, 9, 20)
    qtbot.mouseClick(page.filters.from_check, Qt.MouseButton.LeftButton)
    assert page.filters.from_edit.isEnabled()
    page.filters.from_edit.setDate(QDate(2026, 3, 10))
    assert shown(page) == ["Autumn", "Shared", "Spring"]
    page.filters.to_check.setChecked(True)
    page.filters.to_edit.setDate(QDate(2026, 4, 2))
    assert shown(page) == ["Shared", "Spring"]


def test_filter_by_person_or_team_ignores_case_and_accents(qtbot, page):
    qtbot.keyClicks(page.filters.person_edit, "zoe")
    assert shown(page) == ["Winter"]
    page.filters.person_edit.clear()
    type_text(page.filters.person_edit, "SØREN")
    assert shown(page) == ["Shared"]
    page.filters.person_edit.clear()
    qtbot.keyClicks(page.filters.person_edit, "payments")
    assert shown(page) == ["Shared", "Winter"]


def test_filters_combine_and_reset(qtbot, page):
    choose(page.filters.coalition_combo, "Checkout")
    choose(page.filters.status_combo, "Running")
    qtbot.keyClicks(page.filters.person_edit, "pay")
    assert shown(page) == ["Shared"]
    assert page.count_label.text() == "Showing 1 of 4 events"
    qtbot.keyClicks(page.filters.person_edit, "x")
    assert shown(page) == [] and page.no_match_label.isVisible()
    assert page.count_label.text() == "Showing 0 of 4 events"
    qtbot.mouseClick(page.filters.reset_button, Qt.MouseButton.LeftButton)
    assert shown(page) == ["Autumn", "Shared", "Spring", "Winter"]
    assert page.filters.person_edit.text() == ""
    assert page.filters.coalition_combo.currentIndex() == 0
    assert not page.no_match_label.isVisible()


def test_sort_by_date_and_by_a_count_uses_real_values(qtbot, page, db):
    with db.transaction() as s:
        # Twelve agreements: sorted as text, "12" would come before "3".
        big = events.plan_event(s, coalitions=["Search"], date=dt.date(2024, 6, 1), title="Big")
        person = participants.add_participant(s, big.id, "Eve", "Web")
        for _ in range(12):
            agreements.add_agreement(s, big.id, person.id)
    page.refresh()
    page.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    assert shown(page) == ["Big", "Winter", "Spring", "Shared", "Autumn"]
    page.table.sortByColumn(AGREEMENTS, Qt.SortOrder.DescendingOrder)
    assert [page.proxy.index(r, AGREEMENTS).data() for r in range(5)] == ["12", "3", "2", "1", "0"]
    # Clicking the header sorts too; the filter still applies to the sorted rows.
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(AGREEMENTS) + header.sectionSize(AGREEMENTS) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert [page.proxy.index(r, AGREEMENTS).data() for r in range(5)] == ["0", "1", "2", "3", "12"]
    choose(page.filters.coalition_combo, "Search")
    assert shown(page) == ["Shared", "Spring", "Big"]


def test_enter_opens_the_selected_event(qtbot, page, history):
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(2, 0))
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [history["Spring"], "event", None]


def test_enter_in_the_filter_opens_the_first_match(qtbot, page, history):
    qtbot.keyClicks(page.filters.person_edit, "bob")
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.filters.person_edit, Qt.Key.Key_Return)
    assert opened.args == [history["Spring"], "event", None]


def test_double_click_opens_once(qtbot, page, history):
    received = []
    page.open_requested.connect(lambda *args: received.append(args))
    index = page.proxy.index(3, EVENT)
    point = page.table.visualRect(index).center()
    # A double-click acts on the row its first press selected, as with a real mouse.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert received == []
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert received == [(history["Winter"], "event", None)]


def test_selection_survives_a_refresh(page, db, history):
    page.select_event(history["Spring"])
    with db.transaction() as s:
        events.plan_event(s, coalitions=["Search"], date=dt.date(2026, 12, 1), title="Newest")
    page.refresh()
    assert page.current_event_id() == history["Spring"]
    assert page.count_label.text() == "Showing 5 of 5 events"


def test_the_filter_bar_and_table_are_in_tab_order(page):
    bar = page.filters
    chain = [bar.coalition_combo]
    while len(chain) < 12 and chain[-1] is not page.table:
        chain.append(chain[-1].nextInFocusChain())
        while not (chain[-1].focusPolicy() & Qt.FocusPolicy.TabFocus) or not chain[-1].isEnabled():
            chain[-1] = chain[-1].nextInFocusChain()
    assert chain[:4] == [bar.coalition_combo, bar.status_combo, bar.person_edit, bar.from_check]
    assert chain[-1] is page.table


def test_empty_history_says_so(qtbot, db):
    page = HistoryPage(lambda: db)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.empty_label.isVisible()
    assert not page.table.isVisible() and not page.count_label.isVisible()


def test_a_storage_problem_is_reported_not_raised(qtbot):
    def broken():
        raise StorageError("the database file cannot be opened")

    page = HistoryPage(broken)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.problem) as problem:
        page.refresh()
    assert problem.args == ["The history could not be read: the database file cannot be opened"]


def test_models_are_valid_qt_models(qtmodeltester, page):
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_overdue_colour_follows_the_theme(qtbot, page):
    page.setStyleSheet(theme.stylesheet("dark"))
    expected = theme.PALETTES["dark"]["danger"]
    qtbot.waitUntil(lambda: page.model.warning.color().name() == expected)
    brush = page.proxy.index(3, OVERDUE_COLUMN).data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color().name() == expected


def test_selection_follows_its_row_when_sorting(page, history):
    page.select_event(history["Spring"])
    page.table.sortByColumn(AGREEMENTS, Qt.SortOrder.DescendingOrder)
    assert shown(page)[0] == "Spring"
    assert page.current_event_id() == history["Spring"]
    assert page.table.selectionModel().isRowSelected(0)
