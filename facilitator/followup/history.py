"""The history of events as one light row each, for the coalition lead's History view.

Rows come from a few aggregate queries (one per table family, grouped by
event), never from loading events through the ORM: a history of ten thousand
events must open in a blink.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cached_property
from typing import Any

from sqlalchemy import ColumnElement, Label, Select, String, case, func, literal, select, type_coerce
from sqlalchemy.engine import Connection
from sqlalchemy.orm import InstrumentedAttribute, Session

from facilitator.domain import EventStatus
from facilitator.domain.enums import AgreementStatus, OutcomeKind
from facilitator.folding import fold
from facilitator.followup.gc_pause import collector_paused
from facilitator.followup.keys import uuid_from_hex

# Names never hold control characters (services strip them), so the unit
# separator cannot appear inside one.
_SEP = "\x1f"
_OPEN = (AgreementStatus.AGREED, AgreementStatus.IN_PROGRESS)


@dataclass(frozen=True)
class HistoryRow:
    """One event of the history with its counts.

    ``open`` counts agreements still agreed or in progress; ``overdue`` those
    of them whose check-in date lies before ``today``.
    """

    event_id: uuid.UUID
    date: dt.date
    title: str
    coalitions: tuple[str, ...]
    status: EventStatus
    facilitator: str
    participants: int
    teams: tuple[str, ...]
    people: tuple[str, ...]
    outcomes: int
    failures: int
    patterns: int
    agreements: int
    adopted: int
    open: int
    overdue: int

    @property
    def folded_people(self) -> str:
        """Return participants' names and teams folded for matching, one per line."""
        # Kept on the instance once made (as functools.cached_property does,
        # without its lock, which costs more than the folding here).
        folded = self.__dict__.get("_folded_people")
        if folded is None:
            folded = "\n".join(map(fold, self.people + self.teams))
            self.__dict__["_folded_people"] = folded
        return folded

    @property
    def coalition_names(self) -> str:
        """Return the coalitions as one readable string."""
        return " + ".join(self.coalitions)


@dataclass(frozen=True)
class HistoryFilter:
    """What the History view's filter bar asks for; empty fields match everything.

    ``coalition`` is a name as listed in the rows. Dates are inclusive.
    ``person_or_team`` is matched, without case or accents, as part of any
    participant's name or team.
    """

    coalition: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: EventStatus | None = None
    person_or_team: str = ""

    @cached_property
    def _needle(self) -> str:
        return fold(self.person_or_team.strip())

    @property
    def needs_people(self) -> bool:
        """Return whether matching looks at participants' names and teams."""
        return bool(self._needle)

    def matches(self, row: HistoryRow, people: Mapping[uuid.UUID, str] | None = None) -> bool:
        """Return whether the row passes every filter that is set.

        Args:
            row: The event's row.
            people: Folded names and teams per event from :func:`people_index`,
                for rows loaded without them; None uses the row's own.
        """
        if self.status is not None and row.status != self.status:
            return False
        if self.date_from is not None and row.date < self.date_from:
            return False
        if self.date_to is not None and row.date > self.date_to:
            return False
        if self.coalition is not None and self.coalition not in row.coalitions:
            return False
        if not self._needle:
            return True
        haystack = row.folded_people if people is None else people.get(row.event_id, "")
        return self._needle in haystack


def history_rows(
    session: Session, *, today: dt.date | None = None, with_people: bool = True
) -> list[HistoryRow]:
    """Return every event with its counts, newest first (by date, then creation).

    One query per table, each grouped by event and joined here by event id:
    SQLite joins grouped subqueries by building a temporary index for each,
    which costs more than the dictionaries.

    Args:
        session: An open session; nothing is written.
        today: The day check-ins are judged against (default: today).
        with_people: Fill ``people`` and ``teams``. The History view leaves
            them out (a third of the load) and reads :func:`people_index`
            only when someone filters by a person or team.
    """
    with collector_paused():
        return _rows(session.connection(), today or dt.date.today(), with_people)


def people_index(session: Session) -> dict[uuid.UUID, str]:
    """Return each event's participants' names and teams, folded for matching."""
    with collector_paused():
        index = {}
        for key, _count, names, teams in session.connection().execute(_people(in_order=False)).all():
            folded = "\n".join(map(fold, names.split(_SEP) + list(_distinct(teams))))
            index[uuid_from_hex(key)] = folded
        return index


