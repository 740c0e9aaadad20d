"""A loaded event catches up with an action in place, or asks to be loaded whole."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import inspect

from facilitator.demo import create_demo_event
from facilitator.services import agreements, events, outcomes, participants
from facilitator.services.changes import track_changes
from facilitator.services.loaded_event import LoadedEvent


def graph(event):
    """Every record reachable from ``event``: its column values and whom it links to, by (class, id)."""
    seen: dict = {}
    todo = [event]
    while todo:
        record = todo.pop()
        mapper = inspect(type(record))
        key = (type(record).__name__, inspect(record).identity)
        if key in seen:
            continue
        values = {attr.key: getattr(record, attr.key) for attr in mapper.column_attrs}
        for relation in mapper.relationships:
            if relation.key not in record.__dict__:
                continue  # not loaded: not part of what a screen sees
            linked = record.__dict__[relation.key]
            items = linked if isinstance(linked, list) else [] if linked is None else [linked]
            values[relation.key] = [inspect(item).identity for item in items]
            todo.extend(items)
        seen[key] = values
    return seen


def load(db, event_id) -> LoadedEvent:
    with db.transaction() as session:
        return LoadedEvent(session, event_id)


def act(db, loaded, work) -> bool:
    """Run ``work`` as one action, then let ``loaded`` catch up; return what catch_up said."""
    with db.transaction() as session:
        tracked = track_changes(session)
        work(session)
    with db.transaction() as session:
        return loaded.catch_up(session, tracked.changes)


def demo(db):
    with db.transaction() as session:
        return create_demo_event(session).id


def test_a_text_edit_is_caught_up_in_place_and_shows_wherever_the_record_is_linked(db):
    event_id = demo(db)
    loaded = load(db, event_id)
    event = loaded.event
    linked = next(p for p in event.patterns if p.outcome_links)
    outcome = linked.outcome_links[0].outcome

    assert act(db, loaded, lambda s: outcomes.update_outcome(s, outcome.id, title="Deploys on Fridays too"))

    assert loaded.event is event
    assert outcome.title == "Deploys on Fridays too"
    assert linked.outcome_links[0].outcome.title == "Deploys on Fridays too"
    assert not inspect(outcome).modified  # as stored: nothing pending on the detached copy
    assert graph(loaded.event) == graph(load(db, event_id).event)


def test_edits_of_every_kind_of_field_leave_the_same_graph_as_a_fresh_load(db):
    event_id = demo(db)
    loaded = load(db, event_id)
    event = loaded.event
    agreement = event.agreements[0]
    person = event.participants[0]
    item = next(a.support_items[0] for a in event.agreements if a.support_items)

    assert act(db, loaded, lambda s: agreements.update_agreement(s, agreement.id, limits="Two teams at most"))
    assert act(db, loaded, lambda s: participants.update_participant(s, person.id, team="Checkout Ops"))
    assert act(db, loaded, lambda s: agreements.update_support_item(s, item.id, amount=7.5))
    assert act(db, loaded, lambda s: events.update_event(s, event_id, title="Spring Scale Across"))

    assert graph(loaded.event) == graph(load(db, event_id).event)


def test_a_change_of_shape_asks_for_a_whole_load_and_changes_nothing_loaded(db):
    event_id = demo(db)
    loaded = load(db, event_id)
    event = loaded.event
    before = graph(event)
    first, second = event.outcomes[0], event.outcomes[1]
    other = next(p for p in event.participants if p.id != event.agreements[0].sponsor_id)

    shape_changes = [
        lambda s: outcomes.add_outcome(s, event_id, "success", "New"),
        lambda s: outcomes.move_outcome(s, second.id, 0),
        lambda s: agreements.update_agreement(s, event.agreements[0].id, sponsor_id=other.id),
    ]
    for work in shape_changes:
        assert not act(db, loaded, work)
    assert graph(loaded.event) == before  # untouched, to be replaced by a whole load
    assert first.position == 0


def test_a_removal_asks_for_a_whole_load(db):
    event_id = demo(db)
    loaded = load(db, event_id)
    removable = loaded.event.outcomes[-1]
    assert not act(db, loaded, lambda s: outcomes.remove_outcome(s, removable.id))


def test_a_record_that_was_not_loaded_asks_for_a_whole_load(db):
    event_id = demo(db)
    loaded = load(db, event_id)
    with db.transaction() as session:
        other = events.plan_event(session, coalitions=["Elsewhere"], date=dt.date(2026, 9, 1))
        stranger = participants.add_participant(session, other.id, "Ana Núñez", "Search")
    assert not act(db, loaded, lambda s: participants.update_participant(s, stranger.id, team="Payments"))


def test_an_action_that_changed_nothing_is_caught_up_at_once(db):
    event_id = demo(db)
    loaded = load(db, event_id)
    event = loaded.event
    outcome = event.outcomes[0]
    assert act(db, loaded, lambda s: outcomes.update_outcome(s, outcome.id, title=outcome.title))
    assert loaded.event is event
