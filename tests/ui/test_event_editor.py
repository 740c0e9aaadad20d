"""Every edit goes through undoable commands that store at once."""

from __future__ import annotations

import datetime as dt

from facilitator.domain import Outcome, OutcomeKind
from facilitator.services import events, outcomes
from facilitator.storage import StorageError, open_database
from ui.editing import EventEditor


def _stored_titles(db_path, event_id):
    db = open_database(db_path)
    with db.transaction() as session:
        titles = [o.title for o in events.load_event(session, event_id).outcomes]
    db.close()
    return titles


def _editor(db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Platform Coalition"], date=dt.date(2026, 5, 4))
    return EventEditor(db, event.id)


def test_add_update_remove_with_undo_and_redo(qtbot, db, db_path):
    editor = _editor(db)
    saved = []
    editor.saved.connect(saved.append)
    outcome = editor.add(
        "Add outcome",
        Outcome,
        lambda s, rid: outcomes.add_outcome(
            s, editor.event_id, OutcomeKind.SUCCESS, "Zoë’s win", record_id=rid
        ),
    )
    assert outcome is not None and saved
    assert _stored_titles(db_path, editor.event_id) == ["Zoë’s win"]

    assert editor.update("Rename", Outcome, outcome.id, outcomes.update_outcome, title="Łukasz’s win")
    assert _stored_titles(db_path, editor.event_id) == ["Łukasz’s win"]
    assert editor.remove("Remove outcome", Outcome, outcome.id)
    assert _stored_titles(db_path, editor.event_id) == []

    editor.undo_stack.undo()
    assert _stored_titles(db_path, editor.event_id) == ["Łukasz’s win"]
    editor.undo_stack.undo()
    assert _stored_titles(db_path, editor.event_id) == ["Zoë’s win"]
    editor.undo_stack.undo()
    assert _stored_titles(db_path, editor.event_id) == []
    editor.undo_stack.redo()
    editor.undo_stack.redo()
    assert _stored_titles(db_path, editor.event_id) == ["Łukasz’s win"]
    assert [o.id for o in editor.event.outcomes] == [outcome.id]


def test_a_refused_edit_is_reported_and_not_put_on_the_undo_stack(qtbot, db):
    editor = _editor(db)
    errors = []
    editor.failed.connect(errors.append)
    result = editor.add(
        "Add outcome",
        Outcome,
        lambda s, rid: outcomes.add_outcome(s, editor.event_id, "success", "   ", record_id=rid),
    )
    assert result is None
    assert errors == ["Title must not be empty"]
    assert editor.undo_stack.count() == 0


def test_a_storage_failure_keeps_earlier_records(qtbot, db, monkeypatch):
    editor = _editor(db)
    editor.add(
        "Add",
        Outcome,
        lambda s, rid: outcomes.add_outcome(s, editor.event_id, "success", "Kept", record_id=rid),
    )

    def full_disk(session, record_id):
        raise StorageError("the disk is full; nothing was saved from this edit")

    errors = []
    editor.failed.connect(errors.append)
    assert editor.add("Add", Outcome, full_disk) is None
    assert "disk is full" in errors[0]
    assert [o.title for o in editor.event.outcomes] == ["Kept"]
    assert editor.undo_stack.count() == 1
