"""Update, remove and move a record that lives in an ordered list.

Outcomes, participants and agreements are listed in their event, support
items in their agreement, boundary conditions in their pattern (one list per
kind of condition). A :class:`Listed` says, for one such kind of record,
which list holds it and which event must be open for it to change; the
functions here do the rest the same way for every kind.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from sqlalchemy.orm import Session

from facilitator.domain import Event
from facilitator.i18n import _
from facilitator.services.common import Cleaner, apply_fields, editable_event, get
from facilitator.services.errors import ServiceError


class Positioned(Protocol):
    """A record with a place in an ordered list."""

    position: int


R = TypeVar("R", bound=Positioned)


@dataclass(frozen=True)
class Listed(Generic[R]):
    """How one kind of record sits in its list.

    Write ``OUTCOMES = Listed(Outcome, ...)`` and let the type be inferred:
    mypy checks a written ``Listed[Outcome]`` against :class:`Positioned`
    before it reads the mapped ``position`` column as an ``int``, and refuses it.

    Attributes:
        model: The ORM class of the record.
        holder: The collection the record is removed from (an ORM relationship).
        siblings: The records it is ordered among; by default its holder.
        event_id: The event that must be open to change the record, or None
            when the record is not bound to one event (boundary conditions
            belong to a pattern shared by many events).
    """

    model: type[R]
    holder: Callable[[R], list[R]]
    siblings: Callable[[R], list[R]] | None = None
    event_id: Callable[[R], uuid.UUID] | None = None

    def ordered_among(self, record: R) -> list[R]:
        """Return the records ``record`` is ordered among, itself included."""
        return (self.siblings or self.holder)(record)


def move_to_index(siblings: Sequence[R], record: R, index: int) -> None:
    """Move ``record`` to ``index`` among ``siblings`` and renumber them 0..n-1."""
    ordered = sorted(siblings, key=lambda r: r.position)
    if record not in ordered:
        raise ServiceError(_("the record is not in this list"))
    ordered.remove(record)
    index = max(0, min(index, len(ordered)))
    ordered.insert(index, record)
    for position, item in enumerate(ordered):
        item.position = position


def renumber(siblings: Iterable[R]) -> None:
    """Close gaps in positions after a removal, keeping the order."""
    for position, item in enumerate(sorted(siblings, key=lambda r: r.position)):
        item.position = position


def append_record(
    session: Session,
    holder: list[R],
    record: R,
    values: Mapping[str, object],
    cleaners: Mapping[str, Cleaner],
) -> R:
    """Fill a new record's fields through their cleaners and add it at the end of ``holder``.

    Raises:
        ServiceError: a field is unknown or its value refused (nothing is added).
    """
    record.position = len(holder)
    apply_fields(record, values, cleaners)
    holder.append(record)
    session.flush()
    return record


def find_record(session: Session, kind: Listed[R], record_id: uuid.UUID | str) -> R:
    """Return the record, refusing one whose event is closed.

    Raises:
        NotFoundError: there is no such record (or event).
        ServiceError: the record's event is closed.
    """
    record = get(session, kind.model, record_id)
    if kind.event_id is not None:
        editable_event(session, kind.event_id(record))
    return record


def find_record_and_event(session: Session, kind: Listed[R], record_id: uuid.UUID | str) -> tuple[R, Event]:
    """Return the record and its event, refusing a closed event.

    Raises:
        NotFoundError: there is no such record (or event).
        ServiceError: the record's event is closed.
    """
    if kind.event_id is None:
        raise TypeError(f"{kind.model.__name__} records do not belong to one event")
    record = get(session, kind.model, record_id)
    return record, editable_event(session, kind.event_id(record))


def update_record(
    session: Session,
    kind: Listed[R],
    record_id: uuid.UUID | str,
    changes: Mapping[str, object],
    cleaners: Mapping[str, Cleaner] | Callable[[Event], Mapping[str, Cleaner]],
) -> R:
    """Set the changed fields of a record, each through its cleaner.

    Args:
        session: The caller's session.
        kind: Which kind of record.
        record_id: The record.
        changes: New values by field name.
        cleaners: The cleaner of each field that may change, or a function
            of the record's event returning them (when a value must belong
            to that event, as an adopter must).

    Returns:
        The changed record.

    Raises:
        NotFoundError: there is no such record.
        ServiceError: the event is closed, a field is unknown or its value refused.
    """
    if callable(cleaners):
        record, event = find_record_and_event(session, kind, record_id)
        apply_fields(record, changes, cleaners(event))
    else:
        record = find_record(session, kind, record_id)
        apply_fields(record, changes, cleaners)
    return record


def remove_listed(session: Session, kind: Listed[R], record_id: uuid.UUID | str) -> None:
    """Remove a record from its list and close the gap it leaves.

    Raises:
        NotFoundError: there is no such record.
        ServiceError: the record's event is closed.
    """
    take_out(session, kind, find_record(session, kind, record_id))


def take_out(session: Session, kind: Listed[R], record: R) -> None:
    """Remove a record already found (see :func:`find_record`) and close the gap."""
    remaining = [r for r in kind.ordered_among(record) if r is not record]
    kind.holder(record).remove(record)
    session.flush()
    renumber(remaining)


def move_listed(session: Session, kind: Listed[R], record_id: uuid.UUID | str, index: int) -> None:
    """Move a record to ``index`` in its list.

    Raises:
        NotFoundError: there is no such record.
        ServiceError: the record's event is closed, or the record is not in its list.
    """
    record = find_record(session, kind, record_id)
    move_to_index(kind.ordered_among(record), record, index)
