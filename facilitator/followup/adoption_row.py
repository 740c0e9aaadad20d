"""One agreement as the adoption tracker lists it."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from facilitator.domain import AgreementStatus

OPEN_STATUSES = (AgreementStatus.AGREED, AgreementStatus.IN_PROGRESS)
"""Statuses of an adoption that has neither happened nor been given up."""


@dataclass(frozen=True, slots=True)
class AdoptionRow:
    """One agreement as the tracker lists it.

    Attributes:
        agreement_id: The agreement.
        event_id: The event where it was agreed.
        event_date: That event's date.
        event_title: That event's title (may be empty).
        coalitions: Names of the event's coalitions, in the event's order.
        adopter: The adopter's name.
        adopter_team: The adopter's team, or their name when no team is known.
        patterns: Names of the adopted patterns, in order.
        sponsor: The sponsor's name, or an empty string.
        owners: Names of the support owners, each once, in order.
        check_in: The agreed check-in date, if any.
        status: Where the adoption is.
        status_reason: The note of the latest status change.
        last_changed: Date of the latest status change (UTC), if any.
        overdue: The check-in has passed and the adoption is still open.
        days_overdue: Days since the check-in date when overdue, else 0.
    """

    agreement_id: uuid.UUID
    event_id: uuid.UUID
    event_date: dt.date
    event_title: str
    coalitions: tuple[str, ...]
    adopter: str
    adopter_team: str
    patterns: tuple[str, ...]
    sponsor: str
    owners: tuple[str, ...]
    check_in: dt.date | None
    status: AgreementStatus
    status_reason: str
    last_changed: dt.date | None
    overdue: bool
    days_overdue: int

    @property
    def is_open(self) -> bool:
        """Return True while the adoption is agreed or in progress."""
        return self.status in OPEN_STATUSES
