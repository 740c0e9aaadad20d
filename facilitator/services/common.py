"""Small helpers every service uses: ids, lookups, and the cleaners of user input.

A cleaner takes what the user typed (any value, often text) and returns what
is stored, or raises :class:`ServiceError` saying what is wrong.
"""

from __future__ import annotations

import enum
import math
import uuid
from collections.abc import Callable, Mapping
from typing import TypeVar

from sqlalchemy.orm import Session

from facilitator import stored_text
from facilitator.domain import Event, EventStatus, Participant
from facilitator.services.errors import NotFoundError, ServiceError

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

Cleaner = Callable[[object], object]
"""Turns a value the user gave into the value stored, or raises ServiceError."""

MAX_NUMBER = 1e12
"""Largest amount, number of hours or of seconds stored; event files refuse more."""


def as_uuid(value: object) -> uuid.UUID:
    """Return ``value`` as a UUID, accepting its string forms.

    Raises:
        NotFoundError: ``value`` is no record id (of any type).
    """
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFoundError(f"{value!r} is not a record id") from None


def clean_text(
    value: object,
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


def get(session: Session, model: type[T], record_id: object) -> T:
    """Return the record of ``model`` (an ORM class) or raise NotFoundError naming its kind.

    ``record_id`` is a UUID or its string form; any other value is not found.
    """
    record = session.get(model, as_uuid(record_id))
    if record is None:
        kind = model.__name__.lower()
        raise NotFoundError(f"no {kind} with id {record_id}")
    return record


def apply_fields(record: object, changes: Mapping[str, object], cleaners: Mapping[str, Cleaner]) -> None:
    """Set each changed field after passing it through its cleaner.

    Every value is cleaned before any is set, so a refused value leaves the
    record as it was even for a caller that goes on with the session.

    Raises:
        ServiceError: a field is unknown or its value is refused.
    """
    unknown = set(changes) - set(cleaners)
    if unknown:
        raise ServiceError(f"cannot change {', '.join(sorted(unknown))}")
    cleaned = {name: cleaners[name](value) for name, value in changes.items()}
    for name, value in cleaned.items():
        setattr(record, name, value)


def text_cleaner(
    field: str, *, required: bool = False, max_length: int = 20_000, single_line: bool = False
) -> Callable[[object], str]:
    """Return a cleaner for ``apply_fields`` that cleans text for ``field``."""
    return lambda value: clean_text(
        value, field, required=required, max_length=max_length, single_line=single_line
    )


def enum_cleaner(enum_cls: type[E], field: str) -> Callable[[object], E]:
    """Return a cleaner that accepts an enum member or its stored value."""

    def clean(value: object) -> E:
        try:
            return enum_cls(value)
        except ValueError:
            allowed = ", ".join(str(member.value) for member in enum_cls)
            raise ServiceError(f"{field} must be one of: {allowed} (got {value!r})") from None

    return clean


def hours_cleaner(field: str, *, allow_none: bool = True) -> Callable[[object], float | None]:
    """Return a cleaner for a non-negative number of hours (or amount)."""

    def clean(value: object) -> float | None:
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


def participant_of(session: Session, event: Event, participant_id: object, what: str) -> Participant:
    """Return the participant, who must be at ``event``; ``what`` names their part in messages.

    Raises:
        NotFoundError: there is no such participant.
        ServiceError: the participant is at another event.
    """
    participant = get(session, Participant, participant_id)
    if participant.event_id != event.id:
        raise ServiceError(f"the {what} must be a participant of this event")
    return participant
