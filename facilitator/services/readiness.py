"""The room's last look: what an event still leaves open before it is closed.

An agreement the room leaves with must have an owner for every piece of
support, limits, a check-in date and a sponsor; its fit questions answered
(or owned, when "not known yet"); a risk the fit check found accepted
deliberately; no owner's hours over-committed unless the room accepted it;
and every failure should have taught a pattern. Each open item names its
record, so a screen can take the facilitator to the place to fix it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from facilitator.domain import Agreement, Event, FitAnswerKind, OutcomeKind, Participant
from facilitator.services.changes import RecordKind
from facilitator.services.events import load_event
from facilitator.services.fit import fit_questions, risks
from facilitator.services.participants import capacity_lines


@dataclass(frozen=True)
class OpenItem:
    """One thing still missing, in words, and the record where it is fixed."""

    text: str
    kind: RecordKind
    record_id: uuid.UUID


def _person(person: Participant | None) -> str:
    if person is None:
        return "someone"
    return f"{person.name} ({person.team})" if person.team else person.name


def _agreement_items(agreement: Agreement) -> list[OpenItem]:
    who = _person(agreement.adopter)
    items: list[OpenItem] = []

    def missing(text: str) -> None:
        items.append(OpenItem(f"{who}: {text}", RecordKind.AGREEMENT, agreement.id))

    if agreement.sponsor_id is None:
        missing("the agreement has no sponsor.")
    if not agreement.limits.strip():
        missing("no limits are written (where the coalition's support stops).")
    if agreement.check_in is None:
        missing("no check-in date.")
    for item in agreement.support_items:
        what = f"{item.type.label.lower()} support"
        if item.owner_id is None:
            items.append(OpenItem(f"{who}: {what} has no owner.", RecordKind.SUPPORT_ITEM, item.id))
        if item.amount is None:
            items.append(OpenItem(f"{who}: {what} has no amount.", RecordKind.SUPPORT_ITEM, item.id))
    questions = fit_questions(agreement)
    unanswered = sum(1 for q in questions if q.answer is None)
    if unanswered:
        noun = "question" if unanswered == 1 else "questions"
        missing(f"{unanswered} fit {noun} not answered.")
    for question in questions:
        answer = question.answer
        if answer is not None and answer.answer == FitAnswerKind.NOT_KNOWN and answer.owner_id is None:
            missing(f"nobody is finding out whether “{question.condition.text}” holds.")
    reasons = risks(agreement)
    if reasons and agreement.risk_acceptance is None:
        missing(f"at risk, and nobody has accepted the risk — {' '.join(reasons)}")
    return items


def open_items(session: Session, event_id: uuid.UUID) -> list[OpenItem]:
    """Return everything the event still leaves open, in agenda order (outcomes to agreements)."""
    return open_items_of(load_event(session, event_id))


def open_items_of(event: Event) -> list[OpenItem]:
    """Return :func:`open_items` for an event already loaded with everything in it."""
    items = [
        OpenItem(
            f"The failure “{outcome.title}” has no pattern learnt from it.", RecordKind.OUTCOME, outcome.id
        )
        for outcome in event.outcomes
        if outcome.kind == OutcomeKind.FAILURE and not outcome.pattern_links
    ]
    adopted = {pattern.id: pattern for agreement in event.agreements for pattern in agreement.patterns}
    items += [
        OpenItem(
            f"“{pattern.name}” is adopted but has no boundaries recorded.", RecordKind.PATTERN, pattern.id
        )
        for pattern in adopted.values()
        if not pattern.boundaries
    ]
    for agreement in event.agreements:
        items += _agreement_items(agreement)
    for line in capacity_lines(event):
        if line.over_committed and not line.accepted:
            text = (
                f"{line.owner_name} is promised {line.promised_hours:g} h of support but has "
                f"{line.stated_hours or 0:g} h, and the room has not accepted it."
            )
            items.append(OpenItem(text, RecordKind.CAPACITY, line.owner_id))
    return items
