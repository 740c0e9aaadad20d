"""How numbers are written for people, in the language in use: the one place.

Counts, hours, shares and sizes read with the language's own separators
("1,234.5" in English, "1.234,5" in German) wherever people read them: the
window, the command line's tables, the PDFs. What a program reads (CSV
columns meant for spreadsheets, event files, ``--json``) keeps Python's own
``str()``; only text for people goes through here.
"""

from __future__ import annotations

from facilitator.dates import babel_locale
from facilitator.i18n import SOURCE_LANGUAGE, language

__all__ = ["decimal", "hours", "integer", "percent"]


def integer(value: int) -> str:
    """Return a count with the language's grouping: "1,234" ("1.234" in German)."""
    if language() == SOURCE_LANGUAGE:
        return f"{value:,}"  # without loading Babel: the window's start reads counts
    return _format(value, "#,##0")


def decimal(value: float, places: int = 1) -> str:
    """Return a number with at most ``places`` decimals, none when it is whole: "2.5", "3" ("2,5")."""
    pattern = "#,##0." + "#" * places if places else "#,##0"
    return _format(value, pattern)


def _format(value: float, pattern: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, pattern, locale=babel_locale())


def percent(fraction: float) -> str:
    """Return a share (0.0–1.0) as a whole percentage: "45 %" (a space before the sign)."""
    return f"{integer(round(fraction * 100))} %"


def hours(value: float) -> str:
    """Return a number of hours: "2.5 h" ("2,5 h"); a negative one with a true minus sign."""
    text = decimal(abs(value), 2)
    return f"{'−' if value < 0 else ''}{text} h"
