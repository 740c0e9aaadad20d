"""Patterns outlive events: the same pattern comes back in later events."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from facilitator.domain.base import Base, enum_column, utcnow
from facilitator.domain.enums import BoundaryKind, OutcomeKind

if TYPE_CHECKING:
    from facilitator.domain.coalition import Coalition
    from facilitator.domain.event import Event
    from facilitator.domain.records import Outcome


class Pattern(Base):
    """A way of working others can reproduce, or a mistake they can avoid."""

    __tablename__ = "patterns"

    coalition_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("coalitions.id", ondelete="RESTRICT"), index=True
    )
    # A success pattern says how to reproduce it; a failure pattern what to avoid.
    kind: Mapped[OutcomeKind] = mapped_column(
        enum_column(OutcomeKind, "pattern_kind"), default=OutcomeKind.SUCCESS
    )
    name: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    guidance: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    coalition: Mapped[Coalition] = relationship()
    outcome_links: Mapped[list[PatternOutcome]] = relationship(
        back_populates="pattern", cascade="all, delete-orphan"
    )
    boundaries: Mapped[list[BoundaryCondition]] = relationship(
        back_populates="pattern",
        order_by="(BoundaryCondition.kind, BoundaryCondition.position)",
        cascade="all, delete-orphan",
    )

    @property
    def outcomes(self) -> list[Outcome]:
        """Return the outcomes this pattern came from."""
        return [link.outcome for link in self.outcome_links]

    def conditions(self, kind: BoundaryKind) -> list[BoundaryCondition]:
        """Return the boundary conditions of one kind, in their order."""
        rows = [b for b in self.boundaries if b.kind == kind]
        return sorted(rows, key=lambda b: b.position)


class PatternOutcome(Base):
    """Links a pattern to an outcome it was learnt from."""

    __tablename__ = "pattern_outcomes"
    __table_args__ = (UniqueConstraint("pattern_id", "outcome_id"),)

    pattern_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patterns.id", ondelete="CASCADE"), index=True)
    outcome_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("outcomes.id", ondelete="CASCADE"), index=True)

    pattern: Mapped[Pattern] = relationship(back_populates="outcome_links")
    outcome: Mapped[Outcome] = relationship(back_populates="pattern_links")


class EventPattern(Base):
    """A pattern presented at an event, in the order the room discussed it."""

    __tablename__ = "event_patterns"
    __table_args__ = (UniqueConstraint("event_id", "pattern_id"),)

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    pattern_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patterns.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    event: Mapped[Event] = relationship(back_populates="pattern_links")
    pattern: Mapped[Pattern] = relationship()


class BoundaryCondition(Base):
    """One condition under which a pattern works, breaks, or must be met first.

    Each remembers the event where it was stated, so boundaries can be shown
    as they grew over time.
    """

    __tablename__ = "boundary_conditions"

    pattern_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patterns.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[BoundaryKind] = mapped_column(enum_column(BoundaryKind, "boundary_kind"))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    pattern: Mapped[Pattern] = relationship(back_populates="boundaries")
