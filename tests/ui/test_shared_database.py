"""Two facilitators on one PostgreSQL database: no silent lost update, changes come in, read-only said.

Each test opens the same server database twice, as two windows on two
laptops would; "Anna" is the other facilitator.
"""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import window_on_event

from facilitator.domain import Outcome
from facilitator.services import events, outcomes
from facilitator.storage import open_database
from tests.pg_databases import empty_tables
from ui.actions import Act
from ui.editing import EventEditor
from ui.panels.patterns.outcomes import OutcomesPanel
from ui.views import PREPARE, REVIEW

ANNA = "anna@laptop-2"


@pytest.fixture
def two(pg_worker_url):
    """Two databases on the same server database: mine, and Anna's."""
    empty_tables(pg_worker_url)
    mine, anna = open_database(pg_worker_url), open_database(pg_worker_url)
    anna.actor = ANNA
    yield mine, anna
    mine.close()
    anna.close()


@pytest.fixture
def planned(two):
    """An event with one outcome; return (event id, outcome id)."""
    mine, _anna = two
    with mine.transaction() as s:
        event = events.plan_event(s, coalitions=["Checkout"], date=dt.date(2026, 12, 3))
        outcome = outcomes.add_outcome(s, event.id, "success", "Deploys weekly")
    return event.id, outcome.id


def stored_title(db, outcome_id):
    with db.transaction() as s:
        return s.get(Outcome, outcome_id).title


def rename(editor, outcome_id, title):
    return editor.update("Rename outcome", Outcome, outcome_id, outcomes.update_outcome, title=title)


def test_a_stale_edit_is_refused_names_who_and_keeps_my_text_to_reapply(qtbot, two, planned):
    mine, anna = two
    event_id, outcome_id = planned
    my_editor, annas_editor = EventEditor(mine, event_id), EventEditor(anna, event_id)
    assert rename(annas_editor, outcome_id, "Deploys daily")
    conflicts = []
    my_editor.conflicted.connect(lambda error, retry: conflicts.append((error, retry)))

    assert not rename(my_editor, outcome_id, "Deploys hourly")

    ((error, retry),) = conflicts
    message = str(error)
    assert message.startswith(f"{ANNA} changed the title of this outcome at ")
    assert "to “Deploys daily”; your edit (“Deploys hourly”) was not stored" in message
    assert stored_title(mine, outcome_id) == "Deploys daily"  # nothing of mine overwrote theirs
    assert my_editor.event.outcomes[0].title == "Deploys daily"  # my window now shows theirs
    retry()
    assert stored_title(mine, outcome_id) == "Deploys hourly"


def test_an_edit_of_another_field_is_no_conflict(qtbot, two, planned):
    mine, anna = two
    event_id, outcome_id = planned
    my_editor, annas_editor = EventEditor(mine, event_id), EventEditor(anna, event_id)
    assert rename(annas_editor, outcome_id, "Deploys daily")
    assert my_editor.update("Evidence", Outcome, outcome_id, outcomes.update_outcome, evidence="CI logs")
    with mine.transaction() as s:
        stored = s.get(Outcome, outcome_id)
        assert (stored.title, stored.evidence, stored.stored_by) == ("Deploys daily", "CI logs", mine.actor)


def window_on(qtbot, db, event_id):
    window = window_on_event(qtbot, db, event_id, PREPARE)
    tabs = window.screen_.prepare.tabs
    tabs.setCurrentIndex(tabs.count() - 2)  # "Outcomes (draft)"
    return window


def typing_a_new_outcome(qtbot, window):
    """Put the cursor in the visible outcomes panel's new-outcome line; return (panel, line)."""
    panel = next(p for p in window.findChildren(OutcomesPanel) if p.isVisible())
    field = panel.quick_add.line
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return panel, field


def test_the_window_shows_a_change_made_elsewhere_and_keeps_focus(qtbot, two, planned):
    mine, anna = two
    event_id, outcome_id = planned
    window = window_on(qtbot, mine, event_id)
    panel, field = typing_a_new_outcome(qtbot, window)
    assert not window.shared.poll()  # nothing changed yet

    annas = EventEditor(anna, event_id)
    assert rename(annas, outcome_id, "Deploys daily")

    assert window.shared.poll()
    assert panel.table.model().index(0, 1).data() == "Deploys daily"
    assert field.hasFocus()
    assert window.shared.timer.isActive()  # and polling goes on by itself


def test_text_being_typed_is_never_pulled_away(qtbot, two, planned):
    mine, anna = two
    event_id, outcome_id = planned
    window = window_on(qtbot, mine, event_id)
    panel, field = typing_a_new_outcome(qtbot, window)
    qtbot.keyClicks(field, "Lead time halved")
    assert rename(EventEditor(anna, event_id), outcome_id, "Deploys daily")

    assert not window.shared.poll()  # postponed while the new outcome is being typed
    assert field.text() == "Lead time halved"
    field.clear()
    assert window.shared.poll()
    assert panel.table.model().index(0, 1).data() == "Deploys daily"


def test_a_read_only_role_opens_the_window_read_only_and_says_so(qtbot, two, planned, pg_worker_url):
    mine, _anna = two
    event_id, _outcome_id = planned
    mine.read_only = True  # what a role with SELECT only gets (tests/storage/test_shared_server.py)
    mine.notices = ("read-only: your role on the server may read the history but not change it",)
    window = window_on(qtbot, mine, event_id)
    assert window.banner.isVisible() and "Read-only: your role" in window.banner.label.text()
    assert window.editor.read_only
    assert not window.actions_[Act.NEW_EVENT].isEnabled()
    assert not window.actions_[Act.ADD_RECORD].isEnabled()
    assert not window.findChildren(OutcomesPanel)[0].quick_add.isVisible()
    assert window.screen_.prepare.closed_note.text().startswith("Read-only: your role on the shared database")
    assert window.saved_label.text() == "Read-only"
    window.screen_.show_view(REVIEW)
    assert not window.screen_.review.close_button.isEnabled()  # neither close nor reopen
    assert not window.actions_[Act.CLOSE_EVENT].isEnabled()
    assert not window.actions_[Act.REOPEN_EVENT].isEnabled()


def test_the_window_asks_for_a_missing_password_and_never_shows_it(qtbot, two, planned, monkeypatch):
    from PySide6.QtWidgets import QInputDialog
    from sqlalchemy.engine import make_url

    from facilitator.storage.database import PasswordRequiredError
    from tests.pg_server import PASSWORD
    from ui.app import start_window

    without = make_url(two[0].engine.url)._replace(password=None).render_as_string(hide_password=False)
    asked = []

    def answer(_parent, _title, label, _echo):
        asked.append(label)
        return PASSWORD, True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    window = start_window(without)
    qtbot.addWidget(window)
    assert len(asked) == 1 and "Password for scale_test at 127.0.0.1" in asked[0]
    shown = " ".join([window.windowTitle(), window.location_label.full_text(), window.banner.label.text()])
    assert PASSWORD not in shown and "127.0.0.1" in window.location_label.full_text()
    window.close()

    monkeypatch.setattr(QInputDialog, "getText", lambda *_args: ("", False))
    with pytest.raises(PasswordRequiredError, match="asks for a password for user 'scale_test'"):
        start_window(without)


def test_this_windows_own_bookkeeping_is_not_taken_for_a_change_elsewhere(qtbot, two, planned):
    mine, _anna = two
    event_id, _outcome_id = planned
    window = window_on(qtbot, mine, event_id)
    assert window.editor.store(lambda s: events.record_step_time(s, event_id, "top-goal", 42.0))
    assert not window.shared.poll()
