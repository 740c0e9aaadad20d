"""Helpers that let a document schema read like its description.

Each helper takes a :class:`LocatedMapping` produced by the loader, a key, and
``where`` — the readable path of that mapping (``""`` for the top level,
``"steps[2]"`` for the second step) — and either returns a clean Python value
or raises :class:`DocumentError` at the line and column of the problem, with a
message that names the key and what was expected::

    steps[2].timebox_minutes: must be a positive whole number of minutes, got -5

List positions in paths are 1-based (``steps[1]`` is the first step) because
facilitators count that way; build paths with :func:`at_key` and
:func:`at_index` so all schemas agree.

Missing optional keys return the ``default`` argument. Text is returned as
the app stores text (:func:`facilitator.stored_text.clean`): the readers
already cleaned every text value, reporting or refusing what they dropped at
its line and column, so here surrounding whitespace is all that goes (block
scalars end with a newline nobody meant). A value that still holds a
character the rule drops (a key, or a value built by hand) is refused.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Collection, Mapping, Sequence

from facilitator import stored_text
from facilitator.dates import iso, iso_moment
from facilitator.documents.errors import DocumentError
from facilitator.documents.located import (
    START,
    LocatedMapping,
    LocatedSequence,
    Mark,
    error_at,
)

DEFAULT_MAX_TEXT = 2000
"""Default longest text accepted by :func:`get_text`, in characters."""

SLUG_MAX_LENGTH = 64

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# --- paths and errors -------------------------------------------------------


def at_key(where: str, key: str) -> str:
    """Return the path of ``key`` inside the mapping at ``where``."""
    return f"{where}.{key}" if where else key


def at_index(where: str, index: int) -> str:
    """Return the path of list item ``index`` (0-based) as a 1-based path."""
    return f"{where}[{index + 1}]"


def _prefixed(where: str, problem: str) -> str:
    return f"{where}: {problem}" if where else problem


def value_error(mapping: LocatedMapping, key: str, where: str, problem: str) -> DocumentError:
    """Build an error about the value of ``key``, pointing at that value.

    Use for rules the helpers do not cover (e.g. ids that must be unique).
    """
    return error_at(
        mapping.source, mapping.value_mark(key), _prefixed(at_key(where, key), problem)
    )


def key_error(mapping: LocatedMapping, key: str, where: str, problem: str) -> DocumentError:
    """Build an error about ``key`` itself, pointing at the key."""
    return error_at(mapping.source, mapping.key_mark(key), _prefixed(where, problem))


def describe(value: object) -> str:
    """Describe a value for a ``got ...`` message, as a reader would see it."""
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f'"{_short(value)}"'
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.datetime):
        return f"a date and time ({iso_moment(value)})"
    if isinstance(value, dt.date):
        return f"a date ({iso(value)})"
    if isinstance(value, Mapping):
        return "a mapping of keys and values"
    if isinstance(value, Sequence):
        return "a list"
    return "an unexpected value"


def describe_number(value: object) -> str:
    """Describe a value found where a number belongs.

    Text gets "the text" before it: ``timebox_minutes: 1:30`` looks like a
    number to its author, but YAML 1.2 reads it as text.
    """
    if isinstance(value, str):
        return f"the text {describe(value)}"
    return describe(value)


def _short(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= 40 else text[:37] + "..."


# --- containers -------------------------------------------------------------


def expect_mapping(
    value: object, where: str, *, source: str, mark: Mark | None = None
) -> LocatedMapping:
    """Return ``value`` if it is a mapping, else raise.

    Args:
        value: A value from the loader (the whole document, or an item).
        where: Its path; ``""`` for the whole document.
        source: File name for the message.
        mark: Where ``value`` is; defaults to its own mark, or the file start.
    """
    if isinstance(value, LocatedMapping):
        return value
    if where:
        problem = f"{where}: expected a mapping of keys and values (like 'key: value')"
    else:
        problem = "the file must contain keys and values (like 'key: value')"
    raise error_at(
        source, mark or getattr(value, "mark", START), f"{problem}, got {describe(value)}"
    )


def expect_sequence(
    value: object, where: str, *, source: str, mark: Mark | None = None
) -> LocatedSequence:
    """Return ``value`` if it is a list, else raise (see :func:`expect_mapping`)."""
    if isinstance(value, LocatedSequence):
        return value
    problem = f"{where}: expected a list" if where else "the file must contain a list"
    raise error_at(
        source, mark or getattr(value, "mark", START), f"{problem}, got {describe(value)}"
    )


def check_keys(
    mapping: LocatedMapping,
    where: str,
    *,
    required: Collection[str],
    optional: Collection[str] = (),
) -> None:
    """Refuse keys outside ``required | optional`` and missing required keys.

    Unknown keys are reported first, at the key, because a misspelt optional
    or required key is the usual cause of both.
    """
    allowed = set(required) | set(optional)
    for key in mapping:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            raise key_error(
                mapping,
                key,
                where,
                f'unknown key "{_short(key)}"{hint}; allowed keys: '
                + ", ".join(sorted(allowed)),
            )
    missing = sorted(key for key in required if key not in mapping)
    if missing:
        names = ", ".join(f'"{key}"' for key in missing)
        plural = "s" if len(missing) > 1 else ""
        raise error_at(
            mapping.source, mapping.mark, _prefixed(where, f"missing required key{plural} {names}")
        )


def _missing(mapping: LocatedMapping, key: str, where: str) -> DocumentError:
    return error_at(
        mapping.source, mapping.mark, _prefixed(where, f'missing required key "{key}"')
    )


def get_mapping(
    mapping: LocatedMapping, key: str, where: str, *, required: bool = True
) -> LocatedMapping | None:
    """Return the mapping under ``key`` (``None`` if optional and absent)."""
    if key not in mapping:
        if required:
            raise _missing(mapping, key, where)
        return None
    return expect_mapping(
        mapping[key], at_key(where, key), source=mapping.source, mark=mapping.value_mark(key)
    )


def get_sequence(
    mapping: LocatedMapping,
    key: str,
    where: str,
    *,
    required: bool = True,
    min_items: int = 0,
    max_items: int | None = None,
    item_name: str = "item",
) -> LocatedSequence:
    """Return the list under ``key``; an absent optional or empty value is ``[]``.

    ``key:`` with nothing after it counts as an empty list, which is what a
    person writing it means.
    """
    if key not in mapping:
        if required:
            raise _missing(mapping, key, where)
        return LocatedSequence((), source=mapping.source, mark=mapping.mark)
    value = mapping[key]
    if value is None:
        value = LocatedSequence((), source=mapping.source, mark=mapping.value_mark(key))
    items = expect_sequence(
        value, at_key(where, key), source=mapping.source, mark=mapping.value_mark(key)
    )
    count = len(items)
    if count < min_items:
        plural = item_name if min_items == 1 else item_name + "s"
        raise value_error(
            mapping, key, where, f"must have at least {min_items} {plural}, got {count}"
        )
    if max_items is not None and count > max_items:
        plural = item_name if max_items == 1 else item_name + "s"
        raise value_error(
            mapping, key, where, f"must have at most {max_items} {plural}, got {count}"
        )
    return items


# --- scalars ----------------------------------------------------------------


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
        return error_at(source, mark, _prefixed(path, problem))

    if value is None and allow_empty:
        return ""
    if value is None:
        raise fail("must not be empty")
    if not isinstance(value, str):
        if isinstance(value, (Mapping, Sequence)):
            raise fail(f"expected text, got {describe(value)}")
        # Unquoted `true`, `1.5` or `2024-01-02` are not text in YAML.
        kind = describe(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            kind = f"a number ({value})"
        reader = "the file has" if source.lower().endswith(".json") else "YAML read"
        raise fail(f"expected text but {reader} {kind}; put the text in quotes")
    cleaned = stored_text.clean(value)
    if cleaned.dropped:
        first = cleaned.dropped[0]
        raise fail(
            f"contains {first.describe()} at character {first.offset + 1}; remove it"
        )
    text = cleaned.text
    if not text and not allow_empty:
        raise fail("must not be empty")
    if single_line and "\n" in text:
        raise fail("must be a single line")
    if len(text) > max_length:
        raise fail(f"is too long ({len(text)} characters; at most {max_length})")
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
            raise _missing(mapping, key, where)
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
            "must be lowercase letters, digits and hyphens, starting with a "
            f'letter or digit (like "top-goal"), got {describe(text)}',
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
        unit: Plural unit for messages, e.g. ``"minutes"``.
    """
    if key not in mapping:
        if required:
            raise _missing(mapping, key, where)
        return default
    value = mapping[key]
    of_unit = f" of {unit}" if unit else ""
    if minimum == 1:
        rule = f"a positive whole number{of_unit}"
    elif minimum == 0:
        rule = f"zero or a positive whole number{of_unit}"
    elif minimum is None:
        rule = f"a whole number{of_unit}"
    else:
        rule = f"a whole number{of_unit}, at least {minimum}"
    # bool is a subclass of int in Python; `timebox: true` must not become 1.
    if not isinstance(value, int) or isinstance(value, bool):
        raise value_error(mapping, key, where, f"must be {rule}, got {describe_number(value)}")
    if minimum is not None and value < minimum:
        raise value_error(mapping, key, where, f"must be {rule}, got {value}")
    if maximum is not None and value > maximum:
        limit = f"{maximum} {unit}" if unit else str(maximum)
        raise value_error(mapping, key, where, f"must be at most {limit}, got {value}")
    return value


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
            raise _missing(mapping, key, where)
        return default
    value = mapping[key]
    if not isinstance(value, bool):
        raise value_error(mapping, key, where, f"must be true or false, got {describe(value)}")
    return value


def get_date(
    mapping: LocatedMapping, key: str, where: str, *, required: bool = True
) -> dt.date | None:
    """Return a date written as ``2025-03-14`` (quoted or not); ``None`` if absent."""
    if key not in mapping:
        if required:
            raise _missing(mapping, key, where)
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
        mapping, key, where, f"must be a date like 2025-03-14, got {describe(value)}"
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
            _prefixed(path, f"must be one of: {', '.join(choices)}; got {describe(text)}"),
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
            raise _missing(mapping, key, where)
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
                _prefixed(at_index(path, index), f'"{value}" is listed twice'),
            )
        result.append(value)
    return tuple(result)
