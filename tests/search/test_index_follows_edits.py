"""The index follows every write path: services, undo, import, cascades, raw SQL."""

from __future__ import annotations

from sqlalchemy import text

from facilitator.domain import (
    Agreement,
    AgreementStatus,
    BoundaryCondition,
    Outcome,
    Participant,
    Pattern,
)
from facilitator.eventfile import (
    dump_event_document,
    event_to_document,
    import_event,
    parse_event_file,
)
from facilitator.search import reindex
from facilitator.services import (
    agreements,
    events,
    outcomes,
    participants,
    patterns,
    removal,
)
from tests.search.index_damage import drop_trigger


def test_an_update_replaces_the_old_words(db, world, found_ids):
    with db.transaction() as s:
        outcomes.update_outcome(s, world.outcome, title="Tamarind freeze")
        participants.update_participant(s, world.zoe, team="Durian squad")
        agreements.update_agreement(s, world.agreement, limits="Only on the yuzu weekdays")
        patterns.update_boundary(s, world.boundary, "The team owns its pipeline of dates")
        patterns.update_pattern(s, world.pattern, name="Rambutan flags")
        events.update_event(s, world.old, title="Spring feijoa event")
    assert found_ids("quince") == set()
    assert found_ids("tamarind") == {world.outcome}
    assert found_ids("hazelnut") == {world.outcome}  # the fields not edited stay found
    assert found_ids("papaya") == set() and found_ids("durian") == {world.zoe}
    assert found_ids("apricot") == set() and found_ids("yuzu") == {world.agreement}
    assert found_ids("plums") == set() and found_ids("dates") == {world.boundary}
    assert found_ids("lychee") == set() and found_ids("rambutan") == {world.pattern}
    assert found_ids("kiwi") == set() and found_ids("feijoa") == {world.old}


def test_raw_sql_writes_are_followed_too(db, world, found_ids):
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE outcomes SET title = 'Ackee freeze' WHERE id = :id"), {"id": world.outcome.hex}
        )
        conn.exec_driver_sql("DELETE FROM status_changes")
    assert found_ids("ackee") == {world.outcome} and found_ids("quince") == set()
    assert found_ids("pomelo") == {world.agreement}  # its status reason; the change is gone


def test_a_status_change_is_found_with_its_note(db, world, found_ids):
    with db.transaction() as s:
        change = agreements.change_status(
            s, world.agreement, AgreementStatus.ABANDONED, "The jackfruit team was reorganised"
        )
    assert found_ids("jackfruit") == {change.id, world.agreement}  # note and status reason


def test_a_removed_record_is_gone_and_undo_brings_it_back(db, world, found_ids):
    cases = [
        (Outcome, world.outcome, "quince"),
        (Participant, world.zoe, "papaya"),
        (BoundaryCondition, world.boundary, "plums"),
        (Agreement, world.agreement, "apricot"),
    ]
    for kind, record_id, word in cases:
        with db.transaction() as s:
            removed = removal.remove_record(s, kind, record_id)
        assert record_id not in found_ids(word), kind
        with db.transaction() as s:
            removal.restore_record(s, removed)
        assert record_id in found_ids(word), kind


def test_removing_an_agreement_takes_its_support_and_status_changes_along(db, world, found_ids):
    with db.transaction() as s:
        removed = removal.remove_record(s, Agreement, world.agreement)
    assert found_ids("melon") == set() and found_ids("pomelo") == set()
    with db.transaction() as s:
        removal.restore_record(s, removed)
    assert found_ids("melon") == {world.item}
    assert found_ids("pomelo") == {world.change, world.agreement}


def test_deleting_an_event_removes_its_records_and_keeps_patterns(db, world, found_ids, find):
    with db.transaction() as s:
        events.delete_event(s, world.old)
    for word in ["kiwi", "papaya", "quince", "apricot", "melon", "pomelo"]:
        assert found_ids(word) == set(), word
    assert {hit.event_id for hit in find("mango")} == {world.new}  # the goal carried over
    assert found_ids("lychee") == {world.pattern}
    (boundary,) = find("plums")  # kept with its pattern, its event gone (SET NULL)
    assert boundary.record_id == world.boundary and boundary.event_id == world.new
    with db.engine.connect() as conn:
        stored = conn.execute(
            text("SELECT event_id FROM search_docs WHERE record_id = :id"), {"id": world.boundary.hex}
        ).scalar_one()
    assert stored is None


def test_an_imported_event_is_found_at_once(db, world, found_ids):
    with db.transaction() as s:
        data = dump_event_document(event_to_document(events.load_event(s, world.old)))
    doc = parse_event_file(data.replace(b"Quince", b"Persimmon"), "copy.yaml")
    with db.transaction() as s:
        copy = import_event(s, doc, new_ids=True)
        copied = {o.id for o in copy.outcomes}
    assert found_ids("persimmon") == copied
    assert len(found_ids("papaya")) == 2


def test_reindex_repairs_a_wiped_index_and_lost_triggers(db, world, found_ids):
    with db.engine.begin() as conn:
        drop_trigger(conn, "search_outcomes_au", "outcomes")
        conn.exec_driver_sql("DELETE FROM search_docs")
    assert found_ids("quince") == set()
    with db.transaction() as s:
        outcomes.update_outcome(s, world.outcome, title="Sapodilla freeze")
    assert found_ids("sapodilla") == set()

    count = reindex(db)

    with db.engine.connect() as conn:
        records = sum(
            conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
            for table in [
                "events",
                "top_goals",
                "participants",
                "outcomes",
                "patterns",
                "boundary_conditions",
                "agreements",
                "support_items",
                "status_changes",
            ]
        )
    assert count == records
    assert found_ids("sapodilla") == {world.outcome}
    with db.transaction() as s:
        outcomes.update_outcome(s, world.outcome, title="Salak freeze")
    assert found_ids("salak") == {world.outcome} and found_ids("sapodilla") == set()


def test_reindex_inside_a_callers_transaction(db, world, found_ids):
    with db.transaction() as s:
        s.connection().exec_driver_sql("DELETE FROM search_docs WHERE kind = 'participant'")
        assert reindex(s) > 10
    assert found_ids("papaya") == {world.zoe}


def test_a_pattern_removed_from_its_only_event_comes_back_with_undo(db, world, found_ids):
    with db.transaction() as s:
        pattern = patterns.create_pattern(s, world.new, "Longan pairing", summary="Pair daily")
    with db.transaction() as s:
        removed = removal.remove_record(s, Pattern, pattern.id, event_id=world.new)
    assert found_ids("longan") == set()
    with db.transaction() as s:
        removal.restore_record(s, removed)
    assert found_ids("longan") == {pattern.id}
