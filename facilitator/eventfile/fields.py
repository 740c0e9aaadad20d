"""Value readers the event file needs beyond :mod:`facilitator.documents.schema`.

Record ids, numbers with fractions and date-times are specific to event
files, so they live here rather than in the shared schema helpers. So do the
length limits and the small readers every part of the event file schema
(:mod:`~facilitator.eventfile.schema` and the modules beside it) shares.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
import uuid
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar, overload

from facilitator.agenda.texts import language_code
from facilitator.documents import DocumentError, LocatedMapping, Mark, error_at
from facilitator.documents.schema import (
    at_index,
    at_key,
    check_keys,
    check_text,
    describe,
    describe_number,
    expect_mapping,
    get_date,
    get_enum,
    get_sequence,
    get_text,
    value_error,
)
from facilitator.i18n import N_, _
from facilitator.services.common import MAX_NUMBER

UUID_PATTERN = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
KEY_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")

# The same limits the services apply, so a file never brings in what the
# app would refuse to store when typed.
MAX_NAME, MAX_TITLE, MAX_LONG, MAX_NOTE, MAX_STEP = 200, 300, 20_000, 5_000, 64
MAX_OUTCOME_TITLE, MAX_UNIT, MAX_AGENDA = 500, 40, 64

_Choice = TypeVar("_Choice", bound=enum.Enum)
_Record = TypeVar("_Record")


@dataclass(frozen=True)
class Place:
    """Where something was written, so later checks can still point at it."""

    source: str
    path: str
    mark: Mark

    def error(self, problem: str) -> DocumentError:
        """Return a :class:`DocumentError` about ``problem`` at this place."""
        return error_at(self.source, self.mark, f"{self.path}: {problem}")


@dataclass(frozen=True)
class RecordId:
    """A record's ``id``: a UUID kept on import, or a short key for people.

    Attributes:
        text: The id as references must spell it (UUIDs in lower case).
        uuid: The UUID, or ``None`` for a short key.
        place: Where the id is written.
    """

    text: str
    uuid: uuid.UUID | None
    place: Place


class Identified(Protocol):
    """A record read from an event file, which may carry an id."""

    @property
    def id(self) -> RecordId | None: ...


def place_of_value(mapping: LocatedMapping, key: str, where: str) -> Place:
    """Return the place of the value under ``key``."""
    return Place(mapping.source, at_key(where, key), mapping.value_mark(key))


def place_of(mapping: LocatedMapping, where: str) -> Place:
    """Return the place of a whole mapping (a record)."""
    return Place(mapping.source, where, mapping.mark)


def get_record_id(mapping: LocatedMapping, where: str) -> RecordId | None:
    """Return the record's ``id`` (``None`` if it has none).

    Raises:
        DocumentError: The id is neither a UUID nor a short key.
    """
    if "id" not in mapping or mapping["id"] is None:
        return None
    text = get_line(mapping, "id", where, required=True, max_length=64)
    place = place_of_value(mapping, "id", where)
    if UUID_PATTERN.fullmatch(text):
        value = uuid.UUID(text)
        return RecordId(str(value), value, place)
    if KEY_PATTERN.fullmatch(text):
        return RecordId(text, None, place)
    raise place.error(
        _(
            "must be a UUID (like 8c1d5e2a-4b7f-4c1e-9a3d-2f6b8e0c7a91) or a short key "
            "of letters, digits, '-' and '_' starting with a letter (like ana or flags-1), "
            "got {value}"
        ).format(value=describe(text))
    )


def get_line(
    mapping: LocatedMapping,
    key: str,
    where: str,
    *,
    required: bool = False,
    default: str = "",
    max_length: int = 200,
) -> str:
    """Return one line of non-empty text (a name used as a reference, an id)."""
    if key not in mapping:
        if required:
            raise _missing_key(mapping, key, where)
        return default
    return check_text(
        mapping[key],
        at_key(where, key),
        source=mapping.source,
        mark=mapping.value_mark(key),
        max_length=max_length,
        single_line=True,
    )


def get_language(mapping: LocatedMapping, key: str, where: str) -> str | None:
    """Return a language code (``de``, ``pt_BR``), or ``None`` when the key is absent or empty.

    Any language is kept, with a catalog here or not: the file may come from
    an app that speaks more languages, and a document in a language without
    a catalog is written in the app's (``facilitator.i18n.speaking``).
    """
    if mapping.get(key) is None:
        return None
    written = get_line(mapping, key, where, max_length=35)
    code = language_code(written)
    if code is None:
        raise value_error(
            mapping,
            key,
            where,
            _('"{code}" is not a language code; write one like en, de, fr or pt_BR').format(code=written),
        )
    return code


def _missing_key(mapping: LocatedMapping, key: str, where: str) -> DocumentError:
    problem = _('missing required key "{key}"').format(key=key)
    return error_at(mapping.source, mapping.mark, f"{where}: {problem}")


def get_optional_date(mapping: LocatedMapping, key: str, where: str) -> dt.date | None:
    """Return a date, or ``None`` when the key is absent or empty (``null``)."""
    if key not in mapping or mapping[key] is None:
        return None
    return get_date(mapping, key, where)


def get_number(mapping: LocatedMapping, key: str, where: str, *, what: str = "number") -> float | None:
    """Return a number that is zero or more; ``None`` when absent or empty.

    YAML reads ``.inf`` and ``.nan`` as numbers; neither is an amount. The
    largest is the services' (``MAX_NUMBER``), so what the app stores imports.
    """
    if key not in mapping or mapping[key] is None:
        return None
    value = mapping[key]
    rule = _(_NUMBER_RULES[what]) if what in _NUMBER_RULES else _("must be zero or a positive {what}")
    rule = rule.format(what=what)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise value_error(
            mapping, key, where, _("{rule}, got {value}").format(rule=rule, value=describe_number(value))
        )
    number = float(value)
    if not math.isfinite(number) or number > MAX_NUMBER:
        raise value_error(
            mapping, key, where, _("{rule} of sensible size, got {value}").format(rule=rule, value=value)
        )
    if number < 0:
        raise value_error(mapping, key, where, _("{rule}, got {value}").format(rule=rule, value=value))
    return number


# What get_number's ``what`` asks for, as its message says it.
_NUMBER_RULES = {
    "number": N_("must be zero or a positive number"),
    "amount": N_("must be zero or a positive amount"),
    "number of seconds": N_("must be zero or a positive number of seconds"),
    "number of hours": N_("must be zero or a positive number of hours"),
}


@overload
def get_datetime(
    mapping: LocatedMapping, key: str, where: str, *, required: Literal[True]
) -> dt.datetime: ...


@overload
def get_datetime(
    mapping: LocatedMapping, key: str, where: str, *, required: bool = False
) -> dt.datetime | None: ...


def get_datetime(
    mapping: LocatedMapping, key: str, where: str, *, required: bool = False
) -> dt.datetime | None:
    """Return a date and time in UTC without time zone, as the database stores it.

    Accepts ``2026-11-21T10:00:00`` (read as UTC) and forms with an offset
    (``Z``, ``+01:00``), which are converted to UTC.
    """
    if key not in mapping or mapping[key] is None:
        if required:
            raise _missing_key(mapping, key, where)
        return None
    value = mapping[key]
    parsed: dt.datetime | None = None
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, str) and len(value.strip()) >= 16 and value.strip()[10] in "T ":
        try:
            parsed = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            parsed = None
    if parsed is None:
        raise value_error(
            mapping,
            key,
            where,
            _("must be a date and time like 2026-11-21T10:00:00 (UTC), got {value}").format(
                value=describe(value)
            ),
        )
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def number_for_file(value: float | None) -> int | float | None:
    """Return ``value`` as a whole number when it is one, so files read ``8``, not ``8.0``."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


