"""File sizes as people read them, in one style everywhere (messages, lists, the CLI)."""

from __future__ import annotations

from facilitator import numbers
from facilitator.i18n import SOURCE_LANGUAGE, language, ngettext


def describe_size(count: int) -> str:
    """Return a byte count as ``"512 bytes"``, ``"360 KB"`` or ``"1.5 MB"``, in the language in use."""
    if count < 1024:
        return ngettext("{count} byte", "{count} bytes", count).format(count=numbers.integer(count))
    if count < 1024 * 1024:
        return f"{numbers.integer(round(count / 1024))} KB"
    return f"{_one_place(count / (1024 * 1024))} MB"


def _one_place(value: float) -> str:
    """Return ``value`` with exactly one decimal ("1.0", "1,5" in German)."""
    if language() == SOURCE_LANGUAGE:
        return f"{value:.1f}"
    from babel.numbers import format_decimal

    from facilitator.dates import babel_locale

    return format_decimal(value, "#,##0.0", locale=babel_locale())
