"""Small helpers every service uses: ids, text cleaning, lookups, ordering."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.domain import Base, Event, EventStatus
from facilitator.services.errors import NotFoundError, ServiceError

T = TypeVar("T", bound=Base)

# C0/C1 control characters other than tab and newline break PDFs and
# terminals and are never typed on purpose.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def as_uuid(value: uuid.UUID | str) -> uuid.UUID:
    """Return ``value`` as a UUID, accepting its string forms."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFoundError(f"{value!r} is not a record id") from None


def clean_text(value: Any, field: str, *, required: bool = False, max_length: int = 20_000) -> str:
    """Return user text with control characters removed and ends trimmed.

    Raises:
        ServiceError: a required field is empty or the text is too long.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ServiceError(f"{field} must be text")
    text = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if required and not text:
        raise ServiceError(f"{field} must not be empty")
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


def text_cleaner(field: str, *, required: bool = False, max_length: int = 20_000):
    """Return a cleaner for ``apply_fields`` that cleans text for ``field``."""
    return lambda value: clean_text(value, field, required=required, max_length=max_length)


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
        if number < 0 or number != number or number == float("inf"):
            raise ServiceError(f"{field} must be zero or more (got {value!r})")
        return number

    return clean


def editable_event(session: Session, event_id: uuid.UUID | str) -> Event:
    """Return the event, refusing a closed one: closed events are history."""
    event = get(session, Event, event_id)
    if event.status == EventStatus.CLOSED:
        raise ServiceError("this event is closed; reopen it to change it")
    return event
