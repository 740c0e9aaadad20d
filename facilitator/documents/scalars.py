"""Schema helpers for single values: text, ids, numbers, yes/no, dates and choices.

Text is returned as the app stores text (:func:`facilitator.stored_text.clean`):
the readers already cleaned every text value, reporting or refusing what they
dropped at its line and column, so here surrounding whitespace is all that
goes (block scalars end with a newline nobody meant). A value that still holds
a character the rule drops (a key, or a value built by hand) is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from facilitator import numbers, stored_text
from facilitator.documents.containers import get_sequence
from facilitator.documents.errors import DocumentError
from facilitator.documents.located import LocatedMapping, Mark, error_at
from facilitator.documents.problems import (
    at_index,
    at_key,
    describe,
    describe_number,
    missing_key,
    value_error,
    with_path,
)
from facilitator.i18n import N_, _, ngettext

__all__ = [
    "DEFAULT_MAX_TEXT",
    "SLUG_MAX_LENGTH",
    "check_text",
    "get_bool",
    "get_date",
    "get_enum",
    "get_enum_list",
    "get_int",
    "get_slug",
    "get_text",
    "get_text_list",
]

DEFAULT_MAX_TEXT = 2000
"""Default longest text accepted by :func:`get_text`, in characters."""

SLUG_MAX_LENGTH = 64

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_text(
    value: object,
    path: str,
    *,
    source: str,
    mark: Mark,
    max_length: int = DEFAULT_MAX_TEXT,
    allow_empty: bool = False,
    single_line: bool = False,
) -> str:
    """Validate one text value found at ``path``; see :func:`get_text`."""

    def fail(problem: str) -> DocumentError:
        return error_at(source, mark, with_path(path, problem))

    if value is None and allow_empty:
        return ""
    if value is None:
        raise fail(_("must not be empty"))
    if not isinstance(value, str):
        if isinstance(value, (Mapping, Sequence)):
            raise fail(_("expected text, got {got}").format(got=describe(value)))
        # Unquoted `true`, `1.5` or `2024-01-02` are not text in YAML.
        kind = describe(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            # Translators: a value found in a file: "expected text but YAML read a number (1.5)"
            kind = _("a number ({value})").format(value=value)
        if source.lower().endswith(".json"):
            problem = _("expected text but the file has {kind}; put the text in quotes")
        else:
            problem = _("expected text but YAML read {kind}; put the text in quotes")
        raise fail(problem.format(kind=kind))
    cleaned = stored_text.clean(value)
    if cleaned.dropped:
        first = cleaned.dropped[0]
        raise fail(
            _("contains {character} at character {position}; remove it").format(
                character=first.describe(), position=first.offset + 1
            )
        )
    text = cleaned.text
    if not text and not allow_empty:
        raise fail(_("must not be empty"))
    if single_line and "\n" in text:
        raise fail(_("must be a single line"))
    if len(text) > max_length:
        raise fail(
            ngettext(
                "is too long ({count} character; at most {maximum})",
                "is too long ({count} characters; at most {maximum})",
                len(text),
            ).format(count=numbers.integer(len(text)), maximum=numbers.integer(max_length))
        )
    return text


def get_text(
    mapping: LocatedMapping,
    key: str,
    where: str,
    *,
    required: bool = True,
    default: str = "",
    max_length: int = DEFAULT_MAX_TEXT,
    allow_empty: bool = False,
    single_line: bool = False,
) -> str:
    """Return the text under ``key``, stripped of surrounding whitespace.

    Refuses non-text values YAML produced from unquoted words (``true`` is a
    yes/no value, ``1.5`` a number), suggesting quotes; refuses characters
    the app's text rule drops; refuses empty text unless ``allow_empty``;
    refuses newlines when ``single_line``.
    """
    if key not in mapping:
        if required:
            raise missing_key(mapping, key, where)
        return default
    return check_text(
        mapping[key],
        at_key(where, key),
        source=mapping.source,
        mark=mapping.value_mark(key),
        max_length=max_length,
        allow_empty=allow_empty,
        single_line=single_line,
    )


def get_slug(
    mapping: LocatedMapping,
    key: str,
    where: str,
    *,
    max_length: int = SLUG_MAX_LENGTH,
) -> str:
    """Return a required id made of lowercase letters, digits and hyphens."""
    text = get_text(mapping, key, where, single_line=True, max_length=max_length)
    if not _SLUG.fullmatch(text):
        raise value_error(
            mapping,
            key,
            where,
            _(
                "must be lowercase letters, digits and hyphens, starting with a "
                'letter or digit (like "top-goal"), got {got}'
            ).format(got=describe(text)),
        )
    return text


def get_int(
    mapping: LocatedMapping,
    key: str,
    where: str,
    *,
    required: bool = True,
    default: int = 0,
    minimum: int | None = None,
    maximum: int | None = None,
    unit: str | None = None,
) -> int:
    """Return a whole number; ``true``/``false`` are not numbers here.

    Args:
        unit: Plural unit for messages, e.g. ``"minutes"`` (one of :data:`_UNITS`).
    """
    if key not in mapping:
        if required:
            raise missing_key(mapping, key, where)
        return default
    value = mapping[key]
    rule = _whole_number_rule(minimum, unit)
    filled = {"unit": _unit(unit) if unit else "", "minimum": minimum}
    # bool is a subclass of int in Python; `timebox: true` must not become 1.
    if not isinstance(value, int) or isinstance(value, bool):
        raise value_error(mapping, key, where, rule.format(got=describe_number(value), **filled))
    if minimum is not None and value < minimum:
        raise value_error(mapping, key, where, rule.format(got=value, **filled))
    if maximum is not None and value > maximum:
        if unit:
            problem = _("must be at most {maximum} {unit}, got {got}").format(
                maximum=maximum, unit=_unit(unit), got=value
            )
        else:
            problem = _("must be at most {maximum}, got {got}").format(maximum=maximum, got=value)
        raise value_error(mapping, key, where, problem)
    return value


# Units of whole numbers the schemas use, marked: said in the language in use.
_UNITS = {
    # Translators: a unit of a whole number in a file ("must be at most 480 minutes")
    "minutes": N_("minutes"),
}


def _unit(unit: str) -> str:
    return _(_UNITS[unit]) if unit in _UNITS else unit


def _whole_number_rule(minimum: int | None, unit: str | None) -> str:
    """Return the rule a whole number breaks, e.g. "must be a positive whole number of {unit}, got {got}"."""
    if unit:
        if minimum == 1:
            rule = _("must be a positive whole number of {unit}, got {got}")
        elif minimum == 0:
            rule = _("must be zero or a positive whole number of {unit}, got {got}")
        elif minimum is None:
            rule = _("must be a whole number of {unit}, got {got}")
        else:
            rule = _("must be a whole number of {unit}, at least {minimum}, got {got}")
    elif minimum == 1:
        rule = _("must be a positive whole number, got {got}")
    elif minimum == 0:
        rule = _("must be zero or a positive whole number, got {got}")
    elif minimum is None:
        rule = _("must be a whole number, got {got}")
    else:
        rule = _("must be a whole number, at least {minimum}, got {got}")
    return rule


def get_bool(
    mapping: LocatedMapping,
    key: str,
    where: str,
    *,
    required: bool = True,
    default: bool = False,
) -> bool:
    """Return ``true``/``false`` (``yes``, ``no``, ``on`` and ``off`` are text in YAML 1.2)."""
    if key not in mapping:
        if required:
            raise missing_key(mapping, key, where)
        return default
    value = mapping[key]
    if not isinstance(value, bool):
        raise value_error(
            mapping, key, where, _("must be true or false, got {got}").format(got=describe(value))
        )
    return value


def get_date(mapping: LocatedMapping, key: str, where: str, *, required: bool = True) -> dt.date | None:
    """Return a date written as ``2025-03-14`` (quoted or not); ``None`` if absent."""
    if key not in mapping:
        if required:
            raise missing_key(mapping, key, where)
        return None
    value = mapping[key]
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise value_error(
        mapping, key, where, _("must be a date like 2025-03-14, got {got}").format(got=describe(value))
    )


def get_text_list(
    mapping: LocatedMapping,
    key: str,
    where: str,
    *,
    required: bool = True,
    max_items: int | None = None,
    max_length: int = DEFAULT_MAX_TEXT,
    single_line: bool = False,
) -> tuple[str, ...]:
    """Return a list of non-empty texts (an absent optional key gives ``()``)."""
    items = get_sequence(mapping, key, where, required=required, max_items=max_items)
    path = at_key(where, key)
    return tuple(
        check_text(
            item,
            at_index(path, index),
            source=mapping.source,
            mark=items.item_mark(index),
            max_length=max_length,
            single_line=single_line,
        )
        for index, item in enumerate(items)
    )


def _choice(value: object, path: str, choices: Sequence[str], *, source: str, mark: Mark) -> str:
    text = check_text(value, path, source=source, mark=mark, single_line=True)
    if text not in choices:
        raise error_at(
            source,
            mark,
            with_path(
                path,
                _("must be one of: {choices}; got {got}").format(
                    choices=", ".join(choices), got=describe(text)
                ),
            ),
        )
    return text


def get_enum(
    mapping: LocatedMapping,
    key: str,
    where: str,
    choices: Sequence[str],
    *,
    required: bool = True,
    default: str | None = None,
) -> str | None:
    """Return one of ``choices``; the message lists them all."""
    if key not in mapping:
        if required:
            raise missing_key(mapping, key, where)
        return default
    return _choice(
        mapping[key],
        at_key(where, key),
        choices,
        source=mapping.source,
        mark=mapping.value_mark(key),
    )


def get_enum_list(
    mapping: LocatedMapping,
    key: str,
    where: str,
    choices: Sequence[str],
    *,
    required: bool = True,
) -> tuple[str, ...]:
    """Return a list of distinct values from ``choices`` (may be empty)."""
    items = get_sequence(mapping, key, where, required=required)
    path = at_key(where, key)
    result: list[str] = []
    for index, item in enumerate(items):
        mark = items.item_mark(index)
        value = _choice(item, at_index(path, index), choices, source=mapping.source, mark=mark)
        if value in result:
            raise error_at(
                mapping.source,
                mark,
                with_path(at_index(path, index), _('"{value}" is listed twice').format(value=value)),
            )
        result.append(value)
    return tuple(result)
