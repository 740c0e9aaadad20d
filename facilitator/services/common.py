"""Small helpers every service uses: ids, text cleaning, lookups, ordering."""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator import stored_text
from facilitator.domain import Base, Event, EventStatus
from facilitator.services.errors import NotFoundError, ServiceError

T = TypeVar("T", bound=Base)

MAX_NUMBER = 1e12
"""Largest amount, number of hours or of seconds stored; event files refuse more."""


def as_uuid(value: uuid.UUID | str) -> uuid.UUID:
    """Return ``value`` as a UUID, accepting its string forms."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFoundError(f"{value!r} is not a record id") from None


def clean_text(
    value: Any,
    field: str,
    *,
    required: bool = False,
    max_length: int = 20_000,
    single_line: bool = False,
) -> str:
    """Return user text as the app stores it (see :mod:`facilitator.stored_text`).

    Line ends become newlines, invisible characters are dropped and the ends
    trimmed: the same rule the event-file reader applies, so what is stored
    here is exported and imported unchanged.

    Raises:
        ServiceError: a required field is empty, a single-line field has a
            line break, or the text is too long.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ServiceError(f"{field} must be text")
    text = stored_text.clean(value).text
    if required and not text:
        raise ServiceError(f"{field} must not be empty")
    if single_line and "\n" in text:
        raise ServiceError(f"{field} must be a single line")
    if len(text) > max_length:
        raise ServiceError(f"{field} is too long ({len(text)} characters, at most {max_length})")
    return text


def get(session: Session, model: type[T], record_id: uuid.UUID | str) -> T:
    """Return the record or raise NotFoundError naming its kind."""
    record = session.get(model, as_uuid(record_id))
    if record is None:
        kind = model.__name__.lower()
        raise NotFoundError(f"no {kind} with id {record_id}")
    return record


def next_position(session: Session, column, **scope: Any) -> int:
    """Return the position after the last sibling within ``scope``."""
    model = column.class_
    query = select(func.max(column))
    for name, value in scope.items():
        query = query.where(getattr(model, name) == value)
    current = session.scalar(query)
    return 0 if current is None else current + 1


def move_to_index(siblings: Sequence[Any], record: Any, index: int) -> None:
    """Move ``record`` to ``index`` among ``siblings`` and renumber them 0..n-1."""
    ordered = sorted(siblings, key=lambda r: r.position)
    if record not in ordered:
        raise ServiceError("the record is not in this list")
    ordered.remove(record)
    index = max(0, min(index, len(ordered)))
    ordered.insert(index, record)
    for position, item in enumerate(ordered):
        item.position = position


def renumber(siblings: Iterable[Any]) -> None:
    """Close gaps in positions after a removal, keeping the order."""
    for position, item in enumerate(sorted(siblings, key=lambda r: r.position)):
        item.position = position


def apply_fields(record: Any, changes: dict[str, Any], cleaners: dict[str, Any]) -> None:
    """Set each changed field after passing it through its cleaner.

    Raises:
        ServiceError: a field is unknown or its value is refused.
    """
    unknown = set(changes) - set(cleaners)
    if unknown:
        raise ServiceError(f"cannot change {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(record, name, cleaners[name](value))


def text_cleaner(
    field: str, *, required: bool = False, max_length: int = 20_000, single_line: bool = False
):
    """Return a cleaner for ``apply_fields`` that cleans text for ``field``."""
    return lambda value: clean_text(
        value, field, required=required, max_length=max_length, single_line=single_line
    )


def enum_cleaner(enum_cls, field: str):
    """Return a cleaner that accepts an enum member or its stored value."""

    def clean(value):
        try:
            return enum_cls(value)
        except ValueError:
            allowed = ", ".join(enum_cls.values())
            raise ServiceError(f"{field} must be one of: {allowed} (got {value!r})") from None

    return clean


def hours_cleaner(field: str, *, allow_none: bool = True):
    """Return a cleaner for a non-negative number of hours (or amount)."""

    def clean(value):
        if value is None or value == "":
            if allow_none:
                return None
            raise ServiceError(f"{field} must be a number")
        if isinstance(value, bool):
            raise ServiceError(f"{field} must be a number")
        try:
            number = float(str(value).replace(",", "."))
        except ValueError:
            raise ServiceError(f"{field} must be a number (got {value!r})") from None
        if number < 0 or not math.isfinite(number):
            raise ServiceError(f"{field} must be zero or more (got {value!r})")
        if number > MAX_NUMBER:
            raise ServiceError(f"{field} must be at most {MAX_NUMBER:,.0f} (got {value!r})")
        return number

    return clean


def editable_event(session: Session, event_id: uuid.UUID | str) -> Event:
    """Return the event, refusing a closed one: closed events are history."""
    event = get(session, Event, event_id)
    if event.status == EventStatus.CLOSED:
        raise ServiceError("this event is closed; reopen it to change it")
    return event
