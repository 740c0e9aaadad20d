"""A light row for event lists, shared by the ORM services and the fast start path."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from facilitator.domain.enums import EventStatus


@dataclass(frozen=True)
class EventSummary:
    """One row of the event list."""

    id: uuid.UUID
    date: dt.date
    title: str
    coalitions: tuple[str, ...]
    status: EventStatus
    facilitator: str

    @property
    def coalition_names(self) -> str:
        """Return the coalitions as one readable string."""
        return " + ".join(self.coalitions)
