"""How every export words a record's values: dates, amounts, people, names, a status.

Plain strings for any format (PDF, Markdown, CSV, calendar, mail); each
format escapes them its own way. No ReportLab, no Qt. The words are the
language in use's (:mod:`facilitator.i18n`): a document written inside
``speaking(...)`` (see :func:`document_language`, :func:`reader_language`)
has them in its reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from facilitator import numbers
from facilitator.dates import long_day
from facilitator.domain import AgreementStatus
from facilitator.i18n import N_, _, ngettext

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the exports only read them
    from facilitator.domain import Agreement, Event, Participant, SupportItem

# The "Next steps" of the Scale Across event description, as every summary words them.
MAIN_TRACK = N_(
    "{coalitions} continues with its regular TOP Cycle activities: running SAM to review signals, "
    "adjusting the approach as needed, and working toward the TOP Goal."
)
ADOPTION_TRACK = N_(
    "Those who identified opportunities to benefit proceed with adopting the coalition's "
    "patterns, with the agreed support from the coalition:"
)
SHARED_EVENT = N_(
    "This was a shared event: the coalitions combined their learnings into a single "
    "dissemination session and may coordinate the next one the same way."
)


def document_language(event: Event) -> str | None:
    """Return the language the event's documents are written in; None for the app's."""
    return event.document_language


def reader_language(event: Event, person: Participant) -> str | None:
    """Return the language of a document for ``person`` (their agreement, their mail).

    Their own language when they have one, else the event's document language;
    None for the app's.
    """
    return person.language or document_language(event)


def recorded_counts(event: Event) -> str:
    """Return what the event recorded, as the summaries say it: "6 outcomes · 3 patterns · 4 agreements"."""
    outcomes, patterns, agreements = len(event.outcomes), len(event.patterns), len(event.agreements)
    return " · ".join(
        [
            ngettext("{count} outcome", "{count} outcomes", outcomes).format(count=numbers.integer(outcomes)),
            ngettext("{count} pattern", "{count} patterns", patterns).format(count=numbers.integer(patterns)),
            ngettext("{count} agreement", "{count} agreements", agreements).format(
                count=numbers.integer(agreements)
            ),
        ]
    )


def left_open_sentence(items: int) -> str:
    """Return the sentence that introduces what a summary leaves open."""
    return ngettext(
        "When this summary was made, {count} item was still open. "
        "Each needs an owner to close it before the check-ins.",
        "When this summary was made, {count} items were still open. "
        "Each needs an owner to close it before the check-ins.",
        items,
    ).format(count=numbers.integer(items))


def adopters(event: Event) -> list[Participant]:
    """Return the participants who adopt in at least one agreement, in participant order."""
    adopting = {agreement.adopter_id for agreement in event.agreements}
    return [p for p in event.participants if p.id in adopting]


def date_text(value: dt.date | None, missing: str | None = None) -> str:
    """Return "14 May 2026", as every printed document writes a date, or ``missing`` ("not set")."""
    if value is None:
        # Translators: a date nobody has set yet (a check-in date in a document)
        return _("not set") if missing is None else missing
    return long_day(value)


# Units the app itself offers (the default "hours"), written in the reader's language;
# any other unit is what someone typed, and stays as typed.
_HOURS = frozenset({"hour", "hours"})
_DAYS = frozenset({"day", "days"})


def amount_text(amount: float | None, unit: str) -> str:
    """Return "8 hours", "2.5 days" or "" when no amount was given."""
    if amount is None:
        return ""
    number = numbers.decimal(amount, 2)
    # The plural follows the number as written: "1 hour", "1.5 hours".
    count = int(amount) if float(amount).is_integer() else 2
    key = unit.strip().casefold()
    if key in _HOURS:
        return ngettext("{amount} hour", "{amount} hours", count).format(amount=number)
    if key in _DAYS:
        return ngettext("{amount} day", "{amount} days", count).format(amount=number)
    return f"{number} {unit}".strip()


def person_text(participant: Participant | None, missing: str | None = None) -> str:
    """Return "Name (Team)", or ``missing`` ("not named") when there is nobody."""
    if participant is None:
        # Translators: in a document, where a person (sponsor, owner) would be named
        return _("not named") if missing is None else missing
    return participant.display_name


def adoption_sentence(
    agreement: Agreement,
    *,
    escape: Callable[[str], str] = str,
    strong: Callable[[str], str] = str,
) -> str:
    """Return "Ana (Payments) adopts A, B. Check-in 2 January 2027, sponsor X." (a summary's next steps).

    Args:
        agreement: The agreement.
        escape: Turns a value (names, the date) into the format's text.
        strong: Turns the adopter into the format's text, set off (bold).
    """
    patterns = ", ".join(p.name for p in agreement.patterns) or _("no pattern named")
    adopter = strong(person_text(agreement.adopter))
    day = escape(date_text(agreement.check_in))
    if agreement.sponsor is None:
        return _("{adopter} adopts {patterns}. Check-in {date}.").format(
            adopter=adopter, patterns=escape(patterns), date=day
        )
    return _("{adopter} adopts {patterns}. Check-in {date}, sponsor {sponsor}.").format(
        adopter=adopter, patterns=escape(patterns), date=day, sponsor=escape(person_text(agreement.sponsor))
    )


def support_headline(item: SupportItem) -> str:
    """Return "Coaching: 8 hours" for a support item."""
    amount = amount_text(item.amount, item.unit)
    if amount:
        return _("{support}: {amount}").format(support=item.type.label, amount=amount)
    return _("{support} (amount not set)").format(support=item.type.label)


def status_text(agreement: Agreement) -> str:
    """Return the agreement's status, with the reason when it was abandoned."""
    status = agreement.status.label
    if agreement.status == AgreementStatus.ABANDONED and agreement.status_reason:
        # Translators: an agreement's status and why, e.g. "Abandoned: the team was reorganised"
        return _("{status}: {reason}").format(status=status, reason=agreement.status_reason)
    return status


def coalition_names(event: Event) -> str:
    """Return the event's coalitions as "Payments + Identity"."""
    return " + ".join(c.name for c in event.coalitions)


def event_name(event: Event) -> str:
    """Return the event's title, or "Scale Across — <coalitions>" when it has none."""
    return event.title or _("Scale Across — {coalitions}").format(coalitions=coalition_names(event))
