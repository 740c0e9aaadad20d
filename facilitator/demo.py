"""A realistic sample event, built through the same services the app uses."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from facilitator.domain import (
    Agreement,
    BoundaryKind,
    Event,
    FitAnswerKind,
    Outcome,
    OutcomeKind,
    Participant,
    ParticipantRole,
    Pattern,
    SupportType,
    Trigger,
)
from facilitator.services import agreements, events, fit, outcomes, participants, patterns

COALITION = "Checkout Reliability Coalition"
GOAL = (
    "Halve the time from merged change to customer value in checkout, "
    "from 9 days to under 4, by the end of Q2 — without raising the change failure rate."
)


def create_demo_event(session: Session, *, date: dt.date | None = None, fit_check: bool = True) -> Event:
    """Create the sample event: one coalition, six participants, three patterns, four agreements.

    The fit check is done for three agreements: Payments is at risk and the
    sponsor accepted it, Search has one "not known yet" with an owner, and
    Platform's questions are still unanswered — the one item the room's last
    look lists.

    Args:
        session: The unit of work the event is written in.
        date: The event's date (today when None); check-ins are six weeks later.
        fit_check: False leaves out the fit answers, as in a database older than
            the fit check (schema 0004 and before), which has no table for them.

    Returns:
        The new event.
    """
    event = events.plan_event(
        session,
        coalitions=[COALITION],
        date=date or dt.date.today(),
        facilitator="Zoë Lefèvre",
        trigger=Trigger.PATTERN_DISCOVERY,
        title="Scale Across — checkout delivery patterns",
    )
    events.set_top_goal(session, event.id, event.coalitions[0].id, GOAL)
    people = _add_people(session, event)
    shared = _add_patterns(session, event, _add_outcomes(session, event))
    check_in = (date or dt.date.today()) + dt.timedelta(days=42)
    made = _add_agreements(session, event, people, shared, check_in)
    if fit_check:
        _answer_fit(session, made, people)
    return event


def _add_people(session: Session, event: Event) -> dict[str, Participant]:
    """Add the six participants, keyed by first name; two state their capacity."""
    people = {}
    for name, team, role in [
        ("Zoë Lefèvre", "Checkout", ParticipantRole.COALITION_MEMBER),
        ("Łukasz Wróblewski", "Platform Engineering", ParticipantRole.PLATFORM_OWNER),
        ("Ana Núñez", "Payments", ParticipantRole.POTENTIAL_ADOPTER),
        ("Søren Ødegård", "Search", ParticipantRole.POTENTIAL_ADOPTER),
        ("Çağla Yıldız", "Release Management", ParticipantRole.PROCESS_OWNER),
        ("田中 愛子 (Aiko Tanaka)", "Engineering Leadership", ParticipantRole.SPONSOR),
    ]:
        people[name.split()[0]] = participants.add_participant(session, event.id, name, team, role)
    participants.set_capacity(session, event.id, people["Zoë"].id, 24)
    participants.set_capacity(session, event.id, people["Łukasz"].id, 10)
    return people


def _add_outcomes(session: Session, event: Event) -> tuple[Outcome, Outcome, Outcome]:
    """Add two successes and one failure; return them as (trunk, contract, freeze)."""
    trunk = outcomes.add_outcome(
        session,
        event.id,
        OutcomeKind.SUCCESS,
        "Lead time cut from 9 to 3.5 days",
        "Checkout moved to trunk-based development with feature flags over six weeks.",
        "DORA lead time, median over 8 weeks: 9.1 → 3.5 days; change failure rate 14% → 11%.",
    )
    contract = outcomes.add_outcome(
        session,
        event.id,
        OutcomeKind.SUCCESS,
        "Zero integration incidents with Payments for a quarter",
        "Consumer-driven contract tests run in both pipelines.",
        "Incident log: 4 integration incidents in Q3, none in Q4.",
    )
    freeze = outcomes.add_outcome(
        session,
        event.id,
        OutcomeKind.FAILURE,
        "Release-train freeze made the holiday peak worse",
        "A two-week code freeze piled up 140 changes that shipped in one risky release.",
        "Post-incident review PIR-2291: 3-hour checkout outage on the first day after the freeze.",
    )
    return trunk, contract, freeze


def _add_patterns(
    session: Session, event: Event, found: tuple[Outcome, Outcome, Outcome]
) -> tuple[Pattern, Pattern, Pattern]:
    """Add the three patterns with their boundaries; return them as (flags, contracts, big_bang)."""
    trunk, contract, freeze = found
    flags = patterns.create_pattern(
        session,
        event.id,
        "Trunk-based development with feature flags",
        summary="Everyone merges to main at least daily; unfinished work hides behind flags.",
        guidance="Start with one service; set a flag-removal date when you create a flag; "
        "pair the first week with someone who has done it.",
        outcome_ids=[trunk.id],
    )
    contracts = patterns.create_pattern(
        session,
        event.id,
        "Consumer-driven contract tests",
        summary="The consuming team writes the contract; the provider's pipeline runs it.",
        guidance="Begin with the one integration that broke most often last quarter.",
        outcome_ids=[contract.id],
    )
    big_bang = patterns.create_pattern(
        session,
        event.id,
        "Long code freezes before peaks",
        kind=OutcomeKind.FAILURE,
        summary="Freezing changes for weeks before a peak stores up risk instead of removing it.",
        guidance="Avoid freezes longer than two days; shrink batch size before the peak instead.",
        outcome_ids=[freeze.id],
    )
    for pattern, works, breaks, needs in [
        (
            flags,
            ["The team owns its deployment pipeline", "Automated tests run in under 15 minutes"],
            ["Releases need a change-advisory approval per deploy", "No one owns flag clean-up"],
            ["A feature-flag service (Platform offers one)", "Main is always releasable"],
        ),
        (
            contracts,
            ["Both teams deploy independently", "APIs are versioned"],
            ["The provider is a vendor who will not run our tests"],
            ["A shared contract broker"],
        ),
        (
            big_bang,
            ["Never — this is a failure pattern to avoid"],
            ["Batch size grows during the freeze"],
            ["Peak dates known at least a month ahead"],
        ),
    ]:
        for kind, texts in [
            (BoundaryKind.WORKS_WHEN, works),
            (BoundaryKind.BREAKS_WHEN, breaks),
            (BoundaryKind.PREREQUISITE, needs),
        ]:
            for text in texts:
                patterns.add_boundary(session, pattern.id, kind, text, event_id=event.id)
    return flags, contracts, big_bang


# One support offer: type, amount, unit, owner's first name, limits.
_Support = tuple[SupportType, float, str, str, str]


def _add_agreements(
    session: Session,
    event: Event,
    people: dict[str, Participant],
    shared: tuple[Pattern, Pattern, Pattern],
    check_in: dt.date,
) -> dict[str, Agreement]:
    """Add the four agreements, each sponsored by Aiko; return them keyed by the adopter's first name."""
    flags, contracts, big_bang = shared
    plan: list[tuple[str, list[Pattern], list[_Support], str]] = [
        (
            "Ana",
            [flags, big_bang],
            [
                (SupportType.COACHING, 8, "hours", "Zoë", "Pairing sessions in the first two sprints only"),
                (SupportType.ARTIFACT, 1, "playbook", "Zoë", "Playbook as is; no Payments-specific version"),
            ],
            "No on-call cover for Payments; no changes to Payments' pipeline by the coalition.",
        ),
        (
            "Søren",
            [contracts],
            [(SupportType.TIME, 6, "hours", "Łukasz", "Broker setup only; Search runs it afterwards")],
            "Search owns its contracts after the first one is live.",
        ),
        (
            "Çağla",
            [big_bang],
            [(SupportType.COACHING, 4, "hours", "Zoë", "Two workshops with release managers")],
            "The coalition does not change the release calendar.",
        ),
        (
            "Łukasz",
            [flags],
            [
                (SupportType.TIME, 10, "hours", "Zoë", "Reviewing the flag service's defaults"),
                (SupportType.OTHER, 2, "hours", "Łukasz", "Office hours during roll-out"),
            ],
            "Platform decides the flag service's roadmap.",
        ),
    ]
    made = {}
    for adopter, adopted, support, limits in plan:
        agreement = agreements.add_agreement(
            session,
            event.id,
            people[adopter].id,
            pattern_ids=[p.id for p in adopted],
            sponsor_id=people["田中"].id,
            check_in=check_in,
            limits=limits,
        )
        for support_type, amount, unit, owner, item_limits in support:
            agreements.add_support_item(
                session,
                agreement.id,
                support_type,
                amount=amount,
                unit=unit,
                owner_id=people[owner].id,
                limits=item_limits,
            )
        made[adopter] = agreement
    return made


