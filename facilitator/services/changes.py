"""What one user action changed: the records added, updated and removed, by kind.

Views refresh what a change touches rather than everything (as Anki's
operations return ``OpChanges``). A :class:`ChangeTracker` listens to a
session's flushes until the session's transaction ends, so it sees exactly
what the database saw: fields that really changed (setting a field to its
value is no change), rows the ORM removed with their parent, and rows the
database itself removes or clears through its foreign keys (a participant's
stated capacity, the sponsor of an agreement). A transaction that is rolled
back changed nothing.

Typical use (one user action, one transaction)::

    with db.transaction() as session:
        tracked = track_changes(session)
        outcomes.move_outcome(session, outcome_id, 0)
    if tracked.changes.touches(RecordKind.OUTCOME):
        outcome_list.refresh()

Call :func:`track_changes` before the action's first change: flushes that
happened earlier in the transaction are not seen. The changes are final once
the ``with`` block has committed (the commit's own flush is included); read
inside the block, they hold what has been flushed so far. Changes of several
actions combine with ``|`` in the order they happened.

Limit: a savepoint (``Session.begin_nested``) rolled back on its own is not
told apart; the app uses none.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, ForeignKey, Table, event, inspect, select
from sqlalchemy.orm import Mapper, Session, SessionTransaction, UOWTransaction, object_session

from facilitator.domain import (
    Agreement,
    AgreementPattern,
    Base,
    BoundaryCondition,
    Coalition,
    Event,
    EventCoalition,
    EventPattern,
    FitAnswer,
    Outcome,
    Participant,
    Pattern,
    PatternOutcome,
    RiskAcceptance,
    StatusChange,
    StepTime,
    SupportCapacity,
    SupportItem,
    TopGoal,
)


class RecordKind(enum.StrEnum):
    """The kinds of record a change can touch, one per table, by a stable name."""

    EVENT = "event"
    COALITION = "coalition"
    EVENT_COALITION = "event_coalition"
    TOP_GOAL = "top_goal"
    STEP_TIME = "step_time"
    PARTICIPANT = "participant"
    CAPACITY = "capacity"
    OUTCOME = "outcome"
    PATTERN = "pattern"
    EVENT_PATTERN = "event_pattern"
    PATTERN_OUTCOME = "pattern_outcome"
    BOUNDARY = "boundary"
    AGREEMENT = "agreement"
    AGREEMENT_PATTERN = "agreement_pattern"
    SUPPORT_ITEM = "support_item"
    STATUS_CHANGE = "status_change"
    FIT_ANSWER = "fit_answer"
    RISK_ACCEPTANCE = "risk_acceptance"


KIND_OF: Mapping[type[Base], RecordKind] = {
    Event: RecordKind.EVENT,
    Coalition: RecordKind.COALITION,
    EventCoalition: RecordKind.EVENT_COALITION,
    TopGoal: RecordKind.TOP_GOAL,
    StepTime: RecordKind.STEP_TIME,
    Participant: RecordKind.PARTICIPANT,
    SupportCapacity: RecordKind.CAPACITY,
    Outcome: RecordKind.OUTCOME,
    Pattern: RecordKind.PATTERN,
    EventPattern: RecordKind.EVENT_PATTERN,
    PatternOutcome: RecordKind.PATTERN_OUTCOME,
    BoundaryCondition: RecordKind.BOUNDARY,
    Agreement: RecordKind.AGREEMENT,
    AgreementPattern: RecordKind.AGREEMENT_PATTERN,
    SupportItem: RecordKind.SUPPORT_ITEM,
    StatusChange: RecordKind.STATUS_CHANGE,
    FitAnswer: RecordKind.FIT_ANSWER,
    RiskAcceptance: RecordKind.RISK_ACCEPTANCE,
}
"""The kind of each ORM class."""

_KIND_OF_TABLE = {model.__tablename__: kind for model, kind in KIND_OF.items()}


class _Change(enum.Enum):
    ADDED = "added"
    UPDATED = "updated"
    REMOVED = "removed"


Key = tuple[RecordKind, uuid.UUID]

# What a record went through, given what happened to it first and then next.
# A record added and then removed was never there; one removed and then added
# again (undo puts it back with its id) is there, perhaps changed.
_THEN: dict[tuple[_Change, _Change], _Change | None] = {
    (_Change.ADDED, _Change.ADDED): _Change.ADDED,
    (_Change.ADDED, _Change.UPDATED): _Change.ADDED,
    (_Change.ADDED, _Change.REMOVED): None,
    (_Change.UPDATED, _Change.ADDED): _Change.UPDATED,
    (_Change.UPDATED, _Change.UPDATED): _Change.UPDATED,
    (_Change.UPDATED, _Change.REMOVED): _Change.REMOVED,
    (_Change.REMOVED, _Change.ADDED): _Change.UPDATED,
    (_Change.REMOVED, _Change.UPDATED): _Change.UPDATED,
    (_Change.REMOVED, _Change.REMOVED): _Change.REMOVED,
}


def _note(states: dict[Key, _Change], key: Key, change: _Change) -> None:
    """Record that ``change`` happened to ``key`` after what ``states`` holds."""
    before = states.get(key)
    after = change if before is None else _THEN[before, change]
    if after is None:
        del states[key]
    else:
        states[key] = after


@dataclass(frozen=True)
class Changes:
    """The records one or more actions added, updated and removed.

    A record is in at most one of the three sets. Moving a record updates the
    records whose position changed; removing one also removes what hangs off
    it and updates what referred to it.

    Attributes:
        added: (kind, id) of each record that is new.
        updated: (kind, id) of each record that was there and changed.
        removed: (kind, id) of each record that is gone.
    """

    added: frozenset[Key] = frozenset()
    updated: frozenset[Key] = frozenset()
    removed: frozenset[Key] = frozenset()

    def __post_init__(self) -> None:
        if self.added & self.updated or self.added & self.removed or self.updated & self.removed:
            raise ValueError("a record is either added, updated or removed")

    @classmethod
    def _of(cls, states: Mapping[Key, _Change]) -> Changes:
        def keys(change: _Change) -> frozenset[Key]:
            return frozenset(key for key, state in states.items() if state is change)

        return cls(keys(_Change.ADDED), keys(_Change.UPDATED), keys(_Change.REMOVED))

    def _states(self) -> dict[Key, _Change]:
        states = dict.fromkeys(self.added, _Change.ADDED)
        states.update(dict.fromkeys(self.updated, _Change.UPDATED))
        states.update(dict.fromkeys(self.removed, _Change.REMOVED))
        return states

    @property
    def kinds(self) -> frozenset[RecordKind]:
        """Return every kind of record that was added, updated or removed."""
        return frozenset(kind for kind, _id in self.added | self.updated | self.removed)

    def touches(self, *kinds: RecordKind) -> bool:
        """Return True when a record of any of ``kinds`` changed."""
        return not self.kinds.isdisjoint(kinds)

    def added_ids(self, kind: RecordKind) -> frozenset[uuid.UUID]:
        """Return the ids of the added records of ``kind``."""
        return frozenset(record_id for k, record_id in self.added if k == kind)

    def updated_ids(self, kind: RecordKind) -> frozenset[uuid.UUID]:
        """Return the ids of the updated records of ``kind``."""
        return frozenset(record_id for k, record_id in self.updated if k == kind)

    def removed_ids(self, kind: RecordKind) -> frozenset[uuid.UUID]:
        """Return the ids of the removed records of ``kind``."""
        return frozenset(record_id for k, record_id in self.removed if k == kind)

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def __or__(self, later: Changes) -> Changes:
        """Return the changes of this action followed by those of ``later``."""
        states = self._states()
        for key, change in later._states().items():
            _note(states, key, change)
        return Changes._of(states)


NO_CHANGES = Changes()
"""The changes of an action that changed nothing."""

_TRACKERS = "facilitator.changes.trackers"
"""Key in ``Session.info`` of the trackers listening to that session."""


@dataclass(eq=False)
class ChangeTracker:
    """Collects what a session's flushes change until its transaction ends.

    Made by :func:`track_changes`; read :attr:`changes`.
    """

    session: Session
    _states: dict[Key, _Change] = field(default_factory=dict)
    _committed: bool = False
    _listening: bool = True

    @property
    def changes(self) -> Changes:
        """Return what was changed: so far, or in all once the transaction committed."""
        return Changes._of(self._states)

    @property
    def listening(self) -> bool:
        """Return True until the session's transaction has ended."""
        return self._listening

    def _apply(self, kind: RecordKind, record_id: uuid.UUID, change: _Change) -> None:
        _note(self._states, (kind, record_id), change)

    def _record(self, instance: object, change: _Change) -> None:
        if isinstance(instance, Base) and (kind := KIND_OF.get(type(instance))) is not None:
            self._apply(kind, _id_of(instance), change)

    def _end(self) -> None:
        if not self._committed:
            self._states.clear()
        self._listening = False


