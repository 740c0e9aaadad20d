"""Agreements: who adopts which patterns, with what support and where it stops."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from facilitator.domain.base import Base, enum_column, utcnow
from facilitator.domain.enums import AgreementStatus, SupportType

if TYPE_CHECKING:
    from facilitator.domain.event import Event
    from facilitator.domain.fit import FitAnswer, RiskAcceptance
    from facilitator.domain.pattern import Pattern
    from facilitator.domain.records import Participant


class Agreement(Base):
    """An adopter's explicit agreement to adopt patterns with the coalition's support."""

    __tablename__ = "agreements"
    # Covers the per-event status and overdue counts of the follow-up views.
    __table_args__ = (Index("ix_agreements_event_status_check_in", "event_id", "status", "check_in"),)

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    adopter_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT"), index=True
    )
    sponsor_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), index=True
    )
    check_in: Mapped[dt.date | None]
    # Where the coalition's support stops as a whole: what is not included.
    limits: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[AgreementStatus] = mapped_column(
        enum_column(AgreementStatus, "agreement_status"), default=AgreementStatus.AGREED
    )
    status_reason: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    event: Mapped[Event] = relationship(back_populates="agreements")
    adopter: Mapped[Participant] = relationship(foreign_keys=[adopter_id])
    sponsor: Mapped[Participant | None] = relationship(foreign_keys=[sponsor_id])
    pattern_links: Mapped[list[AgreementPattern]] = relationship(
        back_populates="agreement",
        order_by="AgreementPattern.position",
        cascade="all, delete-orphan",
    )
    support_items: Mapped[list[SupportItem]] = relationship(
        back_populates="agreement",
        order_by="SupportItem.position",
        cascade="all, delete-orphan",
    )
    status_history: Mapped[list[StatusChange]] = relationship(
        back_populates="agreement",
        order_by="StatusChange.changed_at",
        cascade="all, delete-orphan",
    )
    fit_answers: Mapped[list[FitAnswer]] = relationship(
        back_populates="agreement",
        order_by="FitAnswer.answered_at",
        cascade="all, delete-orphan",
    )
    risk_acceptance: Mapped[RiskAcceptance | None] = relationship(
        back_populates="agreement", cascade="all, delete-orphan"
    )

    @property
    def patterns(self) -> list[Pattern]:
        """Return the patterns this agreement adopts."""
        return [link.pattern for link in self.pattern_links]


class AgreementPattern(Base):
    """Links an agreement to one of the patterns it adopts."""

    __tablename__ = "agreement_patterns"
    __table_args__ = (UniqueConstraint("agreement_id", "pattern_id"),)

    agreement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    pattern_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patterns.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    agreement: Mapped[Agreement] = relationship(back_populates="pattern_links")
    pattern: Mapped[Pattern] = relationship()


class SupportItem(Base):
    """One piece of support: its type, how much, who gives it, where it stops."""

    __tablename__ = "support_items"

    agreement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    type: Mapped[SupportType] = mapped_column(enum_column(SupportType, "support_type"))
    description: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(40), default="hours")
    owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), index=True
    )
    limits: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    agreement: Mapped[Agreement] = relationship(back_populates="support_items")
    owner: Mapped[Participant | None] = relationship()


class StatusChange(Base):
    """A dated change of an agreement's status, with the reason given."""

    __tablename__ = "status_changes"

    agreement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[AgreementStatus | None] = mapped_column(enum_column(AgreementStatus, "from_status"))
    to_status: Mapped[AgreementStatus] = mapped_column(enum_column(AgreementStatus, "to_status"))
    note: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    agreement: Mapped[Agreement] = relationship(back_populates="status_history")
