"""Paths inside a document, and the problems reported at them.

A path names a key or list item the way a facilitator reads it
(``steps[2].timebox_minutes``); every message starts with one, and every
error points at the line and column of what it is about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from facilitator.dates import iso, iso_moment
from facilitator.documents.errors import DocumentError
from facilitator.documents.located import LocatedMapping, error_at
from facilitator.i18n import _

__all__ = [
    "at_index",
    "at_key",
    "describe",
    "describe_number",
    "key_error",
    "missing_key",
    "shorten",
    "value_error",
    "with_path",
]


def at_key(where: str, key: str) -> str:
    """Return the path of ``key`` inside the mapping at ``where``."""
    return f"{where}.{key}" if where else key


def at_index(where: str, index: int) -> str:
    """Return the path of list item ``index`` (0-based) as a 1-based path."""
    return f"{where}[{index + 1}]"


def with_path(where: str, problem: str) -> str:
    """Return ``problem`` prefixed with the path it is about (nothing for the top level)."""
    return f"{where}: {problem}" if where else problem


def value_error(mapping: LocatedMapping, key: str, where: str, problem: str) -> DocumentError:
    """Build an error about the value of ``key``, pointing at that value.

    Use for rules the helpers do not cover (e.g. ids that must be unique).
    """
    return error_at(mapping.source, mapping.value_mark(key), with_path(at_key(where, key), problem))


def key_error(mapping: LocatedMapping, key: str, where: str, problem: str) -> DocumentError:
    """Build an error about ``key`` itself, pointing at the key."""
    return error_at(mapping.source, mapping.key_mark(key), with_path(where, problem))


def describe(value: object) -> str:
    """Describe a value for a ``got ...`` message, as a reader would see it."""
    if isinstance(value, bool):
        # Translators: a value found in a file, after "got": "a yes/no value (true)"
        return _("a yes/no value ({value})").format(value=str(value).lower())
    if value is None:
        # Translators: a value found in a file, after "got": an empty value
        return _("nothing")
    if isinstance(value, str):
        return f'"{shorten(value)}"'
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.datetime):
        # Translators: a value found in a file, after "got"
        return _("a date and time ({value})").format(value=iso_moment(value))
    if isinstance(value, dt.date):
        # Translators: a value found in a file, after "got"
        return _("a date ({value})").format(value=iso(value))
    if isinstance(value, Mapping):
        # Translators: a value found in a file, after "got"
        return _("a mapping of keys and values")
    if isinstance(value, Sequence):
        # Translators: a value found in a file, after "got"
        return _("a list")
    # Translators: a value found in a file, after "got"
    return _("an unexpected value")


def describe_number(value: object) -> str:
    """Describe a value found where a number belongs.

    Text gets "the text" before it: ``timebox_minutes: 1:30`` looks like a
    number to its author, but YAML 1.2 reads it as text.
    """
    if isinstance(value, str):
        # Translators: a value found in a file where a number belongs, after "got": the text "1:30"
        return _("the text {value}").format(value=describe(value))
    return describe(value)


def shorten(text: str) -> str:
    """Return ``text`` on one line, cut to 40 characters for a message."""
    text = text.replace("\n", " ")
    return text if len(text) <= 40 else text[:37] + "..."


def missing_key(mapping: LocatedMapping, key: str, where: str) -> DocumentError:
    """Build the error for a required ``key`` that the mapping at ``where`` lacks."""
    problem = _('missing required key "{key}"').format(key=key)
    return error_at(mapping.source, mapping.mark, with_path(where, problem))
