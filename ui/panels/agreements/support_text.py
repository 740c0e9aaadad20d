"""How support, hours and capacity read on screen (shared by the Follow-Up panels and Review)."""

from __future__ import annotations

from collections.abc import Iterable

from facilitator import numbers
from facilitator.domain import Agreement, SupportItem
from facilitator.i18n import N_, _
from facilitator.services.participants import HOUR_UNITS, CapacityLine

#: The "nobody" entry of a drop-down of people; translated where it is shown: ``_(NONE_LABEL)``.
# Translators: the entry of a drop-down of people that chooses nobody
NONE_LABEL = N_("— none —")


def is_hours(unit: str) -> bool:
    """Return True when ``unit`` counts against a capacity in hours."""
    return unit.strip().lower() in HOUR_UNITS


def format_number(value: float | None) -> str:
    """Return 8 for 8.0 and 7.5 for 7.5 ("7,5" in German); an empty string for no value."""
    if value is None:
        return ""
    return numbers.decimal(value, 2)


def format_hours(value: float | None) -> str:
    """Return a number of hours as "24 h" ("2,5 h" in German; negative numbers with a real minus sign)."""
    return numbers.hours(value or 0.0)


def format_amount(item: SupportItem) -> str:
    """Return an item's amount with its unit: "8 h", "1 playbook", or ""."""
    if item.amount is None:
        return ""
    if is_hours(item.unit):
        return format_hours(item.amount)
    unit = item.unit.strip()
    if not unit:
        return format_number(item.amount)
    # Translators: an amount of support and the unit people typed for it, e.g. "1 playbook"
    return _("{amount} {unit}").format(amount=format_number(item.amount), unit=unit)


def item_summary(item: SupportItem) -> str:
    """Return one item as "Coaching 8 h" or "Artifact 1 playbook"."""
    return " ".join(part for part in (item.type.label, format_amount(item)) if part)


def support_summary(items: Iterable[SupportItem]) -> str:
    """Return all support of an agreement on one line, e.g. "Coaching 8 h · Artifact 1 playbook"."""
    return " · ".join(item_summary(item) for item in items)


def owner_names(agreement: Agreement) -> str:
    """Return the distinct owners of an agreement's support, in order."""
    names: list[str] = []
    for item in agreement.support_items:
        if item.owner is not None and item.owner.name not in names:
            names.append(item.owner.name)
    return ", ".join(names)


def stated_text(line: CapacityLine) -> str:
    """Return the stated hours of a capacity line ("no hours stated" when none)."""
    if line.stated_hours is None:
        return _("no hours stated")
    # Translators: the hours a support owner said they can give, e.g. "24 h available"
    return _("{hours} available").format(hours=format_hours(line.stated_hours))


def over_commitment_text(line: CapacityLine) -> str:
    """Return the sentence that names an over-commitment and its numbers.

    Example: "Zoë Lefèvre: 30 h promised, 24 h available — 6 h over".
    """
    # Translators: {stated} is "24 h available" or "no hours stated"
    return _("{owner}: {promised} promised, {stated} — {over} over").format(
        owner=line.owner_name,
        promised=format_hours(line.promised_hours),
        stated=stated_text(line),
        over=format_hours(-line.remaining_hours),
    )
