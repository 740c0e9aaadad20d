"""Value readers the event file needs beyond :mod:`facilitator.documents.schema`.

Record ids, numbers with fractions and date-times are specific to event
files, so they live here rather than in the shared schema helpers.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from dataclasses import dataclass

from facilitator.documents import DocumentError, LocatedMapping, Mark, error_at
from facilitator.documents.schema import (
    at_key,
    check_text,
    describe,
    describe_number,
    get_date,
    value_error,
)
from facilitator.services.common import MAX_NUMBER

UUID_PATTERN = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
KEY_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")


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
        "must be a UUID (like 8c1d5e2a-4b7f-4c1e-9a3d-2f6b8e0c7a91) or a short key "
        "of letters, digits, '-' and '_' starting with a letter (like ana or flags-1), "
        f"got {describe(text)}"
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
            raise error_at(mapping.source, mapping.mark, f'{where}: missing required key "{key}"')
        return default
    return check_text(
        mapping[key],
        at_key(where, key),
        source=mapping.source,
        mark=mapping.value_mark(key),
        max_length=max_length,
        single_line=True,
    )


def get_optional_date(mapping: LocatedMapping, key: str, where: str) -> dt.date | None:
    """Return a date, or ``None`` when the key is absent or empty (``null``)."""
    if key not in mapping or mapping[key] is None:
        return None
    return get_date(mapping, key, where)


def get_number(
    mapping: LocatedMapping, key: str, where: str, *, what: str = "number"
) -> float | None:
    """Return a number that is zero or more; ``None`` when absent or empty.

    YAML reads ``.inf`` and ``.nan`` as numbers; neither is an amount. The
    largest is the services' (``MAX_NUMBER``), so what the app stores imports.
    """
    if key not in mapping or mapping[key] is None:
        return None
    value = mapping[key]
    rule = f"must be zero or a positive {what}"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise value_error(mapping, key, where, f"{rule}, got {describe_number(value)}")
    number = float(value)
    if not math.isfinite(number) or number > MAX_NUMBER:
        raise value_error(mapping, key, where, f"{rule} of sensible size, got {value}")
    if number < 0:
        raise value_error(mapping, key, where, f"{rule}, got {value}")
    return number


def get_datetime(
    mapping: LocatedMapping, key: str, where: str, *, required: bool = False
) -> dt.datetime | None:
    """Return a date and time in UTC without time zone, as the database stores it.

    Accepts ``2026-11-21T10:00:00`` (read as UTC) and forms with an offset
    (``Z``, ``+01:00``), which are converted to UTC.
    """
    if key not in mapping or mapping[key] is None:
        if required:
            raise error_at(mapping.source, mapping.mark, f'{where}: missing required key "{key}"')
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
            f"must be a date and time like 2026-11-21T10:00:00 (UTC), got {describe(value)}",
        )
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def number_for_file(value: float | None) -> int | float | None:
    """Return ``value`` as a whole number when it is one, so files read ``8``, not ``8.0``."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)
