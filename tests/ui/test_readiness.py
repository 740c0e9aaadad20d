"""The room's last look: the Review step lists what is still open, each item a way to the fix."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import show_active
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from facilitator.domain import Agreement, BoundaryKind, EventStatus, FitAnswerKind, OutcomeKind
from facilitator.services import agreements, events, fit, outcomes, participants, patterns, readiness
from ui.main_window import MainWindow
from ui.panels.agreements.capacity_view import CapacityView
from ui.review.closing import close_question
from ui.review.still_open import NOTHING_OPEN, ItemLink
from ui.views import REVIEW, WALK_THROUGH

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
ORIGINAL_QUESTION = (
    "Close this event?\n\nIt becomes history: nothing can be changed until it is "
    "reopened. Everything is already saved."
)


def _event(session):
    event = events.plan_event(session, coalitions=["Checkout Coalition"], date=dt.date(2026, 6, 2))
    lead = participants.add_participant(session, event.id, "Zoë Lefèvre", "Checkout", "coalition_member")
    ana = participants.add_participant(session, event.id, "Ana Souza", "Payments")
    sponsor = participants.add_participant(session, event.id, "Jürgen Groß", "Leadership", "sponsor")
    participants.set_capacity(session, event.id, lead.id, 10)
    pattern = patterns.create_pattern(session, event.id, "Canary releases")
    works = patterns.add_boundary(session, pattern.id, BoundaryKind.WORKS_WHEN, "Traffic is steady")
    return event, lead, ana, sponsor, pattern, works


@pytest.fixture
def incomplete(db):
    """A failure nobody learnt from, a pattern with no boundaries, an agreement missing its parts."""
    with db.transaction() as session:
        event, _lead, ana, _sponsor, pattern, _works = _event(session)
        failure = outcomes.add_outcome(session, event.id, OutcomeKind.FAILURE, "Big-bang migration stalled")
        bare = patterns.create_pattern(session, event.id, "Feature flags")
        agreement = agreements.add_agreement(session, event.id, ana.id, pattern_ids=[pattern.id, bare.id])
        item = agreements.add_support_item(session, agreement.id, "coaching")
        return {
            "event": event.id,
            "failure": failure.id,
            "bare": bare.id,
            "agreement": agreement.id,
            "support_item": item.id,
        }


@pytest.fixture
def complete(db):
    with db.transaction() as session:
        event, lead, ana, sponsor, pattern, works = _event(session)
        agreement = agreements.add_agreement(
            session,
            event.id,
            ana.id,
            pattern_ids=[pattern.id],
            sponsor_id=sponsor.id,
            check_in="2026-07-01",
            limits="Two sprints of pairing",
        )
        agreements.add_support_item(session, agreement.id, "coaching", amount=4, owner_id=lead.id)
        fit.set_fit_answer(session, agreement.id, works.id, FitAnswerKind.HOLDS)
        assert readiness.open_items(session, event.id) == []
        return event.id


@pytest.fixture
def window(qtbot, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    show_active(qtbot, window)
    return window


def _review(window, event_id):
    window.open_event(event_id, view=REVIEW)
    return window.screen_.review


def _links(page) -> list[ItemLink]:
    return page.content.findChildren(ItemLink)


def _link(page, words: str) -> ItemLink:
    return next(link for link in _links(page) if words in link.item.text)


def _step(window) -> str:
    return window.screen_.walkthrough.step.id


def _panel(window, index: int = 0):
    return window.screen_.walkthrough.contents.currentWidget().panels[index]


def test_the_review_lists_every_open_item_as_a_link(window, db, incomplete):
    page = _review(window, incomplete["event"])
    with db.transaction() as session:
        expected = [item.text for item in readiness.open_items(session, incomplete["event"])]
    assert [link.item.text for link in _links(page)] == expected
    assert [link.label.text() for link in _links(page)] == expected
    assert [link.button.accessibleName() for link in _links(page)] == [f"Go to fix: {t}" for t in expected]
    assert "Ana Souza (Payments): coaching support has no owner." in expected
    assert all(link.button.focusPolicy() & Qt.FocusPolicy.TabFocus for link in _links(page))
    labels = [label.text() for label in page.content.findChildren(QLabel)]
    assert "Still open" in labels and f"{len(expected)} items to settle before the room leaves:" in labels


def test_enter_on_a_support_item_opens_its_agreement_in_the_follow_up_step(qtbot, window, incomplete):
    page = _review(window, incomplete["event"])
    button = _link(page, "coaching support has no owner").button
    button.setFocus(Qt.FocusReason.TabFocusReason)  # as when the facilitator tabs to it
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert window.screen_.tabs.currentIndex() == WALK_THROUGH
    assert _step(window) == "follow-up-support"
    assert _panel(window).table.current_record().id == incomplete["agreement"]


def test_tab_reaches_the_links_in_order(qtbot, window, incomplete):
    page = _review(window, incomplete["event"])
    first, second = (link.button for link in _links(page)[:2])
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second


def test_clicking_a_failure_opens_it_on_the_outcomes_step(qtbot, window, incomplete):
    page = _review(window, incomplete["event"])
    label = _link(page, "Big-bang migration stalled").label
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(12, label.height() // 2))
    assert _step(window) == "outcomes-patterns"
    assert _panel(window).table.current_record().id == incomplete["failure"]


def test_a_pattern_with_no_boundaries_opens_on_the_boundaries_step(qtbot, window, incomplete):
    page = _review(window, incomplete["event"])
    qtbot.mouseClick(_link(page, "has no boundaries recorded").button, Qt.MouseButton.LeftButton)
    assert _step(window) == "context-boundaries"
    assert _panel(window).selected_pattern().id == incomplete["bare"]


def test_an_over_commitment_opens_with_the_keyboard_on_its_decision(qtbot, window, db, incomplete):
    with db.transaction() as session:
        event = events.load_event(session, incomplete["event"])
        lead = next(p for p in event.participants if p.name == "Zoë Lefèvre")
        agreements.update_support_item(session, incomplete["support_item"], amount=14, owner_id=lead.id)
    page = _review(window, incomplete["event"])
    qtbot.mouseClick(_link(page, "has not accepted it").button, Qt.MouseButton.LeftButton)
    assert _step(window) == "follow-up-support"
    capacity = next(
        p for p in window.screen_.walkthrough.contents.currentWidget().panels if isinstance(p, CapacityView)
    )
    qtbot.waitUntil(lambda: QApplication.focusWidget() is capacity.banner_for(lead.id).button)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert not any(
        "has not accepted it" in link.item.text for link in _links(_review(window, incomplete["event"]))
    )


def test_the_list_follows_each_edit(window, incomplete):
    page = _review(window, incomplete["event"])
    editor = window.editor
    before = len(_links(page))
    editor.update(
        "Check-in", Agreement, incomplete["agreement"], agreements.update_agreement, check_in="2026-07-01"
    )
    assert not any("no check-in date" in link.item.text for link in _links(page))
    assert len(_links(page)) == before - 1
    editor.undo_stack.undo()
    assert any("no check-in date" in link.item.text for link in _links(page))


def test_closing_with_items_open_asks_once_listing_them_and_go_back_keeps_it_open(
    qtbot, window, db, incomplete, monkeypatch
):
    page = _review(window, incomplete["event"])
    items = page.open_items
    asked = []

    def question(parent, title, text, buttons, default):
        asked.append((title, text, default))
        return No

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | SHIFT)  # Close event…
    assert len(asked) == 1
    title, text, default = asked[0]
    assert (title, default) == ("Close event", No)
    assert text.startswith(f"{len(items)} items are still open:")
    assert all(item.text in text for item in items)
    assert text == close_question(items)
    assert not window.editor.read_only
    with db.transaction() as session:
        assert events.load_event(session, incomplete["event"]).status != EventStatus.CLOSED


def test_the_real_question_says_close_anyway_or_go_back(qtbot, window, incomplete):
    page = _review(window, incomplete["event"])
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(sorted(button.text() for button in box.buttons()))
        seen.append(box.textFormat())
        box.button(No).click()

    QTimer.singleShot(0, answer)
    assert not page.request_close()
    assert seen == [["&Close anyway", "&Go back"], Qt.TextFormat.PlainText]
    assert not window.editor.read_only


def test_a_complete_event_says_nothing_is_open_and_closes_as_before(qtbot, window, db, complete, monkeypatch):
    page = _review(window, complete)
    assert _links(page) == []
    assert NOTHING_OPEN in [label.text() for label in page.content.findChildren(QLabel)]
    asked = []

    def question(parent, title, text, buttons, default):
        asked.append((title, text, default))
        return Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert asked == [("Close event", ORIGINAL_QUESTION, No)]
    assert window.editor.read_only
    with db.transaction() as session:
        assert events.load_event(session, complete).status == EventStatus.CLOSED
    assert "Left open" in [label.text() for label in page.content.findChildren(QLabel)]