def track_changes(session: Session) -> ChangeTracker:
    """Start collecting what ``session`` changes until its transaction ends.

    Args:
        session: The session of one user action, before the action changes
            anything.

    Returns:
        The tracker; its :attr:`ChangeTracker.changes` are complete once the
        transaction has committed, and empty if it was rolled back.
    """
    tracker = ChangeTracker(session)
    # One set of listeners per session, serving all its trackers: a listener
    # cannot be removed while its event runs (the transaction's end).
    for name, listener in _SESSION_LISTENERS.items():
        if not event.contains(session, name, listener):
            event.listen(session, name, listener)
    if not event.contains(Base, "before_delete", _before_delete):
        event.listen(Base, "before_delete", _before_delete, propagate=True)
    _trackers(session).append(tracker)
    return tracker


def _trackers(session: Session) -> list[ChangeTracker]:
    trackers: list[ChangeTracker] = session.info.setdefault(_TRACKERS, [])
    return trackers


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    # The session's lists still hold the state before this flush here; new
    # records are counted once they have their identity (_added).
    updated = [i for i in session.dirty if session.is_modified(i, include_collections=False)]
    for tracker in _trackers(session):
        for instance in updated:
            tracker._record(instance, _Change.UPDATED)


def _added(session: Session, instance: object) -> None:
    for tracker in _trackers(session):
        tracker._record(instance, _Change.ADDED)


