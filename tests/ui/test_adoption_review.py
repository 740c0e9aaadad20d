"""The Adoption review: a coalition's open agreements come up first when it starts a new event."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from helpers import show_active, type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.dates import day
from facilitator.domain import AgreementStatus
from facilitator.followup import adoptions
from facilitator.services import agreements, events, participants, patterns
from facilitator.storage import open_database
from ui.main_window import MainWindow
from ui.panels.agreements.adoption_review import EMPTY_TEXT, READ_ONLY_TEXT, AdoptionReviewPanel
from ui.prepare.adoption_hint import FOLLOW_UP_AGENDA_ID
from ui.prepare.new_event import NewEventDialog

CTRL = Qt.KeyboardModifier.ControlModifier
COALITION = "Checkout Coalition"
TODAY = dt.date.today()


@pytest.fixture
def earlier(db):
    """A closed event of the coalition two months ago: Zoë agreed (check-in passed), Bo in
    progress, Kim adopted already; and another coalition's open agreement."""
    with db.transaction() as s:
        event = events.plan_event(
            s, coalitions=[COALITION], date=TODAY - dt.timedelta(days=60), title="Winter"
        )
        flags = patterns.create_pattern(s, event.id, "Feature flags").id
        ids = {}
        for name, team, check_in in [
            ("Zoë Lefèvre", "Payments", -10),
            ("Bo", "Search", 30),
            ("Kim", "Mobile", 5),
        ]:
            person = participants.add_participant(s, event.id, name, team)
            ids[name] = agreements.add_agreement(
                s, event.id, person.id, pattern_ids=[flags], check_in=TODAY + dt.timedelta(days=check_in)
            ).id
        agreements.change_status(s, ids["Bo"], "in_progress", "Started")
        agreements.change_status(s, ids["Kim"], "adopted", "Live")
        events.close_event(s, event.id)
        other = events.plan_event(s, coalitions=["Search Guild"], date=TODAY - dt.timedelta(days=90))
        lee = participants.add_participant(s, other.id, "Lee", "Data")
        agreements.add_agreement(s, other.id, lee.id)
    return SimpleNamespace(event=event.id, zoe=ids["Zoë Lefèvre"], bo=ids["Bo"], kim=ids["Kim"])


