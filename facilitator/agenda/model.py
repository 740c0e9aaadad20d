"""What an agenda is: ordered steps the facilitator walks the room through.

The texts for people (titles, questions, prompts, notes, the description) are
:class:`~facilitator.agenda.texts.Text` values that may hold several
languages; the properties of the same name read them in the language in use
(``facilitator.i18n``), each time they are read. Ids never change with the
language.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.agenda.texts import Text

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
        title_text: Short name shown in the step list ("TOP Goal"); read :attr:`title`.
        question_text: The question the room answers, shown large; read :attr:`question`.
        prompt_texts: Facilitator prompts, shown on request; read :attr:`prompts`.
        notes_text: Free facilitator notes (may be empty); read :attr:`notes`.
        timebox_minutes: Planned length, a positive number of minutes.
        captures: Kinds from :data:`CAPTURE_KINDS`; may be empty (a check-in).
    """

    id: str
    title_text: Text
    question_text: Text
    prompt_texts: tuple[Text, ...]
    notes_text: Text
    timebox_minutes: int
    captures: tuple[str, ...]

    @property
    def title(self) -> str:
        """The step's title in the language in use."""
        return self.title_text.text()

    @property
    def question(self) -> str:
        """The step's question in the language in use."""
        return self.question_text.text()

    @property
    def prompts(self) -> tuple[str, ...]:
        """The facilitator prompts in the language in use."""
        return tuple(prompt.text() for prompt in self.prompt_texts)

    @property
    def notes(self) -> str:
        """The facilitator notes in the language in use ("" when there are none)."""
        return self.notes_text.text()

    def texts(self) -> dict[str, Text]:
        """Return every text of the step by its place in the file ("title", "prompts[2]" …)."""
        found = {"title": self.title_text, "question": self.question_text}
        found.update({f"prompts[{n}]": prompt for n, prompt in enumerate(self.prompt_texts, 1)})
        if self.notes_text.text():
            found["notes"] = self.notes_text
        return found


@dataclass(frozen=True, slots=True)
class Agenda:
    """An agenda loaded from a YAML file.

    Attributes:
        id: Slug identifying the agenda; events store it.
        title_text: Name shown when choosing an agenda; read :attr:`title`.
        description_text: Optional longer text (may be empty); read :attr:`description`.
        steps: The steps in order; at least one.
        source: Where it was loaded from (for messages).
        shipped: True for agendas that come with the app.
    """

    id: str
    title_text: Text
    description_text: Text
    steps: tuple[AgendaStep, ...]
    source: str
    shipped: bool

    @property
    def title(self) -> str:
        """The agenda's title in the language in use."""
        return self.title_text.text()

    @property
    def description(self) -> str:
        """The agenda's description in the language in use ("" when there is none)."""
        return self.description_text.text()

    @property
    def total_minutes(self) -> int:
        """Sum of the steps' timeboxes."""
        return sum(step.timebox_minutes for step in self.steps)

    def texts(self) -> dict[str, Text]:
        """Return every text of the agenda by its place in the file ("title", "steps[2].question" …)."""
        found = {"title": self.title_text}
        if self.description_text.text():
            found["description"] = self.description_text
        for number, step in enumerate(self.steps, 1):
            found.update({f"steps[{number}].{where}": text for where, text in step.texts().items()})
        return found

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the languages any of the agenda's texts is given in, sorted (none if all are plain)."""
        return tuple(sorted({code for text in self.texts().values() for code in text.languages}))

    def untranslated(self, language: str) -> tuple[str, ...]:
        """Return the places of the texts not given in ``language`` ("steps[2].prompts[1]" …)."""
        return tuple(where for where, text in self.texts().items() if not text.has(language))

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