def _removed(session: Session, instance: object) -> None:
    for tracker in _trackers(session):
        tracker._record(instance, _Change.REMOVED)


def _after_commit(session: Session) -> None:
    for tracker in _trackers(session):
        tracker._committed = True


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is not None:
        return
    for tracker in _trackers(session):
        tracker._end()
    _trackers(session).clear()


_SESSION_LISTENERS: dict[str, Callable[..., None]] = {
    "after_flush": _after_flush,
    "pending_to_persistent": _added,
    "persistent_to_deleted": _removed,
    "after_commit": _after_commit,
    "after_transaction_end": _after_transaction_end,
}


def _id_of(instance: Base) -> uuid.UUID:
    # The identity, not the attribute: reading an expired attribute of a
    # deleted row would query the database for it.
    identity = inspect(instance).identity
    return instance.id if identity is None else uuid.UUID(str(identity[0]))


# --- Rows the database changes through its foreign keys -----------------------
#
# A participant's capacity rows go with the participant, and agreements they
# sponsor lose their sponsor, by ON DELETE CASCADE / SET NULL in the database:
# the ORM never loads those rows, so no session event reports them. Just
# before a record's row is deleted, the rows that refer to it are read.


def _before_delete(_mapper: Mapper[Any], connection: Connection, target: Base) -> None:
    session = object_session(target)
    trackers: list[ChangeTracker] = session.info.get(_TRACKERS, []) if session is not None else []
    if not trackers:
        return
    table = target.__table__
    assert isinstance(table, Table)
    for kind, record_id, change in _referring_rows(connection, table, target.id):
        for tracker in trackers:
            tracker._apply(kind, record_id, change)


def _referring_rows(
    connection: Connection, table: Table, record_id: uuid.UUID, seen: set[Key] | None = None
) -> Iterator[tuple[RecordKind, uuid.UUID, _Change]]:
    """Yield the rows the database removes or clears when ``record_id`` of ``table`` goes."""
    seen = set() if seen is None else seen
    for referring, foreign_key in _foreign_keys_to(table):
        kind = _KIND_OF_TABLE.get(referring.name)
        if kind is None or foreign_key.ondelete not in ("CASCADE", "SET NULL"):
            continue
        query = select(referring.c.id).where(foreign_key.parent == record_id)
        row_id: uuid.UUID
        for row_id in connection.scalars(query):
            if (kind, row_id) in seen:
                continue
            seen.add((kind, row_id))
            if foreign_key.ondelete == "CASCADE":
                yield kind, row_id, _Change.REMOVED
                yield from _referring_rows(connection, referring, row_id, seen)
            else:
                yield kind, row_id, _Change.UPDATED


def _foreign_keys_to(table: Table) -> Iterable[tuple[Table, ForeignKey]]:
    for referring in Base.metadata.sorted_tables:
        for foreign_key in referring.foreign_keys:
            if foreign_key.column.table is table:
                yield referring, foreign_key
