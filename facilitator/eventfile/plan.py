"""Decide how an event file meets the database, reading only.

The plan matches coalitions and patterns, picks every id and finds every
conflict before the writer adds a single record.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from facilitator.domain import (
    Agreement,
    BoundaryCondition,
    Coalition,
    Event,
    Outcome,
    Participant,
    Pattern,
    SupportItem,
)
from facilitator.domain.base import Base
from facilitator.eventfile.fields import Identified, RecordId
from facilitator.eventfile.records import BoundaryEntry, EventDocument, PatternEntry
from facilitator.i18n import N_, _
from facilitator.services.coalitions import find_coalition, latest_goal

# Records of the file whose ids the database already holds, per kind.
_TAKEN = {
    "participant": N_(
        "a participant with id {id} is already in this database (in another event); "
        "import with --new-ids to add a copy"
    ),
    "outcome": N_(
        "an outcome with id {id} is already in this database (in another event); "
        "import with --new-ids to add a copy"
    ),
    "agreement": N_(
        "an agreement with id {id} is already in this database (in another event); "
        "import with --new-ids to add a copy"
    ),
    "support item": N_(
        "a support item with id {id} is already in this database (in another event); "
        "import with --new-ids to add a copy"
    ),
}


def _kept_or_fresh(record_id: RecordId | None) -> uuid.UUID:
    """Return the file's UUID, or a fresh one for a short key or no id."""
    if record_id is None or record_id.uuid is None:
        return uuid.uuid4()
    return record_id.uuid


class Plan:
    """Everything the writer needs, decided without writing anything.

    Attributes:
        event_id: The id the new event gets.
        coalitions: Per file coalition, the stored coalition to use or the
            id of the one to create.
        goals: The TOP Goal per event coalition.
        patterns: Per file pattern, the stored pattern to reuse or the id of
            the one to create.
        boundaries: Per file pattern, the conditions to add, each with the id
            to give it (``None``: a fresh one).
        known_events: Events named by ``from_event`` that are stored.
    """

    def __init__(self, session: Session, doc: EventDocument, new_ids: bool) -> None:
        self.session = session
        self.doc = doc
        self.new_ids = new_ids
        self.event_id = self._event_id()
        if not new_ids:
            self._refuse_taken(doc.participants, Participant, "participant")
            self._refuse_taken(doc.outcomes, Outcome, "outcome")
            self._refuse_taken(doc.agreements, Agreement, "agreement")
            support = [item for agreement in doc.agreements for item in agreement.support]
            self._refuse_taken(support, SupportItem, "support item")
        self.coalitions = self._coalitions()
        self.goals = [self._goal(i) for i, c in enumerate(doc.coalitions) if c.in_event]
        self.patterns = [self._pattern(entry) for entry in doc.patterns]
        self.boundaries = [
            self._new_boundaries(entry, planned)
            for entry, planned in zip(doc.patterns, self.patterns, strict=True)
        ]
        self.known_events = self._known_events()

    def record_id(self, record_id: RecordId | None) -> uuid.UUID:
        """Return the id an event-scoped record gets in the database."""
        return uuid.uuid4() if self.new_ids else _kept_or_fresh(record_id)

    def _event_id(self) -> uuid.UUID:
        record_id = self.doc.event.id
        if (
            record_id is not None
            and record_id.uuid is not None
            and not self.new_ids
            and self.session.get(Event, record_id.uuid) is not None
        ):
            raise record_id.place.error(
                _(
                    "an event with id {id} is already in this database; import with --new-ids to add a copy"
                ).format(id=record_id.uuid)
            )
        return self.record_id(record_id)

    def _refuse_taken(self, entries: Iterable[Identified], model: type[Base], kind: str) -> None:
        by_id = {e.id.uuid: e.id for e in entries if e.id is not None and e.id.uuid is not None}
        if not by_id:
            return
        taken = set(self.session.scalars(select(model.id).where(model.id.in_(by_id))))
        if taken:
            first = next(value for value in by_id if value in taken)  # in file order
            raise by_id[first].place.error(_(_TAKEN[kind]).format(id=first))

    def _coalitions(self) -> list[Coalition | uuid.UUID]:
        chosen: list[Coalition | uuid.UUID] = []
        for entry in self.doc.coalitions:
            found = None
            if entry.id is not None and entry.id.uuid is not None:
                found = self.session.get(Coalition, entry.id.uuid)
            if found is None:
                # As typing the name would find it: SQLite's lower() folds only ASCII.
                found = find_coalition(self.session, entry.name)
            if found is None:
                chosen.append(_kept_or_fresh(entry.id))
                continue
            twin = next((i for i, c in enumerate(chosen) if c is found), None)
            if twin is not None:
                raise entry.place.error(
                    _(
                        "this is the stored coalition “{name}”, and so is {place}; name each coalition once"
                    ).format(name=found.name, place=self.doc.coalitions[twin].place.path)
                )
            chosen.append(found)
        return chosen

    def _goal(self, index: int) -> str:
        entry = self.doc.coalitions[index]
        if entry.top_goal is not None:
            return entry.top_goal
        coalition = self.coalitions[index]
        return latest_goal(self.session, coalition.id) if isinstance(coalition, Coalition) else ""

    def _pattern(self, entry: PatternEntry) -> Pattern | uuid.UUID:
        if entry.id is not None and entry.id.uuid is not None:
            existing = self.session.scalars(
                select(Pattern).where(Pattern.id == entry.id.uuid).options(selectinload(Pattern.boundaries))
            ).first()
            if existing is not None:
                return existing
        return _kept_or_fresh(entry.id)

    def _new_boundaries(
        self, entry: PatternEntry, pattern: Pattern | uuid.UUID
    ) -> list[tuple[BoundaryEntry, uuid.UUID | None]]:
        pattern_id = pattern.id if isinstance(pattern, Pattern) else pattern
        ids = [b.id.uuid for b in entry.boundaries if b.id is not None and b.id.uuid is not None]
        stored: dict[uuid.UUID, BoundaryCondition] = {}
        if ids:
            rows = self.session.scalars(select(BoundaryCondition).where(BoundaryCondition.id.in_(ids)))
            stored = {row.id: row for row in rows}
        wording = set()
        if isinstance(pattern, Pattern):
            wording = {(b.kind, b.text) for b in pattern.boundaries}
        added: list[tuple[BoundaryEntry, uuid.UUID | None]] = []
        for boundary in entry.boundaries:
            boundary_id = boundary.id.uuid if boundary.id is not None else None
            if boundary_id is not None and boundary_id in stored:
                if stored[boundary_id].pattern_id != pattern_id:
                    raise boundary.id.place.error(  # type: ignore[union-attr]
                        _(
                            "a condition with id {id} belongs to another pattern "
                            "in this database; remove the id to add this one as new"
                        ).format(id=boundary_id)
                    )
                continue  # already there: nothing stored is changed
            if boundary_id is None and (boundary.kind, boundary.text) in wording:
                continue  # the pattern already says this
            added.append((boundary, boundary_id))
        return added

    def _known_events(self) -> set[uuid.UUID]:
        wanted = {b.from_event for p in self.doc.patterns for b in p.boundaries if b.from_event}
        if not wanted:
            return set()
        return set(self.session.scalars(select(Event.id).where(Event.id.in_(wanted))))
