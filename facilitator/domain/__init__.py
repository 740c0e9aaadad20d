"""The domain of a Scale Across event: coalitions, events and what the room agrees.

The ORM classes are the domain objects; nothing here knows about Qt or about
how a database is opened (see ``facilitator.storage``).
"""

from facilitator.domain.base import Base
from facilitator.domain.enums import (
    AgreementStatus,
    BoundaryKind,
    EventStatus,
    OutcomeKind,
    ParticipantRole,
    SupportType,
    Trigger,
)
from facilitator.domain.coalition import Coalition, TopGoal
from facilitator.domain.event import Event, EventCoalition, StepTime
from facilitator.domain.records import Outcome, Participant, SupportCapacity
from facilitator.domain.pattern import BoundaryCondition, EventPattern, Pattern, PatternOutcome
from facilitator.domain.agreement import Agreement, AgreementPattern, StatusChange, SupportItem

__all__ = [
    "Agreement",
    "AgreementPattern",
    "AgreementStatus",
    "Base",
    "BoundaryCondition",
    "BoundaryKind",
    "Coalition",
    "Event",
    "EventCoalition",
    "EventPattern",
    "EventStatus",
    "Outcome",
    "OutcomeKind",
    "Participant",
    "ParticipantRole",
    "Pattern",
    "PatternOutcome",
    "StatusChange",
    "StepTime",
    "SupportCapacity",
    "SupportItem",
    "SupportType",
    "TopGoal",
    "Trigger",
]
