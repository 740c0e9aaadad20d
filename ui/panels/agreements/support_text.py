"""How support, hours and capacity read on screen (shared by the Follow-Up panels and Review)."""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.domain import Agreement, SupportItem
from facilitator.services.participants import HOUR_UNITS, CapacityLine

NONE_LABEL = "— none —"


def is_hours(unit: str) -> bool:
    """Return True when ``unit`` counts against a capacity in hours."""
    return unit.strip().lower() in HOUR_UNITS


def format_number(value: float | None) -> str:
    """Return 8 for 8.0 and 7.5 for 7.5; an empty string for no value."""
    if value is None:
        return ""
    return f"{value:g}"


def format_hours(value: float | None) -> str:
    """Return a number of hours as "24 h" (negative numbers with a real minus sign)."""
    text = format_number(abs(value or 0.0))
    return f"−{text} h" if (value or 0.0) < 0 else f"{text} h"


def format_amount(item: SupportItem) -> str:
    """Return an item's amount with its unit: "8 h", "1 playbook", or ""."""
    if item.amount is None:
        return ""
    if is_hours(item.unit):
        return format_hours(item.amount)
    unit = item.unit.strip()
    return f"{format_number(item.amount)} {unit}".strip()


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
    return "no hours stated" if line.stated_hours is None else f"{format_hours(line.stated_hours)} available"


def over_commitment_text(line: CapacityLine) -> str:
    """Return the sentence that names an over-commitment and its numbers.

    Example: "Zoë Lefèvre: 30 h promised, 24 h available — 6 h over".
    """
    over = format_hours(-line.remaining_hours)
    return (
        f"{line.owner_name}: {format_hours(line.promised_hours)} promised, {stated_text(line)} — {over} over"
    )
