"""The domain of a Scale Across event: coalitions, events and what the room agrees.

The ORM classes are the domain objects; nothing here knows about Qt or about
how a database is opened (see ``facilitator.storage``). The vocabularies
(enums) import at once; the ORM classes load SQLAlchemy on first use, all
together so that their relationships can find each other, which keeps the
start screen from waiting for the ORM.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from facilitator.domain.enums import (
    AgreementStatus,
    BoundaryKind,
    EventStatus,
    FitAnswerKind,
    OutcomeKind,
    ParticipantRole,
    SupportType,
    Trigger,
)

if TYPE_CHECKING:
    # The type checker sees the real classes; at run time ``__getattr__``
    # below imports them on first use.
    from facilitator.domain.agreement import Agreement, AgreementPattern, StatusChange, SupportItem
    from facilitator.domain.base import Base
    from facilitator.domain.coalition import Coalition, TopGoal
    from facilitator.domain.event import Event, EventCoalition, StepTime
    from facilitator.domain.fit import FitAnswer, RiskAcceptance
    from facilitator.domain.pattern import BoundaryCondition, EventPattern, Pattern, PatternOutcome
    from facilitator.domain.records import Outcome, Participant, SupportCapacity

_MODELS = {
    "base": ("Base",),
    "coalition": ("Coalition", "TopGoal"),
    "event": ("Event", "EventCoalition", "StepTime"),
    "records": ("Outcome", "Participant", "SupportCapacity"),
    "pattern": ("BoundaryCondition", "EventPattern", "Pattern", "PatternOutcome"),
    "agreement": ("Agreement", "AgreementPattern", "StatusChange", "SupportItem"),
    "fit": ("FitAnswer", "RiskAcceptance"),
}

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
    "FitAnswer",
    "FitAnswerKind",
    "Outcome",
    "OutcomeKind",
    "Participant",
    "ParticipantRole",
    "Pattern",
    "PatternOutcome",
    "RiskAcceptance",
    "StatusChange",
    "StepTime",
    "SupportCapacity",
    "SupportItem",
    "SupportType",
    "TopGoal",
    "Trigger",
]


def load_models() -> None:
    """Import every ORM class (idempotent) and expose them on this package."""
    for module_name, names in _MODELS.items():
        module = import_module(f"facilitator.domain.{module_name}")
        for name in names:
            globals()[name] = getattr(module, name)


def __getattr__(name: str) -> object:
    """Load the ORM classes when one of them is first asked for."""
    if any(name in names for names in _MODELS.values()):
        load_models()
        return globals()[name]
    raise AttributeError(f"module 'facilitator.domain' has no attribute {name!r}")
