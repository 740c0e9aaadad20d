"""Opening an event at a record: where search results and follow-up pages land."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import show_active

from facilitator.demo import create_demo_event
from facilitator.services import events
from ui.main_window import MainWindow
from ui.views import PREPARE, REVIEW, WALK_THROUGH


@pytest.fixture
def demo(db):
    with db.transaction() as session:
        event = create_demo_event(session, date=dt.date(2026, 11, 3))
        events.move_to_step(session, event.id, "top-goal")
        agreement = event.agreements[1]
        return {
            "event": event.id,
            "outcome": event.outcomes[2].id,
            "pattern": event.patterns[1],
            "boundary": event.patterns[1].boundaries[0].id,
            "agreement": agreement.id,
            "support_item": agreement.support_items[0].id,
            "participant": event.participants[3].id,
            "step": "top-goal",
        }


@pytest.fixture
def window(qtbot, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    show_active(qtbot, window)
    return window


def _step(window) -> str:
    return window.screen_.walkthrough.step.id


def test_an_outcome_opens_on_the_outcomes_step_with_its_row_selected(window, demo):
    window.open_record(demo["event"], "outcome", demo["outcome"])
    assert window.screen_.tabs.currentIndex() == WALK_THROUGH
    assert _step(window) == "outcomes-patterns"
    panel = window.screen_.walkthrough.contents.currentWidget().panels[0]
    assert panel.table.current_record().id == demo["outcome"]


def test_a_boundary_opens_its_pattern_on_the_boundaries_step(window, demo):
    window.open_record(demo["event"], "boundary", demo["boundary"])
    assert _step(window) == "context-boundaries"
    panel = window.screen_.walkthrough.contents.currentWidget().panels[0]
    assert panel.selected_pattern().id == demo["pattern"].id


def test_a_support_item_opens_its_agreement(window, demo):
    window.open_record(demo["event"], "support_item", demo["support_item"])
    assert _step(window) == "follow-up-support"
    panel = window.screen_.walkthrough.contents.currentWidget().panels[0]
    assert panel.table.current_record().id == demo["agreement"]


def test_a_participant_opens_prepare_on_the_participants_tab(window, demo):
    window.open_record(demo["event"], "participant", demo["participant"])
    screen = window.screen_
    assert screen.tabs.currentIndex() == PREPARE
    assert screen.prepare.participants.table.current_record().id == demo["participant"]


def test_looking_a_record_up_does_not_move_the_rooms_stored_step(window, demo, db):
    window.open_record(demo["event"], "boundary", demo["boundary"])
    window.show_start()
    with db.transaction() as session:
        assert events.load_event(session, demo["event"]).current_step_id == demo["step"]


def test_the_event_itself_opens_where_it_was_left(window, demo):
    window.open_record(demo["event"], "event", None)
    assert window.screen_ is not None
    assert window.screen_.tabs.currentIndex() in (PREPARE, WALK_THROUGH, REVIEW)
