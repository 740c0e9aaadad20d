"""The adoption tracker page: filters, overdue rows, status changes with history, opening."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from facilitator.domain import Agreement, AgreementStatus
from facilitator.followup import adoptions
from facilitator.services import agreements, events, participants, patterns
from facilitator.storage import open_database
from ui.date_fields import to_qdate
from ui.followup.adoptions.page import NO_AGREEMENTS, NO_OPEN_AGREEMENTS, AdoptionsPage
from ui.followup.adoptions.status_dialog import REASON_REQUIRED

TODAY = dt.date(2026, 2, 13)


def _agree(s, event, person, pattern, check_in):
    agreement = agreements.add_agreement(s, event.id, person.id, pattern_ids=[pattern], check_in=check_in)
    # Agreed in the room on the event's day, not when the test runs.
    agreement.status_history[0].changed_at = dt.datetime.combine(event.date, dt.time(10))
    return agreement.id


@pytest.fixture
def history(db):
    """Winter (Checkout): Zoë overdue, Bo due later, Kim adopted. Guild (Search): Lee overdue."""
    with db.transaction() as s:
        winter = events.plan_event(s, coalitions=["Checkout"], date=dt.date(2026, 1, 10), title="Winter")
        flags = patterns.create_pattern(s, winter.id, "Feature flags").id
        zoe = _agree(
            s,
            winter,
            participants.add_participant(s, winter.id, "Zoë Lefèvre", "Payments"),
            flags,
            dt.date(2026, 2, 1),
        )
        bo = _agree(
            s, winter, participants.add_participant(s, winter.id, "Bo", "Search"), flags, dt.date(2026, 3, 1)
        )
        kim = _agree(
            s,
            winter,
            participants.add_participant(s, winter.id, "Kim", "Mobile"),
            flags,
            dt.date(2026, 1, 20),
        )
        agreements.change_status(s, kim, "adopted", "Live", when=dt.datetime(2026, 1, 19, 12))
        guild = events.plan_event(s, coalitions=["Search"], date=dt.date(2026, 2, 1), title="Guild")
        rank = patterns.create_pattern(s, guild.id, "Ranking experiments").id
        lee = _agree(
            s, guild, participants.add_participant(s, guild.id, "Lee", "Data"), rank, dt.date(2026, 2, 10)
        )
        agreements.change_status(s, lee, "in_progress", "Started", when=dt.datetime(2026, 2, 2, 12))
        return SimpleNamespace(winter=winter.id, guild=guild.id, zoe=zoe, bo=bo, kim=kim, lee=lee)


@pytest.fixture
def page(qtbot, db, history):
    widget = AdoptionsPage(lambda: db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1600, 800)
    widget.show()
    widget.refresh()
    return widget


def shown(page):
    return [row.adopter for row in page.model.rows()]


def stored_history(db_path, agreement_id):
    db = open_database(db_path)
    try:
        with db.transaction() as s:
            return adoptions.status_history(s, agreement_id)
    finally:
        db.close()


def test_open_agreements_first_then_every_one_with_overdue_ones_standing_out(
    qtbot, qtmodeltester, page, history
):
    # What needs following up comes first, the most urgent check-in on top.
    assert page.filters.status.currentText() == "Open (agreed or in progress)"
    assert shown(page) == ["Zoë Lefèvre", "Lee", "Bo"]
    assert page.counts.text() == "3 agreements · 2 overdue"
    page.filters.status.setCurrentIndex(page.filters.status.findText("All statuses"))
    qtmodeltester.check(page.model)
    assert shown(page) == ["Kim", "Zoë Lefèvre", "Lee", "Bo"]
    assert page.counts.text() == "4 agreements · 2 overdue"
    model = page.model
    check_in = [model.columns[c].header for c in range(model.columnCount())].index("Check-in")
    texts = [model.index(r, check_in).data() for r in range(model.rowCount())]
    # Said in words, not by colour alone; an adopted agreement's past date is not overdue.
    assert texts == [
        "Tue 20 Jan 2026",
        "Sun 1 Feb 2026 · 12 days late",
        "Tue 10 Feb 2026 · 3 days late",
        "Sun 1 Mar 2026",
    ]
    colours = [model.index(r, check_in).data(Qt.ItemDataRole.ForegroundRole) for r in range(4)]
    assert [c is not None for c in colours] == [False, True, True, False]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Status",
        "Check-in",
        "Adopter",
        "Team",
        "Patterns",
        "Fit",
        "Owner(s)",
        "Event",
        "Coalition",
    ]


def test_filters_overdue_only_text_coalition_and_status(qtbot, page):
    qtbot.mouseClick(page.filters.overdue_only, Qt.MouseButton.LeftButton)
    assert page.filters.overdue_only.isChecked()
    assert shown(page) == ["Zoë Lefèvre", "Lee"]
    assert page.counts.text() == "2 agreements · 2 overdue"
    page.filters.coalition.setCurrentIndex(page.filters.coalition.findText("Search"))
    assert shown(page) == ["Lee"]
    page.filters.overdue_only.setChecked(False)
    page.filters.coalition.setCurrentIndex(0)
    qtbot.keyClicks(page.filters.text, "zoe")  # accents folded
    assert shown(page) == ["Zoë Lefèvre"]
    page.filters.text.clear()
    qtbot.keyClicks(page.filters.text, "search")  # Bo's team, not the Search coalition
    assert shown(page) == ["Bo"]
    page.filters.text.clear()
    page.filters.status.setCurrentIndex(page.filters.status.findData(AgreementStatus.ADOPTED))
    assert shown(page) == ["Kim"]
    page.filters.status.setCurrentIndex(page.filters.status.findText("Open (agreed or in progress)"))
    assert shown(page) == ["Zoë Lefèvre", "Lee", "Bo"]
    page.filters.status.setCurrentIndex(page.filters.status.findText("All statuses"))
    assert shown(page) == ["Kim", "Zoë Lefèvre", "Lee", "Bo"]


def test_sorting_keeps_the_selection(qtbot, page, history):
    page.select_agreement(history.lee)
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # adopter
    assert shown(page) == ["Bo", "Lee", "Zoë Lefèvre"]
    assert page.current_row().agreement_id == history.lee
    assert page.detail.title.text() == "Lee (Data)"


def test_change_status_through_the_dialog_is_stored_with_date_and_note(qtbot, page, history, db_path):
    page.select_agreement(history.bo)
    qtbot.mouseClick(page.detail.change_button, Qt.MouseButton.LeftButton)
    dialog = page.status_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.chosen_status() == AgreementStatus.IN_PROGRESS  # the usual next step
    assert dialog.date.date() == to_qdate(TODAY) and dialog.date.maximumDate() == to_qdate(TODAY)
    assert dialog.date.minimumDate() == to_qdate(dt.date(2026, 1, 10))  # not before the last change
    qtbot.keyClicks(dialog.note, "Kick-off with the team")
    dialog.date.setDate(to_qdate(dt.date(2026, 2, 10)))
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    steps = stored_history(db_path, history.bo)
    assert [(s.to_status, s.note) for s in steps] == [
        (AgreementStatus.AGREED, "Agreed at the event"),
        (AgreementStatus.IN_PROGRESS, "Kick-off with the team"),
    ]
    assert steps[1].changed_at.date() == dt.date(2026, 2, 10)
    assert page.current_row().status == AgreementStatus.IN_PROGRESS
    assert page.model.index(page.model.row_of(history.bo), 0).data() == "In progress"
    assert (
        page.detail.history_lines()[-1] == "Tue 10 Feb 2026 · Agreed → In progress · Kick-off with the team"
    )


def test_abandoning_without_a_reason_is_refused_with_a_message(qtbot, page, history, db_path):
    page.select_agreement(history.zoe)
    dialog = page.change_status()
    dialog.status.setCurrentIndex(dialog.status.findData(AgreementStatus.ABANDONED))
    assert "required" in dialog.hint.text() and "required" in dialog.note_label.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.isVisible() and dialog.error.text() == REASON_REQUIRED
    assert dialog.focusWidget() is dialog.note
    assert len(stored_history(db_path, history.zoe)) == 1

    qtbot.keyClicks(dialog.note, "Team was reorganised")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert stored_history(db_path, history.zoe)[-1].note == "Team was reorganised"
    # No longer open, so no longer overdue; it stays in view until the filters change.
    assert shown(page) == ["Zoë Lefèvre", "Lee", "Bo"]
    assert page.counts.text() == "3 agreements · 1 overdue"
    assert "Team was reorganised" in page.detail.status.text()


def test_a_change_that_cannot_be_stored_is_reported_and_the_dialog_stays(qtbot, page, history, db):
    page.select_agreement(history.bo)
    dialog = page.change_status()
    with db.transaction() as s:  # deleted elsewhere meanwhile
        s.delete(s.get(Agreement, history.bo))
    qtbot.keyClicks(dialog.note, "Started")
    with qtbot.waitSignal(page.problem) as problem:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert problem.args[0].startswith("The status was not changed: no agreement with id")
    assert dialog.isVisible() and dialog.error.text() == problem.args[0]
    assert dialog.note.text() == "Started"


def test_enter_double_click_and_the_button_open_the_event_at_the_agreement(qtbot, page, history):
    page.select_agreement(history.lee)
    page.table.setFocus()
    expected = [history.guild, "agreement", history.lee]
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == expected
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.mouseClick(page.detail.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == expected
    rect = page.table.visualRect(page.model.index(page.model.row_of(history.zoe), 2))
    # A double-click acts on the row its first press selected, as with a real mouse.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [history.winter, "agreement", history.zoe]


def test_an_empty_database_says_so(qtbot, db):
    widget = AdoptionsPage(lambda: db, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    assert widget.empty_label.isVisible() and widget.empty_label.text() == NO_OPEN_AGREEMENTS
    widget.filters.status.setCurrentIndex(0)  # all statuses
    assert widget.empty_label.text() == NO_AGREEMENTS
    assert widget.counts.text() == "0 agreements · 0 overdue"
    assert not widget.detail.change_button.isEnabled()
    assert widget.change_status() is None


def test_on_a_projector_the_detail_goes_under_the_table_and_the_columns_fit(qtbot, page):
    page.resize(1280, 620)
    qtbot.waitUntil(lambda: page.splitter.orientation() == Qt.Orientation.Vertical)
    table, keys = page.table, page.model.keys

    def widths():
        return {key: table.columnWidth(n) for n, key in enumerate(keys) if not table.isColumnHidden(n)}

    # No sideways scrolling; the text filter gets the room, not the coalition choice.
    assert sum(widths().values()) <= table.viewport().width() + 2
    assert page.filters.text.width() > page.filters.coalition.width()
    page.resize(760, 620)
    # Narrower still: the coalition, then the event, then the owners are left to the detail;
    # who adopts which patterns stays in view.
    qtbot.waitUntil(lambda: table.isColumnHidden(keys.index("coalition")))
    shown = widths()
    assert {"status", "check_in", "adopter", "patterns"} <= set(shown)
    assert shown["patterns"] >= table.fontMetrics().averageCharWidth() * 10
    assert sum(shown.values()) <= table.viewport().width() + 2
    page.resize(1900, 900)
    qtbot.waitUntil(lambda: page.splitter.orientation() == Qt.Orientation.Horizontal)