# --- records ------------------------------------------------------------------


def read_text(
    mapping: LocatedMapping,
    key: str,
    where: str,
    max_length: int,
    *,
    required: bool = False,
    default: str = "",
) -> str:
    """Return the text under ``key``; optional text may be empty."""
    return get_text(
        mapping,
        key,
        where,
        required=required,
        default=default,
        max_length=max_length,
        allow_empty=not required,
    )


def read_choice(
    mapping: LocatedMapping,
    key: str,
    where: str,
    enum_cls: type[_Choice],
    default: _Choice | None = None,
) -> _Choice:
    """Return the member of ``enum_cls`` named by its value under ``key``.

    Args:
        default: The member an absent key means; without one the key is required.
    """
    value = get_enum(
        mapping,
        key,
        where,
        [member.value for member in enum_cls],
        required=default is None,
        default=None if default is None else default.value,
    )
    return enum_cls(value)


def read_records(
    top: LocatedMapping, key: str, read: Callable[[LocatedMapping, str], _Record]
) -> tuple[_Record, ...]:
    """Return the records of the top-level list ``key``, each read by ``read(mapping, where)``."""
    items = get_sequence(top, key, "", required=False)
    records = []
    for index, item in enumerate(items):
        where = at_index(key, index)
        mapping = expect_mapping(item, where, source=top.source, mark=items.item_mark(index))
        records.append(read(mapping, where))
    return tuple(records)


def record_mappings(mapping: LocatedMapping, key: str, where: str) -> Iterator[tuple[int, LocatedMapping]]:
    """Yield each item of the list under ``key`` with its index; every item must be a mapping."""
    items = get_sequence(mapping, key, where, required=False)
    path = at_key(where, key)
    for index, item in enumerate(items):
        yield (
            index,
            expect_mapping(item, at_index(path, index), source=mapping.source, mark=items.item_mark(index)),
        )


def check_record_keys(
    mapping: LocatedMapping, where: str, required: Collection[str], optional: Collection[str]
) -> None:
    """Refuse keys a record may not have; every record may carry an ``id``."""
    check_keys(mapping, where, required=required, optional=("id", *optional))
