"""How every export words a record's values: dates, amounts, people, names, a status.

Plain strings for any format (PDF, Markdown, CSV, calendar, mail); each
format escapes them its own way. No ReportLab, no Qt.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from facilitator.dates import long_day
from facilitator.domain import AgreementStatus

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the exports only read them
    from facilitator.domain import Agreement, Event, Participant, SupportItem

# The "Next steps" of the Scale Across event description, as every summary words them.
MAIN_TRACK = (
    "continues with its regular TOP Cycle activities: running SAM to review signals, "
    "adjusting the approach as needed, and working toward the TOP Goal."
)
ADOPTION_TRACK = (
    "Those who identified opportunities to benefit proceed with adopting the coalition's "
    "patterns, with the agreed support from the coalition:"
)
SHARED_EVENT = (
    "This was a shared event: the coalitions combined their learnings into a single "
    "dissemination session and may coordinate the next one the same way."
)


def count(number: int, noun: str) -> str:
    """Return "1 outcome", "3 outcomes"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def recorded_counts(event: Event) -> str:
    """Return what the event recorded, as the summaries say it: "6 outcomes · 3 patterns · 4 agreements"."""
    return " · ".join(
        count(len(records), noun)
        for records, noun in (
            (event.outcomes, "outcome"),
            (event.patterns, "pattern"),
            (event.agreements, "agreement"),
        )
    )


def adopters(event: Event) -> list[Participant]:
    """Return the participants who adopt in at least one agreement, in participant order."""
    adopting = {agreement.adopter_id for agreement in event.agreements}
    return [p for p in event.participants if p.id in adopting]


def date_text(value: dt.date | None, missing: str = "not set") -> str:
    """Return "14 May 2026", as every printed document writes a date, or ``missing``."""
    if value is None:
        return missing
    return long_day(value)


def amount_text(amount: float | None, unit: str) -> str:
    """Return "8 hours", "2.5 days" or "" when no amount was given."""
    if amount is None:
        return ""
    number = f"{amount:.2f}".rstrip("0").rstrip(".")
    return f"{number} {unit}".strip()


def person_text(participant: Participant | None, missing: str = "not named") -> str:
    """Return "Name (Team)", or ``missing`` when there is nobody."""
    if participant is None:
        return missing
    return participant.display_name


def support_headline(item: SupportItem) -> str:
    """Return "Coaching: 8 hours" for a support item."""
    amount = amount_text(item.amount, item.unit)
    return f"{item.type.label}: {amount}" if amount else f"{item.type.label} (amount not set)"


def status_text(agreement: Agreement) -> str:
    """Return the agreement's status, with the reason when it was abandoned."""
    status = agreement.status.label
    if agreement.status == AgreementStatus.ABANDONED and agreement.status_reason:
        return f"{status}: {agreement.status_reason}"
    return status


def coalition_names(event: Event) -> str:
    """Return the event's coalitions as "Payments + Identity"."""
    return " + ".join(c.name for c in event.coalitions)


def event_name(event: Event) -> str:
    """Return the event's title, or "Scale Across — <coalitions>" when it has none."""
    return event.title or f"Scale Across — {coalition_names(event)}"
