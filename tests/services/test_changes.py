"""What an action changed: every kind of record, added, updated, removed and moved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from facilitator.domain import Base
from facilitator.services import ServiceError, agreements, events, outcomes, participants, patterns
from facilitator.services.changes import KIND_OF, NO_CHANGES, Changes, RecordKind, track_changes
from facilitator.services.removal import remove_record, restore_record

K = RecordKind


@dataclass
class Room:
    """Ids of a small event with a record of every kind."""

    event: object
    coalition: object
    ana: object
    bo: object
    sam: object
    outcomes: list
    flags: object
    tests: object
    works: object
    breaks: object
    agreement: object
    second_agreement: object
    items: list


@pytest.fixture
def room(db):
    with db.transaction() as s:
        event = events.plan_event(s, coalitions=["Checkout"], date=dt.date(2026, 4, 14), title="Scale Across")
        ana = participants.add_participant(s, event.id, "Ana", "Payments")
        bo = participants.add_participant(s, event.id, "Bo", "Search", "coalition_member")
        sam = participants.add_participant(s, event.id, "Sam", "Leadership", "sponsor")
        participants.set_capacity(s, event.id, bo.id, 10)
        found = [outcomes.add_outcome(s, event.id, "success", title).id for title in ("One", "Two", "Three")]
        flags = patterns.create_pattern(s, event.id, "Feature flags", outcome_ids=[found[0]])
        tests = patterns.create_pattern(s, event.id, "Contract tests")
        works = patterns.add_boundary(s, flags.id, "works_when", "Small changes", event_id=event.id)
        breaks = patterns.add_boundary(s, flags.id, "works_when", "Teams own their flags")
        agreement = agreements.add_agreement(s, event.id, ana.id, pattern_ids=[flags.id], sponsor_id=sam.id)
        items = [
            agreements.add_support_item(s, agreement.id, "time", amount=2, owner_id=bo.id).id,
            agreements.add_support_item(s, agreement.id, "coaching", description="Pairing").id,
        ]
        second = agreements.add_agreement(s, event.id, bo.id, pattern_ids=[tests.id])
        return Room(
            event.id,
            event.coalitions[0].id,
            ana.id,
            bo.id,
            sam.id,
            found,
            flags.id,
            tests.id,
            works.id,
            breaks.id,
            agreement.id,
            second.id,
            items,
        )


@pytest.fixture
def changes_of(db):
    """Run ``action(session)`` as one committed user action; return what it changed."""

    def run(action) -> Changes:
        with db.transaction() as session:
            tracker = track_changes(session)
            action(session)
        assert not tracker.listening
        return tracker.changes

    return run


def test_every_table_has_a_kind():
    assert set(KIND_OF) == {mapper.class_ for mapper in Base.registry.mappers}


# --- Outcomes -------------------------------------------------------------------------------------


def test_adding_an_outcome_reports_only_it(room, changes_of):
    added = []
    changes = changes_of(lambda s: added.append(outcomes.add_outcome(s, room.event, "failure", "Four").id))
    assert changes == Changes(added=frozenset({(K.OUTCOME, added[0])}))


def test_updating_an_outcome_reports_it(room, changes_of):
    changes = changes_of(lambda s: outcomes.update_outcome(s, room.outcomes[1], title="Two, again"))
    assert changes == Changes(updated=frozenset({(K.OUTCOME, room.outcomes[1])}))


def test_an_update_to_the_same_value_reports_nothing(room, changes_of):
    changes = changes_of(lambda s: outcomes.update_outcome(s, room.outcomes[1], title="Two", kind="success"))
    assert changes == NO_CHANGES
    assert not changes


def test_removing_an_outcome_reports_its_links_and_the_renumbered_rest(room, changes_of):
    changes = changes_of(lambda s: outcomes.remove_outcome(s, room.outcomes[0]))
    assert changes.removed_ids(K.OUTCOME) == {room.outcomes[0]}
    assert len(changes.removed_ids(K.PATTERN_OUTCOME)) == 1
    assert changes.updated == {(K.OUTCOME, room.outcomes[1]), (K.OUTCOME, room.outcomes[2])}
    assert changes.kinds == {K.OUTCOME, K.PATTERN_OUTCOME}


def test_moving_an_outcome_reports_the_outcomes_whose_place_changed(room, changes_of):
    changes = changes_of(lambda s: outcomes.move_outcome(s, room.outcomes[2], 1))
    assert changes == Changes(
        updated=frozenset({(K.OUTCOME, room.outcomes[1]), (K.OUTCOME, room.outcomes[2])})
    )


def test_moving_to_the_same_place_reports_nothing(room, changes_of):
    assert not changes_of(lambda s: outcomes.move_outcome(s, room.outcomes[1], 1))


# --- Participants and capacity -----------------------------------------------------------------


def test_adding_updating_and_moving_participants(room, changes_of):
    added = []
    changes = changes_of(lambda s: added.append(participants.add_participant(s, room.event, "Lee").id))
    assert changes == Changes(added=frozenset({(K.PARTICIPANT, added[0])}))
    changes = changes_of(lambda s: participants.update_participant(s, room.ana, team="Checkout"))
    assert changes == Changes(updated=frozenset({(K.PARTICIPANT, room.ana)}))
    changes = changes_of(lambda s: participants.move_participant(s, room.ana, 1))
    assert changes.updated_ids(K.PARTICIPANT) == {room.ana, room.bo}
    assert changes.kinds == {K.PARTICIPANT}


def test_removing_a_participant_reports_what_the_database_removes_and_clears(room, changes_of):
    changes = changes_of(lambda s: participants.remove_participant(s, room.sam))
    assert changes.removed_ids(K.PARTICIPANT) == {room.sam}
    assert changes.updated_ids(K.AGREEMENT) == {room.agreement}  # no sponsor any more
    assert changes.kinds == {K.PARTICIPANT, K.AGREEMENT}


def test_removing_a_support_owner_reports_their_capacity_and_items(room, changes_of):
    remove_agreement = changes_of(lambda s: agreements.remove_agreement(s, room.second_agreement))
    assert remove_agreement.removed_ids(K.AGREEMENT) == {room.second_agreement}
    changes = changes_of(lambda s: remove_record(s, type_of(K.PARTICIPANT), room.bo))
    assert changes.removed_ids(K.PARTICIPANT) == {room.bo}
    assert len(changes.removed_ids(K.CAPACITY)) == 1
    assert changes.updated_ids(K.SUPPORT_ITEM) == {room.items[0]}  # no owner any more
    assert changes.updated_ids(K.PARTICIPANT) == {room.sam}  # moved up


def test_setting_and_clearing_a_capacity(room, changes_of):
    changes = changes_of(lambda s: participants.set_capacity(s, room.event, room.ana, "4"))
    assert changes.kinds == {K.CAPACITY} and len(changes.added) == 1
    changes = changes_of(lambda s: participants.set_capacity(s, room.event, room.ana, 6))
    assert changes.kinds == {K.CAPACITY} and len(changes.updated) == 1
    changes = changes_of(lambda s: participants.set_capacity(s, room.event, room.ana, None))
    assert changes.kinds == {K.CAPACITY} and len(changes.removed) == 1


# --- Patterns and boundaries -------------------------------------------------------------------


def test_creating_a_pattern_reports_it_and_its_link_to_the_event(room, changes_of):
    made = []
    changes = changes_of(lambda s: made.append(patterns.create_pattern(s, room.event, "Canary").id))
    assert changes.added_ids(K.PATTERN) == set(made)
    assert changes.kinds == {K.PATTERN, K.EVENT_PATTERN}
    assert not changes.updated and not changes.removed


def test_updating_and_moving_a_pattern(room, changes_of):
    changes = changes_of(lambda s: patterns.update_pattern(s, room.tests, summary="Consumers test providers"))
    assert changes == Changes(updated=frozenset({(K.PATTERN, room.tests)}))
    changes = changes_of(lambda s: patterns.move_pattern(s, room.event, room.tests, 0))
    assert changes.kinds == {K.EVENT_PATTERN} and len(changes.updated) == 2


def test_removing_an_unused_pattern_removes_it_with_its_boundaries(room, changes_of):
    changes_of(lambda s: agreements.remove_agreement(s, room.agreement))
    changes = changes_of(lambda s: patterns.remove_pattern_from_event(s, room.event, room.flags))
    assert changes.removed_ids(K.PATTERN) == {room.flags}
    assert changes.removed_ids(K.BOUNDARY) == {room.works, room.breaks}
    assert len(changes.removed_ids(K.EVENT_PATTERN)) == 1
    assert len(changes.removed_ids(K.PATTERN_OUTCOME)) == 1
    assert changes.kinds == {K.PATTERN, K.BOUNDARY, K.EVENT_PATTERN, K.PATTERN_OUTCOME}


def test_boundaries_added_updated_moved_removed(room, changes_of):
    made = []
    changes = changes_of(
        lambda s: made.append(patterns.add_boundary(s, room.flags, "breaks_when", "Big bang").id)
    )
    assert changes == Changes(added=frozenset({(K.BOUNDARY, made[0])}))
    changes = changes_of(lambda s: patterns.update_boundary(s, room.works, "Small, frequent changes"))
    assert changes == Changes(updated=frozenset({(K.BOUNDARY, room.works)}))
    changes = changes_of(lambda s: patterns.move_boundary(s, room.breaks, 0))
    assert changes == Changes(updated=frozenset({(K.BOUNDARY, room.works), (K.BOUNDARY, room.breaks)}))
    changes = changes_of(lambda s: patterns.remove_boundary(s, room.breaks))
    assert changes == Changes(
        removed=frozenset({(K.BOUNDARY, room.breaks)}), updated=frozenset({(K.BOUNDARY, room.works)})
    )


# --- Agreements, support, status ---------------------------------------------------------------


def test_adding_an_agreement_reports_its_patterns_and_first_status(room, changes_of):
    made = []
    changes = changes_of(
        lambda s: made.append(agreements.add_agreement(s, room.event, room.sam, pattern_ids=[room.tests]).id)
    )
    assert changes.added_ids(K.AGREEMENT) == set(made)
    assert changes.kinds == {K.AGREEMENT, K.AGREEMENT_PATTERN, K.STATUS_CHANGE}
    assert not changes.updated and not changes.removed


def test_updating_and_moving_an_agreement(room, changes_of):
    changes = changes_of(lambda s: agreements.update_agreement(s, room.agreement, notes="Weekly pairing"))
    assert changes == Changes(updated=frozenset({(K.AGREEMENT, room.agreement)}))
    changes = changes_of(lambda s: agreements.move_agreement(s, room.second_agreement, 0))
    assert changes == Changes(
        updated=frozenset({(K.AGREEMENT, room.agreement), (K.AGREEMENT, room.second_agreement)})
    )


def test_removing_an_agreement_reports_everything_removed_with_it(room, changes_of):
    changes = changes_of(lambda s: agreements.remove_agreement(s, room.agreement))
    assert changes.removed_ids(K.AGREEMENT) == {room.agreement}
    assert changes.removed_ids(K.SUPPORT_ITEM) == set(room.items)
    assert len(changes.removed_ids(K.STATUS_CHANGE)) == 1
    assert len(changes.removed_ids(K.AGREEMENT_PATTERN)) == 1
    assert changes.updated == {(K.AGREEMENT, room.second_agreement)}  # moved up


def test_support_items_added_updated_moved_removed(room, changes_of):
    made = []
    changes = changes_of(lambda s: made.append(agreements.add_support_item(s, room.agreement, "artifact").id))
    assert changes == Changes(added=frozenset({(K.SUPPORT_ITEM, made[0])}))
    changes = changes_of(lambda s: agreements.update_support_item(s, room.items[0], amount=3))
    assert changes == Changes(updated=frozenset({(K.SUPPORT_ITEM, room.items[0])}))
    changes = changes_of(lambda s: agreements.move_support_item(s, room.items[1], 0))
    assert changes == Changes(updated=frozenset({(K.SUPPORT_ITEM, i) for i in room.items}))
    changes = changes_of(lambda s: agreements.remove_support_item(s, room.items[1]))
    assert changes.removed == {(K.SUPPORT_ITEM, room.items[1])}
    assert changes.kinds == {K.SUPPORT_ITEM}


def test_a_status_change_is_added_and_the_agreement_updated(room, changes_of):
    changes = changes_of(lambda s: agreements.change_status(s, room.agreement, "in_progress", "Started"))
    assert changes.updated == {(K.AGREEMENT, room.agreement)}
    assert changes.kinds == {K.AGREEMENT, K.STATUS_CHANGE} and len(changes.added) == 1


# --- The event, its goal and its timer ---------------------------------------------------------


def test_planning_an_event_reports_the_event_its_coalition_and_goal(changes_of):
    made = []
    changes = changes_of(
        lambda s: made.append(events.plan_event(s, coalitions=["Search"], date=dt.date(2026, 5, 1)).id)
    )
    assert changes.added_ids(K.EVENT) == set(made)
    assert changes.kinds == {K.EVENT, K.COALITION, K.EVENT_COALITION, K.TOP_GOAL}


def test_updating_the_event_and_its_goal(room, changes_of):
    changes = changes_of(lambda s: events.update_event(s, room.event, title="Scale Across, spring"))
    assert changes == Changes(updated=frozenset({(K.EVENT, room.event)}))
    changes = changes_of(lambda s: events.set_top_goal(s, room.event, room.coalition, "Deploy daily"))
    assert changes.kinds == {K.TOP_GOAL} and len(changes.updated) == 1


def test_step_times_added_then_updated(room, changes_of):
    changes = changes_of(lambda s: events.record_step_time(s, room.event, "outcomes", 30))
    assert changes.kinds == {K.STEP_TIME} and len(changes.added) == 1
    changes = changes_of(lambda s: events.record_step_time(s, room.event, "outcomes", 90))
    assert changes.kinds == {K.STEP_TIME} and len(changes.updated) == 1
    assert not changes_of(lambda s: events.record_step_time(s, room.event, "outcomes", 90))


def test_deleting_the_event_reports_its_records_and_clears_boundaries(room, changes_of):
    changes = changes_of(lambda s: events.delete_event(s, room.event))
    assert changes.removed_ids(K.EVENT) == {room.event}
    assert changes.removed_ids(K.OUTCOME) == set(room.outcomes)
    assert changes.removed_ids(K.SUPPORT_ITEM) == set(room.items)
    assert len(changes.removed_ids(K.CAPACITY)) == 1
    # Patterns outlive the event; the boundary stated there forgets the event.
    assert changes.updated_ids(K.BOUNDARY) == {room.works}
    assert not changes.touches(K.PATTERN, K.COALITION)


# --- Transactions and combining ----------------------------------------------------------------


def test_a_rolled_back_action_reports_nothing(db, room):
    with pytest.raises(ServiceError), db.transaction() as session:
        tracker = track_changes(session)
        outcomes.add_outcome(session, room.event, "success", "Four")
        outcomes.remove_outcome(session, room.outcomes[0])
        assert tracker.changes.touches(K.OUTCOME)  # flushed so far
        outcomes.add_outcome(session, room.event, "success", "")  # refused: no title
    assert tracker.changes == NO_CHANGES
    assert not tracker.listening


def test_changes_flushed_by_the_commit_are_included(db, room):
    with db.transaction() as session:
        tracker = track_changes(session)
        outcomes.update_outcome(session, room.outcomes[0], title="One, renamed")
        assert not tracker.changes  # not flushed yet
    assert tracker.changes == Changes(updated=frozenset({(K.OUTCOME, room.outcomes[0])}))


def test_remove_then_restore_in_one_action_reports_an_update(room, changes_of):
    def remove_and_restore(session):
        removed = remove_record(session, type_of(K.AGREEMENT), room.agreement)
        restore_record(session, removed)

    changes = changes_of(remove_and_restore)
    assert (K.AGREEMENT, room.agreement) in changes.updated
    assert not changes.removed and not changes.added


def test_changes_combine_in_the_order_they_happened(room):
    a, b = (K.OUTCOME, room.outcomes[0]), (K.OUTCOME, room.outcomes[1])
    added, removed = Changes(added=frozenset({a})), Changes(removed=frozenset({a}))
    assert added | removed == NO_CHANGES
    assert removed | added == Changes(updated=frozenset({a}))
    assert added | Changes(updated=frozenset({a, b})) == Changes(added=frozenset({a}), updated=frozenset({b}))
    assert Changes(updated=frozenset({a})) | removed == removed
    assert (added | Changes(updated=frozenset({b}))).touches(K.PARTICIPANT, K.OUTCOME)
    assert not NO_CHANGES.touches(K.OUTCOME)


def type_of(kind: RecordKind) -> type[Base]:
    return next(model for model, k in KIND_OF.items() if k is kind)
