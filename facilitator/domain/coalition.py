"""A TOP Coalition and the history of its TOP Goal."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from facilitator.domain.base import Base, utcnow

if TYPE_CHECKING:
    from facilitator.domain.event import Event


class Coalition(Base):
    """People from several teams working toward a shared TOP Goal."""

    __tablename__ = "coalitions"

    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    goals: Mapped[list[TopGoal]] = relationship(
        back_populates="coalition",
        order_by="TopGoal.recorded_at",
        cascade="all, delete-orphan",
    )

    @property
    def current_goal(self) -> str:
        """Return the goal stated at the most recent event, or an empty string."""
        return self.goals[-1].text if self.goals else ""


class TopGoal(Base):
    """The TOP Goal as a coalition stated it at one event.

    The goal changes over time; one row per (coalition, event) keeps the history.
    """

    __tablename__ = "top_goals"
    __table_args__ = (UniqueConstraint("coalition_id", "event_id"),)

    coalition_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("coalitions.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    coalition: Mapped[Coalition] = relationship(back_populates="goals")
    event: Mapped[Event] = relationship(back_populates="goals")
