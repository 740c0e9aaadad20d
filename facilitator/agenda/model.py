"""What an agenda is: ordered steps the facilitator walks the room through."""

from __future__ import annotations

from dataclasses import dataclass

CAPTURE_KINDS: tuple[str, ...] = (
    "top_goal",
    "participants",
    "outcomes",
    "patterns",
    "boundaries",
    "agreements",
    "capacity",
    "adoption_review",
)
"""Kinds of records a step can capture; the walk-through shows an editor for each.

``adoption_review`` lists the open agreements of the coalitions' earlier
events, so the room checks their status before agreeing anything new.
"""


@dataclass(frozen=True, slots=True)
class AgendaStep:
    """One step of an agenda.

    Attributes:
        id: Slug, unique within its agenda; events refer to steps by it.
        title: Short name shown in the step list ("TOP Goal").
        question: The question the room answers, shown large.
        prompts: Facilitator prompts, shown on request.
        notes: Free facilitator notes (may be empty).
        timebox_minutes: Planned length, a positive number of minutes.
        captures: Kinds from :data:`CAPTURE_KINDS`; may be empty (a check-in).
    """

    id: str
    title: str
    question: str
    prompts: tuple[str, ...]
    notes: str
    timebox_minutes: int
    captures: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Agenda:
    """An agenda loaded from a YAML file.

    Attributes:
        id: Slug identifying the agenda; events store it.
        title: Name shown when choosing an agenda.
        description: Optional longer text (may be empty).
        steps: The steps in order; at least one.
        source: Where it was loaded from (for messages).
        shipped: True for agendas that come with the app.
    """

    id: str
    title: str
    description: str
    steps: tuple[AgendaStep, ...]
    source: str
    shipped: bool

    @property
    def total_minutes(self) -> int:
        """Sum of the steps' timeboxes."""
        return sum(step.timebox_minutes for step in self.steps)

    def step(self, step_id: str) -> AgendaStep:
        """Return the step with ``step_id``.

        Raises:
            KeyError: If the agenda has no such step.
        """
        return self.steps[self.index_of(step_id)]

    def index_of(self, step_id: str) -> int:
        """Return the 0-based position of the step with ``step_id``.

        Raises:
            KeyError: If the agenda has no such step.
        """
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index
        raise KeyError(f"agenda {self.id!r} has no step {step_id!r}")
