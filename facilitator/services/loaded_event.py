"""An event loaded for a screen, kept in step with what each action changed.

A screen works on a detached, fully loaded event (:func:`events.load_event`).
Loading it all again after every keystroke-level edit costs more than the edit
itself, so :meth:`LoadedEvent.catch_up` re-reads only the records an action
updated and copies their stored values into the loaded objects, which every
other loaded record already points to (an outcome's new title shows in the
patterns learnt from it). What changes the shape of the graph (a record added
or removed, a link or a position changed) asks for a full load instead: the
relationships, and the order of every list, are then the database's again.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy import inspect
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.orm.attributes import set_committed_value

from facilitator.domain import Base, Event
from facilitator.services.changes import KIND_OF, Changes, RecordKind
from facilitator.services.events import load_event

MODEL_OF: Mapping[RecordKind, type[Base]] = {kind: model for model, kind in KIND_OF.items()}
"""The ORM class of each kind of record."""


def _shape_columns(mapper: Mapper[Base]) -> tuple[str, ...]:
    # Columns that place a record in the graph: its links and its place in a list.
    return tuple(
        attr.key
        for attr in mapper.column_attrs
        if attr.key == "position" or any(column.foreign_keys for column in attr.columns)
    )


class LoadedEvent:
    """A fully loaded event and an index of every record loaded with it.

    Args:
        session: The session to load in; the objects stay usable after it ends.
        event_id: The event to load.

    Raises:
        NotFoundError: There is no such event.
    """

    def __init__(self, session: Session, event_id: uuid.UUID) -> None:
        self.event: Event = load_event(session, event_id)
        # Every object the load brought in, by class and id: the objects a
        # later change can name. The graph holds them; this only finds them.
        self._records: dict[tuple[type[Base], object], Base] = {}
        for record in session.identity_map.values():
            identity = inspect(record).identity
            if isinstance(record, Base) and identity is not None and len(identity) == 1:
                self._records[type(record), identity[0]] = record

    def record(self, model: type[Base], record_id: uuid.UUID) -> Base | None:
        """Return the loaded record of ``model`` with ``record_id`` (as the screens show it), or None."""
        return self._records.get((model, record_id))

    def everything(self) -> Changes:
        """Return a change that names every loaded record as updated: what a full reload means to a screen."""
        return Changes(
            updated=frozenset(
                (KIND_OF[model], record_id)
                for model, record_id in self._records
                if model in KIND_OF and isinstance(record_id, uuid.UUID)
            )
        )

    def catch_up(self, session: Session, changes: Changes) -> bool:
        """Bring the loaded records up to date with ``changes``, read in ``session``.

        Nothing is changed unless every updated record can be caught up, so a
        False leaves the loaded event as it was, to be loaded again whole.

        Returns:
            True when the loaded event now matches the database; False when
            only a full load can: records were added or removed, a link or
            a position changed, or a changed record was not loaded.
        """
        if changes.added or changes.removed:
            return False
        fresh: list[tuple[Base, dict[str, object]]] = []
        for kind, record_id in changes.updated:
            model = MODEL_OF[kind]
            mapper = inspect(model)
            loaded = self._records.get((model, record_id))
            stored = session.get(model, record_id)
            if loaded is None or stored is None or len(mapper.primary_key) != 1:
                return False
            values = {attr.key: getattr(stored, attr.key) for attr in mapper.column_attrs}
            if any(values[key] != getattr(loaded, key) for key in _shape_columns(mapper)):
                return False
            fresh.append((loaded, values))
        for loaded, values in fresh:
            for key, value in values.items():
                # As loaded, not as edited: the detached object has nothing to save.
                set_committed_value(loaded, key, value)
        return True
