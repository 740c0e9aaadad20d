"""Per-event records: who is in the room, what happened, who can give time."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from facilitator.domain.base import Base, enum_column
from facilitator.domain.enums import OutcomeKind, ParticipantRole

if TYPE_CHECKING:
    from facilitator.domain.event import Event
    from facilitator.domain.pattern import PatternOutcome


class Participant(Base):
    """A person at the event, with their team and role."""

    __tablename__ = "participants"
    # Covers the History view's per-event counts and its person/team filter.
    __table_args__ = (Index("ix_participants_event_name_team", "event_id", "name", "team"),)

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    team: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[ParticipantRole] = mapped_column(
        enum_column(ParticipantRole, "participant_role"),
        default=ParticipantRole.POTENTIAL_ADOPTER,
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Optional: where calendar invitations and agreement mails go ("" when unknown).
    email: Mapped[str] = mapped_column(String(254), default="", server_default=text("''"))
    # The language of documents for this person (their agreement, their mail),
    # a code with a catalog ("de"); None: the event's document language.
    # facilitator.services.languages sets it.
    language: Mapped[str | None] = mapped_column(String(35))

    event: Mapped[Event] = relationship(back_populates="participants")

    @property
    def display_name(self) -> str:
        """Return "Name (Team)", or just the name when the team is unknown."""
        return f"{self.name} ({self.team})" if self.team else self.name


class Outcome(Base):
    """A success or failure the coalition shares, with its evidence."""

    __tablename__ = "outcomes"
    # Covers counting successes and failures per event without reading the texts.
    __table_args__ = (Index("ix_outcomes_event_kind", "event_id", "kind"),)

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    kind: Mapped[OutcomeKind] = mapped_column(enum_column(OutcomeKind, "outcome_kind"))
    title: Mapped[str] = mapped_column(String(500))
    what_happened: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    event: Mapped[Event] = relationship(back_populates="outcomes")
    pattern_links: Mapped[list[PatternOutcome]] = relationship(
        back_populates="outcome", cascade="all, delete-orphan"
    )


class SupportCapacity(Base):
    """The hours a coalition member says they can give adopters after an event."""

    __tablename__ = "support_capacities"
    __table_args__ = (UniqueConstraint("event_id", "participant_id"),)

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    hours: Mapped[float] = mapped_column(Float, default=0.0)
    # The promised hours the room knowingly accepted above ``hours``; a later
    # promise beyond this level is flagged again.
    accepted_hours: Mapped[float | None] = mapped_column(Float)

    event: Mapped[Event] = relationship(back_populates="capacities")
    participant: Mapped[Participant] = relationship()
