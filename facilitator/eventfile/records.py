"""A validated event file: frozen records with every reference resolved.

References between records are stored as positions in the document's
tuples (``AgreementEntry.adopter`` is an index into ``participants``), so
the importer never looks anything up by key and cannot meet a dangling one.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from facilitator.documents import TextNotice
from facilitator.domain import (
    AgreementStatus,
    BoundaryKind,
    EventStatus,
    FitAnswerKind,
    OutcomeKind,
    ParticipantRole,
    SupportType,
    Trigger,
)
from facilitator.eventfile.fields import Place, RecordId


@dataclass(frozen=True)
class EventInfo:
    """The ``event`` mapping."""

    id: RecordId | None
    place: Place
    title: str
    date: dt.date
    facilitator: str
    trigger: Trigger
    agenda: str
    status: EventStatus
    closed_at: dt.datetime | None
    current_step: str | None
    step_seconds: tuple[tuple[str, float], ...]
    # The language of the event's documents (None: the app's).
    document_language: str | None = None


@dataclass(frozen=True)
class CoalitionEntry:
    """A coalition of the event, or (``in_event`` false) one that only owns a pattern."""

    id: RecordId | None
    place: Place
    name: str
    # None when the file does not say: the coalition's latest goal is kept.
    top_goal: str | None
    in_event: bool


@dataclass(frozen=True)
class ParticipantEntry:
    """A person in the room."""

    id: RecordId | None
    place: Place
    name: str
    team: str
    role: ParticipantRole
    capacity_hours: float | None
    accepted_hours: float | None = None
    email: str = ""
    # The language of documents for this person (None: the event's).
    language: str | None = None


@dataclass(frozen=True)
class OutcomeEntry:
    """A success or failure."""

    id: RecordId | None
    place: Place
    kind: OutcomeKind
    title: str
    what_happened: str
    evidence: str


@dataclass(frozen=True)
class BoundaryEntry:
    """One condition of a pattern.

    Attributes:
        stated_here: The condition was stated at this event.
        from_event: Otherwise, the event where it was stated, if known.
    """

    id: RecordId | None
    place: Place
    kind: BoundaryKind
    text: str
    stated_here: bool
    from_event: uuid.UUID | None


@dataclass(frozen=True)
class PatternEntry:
    """A pattern discussed at the event; ``coalition`` and ``outcomes`` are indexes."""

    id: RecordId | None
    place: Place
    coalition: int
    kind: OutcomeKind
    name: str
    summary: str
    guidance: str
    outcomes: tuple[int, ...]
    boundaries: tuple[BoundaryEntry, ...]


@dataclass(frozen=True)
class SupportEntry:
    """One piece of support promised with an agreement; ``owner`` is an index."""

    id: RecordId | None
    place: Place
    type: SupportType
    amount: float | None
    unit: str
    owner: int | None
    description: str
    limits: str


@dataclass(frozen=True)
class StatusEntry:
    """One dated change of an agreement's status."""

    place: Place
    from_status: AgreementStatus | None
    to_status: AgreementStatus
    note: str
    at: dt.datetime


@dataclass(frozen=True)
class FitEntry:
    """The room's answer to one condition of an adopted pattern.

    ``pattern`` indexes ``patterns`` and ``condition`` that pattern's
    ``boundaries``; ``owner`` indexes ``participants``.
    """

    place: Place
    pattern: int
    condition: int
    answer: FitAnswerKind
    note: str
    owner: int | None
    # None when the file does not say: the import time.
    at: dt.datetime | None


@dataclass(frozen=True)
class RiskAcceptedEntry:
    """The room agreed although the fit check found a risk; ``by`` indexes ``participants``."""

    place: Place
    by: int | None
    at: dt.datetime | None
    note: str


@dataclass(frozen=True)
class AgreementEntry:
    """An adoption agreement; ``adopter``, ``sponsor`` and ``patterns`` are indexes."""

    id: RecordId | None
    place: Place
    adopter: int
    sponsor: int | None
    patterns: tuple[int, ...]
    check_in: dt.date | None
    limits: str
    notes: str
    status: AgreementStatus
    status_reason: str
    support: tuple[SupportEntry, ...]
    # None when the file gives no history: the importer makes one.
    history: tuple[StatusEntry, ...] | None
    fit: tuple[FitEntry, ...] = ()
    risk_accepted: RiskAcceptedEntry | None = None


@dataclass(frozen=True)
class EventDocument:
    """A whole validated event file, ready to import.

    ``coalitions`` holds the event's coalitions first (``in_event``), then
    those from ``other_coalitions``; pattern owners index into it.
    ``notices`` say which invisible characters the reader dropped, and where.
    """

    source: str
    event: EventInfo
    coalitions: tuple[CoalitionEntry, ...]
    participants: tuple[ParticipantEntry, ...]
    outcomes: tuple[OutcomeEntry, ...]
    patterns: tuple[PatternEntry, ...]
    agreements: tuple[AgreementEntry, ...]
    notices: tuple[TextNotice, ...] = ()

    @property
    def event_coalitions(self) -> tuple[CoalitionEntry, ...]:
        """Return the coalitions that take part in the event, in file order."""
        return tuple(c for c in self.coalitions if c.in_event)
