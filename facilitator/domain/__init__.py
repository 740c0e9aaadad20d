"""The domain of a Scale Across event: coalitions, events and what the room agrees.

The ORM classes are the domain objects; nothing here knows about Qt or about
how a database is opened (see ``facilitator.storage``). The vocabularies
(enums) import at once; the ORM classes load SQLAlchemy on first use, all
together so that their relationships can find each other, which keeps the
start screen from waiting for the ORM.
"""

from importlib import import_module

from facilitator.domain.enums import (
    AgreementStatus,
    BoundaryKind,
    EventStatus,
    OutcomeKind,
    ParticipantRole,
    SupportType,
    Trigger,
)

_MODELS = {
    "base": ("Base",),
    "coalition": ("Coalition", "TopGoal"),
    "event": ("Event", "EventCoalition", "StepTime"),
    "records": ("Outcome", "Participant", "SupportCapacity"),
    "pattern": ("BoundaryCondition", "EventPattern", "Pattern", "PatternOutcome"),
    "agreement": ("Agreement", "AgreementPattern", "StatusChange", "SupportItem"),
}

__all__ = [
    "Agreement", "AgreementPattern", "AgreementStatus", "Base", "BoundaryCondition", "BoundaryKind",
    "Coalition", "Event", "EventCoalition", "EventPattern", "EventStatus", "Outcome", "OutcomeKind",
    "Participant", "ParticipantRole", "Pattern", "PatternOutcome", "StatusChange", "StepTime",
    "SupportCapacity", "SupportItem", "SupportType", "TopGoal", "Trigger",
]


def load_models() -> None:
    """Import every ORM class (idempotent) and expose them on this package."""
    for module_name, names in _MODELS.items():
        module = import_module(f"facilitator.domain.{module_name}")
        for name in names:
            globals()[name] = getattr(module, name)


def __getattr__(name: str):
    if any(name in names for names in _MODELS.values()):
        load_models()
        return globals()[name]
    raise AttributeError(f"module 'facilitator.domain' has no attribute {name!r}")
