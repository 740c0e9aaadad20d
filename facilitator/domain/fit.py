"""The fit check: an adopter's team held against the conditions of the patterns it adopts."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from facilitator.domain.base import Base, enum_column, utcnow
from facilitator.domain.enums import FitAnswerKind

if TYPE_CHECKING:
    from facilitator.domain.agreement import Agreement
    from facilitator.domain.pattern import BoundaryCondition
    from facilitator.domain.records import Participant


class FitAnswer(Base):
    """The room's answer to one condition of an adopted pattern, for one agreement.

    "Not known yet" is a follow-up question: ``owner_id`` says who finds out.
    """

    __tablename__ = "fit_answers"
    __table_args__ = (UniqueConstraint("agreement_id", "boundary_id"),)

    agreement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    boundary_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("boundary_conditions.id", ondelete="CASCADE"), index=True
    )
    answer: Mapped[FitAnswerKind] = mapped_column(enum_column(FitAnswerKind, "fit_answer"))
    note: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), index=True
    )
    answered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    agreement: Mapped[Agreement] = relationship(back_populates="fit_answers")
    boundary: Mapped[BoundaryCondition] = relationship()
    owner: Mapped[Participant | None] = relationship()


class RiskAcceptance(Base):
    """The room agreed although the fit check found a risk: who accepted it, and when."""

    __tablename__ = "risk_acceptances"

    agreement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), unique=True
    )
    accepted_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), index=True
    )
    accepted_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")

    agreement: Mapped[Agreement] = relationship(back_populates="risk_acceptance")
    accepted_by: Mapped[Participant | None] = relationship()
