"""An edit redraws only the panels that show what it changed, and reloads only what it must."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from facilitator.domain import Outcome, OutcomeKind, Participant
from facilitator.services import events, outcomes, participants
from facilitator.services.changes import RecordKind
from ui.editing import EventEditor
from ui.panels.patterns.outcomes import OutcomesPanel
from ui.panels.people.participants import ParticipantsPanel


@pytest.fixture
def editor(db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Platform Coalition"], date=dt.date(2026, 5, 4))
        outcomes.add_outcome(session, event.id, OutcomeKind.SUCCESS, "Deploys daily")
        participants.add_participant(session, event.id, "Zoë Lefèvre", "Payments")
    return EventEditor(db, event.id)


@pytest.fixture
def redraws(qtbot, editor):
    """Show an outcomes and a participants panel side by side; count each one's redraws."""
    window = QWidget()
    layout = QVBoxLayout(window)
    shown = {"outcomes": OutcomesPanel(editor), "participants": ParticipantsPanel(editor)}
    counts = dict.fromkeys(shown, 0)
    for name, panel in shown.items():
        layout.addWidget(panel)
        original = panel.refresh

        def counted(original=original, name=name) -> None:
            counts[name] += 1
            original()

        panel.refresh = counted
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    counts.update(dict.fromkeys(shown, 0))
    yield shown, counts
    window.close()  # held until here: the panels live as long as their window


def test_an_outcome_edit_redraws_the_outcomes_and_not_the_people(editor, redraws):
    shown, counts = redraws
    event = editor.event
    outcome = event.outcomes[0]
    told = []
    editor.changed.connect(told.append)

    assert editor.update("Rename", Outcome, outcome.id, outcomes.update_outcome, title="Deploys hourly")

    assert counts == {"outcomes": 1, "participants": 0}
    assert told[-1].updated_ids(RecordKind.OUTCOME) == {outcome.id}
    # Caught up in place: the loaded event is the same, with the stored title.
    assert editor.event is event
    table = shown["outcomes"].table
    assert table.records.index(0, 1).data() == "Deploys hourly"


def test_adding_a_person_redraws_the_people_and_loads_the_event_again(editor, redraws):
    shown, counts = redraws
    event = editor.event

    added = editor.add(
        "Add participant",
        Participant,
        lambda s, rid: participants.add_participant(s, editor.event_id, "Ana Núñez", "Search", record_id=rid),
        event_id=editor.event_id,
    )

    assert added is not None
    assert counts == {"outcomes": 0, "participants": 1}
    assert editor.event is not event
    assert [p.name for p in editor.event.participants] == ["Zoë Lefèvre", "Ana Núñez"]
    assert shown["participants"].table.records.rowCount() == 2


def test_an_edit_that_changes_nothing_is_saved_and_redraws_nothing(editor, redraws):
    _, counts = redraws
    outcome = editor.event.outcomes[0]
    saved = []
    editor.saved.connect(saved.append)

    assert editor.update("Rename", Outcome, outcome.id, outcomes.update_outcome, title="Deploys daily")

    assert saved and counts == {"outcomes": 0, "participants": 0}


def test_closing_the_event_redraws_every_panel_read_only(editor, redraws):
    shown, counts = redraws

    assert editor.close_event()

    assert counts == {"outcomes": 1, "participants": 1}
    assert not shown["outcomes"].quick_add.isVisible()
    assert not shown["participants"].quick_add.isVisible()
