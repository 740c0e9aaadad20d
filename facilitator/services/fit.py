"""The fit check: each condition of an adopted pattern asked of the adopter's team.

Every boundary of every pattern an agreement adopts ("works when", "breaks
when", prerequisites) is a question: does it hold for this team? A
prerequisite that does not hold, or a "breaks when" that holds, puts the
agreement at risk, in words the room reads. The room may still agree; that
choice is recorded as a :class:`~facilitator.domain.RiskAcceptance`. "Not
known yet" is a follow-up question with an owner who finds out.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from facilitator.domain import (
    Agreement,
    BoundaryCondition,
    BoundaryKind,
    FitAnswer,
    FitAnswerKind,
    Pattern,
    RiskAcceptance,
)
from facilitator.domain.base import utcnow
from facilitator.i18n import N_, _
from facilitator.services.common import clean_text, editable_event, enum_cleaner, get, participant_of
from facilitator.services.errors import ServiceError

_ANSWER = enum_cleaner(FitAnswerKind, N_("Answer"))


@dataclass(frozen=True)
class FitQuestion:
    """One condition of an adopted pattern, asked of the adopter's team, and its answer so far."""

    pattern: Pattern
    condition: BoundaryCondition
    answer: FitAnswer | None

    @property
    def risk(self) -> str | None:
        """Return why this answer puts the agreement at risk, or None when it does not."""
        if self.answer is None:
            return None
        kind, answer, text = self.condition.kind, self.answer.answer, self.condition.text
        if kind == BoundaryKind.PREREQUISITE and answer == FitAnswerKind.DOES_NOT_HOLD:
            return _("{pattern}: the prerequisite “{condition}” is not in place.").format(
                pattern=self.pattern.name, condition=text
            )
        if kind == BoundaryKind.BREAKS_WHEN and answer == FitAnswerKind.HOLDS:
            return _("{pattern}: it breaks when “{condition}”, and that is so here.").format(
                pattern=self.pattern.name, condition=text
            )
        return None

    @property
    def open(self) -> bool:
        """Return True while the room has no answer, or only "not known yet"."""
        return self.answer is None or self.answer.answer == FitAnswerKind.NOT_KNOWN


def fit_questions(agreement: Agreement) -> list[FitQuestion]:
    """Return the agreement's questions: every condition of every pattern it adopts, in order."""
    answers = {answer.boundary_id: answer for answer in agreement.fit_answers}
    return [
        FitQuestion(pattern, condition, answers.get(condition.id))
        for pattern in agreement.patterns
        for condition in pattern.boundaries
    ]


def risks(agreement: Agreement) -> list[str]:
    """Return, in words, every reason the fit check puts the agreement at risk."""
    return [reason for question in fit_questions(agreement) if (reason := question.risk)]


def at_risk(agreement: Agreement) -> bool:
    """Return True when an answer puts the agreement at risk (accepted or not)."""
    return bool(risks(agreement))


def set_fit_answer(
    session: Session,
    agreement_id: uuid.UUID | str,
    boundary_id: uuid.UUID | str,
    answer: FitAnswerKind | str | None,
    *,
    note: str = "",
    owner_id: uuid.UUID | str | None = None,
) -> FitAnswer | None:
    """Answer one condition for an agreement; ``answer=None`` takes the answer back.

    Raises:
        ServiceError: the event is closed, the condition is not one of the
            adopted patterns', or the owner is not a participant of this event.
    """
    agreement = get(session, Agreement, agreement_id)
    event = editable_event(session, agreement.event_id)
    condition = get(session, BoundaryCondition, boundary_id)
    if condition.pattern_id not in {pattern.id for pattern in agreement.patterns}:
        raise ServiceError(_("this condition belongs to a pattern the agreement does not adopt"))
    current = next((a for a in agreement.fit_answers if a.boundary_id == condition.id), None)
    if answer is None:
        if current is not None:
            agreement.fit_answers.remove(current)
            session.flush()
        return None
    owner = (
        participant_of(session, event, owner_id, N_("the owner must be a participant of this event")).id
        if owner_id is not None
        else None
    )
    if current is None:
        current = FitAnswer(boundary_id=condition.id)
        agreement.fit_answers.append(current)
    current.answer = _ANSWER(answer)
    current.note = clean_text(note, N_("Note"), max_length=2_000)
    current.owner_id = owner
    current.answered_at = utcnow()
    session.flush()
    return current


def accept_risk(
    session: Session,
    agreement_id: uuid.UUID | str,
    accepted_by_id: uuid.UUID | str | None,
    *,
    note: str = "",
) -> RiskAcceptance:
    """Record that the room agrees although the fit check found a risk, and who accepted it.

    Raises:
        ServiceError: nothing puts the agreement at risk, or the person is not a participant of this event.
    """
    agreement = get(session, Agreement, agreement_id)
    event = editable_event(session, agreement.event_id)
    if not at_risk(agreement):
        raise ServiceError(_("nothing in the fit check puts this agreement at risk"))
    person = (
        participant_of(
            session,
            event,
            accepted_by_id,
            N_("the person accepting the risk must be a participant of this event"),
        ).id
        if accepted_by_id is not None
        else None
    )
    acceptance = agreement.risk_acceptance or RiskAcceptance()
    acceptance.accepted_by_id = person
    acceptance.accepted_at = utcnow()
    acceptance.note = clean_text(note, N_("Note"), max_length=2_000)
    agreement.risk_acceptance = acceptance
    session.flush()
    return acceptance


def withdraw_risk_acceptance(session: Session, agreement_id: uuid.UUID | str) -> None:
    """Take back the room's acceptance of a risk (undo of :func:`accept_risk`)."""
    agreement = get(session, Agreement, agreement_id)
    editable_event(session, agreement.event_id)
    agreement.risk_acceptance = None
    session.flush()