def window_on(qtbot, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    show_active(qtbot, window)
    return window


def review_panel(window) -> AdoptionReviewPanel:
    panel = window.screen_.walkthrough.contents.currentWidget().panels[0]
    assert isinstance(panel, AdoptionReviewPanel)
    return panel


def stored_history(db_path, agreement_id):
    db = open_database(db_path)
    try:
        with db.transaction() as s:
            return adoptions.status_history(s, agreement_id)
    finally:
        db.close()


def test_a_new_event_reviews_the_coalitions_open_agreements_first(qtbot, db, db_path, earlier):
    window = window_on(qtbot, db)
    seen = {}

    def answer_dialog():
        dialog = QApplication.activeModalWidget()
        # Read what it offers, then Enter creates the event (asserting here would leave it open).
        seen.update(
            coalition=dialog.coalition.currentText(),
            agenda=dialog.agenda.currentData(),
            hint=dialog.review_hint.text(),
            hint_shown=dialog.review_hint.isVisible(),
        )
        QTest.keyClick(dialog.facilitator, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer_dialog)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert seen == {
        "coalition": COALITION,  # the latest event's coalition comes preselected
        "agenda": FOLLOW_UP_AGENDA_ID,
        "hint": "2 open agreements from earlier events will be reviewed first.",
        "hint_shown": True,
    }

    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    walk = window.screen_.walkthrough
    assert walk.isVisible()
    assert walk.index == 0 and walk.position_label.text() == "Step 1 of 5 · Adoption review"
    assert "earlier events" in walk.question_label.text()
    panel = review_panel(window)
    assert [(r.adopter, r.status) for r in panel.rows()] == [
        ("Zoë Lefèvre", AgreementStatus.AGREED),
        ("Bo", AgreementStatus.IN_PROGRESS),
    ]
    assert (
        panel.rows()[0].overdue
        and panel.summary.text() == "2 open agreements from earlier events · 1 overdue"
    )
    assert panel.change_button.isVisible() and not panel.empty_label.isVisible()

    # Bo's team adopted it: Enter on the row, the status dialog offers Adopted, a note, Enter.
    panel.select_agreement(earlier.bo)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = panel.status_dialog
    assert dialog is not None and dialog.chosen_status() == AgreementStatus.ADOPTED
    dialog.note.setFocus()
    type_text(dialog.note, "Live in Search since last sprint")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    history = stored_history(db_path, earlier.bo)
    assert [(h.to_status, h.note) for h in history][-1] == (
        AgreementStatus.ADOPTED,
        "Live in Search since last sprint",
    )
    assert history[-1].changed_at.date() >= TODAY - dt.timedelta(days=1)  # today, in UTC
    # The row stays where the room is looking, with its new status.
    assert [(r.adopter, r.status) for r in panel.rows()] == [
        ("Zoë Lefèvre", AgreementStatus.AGREED),
        ("Bo", AgreementStatus.ADOPTED),
    ]
    assert panel.summary.text() == "1 open agreement from earlier events · 1 overdue"


def test_the_facilitator_can_still_pick_another_agenda(qtbot, db, earlier):
    dialog = NewEventDialog(db)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    assert dialog.agenda.currentData() == FOLLOW_UP_AGENDA_ID
    dialog.agenda.setFocus()
    qtbot.keyClick(dialog.agenda, Qt.Key.Key_Home)  # the default 60-minute agenda
    assert dialog.agenda.currentData() == "scale-across"
    assert dialog.review_hint.text() == (
        "2 open agreements from earlier events; this agenda has no Adoption review step."
    )
    # Another coalition without open agreements: the hand-picked agenda stays, the note goes.
    dialog.coalition.setEditText("Brand new coalition")
    assert dialog.agenda.currentData() == "scale-across" and not dialog.review_hint.isVisible()


def test_no_open_agreements_keep_the_default_agenda(qtbot, db, earlier):
    dialog = NewEventDialog(db)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    dialog.coalition.setEditText("Brand new coalition")
    assert dialog.agenda.currentData() == "scale-across"
    assert not dialog.review_hint.isVisible()
    # Going back to the coalition suggests the follow-up agenda again, and leaving undoes it.
    dialog.coalition.setEditText(COALITION.upper())
    assert dialog.agenda.currentData() == FOLLOW_UP_AGENDA_ID
    dialog.coalition.setEditText("Brand new coalition")
    assert dialog.agenda.currentData() == "scale-across"


def test_an_event_without_earlier_agreements_says_go_on(qtbot, db):
    with db.transaction() as s:
        event_id = events.plan_event(
            s, coalitions=["Fresh Coalition"], date=TODAY, agenda_id=FOLLOW_UP_AGENDA_ID
        ).id
    window = window_on(qtbot, db)
    window.open_event(event_id, view=1)
    panel = review_panel(window)
    assert panel.rows() == []
    assert panel.empty_label.isVisible() and panel.empty_label.text() == EMPTY_TEXT
    assert not panel.table.isVisible() and not panel.change_button.isVisible()


def test_a_closed_event_shows_the_review_read_only(qtbot, db, db_path, earlier):
    with db.transaction() as s:
        event_id = events.plan_event(s, coalitions=[COALITION], date=TODAY, agenda_id=FOLLOW_UP_AGENDA_ID).id
        events.close_event(s, event_id)
    window = window_on(qtbot, db)
    window.open_event(event_id, view=1)
    panel = review_panel(window)
    assert [r.adopter for r in panel.rows()] == ["Zoë Lefèvre", "Bo"]
    assert panel.read_only_label.isVisible() and panel.read_only_label.text() == READ_ONLY_TEXT
    assert not panel.change_button.isVisible()
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.status_dialog is None and panel.change_status() is None
    assert len(stored_history(db_path, earlier.zoe)) == 1


def test_every_capture_kind_has_a_panel():
    from facilitator.agenda import CAPTURE_KINDS
    from ui.walkthrough.step_panels import PANELS

    assert set(PANELS) == set(CAPTURE_KINDS)


def test_the_review_fits_a_720_projector_with_rows_two_lines_high(qtbot, db, earlier):
    with db.transaction() as s:
        event_id = events.plan_event(s, coalitions=[COALITION], date=TODAY, agenda_id=FOLLOW_UP_AGENDA_ID).id
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    show_active(qtbot, window)
    window.open_event(event_id, view=1)
    QApplication.processEvents()
    # Five steps, the question and the table fit: the window did not grow past the projector.
    assert window.height() == 720 and window.minimumSizeHint().height() <= 720
    panel = review_panel(window)
    table, keys = panel.table, panel.model.keys
    assert table.rowHeight(0) <= 2 * table.fontMetrics().lineSpacing() + 20
    shown = {key: table.columnWidth(n) for n, key in enumerate(keys) if not table.isColumnHidden(n)}
    # The check-in with its weekday ("Mon 23 Nov 2026") is as wide as the patterns at 1280
    # pixels; every other column gives the patterns the room.
    assert shown["patterns"] >= max(width for key, width in shown.items() if key != "check_in_lines")
    check_in = panel.model.index(0, keys.index("check_in_lines")).data()
    assert check_in == f"{day(TODAY - dt.timedelta(days=10))}\n10 days late"  # in words, not colour alone
