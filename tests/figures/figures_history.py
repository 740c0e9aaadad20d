"""A small history for the figures, built through the services, with known answers.

Two coalitions, Alpha and Beta; events in four quarters (none in 2025 Q4); a
shared event; adopted, late, abandoned and open agreements with dated status
changes; teams typed in different cases, and adopters without a team; patterns
with and without both kinds of boundary; a condition and a pattern whose event
was deleted. ``tests/figures/test_figures.py`` works out every figure by hand.
"""

from __future__ import annotations

import datetime as dt

from facilitator.domain import (
    AgreementStatus,
    BoundaryKind,
    OutcomeKind,
    ParticipantRole,
)
from facilitator.services import agreements, events, outcomes, participants, patterns

TODAY = dt.date(2026, 11, 21)
ADOPTED = AgreementStatus.ADOPTED


def at(year: int, month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(year, month, day, hour)


def agree(session, event, name: str, team: str, pattern_list, changes=()):
    """Add an adopter and their agreement, then its dated status changes.

    ``add_agreement`` stamps its "agreed" change with the clock; the history
    is in the past, so that first change is moved to the event's day (the
    agreement was made there), and later changes must not be dated before it.
    """
    person = participants.add_participant(session, event.id, name, team)
    agreement = agreements.add_agreement(
        session, event.id, person.id, pattern_ids=[p.id for p in pattern_list]
    )
    agreement.status_history[0].changed_at = dt.datetime.combine(event.date, dt.time(8))
    session.flush()
    for status, when, *note in changes:
        agreements.change_status(session, agreement.id, status, *(note or [""]), when=when)
    return agreement


def failures(session, event, count: int) -> None:
    for number in range(count):
        outcomes.add_outcome(session, event.id, OutcomeKind.FAILURE, f"Failure {number + 1}")
    outcomes.add_outcome(session, event.id, OutcomeKind.SUCCESS, "A success")


def build_history(db, alpha: str = "Alpha", beta: str = "Beta", names: dict | None = None) -> dict:
    """Write the history into ``db``; return the pattern ids by short name."""
    names = {
        "PA1": "Feature flags",
        "PA2": "Pairing rotation",
        "PA3": "Trunk-based development",
        "PA4": "Orphan pattern",
        "PB1": "Blameless reviews",
        **(names or {}),
    }
    works, breaks = BoundaryKind.WORKS_WHEN, BoundaryKind.BREAKS_WHEN
    with db.transaction() as s:
        # E0: Alpha, 31 August 2025 (2025 Q3); six months end 28 February 2026 (clamped).
        e0 = events.plan_event(s, coalitions=[alpha], date=dt.date(2025, 8, 31))
        participants.add_participant(s, e0.id, "Ali", "Coalition", ParticipantRole.COALITION_MEMBER)
        pa1 = patterns.create_pattern(s, e0.id, names["PA1"])
        pa2 = patterns.create_pattern(s, e0.id, names["PA2"])
        patterns.add_boundary(s, pa1.id, works, "Deploys are automated", event_id=e0.id)
        patterns.add_boundary(s, pa2.id, works, "Teams sit together", event_id=e0.id)
        patterns.add_boundary(s, pa2.id, BoundaryKind.PREREQUISITE, "A pairing station", event_id=e0.id)
        failures(s, e0, 1)
        agree(
            s,
            e0,
            "Ana",
            "  Payments ",
            [pa1],
            [
                (AgreementStatus.IN_PROGRESS, at(2025, 10, 1)),
                (ADOPTED, at(2026, 2, 28, 23)),  # exactly six months: in time
            ],
        )
        agree(
            s,
            e0,
            "Ben",
            "Search",
            [pa1, pa2],
            [
                (ADOPTED, at(2026, 3, 1)),  # one day later: too late
            ],
        )
        agree(
            s,
            e0,
            "Cleo",
            "",
            [pa2],
            [
                (AgreementStatus.ABANDONED, at(2025, 10, 15), "No time this year"),
            ],
        )

        # E1: Alpha, 15 January 2026 (2026 Q1); six months end 15 July 2026.
        e1 = events.plan_event(s, coalitions=[alpha], date=dt.date(2026, 1, 15))
        patterns.reuse_pattern(s, e1.id, pa1.id)
        patterns.add_boundary(s, pa1.id, breaks, "Flags are never cleaned up", event_id=e1.id)
        failures(s, e1, 2)
        agree(s, e1, "Dana", "payments", [pa1], [(ADOPTED, at(2026, 3, 16))])
        agree(s, e1, "Eli", "Mobile", [pa1])

        # E2: Beta, 28 February 2026 (2026 Q1); six months end 28 August 2026.
        e2 = events.plan_event(s, coalitions=[beta], date=dt.date(2026, 2, 28))
        pb1 = patterns.create_pattern(s, e2.id, names["PB1"])
        patterns.add_boundary(s, pb1.id, works, "Leaders join the review", event_id=e2.id)
        patterns.add_boundary(s, pb1.id, breaks, "Blame comes back in 1:1s", event_id=e2.id)
        failures(s, e2, 0)
        agree(s, e2, "Finn", "Search", [pb1], [(ADOPTED, at(2026, 4, 29))])
        agree(s, e2, "Gus", "Data", [pb1], [(AgreementStatus.IN_PROGRESS, at(2026, 5, 1))])

        # E3: Alpha + Beta, 10 June 2026 (2026 Q2); six months end 10 December 2026.
        e3 = events.plan_event(s, coalitions=[alpha, beta], date=dt.date(2026, 6, 10))
        patterns.reuse_pattern(s, e3.id, pa1.id)
        patterns.reuse_pattern(s, e3.id, pb1.id)
        pa3 = patterns.create_pattern(s, e3.id, names["PA3"])  # owned by Alpha, the first
        patterns.add_boundary(s, pa3.id, works, "CI runs in minutes", event_id=e3.id)
        patterns.add_boundary(s, pa3.id, breaks, "Releases need sign-off", event_id=e3.id)
        failures(s, e3, 1)
        agree(
            s,
            e3,
            "Hana",
            "MOBILE",
            [pa1, pb1],
            [
                (ADOPTED, at(2026, 7, 10)),
                (AgreementStatus.ABANDONED, at(2026, 9, 1), "Rolled back"),  # still adopted in time
            ],
        )
        agree(s, e3, "Ivan", "Data", [pb1])
        agree(
            s,
            e3,
            "Jo",
            "Platform",
            [pa3],
            [
                (AgreementStatus.ABANDONED, at(2026, 7, 1), "Reorganised"),
            ],
        )

        # E4: Beta, 20 July 2026 (2026 Q3); six months end 20 January 2027.
        e4 = events.plan_event(s, coalitions=[beta], date=dt.date(2026, 7, 20))
        patterns.reuse_pattern(s, e4.id, pb1.id)
        failures(s, e4, 1)
        agree(s, e4, "Kim", "", [pb1])
        agree(s, e4, "Lee", "data", [pb1], [(ADOPTED, at(2026, 8, 19))])

        # Ex: an Alpha event that is later deleted, leaving a condition and a pattern behind.
        ex = events.plan_event(s, coalitions=[alpha], date=dt.date(2026, 9, 1))
        patterns.reuse_pattern(s, ex.id, pa2.id)
        condition = patterns.add_boundary(s, pa2.id, breaks, "Remote days", event_id=ex.id)
        pa4 = patterns.create_pattern(s, ex.id, names["PA4"])
        failures(s, ex, 3)
        condition.recorded_at = at(2026, 5, 5)  # its date once the event is gone
        pa4.created_at = at(2026, 9, 2)  # its date: it was never presented
        ids = {"PA1": pa1.id, "PA2": pa2.id, "PA3": pa3.id, "PA4": pa4.id, "PB1": pb1.id}
        ex_id = ex.id
    with db.transaction() as s:
        events.delete_event(s, ex_id)
    return ids
