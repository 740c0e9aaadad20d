"""A Scale Across event and what it tracks of the agenda."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from facilitator.domain.base import Base, enum_column, utcnow
from facilitator.domain.enums import EventStatus, Trigger

if TYPE_CHECKING:
    from facilitator.domain.agreement import Agreement
    from facilitator.domain.coalition import Coalition, TopGoal
    from facilitator.domain.pattern import EventPattern, Pattern
    from facilitator.domain.records import Outcome, Participant, SupportCapacity


class Event(Base):
    """One Scale Across session of one or more coalitions."""

    __tablename__ = "events"

    title: Mapped[str] = mapped_column(String(300), default="")
    # Indexed: the figures read a quarter's events by date (facilitator.figures.queries).
    date: Mapped[dt.date] = mapped_column(index=True)
    facilitator: Mapped[str] = mapped_column(String(200), default="")
    trigger: Mapped[Trigger] = mapped_column(
        enum_column(Trigger, "trigger"), default=Trigger.SIGNIFICANT_PROGRESS
    )
    agenda_id: Mapped[str] = mapped_column(String(64), default="scale-across")
    status: Mapped[EventStatus] = mapped_column(
        enum_column(EventStatus, "event_status"), default=EventStatus.PLANNED
    )
    # The agenda step the room was on, so reopening returns there.
    current_step_id: Mapped[str | None] = mapped_column(String(64))
    # The language the event's documents (summary, report, agreements) are
    # written in, a code with a catalog ("de"); None: the app's language.
    # facilitator.services.languages sets it.
    document_language: Mapped[str | None] = mapped_column(String(35))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    closed_at: Mapped[dt.datetime | None]

    coalition_links: Mapped[list[EventCoalition]] = relationship(
        back_populates="event",
        order_by="EventCoalition.position",
        cascade="all, delete-orphan",
    )
    goals: Mapped[list[TopGoal]] = relationship(back_populates="event", cascade="all, delete-orphan")
    participants: Mapped[list[Participant]] = relationship(
        back_populates="event",
        order_by="Participant.position",
        cascade="all, delete-orphan",
    )
    outcomes: Mapped[list[Outcome]] = relationship(
        back_populates="event",
        order_by="Outcome.position",
        cascade="all, delete-orphan",
    )
    pattern_links: Mapped[list[EventPattern]] = relationship(
        back_populates="event",
        order_by="EventPattern.position",
        cascade="all, delete-orphan",
    )
    agreements: Mapped[list[Agreement]] = relationship(
        back_populates="event",
        order_by="Agreement.position",
        cascade="all, delete-orphan",
    )
    capacities: Mapped[list[SupportCapacity]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )
    step_times: Mapped[list[StepTime]] = relationship(back_populates="event", cascade="all, delete-orphan")

    @property
    def coalitions(self) -> list[Coalition]:
        """Return the event's coalitions in the order they were named."""
        return [link.coalition for link in self.coalition_links]

    @property
    def patterns(self) -> list[Pattern]:
        """Return the patterns discussed at this event, in agenda order."""
        return [link.pattern for link in self.pattern_links]

    def goal_for(self, coalition: Coalition) -> str:
        """Return the TOP Goal the coalition stated at this event."""
        for goal in self.goals:
            if goal.coalition_id == coalition.id:
                return goal.text
        return ""

    def seconds_on(self, step_id: str) -> float:
        """Return the time spent on an agenda step, in seconds."""
        for row in self.step_times:
            if row.step_id == step_id:
                return row.seconds
        return 0.0


class EventCoalition(Base):
    """Links an event to a coalition; shared events have several."""

    __tablename__ = "event_coalitions"
    __table_args__ = (UniqueConstraint("event_id", "coalition_id"),)

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    coalition_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("coalitions.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    event: Mapped[Event] = relationship(back_populates="coalition_links")
    coalition: Mapped[Coalition] = relationship()


class StepTime(Base):
    """Seconds the room spent on one agenda step of an event."""

    __tablename__ = "step_times"
    __table_args__ = (UniqueConstraint("event_id", "step_id"),)

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    step_id: Mapped[str] = mapped_column(String(64))
    seconds: Mapped[float] = mapped_column(Float, default=0.0)

    event: Mapped[Event] = relationship(back_populates="step_times")
