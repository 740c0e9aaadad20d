"""One agreement as the adoption tracker lists it."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass

from facilitator import numbers
from facilitator.dates import day
from facilitator.domain import AgreementStatus, BoundaryKind
from facilitator.i18n import N_, _, ngettext

OPEN_STATUSES = (AgreementStatus.AGREED, AgreementStatus.IN_PROGRESS)
"""Statuses of an adoption that has neither happened nor been given up."""

# A kind of condition inside a sentence: "Pattern — breaks when: text".
_KIND_WORDS = {
    BoundaryKind.WORKS_WHEN: N_("works when"),
    BoundaryKind.BREAKS_WHEN: N_("breaks when"),
    BoundaryKind.PREREQUISITE: N_("prerequisite"),
}


class FitState(enum.Enum):
    """Where an agreement stands in the fit check, in the words the tracker shows."""

    # Translators: the fit check of an agreement: at risk, and the room accepted the risk
    AT_RISK_ACCEPTED = N_("At risk (accepted)")
    # Translators: the fit check of an agreement
    AT_RISK = N_("At risk")
    # Translators: the fit check of an agreement: the adopter's team fits the patterns
    FITS = N_("Fits")
    # Translators: the fit check of an agreement: nobody answered its questions
    NOT_CHECKED = N_("Not checked")

    @property
    def label(self) -> str:
        """Return the state as the tracker shows it, in the language in use."""
        return _(self.value)

    @property
    def at_risk(self) -> bool:
        """Return True for either at-risk state."""
        return self in (FitState.AT_RISK, FitState.AT_RISK_ACCEPTED)


@dataclass(frozen=True, slots=True)
class NewCondition:
    """A condition a pattern gained after the agreement was made, not yet asked of the adopter.

    Attributes:
        pattern: The adopted pattern's name.
        kind: Works when, breaks when, or prerequisite.
        text: The condition.
        learnt_on: The date of the event where it was stated.
    """

    pattern: str
    kind: BoundaryKind
    text: str
    learnt_on: dt.date

    def describe(self) -> str:
        """Return the condition in words: "Pattern — breaks when: text (learnt Mon 2 Mar 2026)"."""
        return _("{pattern} — {kind}: {condition} (learnt {date})").format(
            pattern=self.pattern,
            kind=_(_KIND_WORDS[self.kind]),
            condition=self.text,
            date=day(self.learnt_on),
        )


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
        fit: Where the agreement stands in the fit check.
        open_questions: Conditions with no answer yet, or only "not known yet".
        new_conditions: Conditions its patterns gained at later events, not
            yet asked (only while the agreement is open); also counted in
            ``open_questions``.
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
    fit: FitState = FitState.NOT_CHECKED
    open_questions: int = 0
    new_conditions: tuple[NewCondition, ...] = ()

    @property
    def is_open(self) -> bool:
        """Return True while the adoption is agreed or in progress."""
        return self.status in OPEN_STATUSES

    @property
    def fit_text(self) -> str:
        """Return the fit check as the tracker's column shows it: "Fits · 1 new condition to check"."""
        count = len(self.new_conditions)
        if not count:
            return self.fit.label
        return ngettext(
            "{fit} · {count} new condition to check", "{fit} · {count} new conditions to check", count
        ).format(fit=self.fit.label, count=numbers.integer(count))