def _rows(connection: Connection, today: dt.date, with_people: bool) -> list[HistoryRow]:
    from facilitator.domain import Event

    coalitions: dict[str, list[str]] = {}
    for key, name in connection.execute(_coalition_names()).all():
        coalitions.setdefault(key, []).append(name)
    people_query = _people() if with_people else _counts_of_people()
    people, outcomes, agreements = (
        {row[0]: row[1:] for row in connection.execute(query).all()}
        for query in (people_query, _outcome_counts(), _agreement_counts(today))
    )
    patterns: dict[str, int] = dict(connection.execute(_pattern_counts()).all())
    events = select(_key(Event.id), Event.date, Event.title, Event.status, Event.facilitator).order_by(
        Event.date.desc(), Event.created_at.desc()
    )
    rows = []
    for key, date, title, status, facilitator in connection.execute(events).all():
        event_id = uuid_from_hex(key)
        n_people, names, teams = people.get(key, _NO_PEOPLE)
        n_outcomes, failures = outcomes.get(key, (0, 0))
        n_agreements, adopted, n_open, overdue = agreements.get(key, (0, 0, 0, 0))
        rows.append(
            _new_row(
                (
                    event_id,
                    date,
                    title,
                    tuple(coalitions.get(key, ())),
                    status,
                    facilitator,
                    n_people,
                    _distinct(teams),
                    tuple(names.split(_SEP)) if names else (),
                    n_outcomes,
                    failures,
                    patterns.get(key, 0),
                    n_agreements,
                    adopted,
                    n_open,
                    overdue,
                )
            )
        )
    return rows


_NO_PEOPLE = (0, "", "")


def _key(column: ColumnElement[Any] | InstrumentedAttribute[Any]) -> Label[str]:
    """Return an event id column as the text it is stored as: a cheap dictionary key."""
    return type_coerce(column, String).label("key")


def _coalition_names() -> Select[str, str]:
    from facilitator.domain import Coalition, EventCoalition

    return (
        select(_key(EventCoalition.event_id), Coalition.name)
        .join(Coalition, Coalition.id == EventCoalition.coalition_id)
        .order_by(EventCoalition.event_id, EventCoalition.position)
    )


def _people(in_order: bool = True) -> Select[str, int, str, str]:
    """Count and list each event's participants and teams.

    ``in_order`` lists them in the event's order (so the first spelling of a
    team wins), through an ordered subquery; without it SQLite reads the
    covering index and the order is by name.
    """
    from facilitator.domain import Participant

    source = select(Participant.event_id, Participant.name, Participant.team)
    if in_order:
        source = source.order_by(Participant.event_id, Participant.position)
    people = source.subquery()
    team = func.trim(people.c.team)
    return select(
        _key(people.c.event_id),
        func.count(),
        func.aggregate_strings(people.c.name, _SEP),
        func.aggregate_strings(case((team == "", people.c.name), else_=team), _SEP),
    ).group_by(people.c.event_id)


def _counts_of_people() -> Select[str, int, str, str]:
    from facilitator.domain import Participant

    return select(_key(Participant.event_id), func.count(), literal(""), literal("")).group_by(
        Participant.event_id
    )


def _outcome_counts() -> Select[str, int, int]:
    from facilitator.domain import Outcome

    return select(
        _key(Outcome.event_id),
        func.count(),
        func.sum(case((Outcome.kind == OutcomeKind.FAILURE, 1), else_=0)),
    ).group_by(Outcome.event_id)


def _pattern_counts() -> Select[str, int]:
    from facilitator.domain import EventPattern

    return select(_key(EventPattern.event_id), func.count()).group_by(EventPattern.event_id)


def _agreement_counts(today: dt.date) -> Select[str, int, int, int, int]:
    from facilitator.domain import Agreement

    is_open = Agreement.status.in_(_OPEN)
    return select(
        _key(Agreement.event_id),
        func.count(),
        func.sum(case((Agreement.status == AgreementStatus.ADOPTED, 1), else_=0)),
        func.sum(case((is_open, 1), else_=0)),
        func.sum(case((is_open & (Agreement.check_in < today), 1), else_=0)),
    ).group_by(Agreement.event_id)


_ROW_FIELDS = tuple(f.name for f in fields(HistoryRow))


def _new_row(values: tuple[object, ...]) -> HistoryRow:
    """Make a row from its field values in declaration order.

    Filling ``__dict__`` at once skips the frozen ``__init__``'s one
    ``object.__setattr__`` per field, which is a fifth of the load time of a
    ten-thousand-event history; the result is an ordinary, equal row.
    """
    row = object.__new__(HistoryRow)
    row.__dict__.update(zip(_ROW_FIELDS, values, strict=True))
    return row


def _distinct(joined: str | None) -> tuple[str, ...]:
    """Split aggregated team names, keeping the first spelling of each team."""
    if not joined:
        return ()
    unique = tuple(dict.fromkeys(joined.split(_SEP)))
    if len(unique) > 1 and len(set(map(str.casefold, unique))) < len(unique):
        seen: dict[str, str] = {}
        for name in unique:
            seen.setdefault(name.casefold(), name)
        return tuple(seen.values())
    return unique
