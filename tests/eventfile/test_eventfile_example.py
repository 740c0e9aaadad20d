"""The documented example: a hand-written, prepared-in-advance event."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from facilitator.domain import Coalition, EventStatus, Pattern
from facilitator.eventfile import import_event_file, read_event_file
from facilitator.services import coalitions, events, participants

EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "prepared-event.yaml"


def test_example_file_is_valid():
    doc = read_event_file(EXAMPLE)

    assert doc.event.status == EventStatus.PLANNED
    assert [p.name for p in doc.participants][-1] == "田中 愛子 (Aiko Tanaka)"
    assert [p.email for p in doc.participants][:3] == ["zoe.lefevre@example.org", "", "ana.nunez@example.org"]


def test_example_imports_with_keys_resolved(db):
    event_id = import_event_file(db, EXAMPLE)

    with db.transaction() as session:
        event = events.load_event(session, event_id)
        people = {p.id: p.name for p in event.participants}
        first, second = event.agreements
        assert people[first.adopter_id] == "Ana Núñez"
        assert people[first.sponsor_id] == "田中 愛子 (Aiko Tanaka)"
        assert [p.name for p in first.patterns] == [
            "Trunk-based development with feature flags",
            "Long code freezes before peaks",
        ]
        assert [people[s.owner_id] for s in first.support_items] == ["Zoë Lefèvre"] * 2
        assert first.support_items[0].amount == 8.0
        assert people[second.adopter_id] == "Çağla Yıldız"
        assert second.sponsor_id is None
        assert second.support_items[0].unit == "hours"  # the default
        assert [h.to_status.value for h in first.status_history] == ["agreed"]

        flags = event.patterns[0]
        assert [o.title for o in flags.outcomes] == ["Lead time cut from 9 to 3.5 days"]
        assert [b.text for b in flags.conditions("works_when")] == [
            "The team owns its deployment pipeline",
            "Automated tests run in under 15 minutes",
        ]
        assert all(b.event_id == event_id for b in flags.boundaries)
        lines = {line.owner_name: line for line in participants.capacity_report(session, event_id)}
        assert lines["Zoë Lefèvre"].stated_hours == 24
        assert lines["Zoë Lefèvre"].promised_hours == 12  # 8 + 4 hours; the playbook is no hour


def test_example_brings_the_coalition_its_goal_and_patterns(db):
    event_id = import_event_file(db, EXAMPLE)

    with db.transaction() as session:
        (coalition,) = session.scalars(select(Coalition)).all()
        assert coalition.name == "Checkout Reliability Coalition"
        assert coalitions.latest_goal(session, coalition.id).startswith("Halve the time")
        assert "\n" not in coalitions.latest_goal(session, coalition.id)  # folded with >-
        known = patterns_of(session, coalition.id)
        assert known == [
            "Long code freezes before peaks",
            "Trunk-based development with feature flags",
        ]
        assert events.load_event(session, event_id).coalitions == [coalition]


def patterns_of(session, coalition_id):
    rows = session.scalars(select(Pattern).where(Pattern.coalition_id == coalition_id))
    return sorted(p.name for p in rows)


def test_example_imports_twice_as_two_events(db):
    """Hand-written keys get fresh ids, so the same prepared file can be imported again."""
    first = import_event_file(db, EXAMPLE)
    second = import_event_file(db, EXAMPLE)

    with db.transaction() as session:
        assert first != second
        assert len(session.scalars(select(Coalition)).all()) == 1
        assert len(events.list_events(session)) == 2


def test_format_document_shows_the_example_file_verbatim():
    guide = (EXAMPLE.parents[1] / "event-file-format.md").read_text(encoding="utf-8")

    assert "```yaml\n" + EXAMPLE.read_text(encoding="utf-8") + "```\n" in guide
