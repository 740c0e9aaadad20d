"""Reading adoption rows fast: plain scans joined in Python, not ORM loads.

On a history of 10,000 events (~27,000 agreements) the ORM's per-row work
and the UUID conversion of every key cost seconds. So the queries run on the
session's connection (Core), compare keys and timestamps as the database
stores them, and turn only the identifiers of the returned rows into UUIDs.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from operator import attrgetter, itemgetter
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Connection, Select, String, select, type_coerce
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from facilitator.domain import (
    Agreement,
    AgreementPattern,
    AgreementStatus,
    Coalition,
    Event,
    EventCoalition,
    Participant,
    Pattern,
    RiskAcceptance,
    StatusChange,
    SupportItem,
)
from facilitator.followup.adoption_row import OPEN_STATUSES, AdoptionRow, FitState
from facilitator.followup.fit_state import Agreed, AgreementFit, read_fit
from facilitator.followup.keys import stored_uuid

_STATUS = {status.value: status for status in AgreementStatus}
_OPEN_VALUES = frozenset(status.value for status in OPEN_STATUSES)

_Ts = TypeVarTuple("_Ts")

Where = Sequence[ColumnElement[bool]]
"""Conditions on agreements (and their events) that pick the rows to read."""

StoredKey = object
"""A record id as the database stores it (hex text on SQLite), compared as is."""


def raw(column: ColumnElement[Any] | InstrumentedAttribute[Any]) -> ColumnElement[str]:
    """Return ``column`` read as the database stores it (no type conversion)."""
    return type_coerce(column, String)


def read_rows(session: Session, where: Where, today: dt.date) -> list[AdoptionRow]:
    """Return a row for each agreement matching ``where``, judging check-ins against ``today``.

    Rows come newest event first (same day: the later created first), and in
    each event's own order.
    """
    conn = session.connection()
    adopter, sponsor = aliased(Participant), aliased(Participant)
    base = (
        select(
            raw(Agreement.id).label("key"),
            raw(Agreement.event_id).label("event_key"),
            raw(Event.date).label("date"),
            raw(Event.created_at).label("created"),
            Event.title.label("title"),
            Agreement.position.label("position"),
            adopter.name.label("adopter"),
            adopter.team.label("team"),
            sponsor.name.label("sponsor"),
            raw(Agreement.check_in).label("check_in"),
            raw(Agreement.status).label("status"),
            Agreement.status_reason.label("reason"),
            raw(RiskAcceptance.id).label("accepted"),
        )
        .join(Event, Event.id == Agreement.event_id)
        .join(adopter, adopter.id == Agreement.adopter_id)
        .outerjoin(sponsor, sponsor.id == Agreement.sponsor_id)
        .outerjoin(RiskAcceptance, RiskAcceptance.agreement_id == Agreement.id)
        .where(*where)
    )
    # Sorted here, not by SQL: a sort in SQLite costs a temporary B-tree on every open.
    found = sorted(conn.execute(base).all(), key=attrgetter("event_key", "position"))
    if not found:
        return []
    found.sort(key=attrgetter("date", "created"), reverse=True)
    coalitions = _coalitions(conn, {row.event_key for row in found})
    patterns = _names(conn, AgreementPattern, Pattern.name, Pattern.id == AgreementPattern.pattern_id, where)
    owners = _names(conn, SupportItem, Participant.name, Participant.id == SupportItem.owner_id, where)
    last = _last_changes(conn, where)
    fits = read_fit(
        session,
        (
            Agreed(row.key, row.date, row.created, row.status in _OPEN_VALUES, row.accepted is not None)
            for row in found
        ),
    )
    unchecked = AgreementFit(FitState.NOT_CHECKED, 0, ())
    event_ids: dict[StoredKey, uuid.UUID] = {}
    day = _Days()
    rows = []
    for row in found:
        fit = fits.get(row.key, unchecked)
        event_id = event_ids.get(row.event_key)
        if event_id is None:
            event_id = event_ids[row.event_key] = stored_uuid(row.event_key)
        check_in, status = day(row.check_in), _STATUS[row.status]
        overdue = check_in is not None and check_in < today and status in OPEN_STATUSES
        rows.append(
            AdoptionRow(
                agreement_id=stored_uuid(row.key),
                event_id=event_id,
                event_date=day.required(row.date),
                event_title=row.title,
                coalitions=coalitions.get(row.event_key, ()),
                adopter=row.adopter,
                adopter_team=(row.team or "").strip() or row.adopter,
                patterns=patterns.get(row.key, ()),
                sponsor=row.sponsor or "",
                owners=owners.get(row.key, ()),
                check_in=check_in,
                status=status,
                status_reason=row.reason,
                last_changed=last.get(row.key),
                overdue=overdue,
                days_overdue=(today - check_in).days if check_in is not None and overdue else 0,
                fit=fit.state,
                open_questions=fit.open_questions,
                new_conditions=fit.new_conditions,
            )
        )
    return rows


class _Days(dict[object, dt.date]):
    """Converts stored dates to ``date`` objects once per distinct value."""

    def __call__(self, value: object) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        found = self.get(value)
        if found is None:
            found = self[value] = dt.date.fromisoformat(str(value)[:10])
        return found

    def required(self, value: object) -> dt.date:
        """Return the date of a column that is never NULL."""
        found = self(value)
        assert found is not None, "a required date is missing"
        return found


def _scoped(
    query: Select[*_Ts], agreement_id: InstrumentedAttribute[uuid.UUID], where: Where
) -> Select[*_Ts]:
    """Limit a query over rows linked to agreements to the agreements ``where`` picks.

    As ``IN (subquery)``: SQLite then reads only those agreements' links
    through the index, where a join would scan every link.
    """
    if not where:
        return query
    chosen = select(Agreement.id).join(Event, Event.id == Agreement.event_id).where(*where)
    return query.where(agreement_id.in_(chosen))


def _coalitions(conn: Connection, event_keys: Collection[StoredKey]) -> dict[StoredKey, tuple[str, ...]]:
    names = dict(conn.execute(select(raw(Coalition.id), Coalition.name)).all())
    query = select(raw(EventCoalition.event_id), raw(EventCoalition.coalition_id), EventCoalition.position)
    # A few events are looked up by key; for many, one scan of all links is cheaper.
    if len(event_keys) <= 500:
        query = query.where(EventCoalition.event_id.in_([stored_uuid(key) for key in event_keys]))
    links: dict[StoredKey, list[tuple[int, str]]] = defaultdict(list)
    for event_key, coalition_key, position in conn.execute(query).all():
        if event_key in event_keys:
            links[event_key].append((position, names.get(coalition_key, "")))
    return {key: tuple(name for _, name in sorted(value)) for key, value in links.items()}


def _names(
    conn: Connection,
    link: type[AgreementPattern | SupportItem],
    name: InstrumentedAttribute[str],
    on: ColumnElement[bool],
    where: Where,
) -> dict[StoredKey, tuple[str, ...]]:
    """Return the linked names per agreement, in the links' order, each name once."""
    query = select(raw(link.agreement_id), link.position, name).join_from(link, name.class_, on)
    query = _scoped(query, link.agreement_id, where)
    # One sort in C, then a single pass: no sort per agreement.
    links = sorted(conn.execute(query).all(), key=itemgetter(0, 1))
    result: dict[StoredKey, tuple[str, ...]] = {}
    for agreement_key, _position, value in links:
        known = result.get(agreement_key)
        if known is None:
            result[agreement_key] = (value,)
        elif value not in known:
            result[agreement_key] = (*known, value)
    return result


def _last_changes(conn: Connection, where: Where) -> dict[StoredKey, dt.date]:
    # Stored timestamps compare correctly as stored (ISO text in SQLite), so
    # only the latest per agreement is converted to a date.
    query = _scoped(
        select(raw(StatusChange.agreement_id), raw(StatusChange.changed_at)), StatusChange.agreement_id, where
    )
    latest: dict[StoredKey, Any] = {}
    for key, at in conn.execute(query).all():
        if at is not None:
            previous = latest.get(key)
            if previous is None or at > previous:
                latest[key] = at
    return {key: _day(at) for key, at in latest.items()}


def _day(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])
