"""Removing a record and restoring it gives back exactly the event that was there."""

from __future__ import annotations

import pytest

from facilitator.demo import create_demo_event
from facilitator.domain import Agreement, BoundaryCondition, Outcome, Participant, Pattern, SupportItem
from facilitator.eventfile import event_to_document
from facilitator.services import events
from facilitator.services.removal import remove_record, restore_record


def _document(db, event_id):
    with db.transaction() as session:
        return event_to_document(events.load_event(session, event_id))


def _pick(event, kind):
    if kind is Participant:
        return next(p for p in event.participants if p.name.startswith("田中")).id  # a sponsor
    if kind is Outcome:
        return event.outcomes[1].id
    if kind is BoundaryCondition:
        return event.patterns[0].boundaries[1].id
    if kind is Agreement:
        return event.agreements[1].id
    if kind is SupportItem:
        return event.agreements[0].support_items[0].id
    return event.patterns[1].id


@pytest.mark.parametrize(
    "kind",
    [Participant, Outcome, BoundaryCondition, Agreement, SupportItem, Pattern],
    ids=lambda k: k.__name__,
)
def test_remove_then_restore_gives_back_the_same_event(db, kind):
    with db.transaction() as session:
        event = create_demo_event(session)
        event_id = event.id
        if kind is Pattern:
            # An unused pattern, so removal deletes the pattern row itself.
            from facilitator.services import patterns

            spare = patterns.create_pattern(session, event_id, "Spare pattern", summary="s")
            patterns.add_boundary(session, spare.id, "works_when", "Always", event_id=event_id)
            patterns.move_pattern(session, event_id, spare.id, 1)
    before = _document(db, event_id)
    with db.transaction() as session:
        record_id = _pick(events.load_event(session, event_id), kind)
    with db.transaction() as session:
        removed = remove_record(session, kind, record_id, event_id=event_id)
    assert _document(db, event_id) != before
    with db.transaction() as session:
        restore_record(session, removed)
    assert _document(db, event_id) == before
