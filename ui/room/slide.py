"""What the room view shows: a step as plain data, so it can be built and checked without a screen.

A :class:`Slide` is the step's place in the agenda, its question, and its
records grouped into sections of side-by-side columns of items. The canvas
(ui/room/canvas.py) decides sizes and pages; ui/room/steps.py builds a slide
from the open event.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import Enum

#: The slot of the patterns column (see Column.slot).
PATTERN_SLOT = "pattern"


class Tone(Enum):
    """How an item or a line is coloured: plain, good, a warning, or quiet."""

    PLAIN = "plain"
    OK = "ok"
    DANGER = "danger"
    MUTED = "muted"


@dataclass(frozen=True)
class Bar:
    """A capacity bar: hours promised against hours the owner has."""

    used: float
    available: float

    @property
    def over(self) -> bool:
        """Return True when more is promised than there is."""
        return self.used > self.available + 1e-9


@dataclass(frozen=True)
class Item:
    """One record the room reads: a title, and the lines that say more about it.

    ``key`` is the record's id, so the room can be shown the page where a
    record the facilitator has just typed is.
    """

    title: str
    lines: tuple[str, ...] = ()
    mark: str = ""
    tone: Tone = Tone.PLAIN
    bar: Bar | None = None
    key: uuid.UUID | None = None


@dataclass(frozen=True)
class Column:
    """Items under one heading; ``empty`` is said when there are none yet.

    ``slot`` names the column for text being typed into it (a :class:`Draft`):
    an outcome kind, "pattern", a boundary kind.
    """

    heading: str
    items: tuple[Item, ...]
    empty: str = ""
    tone: Tone = Tone.PLAIN
    slot: str = ""


@dataclass(frozen=True)
class Draft:
    """Text the facilitator is typing and has not stored yet: the room sees it as it is typed.

    Either it changes the record ``key`` (its title), or it is a new record
    for the column whose ``slot`` it names.
    """

    text: str
    key: uuid.UUID | None = None
    slot: str = ""


@dataclass(frozen=True)
class Section:
    """A heading over columns that stand side by side."""

    heading: str
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class Slide:
    """Everything the room sees of one step.

    ``main`` fills the width; ``side`` sections, when there are any, stand in
    a narrower column on the right (the fit check, capacity, what is still open).
    """

    position: str
    question: str
    main: tuple[Section, ...] = ()
    side: tuple[Section, ...] = ()
    timer: str = ""
    timer_over: bool = False
    note: str = ""

    def all_items(self) -> list[Item]:
        """Return every item on the slide, main sections first."""
        return [
            item
            for section in (*self.main, *self.side)
            for column in section.columns
            for item in column.items
        ]
