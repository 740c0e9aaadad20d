"""Numbers in cells and fields people edit: shown without grouping, read back with a unit."""

from __future__ import annotations

import re

from babel.numbers import format_decimal

from facilitator.dates import babel_locale
from facilitator.i18n import _
from facilitator.services.participants import HOUR_UNITS


def edit_number(value: float | None) -> str:
    """Return a number as a field offers it for editing: no grouping, every decimal ("1234,5" in German).

    The services read either decimal sign back; a thousands separator would
    read as a decimal point. An empty string for no value.
    """
    if value is None:
        return ""
    return format_decimal(value, "0.######", locale=babel_locale())


def hour_words() -> set[str]:
    """Return the words people type after a number of hours, in English and the language in use."""
    # Translators: the words people type after a number of hours ("12 h"), separated by spaces
    typed = _("h hour hours hr hrs")
    return set(HOUR_UNITS) | {word.lower() for word in typed.split()}


def without_hour_unit(text: str) -> str:
    """Return ``text`` without a trailing unit of hours: "12 h", "12 hours", "12 Std." are "12"."""
    words = sorted((re.escape(word) for word in hour_words()), key=len, reverse=True)
    return re.sub(r"\s*(" + "|".join(words) + r")\.?\s*$", "", text, flags=re.IGNORECASE).strip()
