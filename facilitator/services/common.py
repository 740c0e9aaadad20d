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

from facilitator import numbers, stored_text
from facilitator.domain import Event, EventStatus, Participant
from facilitator.i18n import N_, _, ngettext
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
        raise NotFoundError(_("{value} is not a record id").format(value=repr(value))) from None


def clean_text(
    value: object,
    field: str,
    *,
    required: bool = False,
    max_length: int = 20_000,
    single_line: bool = False,
) -> str:
    """Return user text as the app stores it (see :mod:`facilitator.stored_text`).

    ``field`` names the field in messages: a label marked with ``N_``, translated here.

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
        raise ServiceError(_("{field} must be text").format(field=_(field)))
    text = stored_text.clean(value).text
    if required and not text:
        raise ServiceError(_("{field} must not be empty").format(field=_(field)))
    if single_line and "\n" in text:
        raise ServiceError(_("{field} must be a single line").format(field=_(field)))
    if len(text) > max_length:
        raise ServiceError(
            ngettext(
                "{field} is too long ({count} character, at most {maximum})",
                "{field} is too long ({count} characters, at most {maximum})",
                len(text),
            ).format(field=_(field), count=numbers.integer(len(text)), maximum=numbers.integer(max_length))
        )
    return text


def get(session: Session, model: type[T], record_id: object) -> T:
    """Return the record of ``model`` (an ORM class) or raise NotFoundError naming its kind.

    ``record_id`` is a UUID or its string form; any other value is not found.
    """
    record = session.get(model, as_uuid(record_id))
    if record is None:
        raise NotFoundError(_not_found(model.__name__, record_id))
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
        raise ServiceError(_("cannot change {fields}").format(fields=", ".join(sorted(unknown))))
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
            raise ServiceError(
                _("{field} must be one of: {allowed} (got {value})").format(
                    field=_(field), allowed=allowed, value=repr(value)
                )
            ) from None

    return clean


def hours_cleaner(field: str, *, allow_none: bool = True) -> Callable[[object], float | None]:
    """Return a cleaner for a non-negative number of hours (or amount)."""

    def clean(value: object) -> float | None:
        if value is None or value == "":
            if allow_none:
                return None
            raise ServiceError(_("{field} must be a number").format(field=_(field)))
        if isinstance(value, bool):
            raise ServiceError(_("{field} must be a number").format(field=_(field)))
        try:
            number = float(str(value).replace(",", "."))
        except ValueError:
            raise ServiceError(
                _("{field} must be a number (got {value})").format(field=_(field), value=repr(value))
            ) from None
        if number < 0 or not math.isfinite(number):
            raise ServiceError(
                _("{field} must be zero or more (got {value})").format(field=_(field), value=repr(value))
            )
        if number > MAX_NUMBER:
            raise ServiceError(
                _("{field} must be at most {maximum} (got {value})").format(
                    field=_(field), maximum=numbers.integer(int(MAX_NUMBER)), value=repr(value)
                )
            )
        return number

    return clean


def editable_event(session: Session, event_id: uuid.UUID | str) -> Event:
    """Return the event, refusing a closed one: closed events are history."""
    event = get(session, Event, event_id)
    if event.status == EventStatus.CLOSED:
        raise ServiceError(_("this event is closed; reopen it to change it"))
    return event


def participant_of(session: Session, event: Event, participant_id: object, refusal: str) -> Participant:
    """Return the participant, who must be at ``event``.

    ``refusal`` is the message for a participant of another event, naming
    their part ("the adopter must be a participant of this event"), marked
    with ``N_`` and translated here.

    Raises:
        NotFoundError: there is no such participant.
        ServiceError: the participant is at another event.
    """
    participant = get(session, Participant, participant_id)
    if participant.event_id != event.id:
        raise ServiceError(_(refusal))
    return participant


def _not_found(model_name: str, record_id: object) -> str:
    """Return "no participant with id …" for a record of the ORM class named ``model_name``."""
    message = _NOT_FOUND.get(model_name)
    if message is None:
        return _("no record with id {id}").format(id=record_id)
    return _(message).format(id=record_id)


# One whole sentence per kind of record, marked here and translated when said.
_NOT_FOUND = {
    "Agreement": N_("no agreement with id {id}"),
    "BoundaryCondition": N_("no boundary condition with id {id}"),
    "Coalition": N_("no coalition with id {id}"),
    "Event": N_("no event with id {id}"),
    "Outcome": N_("no outcome with id {id}"),
    "Participant": N_("no participant with id {id}"),
    "Pattern": N_("no pattern with id {id}"),
    "SupportItem": N_("no support item with id {id}"),
}
