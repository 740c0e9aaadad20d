"""The pattern library: every pattern across all events, and carrying one into an event.

The list is read with six plain queries, whatever the size of the history;
the detail of one pattern with one query per part. Carrying a
pattern goes through the ordinary service, so its rules (closed events are
history, a pattern appears once per event) hold here too.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.domain import (
    AgreementStatus,
    BoundaryKind,
    Coalition,
    Event,
    EventCoalition,
    EventPattern,
    EventStatus,
    OutcomeKind,
    Pattern,
)
from facilitator.followup.keys import stored_uuid
from facilitator.followup.library_detail import (
    Adoption,
    BoundaryGroup,
    BoundaryLine,
    PatternDetail,
    Presentation,
    SourceOutcome,
    pattern_detail,
    team_of,
)
from facilitator.followup.scan import scan
from facilitator.services import patterns
from facilitator.services.common import as_uuid, get

__all__ = [
    "Adoption",
    "BoundaryGroup",
    "BoundaryLine",
    "CarryTarget",
    "PatternDetail",
    "PatternRow",
    "Presentation",
    "SourceOutcome",
    "carry_into_event",
    "carry_targets",
    "pattern_detail",
    "pattern_rows",
    "team_of",
]


@dataclass(frozen=True)
class PatternRow:
    """One pattern of the library with what the history says about it.

    Attributes:
        teams_reached: Distinct adopter teams with an agreement on the pattern,
            whatever its status.
        adopted_teams: Distinct adopter teams with an agreement on it marked adopted.
    """

    pattern_id: uuid.UUID
    name: str
    kind: OutcomeKind
    summary: str
    coalition: str
    first_presented: dt.date | None
    last_presented: dt.date | None
    events: int
    works_when: int
    breaks_when: int
    prerequisites: int
    teams_reached: int
    adopted_teams: int

    @property
    def boundaries(self) -> int:
        """Return the number of boundary conditions of all kinds."""
        return self.works_when + self.breaks_when + self.prerequisites


@dataclass(frozen=True)
class CarryTarget:
    """An event a pattern can be carried into: not closed, not presenting it yet."""

    event_id: uuid.UUID
    date: dt.date
    title: str
    coalitions: tuple[str, ...]
    status: EventStatus


# Plain scans of one table each (two follow a primary key), joined in Python
# with dicts: on a history of 10,000 events that beats SQLite's nested-loop
# joins on text keys several times over, and skips per-row ORM work. The SQL
# is portable; ids, dates and enums come back as the driver stores them.
_ROW_QUERIES = {
    "patterns": (
        "SELECT p.id, p.name, p.kind, p.summary, c.name "
        "FROM patterns p JOIN coalitions c ON c.id = p.coalition_id"
    ),
    "events": "SELECT id, date FROM events",
    "event_patterns": "SELECT event_id, pattern_id FROM event_patterns",
    "boundaries": "SELECT pattern_id, kind, COUNT(*) FROM boundary_conditions GROUP BY pattern_id, kind",
    "agreements": (
        "SELECT a.id, p.team, p.name, a.status FROM agreements a JOIN participants p ON p.id = a.adopter_id"
    ),
    "agreement_patterns": "SELECT agreement_id, pattern_id FROM agreement_patterns",
}


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def pattern_rows(session: Session) -> list[PatternRow]:
    """Return every pattern with its events, boundaries and reach, sorted by name."""
    raw = scan(session, _ROW_QUERIES)
    # Dates as the driver gives them (ISO text on SQLite): they sort as dates do.
    date_of: dict[object, Any] = dict(raw["events"])
    dates: dict[object, list[Any]] = defaultdict(list)
    for event_id, pattern_id in raw["event_patterns"]:
        dates[pattern_id].append(date_of[event_id])
    bounds: dict[object, dict[str, int]] = defaultdict(dict)
    for pattern_id, kind, count in raw["boundaries"]:
        bounds[pattern_id][kind] = count
    folded: dict[tuple[str | None, str], str] = {}
    team_of_agreement, adopted_agreements = {}, set()
    adopted_value = AgreementStatus.ADOPTED.value
    for agreement_id, team, name, status in raw["agreements"]:
        key = folded.get((team, name))
        if key is None:
            key = folded[(team, name)] = team_of(team, name).casefold()
        team_of_agreement[agreement_id] = key
        if status == adopted_value:
            adopted_agreements.add(agreement_id)
    reached: dict[object, set[str]] = defaultdict(set)
    adopted: dict[object, set[str]] = defaultdict(set)
    for agreement_id, pattern_id in raw["agreement_patterns"]:
        reached[pattern_id].add(team_of_agreement[agreement_id])
        if agreement_id in adopted_agreements:
            adopted[pattern_id].add(team_of_agreement[agreement_id])
    rows = []
    for pid, name, kind, summary, coalition in raw["patterns"]:
        presented = dates.get(pid, ())
        counts = bounds.get(pid, {})
        rows.append(
            PatternRow(
                pattern_id=stored_uuid(pid),
                name=name,
                kind=OutcomeKind(kind),
                summary=summary or "",
                coalition=coalition,
                first_presented=_as_date(min(presented)) if presented else None,
                last_presented=_as_date(max(presented)) if presented else None,
                events=len(presented),
                works_when=counts.get(BoundaryKind.WORKS_WHEN.value, 0),
                breaks_when=counts.get(BoundaryKind.BREAKS_WHEN.value, 0),
                prerequisites=counts.get(BoundaryKind.PREREQUISITE.value, 0),
                teams_reached=len(reached.get(pid, ())),
                adopted_teams=len(adopted.get(pid, ())),
            )
        )
    rows.sort(key=lambda row: (row.name.casefold(), row.coalition.casefold()))
    return rows


def carry_targets(session: Session, pattern_id: uuid.UUID | str) -> list[CarryTarget]:
    """Return the events that can receive a pattern, newest first.

    Raises:
        NotFoundError: there is no such pattern.
    """
    pattern = get(session, Pattern, pattern_id)
    presenting = select(EventPattern.event_id).where(EventPattern.pattern_id == pattern.id)
    query = (
        select(Event.id, Event.date, Event.title, Event.status, Coalition.name)
        .outerjoin(EventCoalition, EventCoalition.event_id == Event.id)
        .outerjoin(Coalition, Coalition.id == EventCoalition.coalition_id)
        .where(Event.status != EventStatus.CLOSED, Event.id.not_in(presenting))
        .order_by(Event.date.desc(), Event.created_at.desc(), Event.id, EventCoalition.position)
    )
    targets: list[CarryTarget] = []
    for event_id, date, title, status, coalition in session.execute(query):
        if not targets or targets[-1].event_id != event_id:
            targets.append(CarryTarget(event_id, date, title, (), status))
        if coalition is not None:
            last = targets[-1]
            targets[-1] = CarryTarget(
                last.event_id, last.date, last.title, (*last.coalitions, coalition), last.status
            )
    return targets


def carry_into_event(session: Session, pattern_id: uuid.UUID | str, event_id: uuid.UUID | str) -> Pattern:
    """Present a stored pattern at another event, with its boundaries.

    Raises:
        ServiceError: the event is closed, or already presents the pattern.
        NotFoundError: the pattern or the event does not exist.
    """
    return patterns.reuse_pattern(session, as_uuid(event_id), as_uuid(pattern_id))