# The room's answers, per adopter: condition text → (answer, note); an owner finds out "not known yet".
_FIT: dict[str, dict[str, tuple[FitAnswerKind, str]]] = {
    "Ana": {
        "The team owns its deployment pipeline": (FitAnswerKind.HOLDS, "Payments runs its own pipeline."),
        "Automated tests run in under 15 minutes": (
            FitAnswerKind.DOES_NOT_HOLD,
            "The suite takes 38 minutes; splitting it is the first sprint's work.",
        ),
        "Releases need a change-advisory approval per deploy": (
            FitAnswerKind.HOLDS,
            "The card vault is in PCI scope: every production deploy goes to the weekly CAB.",
        ),
        "No one owns flag clean-up": (
            FitAnswerKind.DOES_NOT_HOLD,
            "Ana owns it; every flag expires in 30 days.",
        ),
        "A feature-flag service (Platform offers one)": (FitAnswerKind.HOLDS, ""),
        "Main is always releasable": (FitAnswerKind.HOLDS, "Main has been green for 40 days running."),
        "Never — this is a failure pattern to avoid": (
            FitAnswerKind.HOLDS,
            "We adopt the lesson, not the freeze.",
        ),
        "Batch size grows during the freeze": (
            FitAnswerKind.DOES_NOT_HOLD,
            "Payments keeps shipping daily through the peak, behind flags.",
        ),
        "Peak dates known at least a month ahead": (FitAnswerKind.HOLDS, "Black Friday and January sales."),
    },
    "Søren": {
        "Both teams deploy independently": (FitAnswerKind.HOLDS, ""),
        "APIs are versioned": (FitAnswerKind.HOLDS, "Search's API is v3, versioned in the path."),
        "The provider is a vendor who will not run our tests": (
            FitAnswerKind.DOES_NOT_HOLD,
            "The provider is Catalog, an in-house team.",
        ),
        "A shared contract broker": (
            FitAnswerKind.NOT_KNOWN,
            "Payments may already run a broker we can share; Łukasz finds out before the check-in.",
        ),
    },
    "Çağla": {
        "Never — this is a failure pattern to avoid": (FitAnswerKind.HOLDS, ""),
        "Batch size grows during the freeze": (
            FitAnswerKind.DOES_NOT_HOLD,
            "Release Management now caps the pre-peak freeze at two days.",
        ),
        "Peak dates known at least a month ahead": (
            FitAnswerKind.HOLDS,
            "The trading calendar is fixed every September.",
        ),
    },
    # Platform's fit check was left for later: the readiness list names it.
}


def _answer_fit(session: Session, made: dict[str, Agreement], people: dict[str, Participant]) -> None:
    """Record the room's fit answers, and the sponsor's deliberate acceptance of Payments' risk."""
    for adopter, answers in _FIT.items():
        agreement = made[adopter]
        for question in fit.fit_questions(agreement):
            answer, note = answers[question.condition.text]
            owner = people["Łukasz"].id if answer == FitAnswerKind.NOT_KNOWN else None
            fit.set_fit_answer(
                session, agreement.id, question.condition.id, answer, note=note, owner_id=owner
            )
    fit.accept_risk(
        session,
        made["Ana"].id,
        people["田中"].id,
        note="Accepted: Payments starts with the refunds service, outside PCI scope, "
        "and the CAB rule is revisited at the check-in.",
    )
