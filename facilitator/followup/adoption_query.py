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
from collections.abc import Callable
from operator import itemgetter

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session, aliased

from facilitator.domain import (
    Agreement,
    AgreementPattern,
    AgreementStatus,
    Coalition,
    Event,
    EventCoalition,
    Participant,
    Pattern,
    StatusChange,
    SupportItem,
)
from facilitator.followup.keys import stored_uuid

_STATUS = {status.value: status for status in AgreementStatus}


def raw(column):
    """Return ``column`` read as the database stores it (no type conversion)."""
    return type_coerce(column, String)


def read_rows(session: Session, where: list, make_row: Callable[..., object]) -> list:
    """Return ``make_row(...)`` for each agreement matching ``where``.

    ``make_row`` takes, in order: agreement id, event id, event date, event
    title, coalition names, adopter, adopter team, pattern names, sponsor,
    owner names, check-in, status, status reason, last change date.

    Rows come newest event first (same day: the later created first), and in
    each event's own order.
    """
    conn = session.connection()
    adopter, sponsor = aliased(Participant), aliased(Participant)
    base = (
        select(
            raw(Agreement.id), raw(Agreement.event_id), raw(Event.date), raw(Event.created_at), Event.title,
            Agreement.position, adopter.name, adopter.team, sponsor.name, raw(Agreement.check_in),
            raw(Agreement.status), Agreement.status_reason,
        )
        .join(Event, Event.id == Agreement.event_id)
        .join(adopter, adopter.id == Agreement.adopter_id)
        .outerjoin(sponsor, sponsor.id == Agreement.sponsor_id)
        .where(*where)
    )
    found = conn.execute(base).all()
    if not found:
        return []
    # Sorted here, not by SQL: a sort in SQLite costs a temporary B-tree on every open.
    found.sort(key=itemgetter(1, 5))
    found.sort(key=itemgetter(2, 3), reverse=True)
    coalitions = _coalitions(conn, {row[1] for row in found})
    patterns = _names(conn, AgreementPattern, Pattern.name, Pattern.id == AgreementPattern.pattern_id, where)
    owners = _names(conn, SupportItem, Participant.name, Participant.id == SupportItem.owner_id, where)
    last = _last_changes(conn, where)
    event_ids: dict[object, uuid.UUID] = {}
    day = _Days()
    rows = []
    for key, event_key, date, _created, title, _pos, name, team, sponsor_name, check_in, status, reason in found:
        event_id = event_ids.get(event_key)
        if event_id is None:
            event_id = event_ids[event_key] = stored_uuid(event_key)
        rows.append(
            make_row(
                stored_uuid(key), event_id, day(date), title, coalitions.get(event_key, ()), name,
                (team or "").strip() or name, patterns.get(key, ()), sponsor_name or "",
                owners.get(key, ()), day(check_in), _STATUS[status], reason, last.get(key),
            )
        )
    return rows


class _Days(dict):
    """Converts stored dates to ``date`` objects once per distinct value."""

    def __call__(self, value) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        found = self.get(value)
        if found is None:
            found = self[value] = dt.date.fromisoformat(str(value)[:10])
        return found


def _scoped(query, agreement_id, where: list):
    """Limit a query over rows linked to agreements to the agreements ``where`` picks.

    As ``IN (subquery)``: SQLite then reads only those agreements' links
    through the index, where a join would scan every link.
    """
    if not where:
        return query
    chosen = select(Agreement.id).join(Event, Event.id == Agreement.event_id).where(*where)
    return query.where(agreement_id.in_(chosen))


def _coalitions(conn, event_keys: set) -> dict[object, tuple[str, ...]]:
    names = dict(conn.execute(select(raw(Coalition.id), Coalition.name)).all())
    query = select(raw(EventCoalition.event_id), raw(EventCoalition.coalition_id), EventCoalition.position)
    # A few events are looked up by key; for many, one scan of all links is cheaper.
    if len(event_keys) <= 500:
        query = query.where(EventCoalition.event_id.in_([stored_uuid(key) for key in event_keys]))
    links: dict[object, list] = defaultdict(list)
    for event_key, coalition_key, position in conn.execute(query).all():
        if event_key in event_keys:
            links[event_key].append((position, names.get(coalition_key, "")))
    return {key: tuple(name for _, name in sorted(value)) for key, value in links.items()}


def _names(conn, link, name, on, where: list) -> dict[object, tuple[str, ...]]:
    """Return the linked names per agreement, in the links' order, each name once."""
    query = select(raw(link.agreement_id), link.position, name).join_from(link, name.class_, on)
    query = _scoped(query, link.agreement_id, where)
    links = conn.execute(query).all()
    # One sort in C, then a single pass: no sort per agreement.
    links.sort(key=itemgetter(0, 1))
    result: dict[object, tuple[str, ...]] = {}
    for agreement_key, _position, value in links:
        known = result.get(agreement_key)
        if known is None:
            result[agreement_key] = (value,)
        elif value not in known:
            result[agreement_key] = (*known, value)
    return result


def _last_changes(conn, where: list) -> dict[object, dt.date]:
    # Stored timestamps compare correctly as stored (ISO text in SQLite), so
    # only the latest per agreement is converted to a date.
    query = _scoped(select(raw(StatusChange.agreement_id), raw(StatusChange.changed_at)), StatusChange.agreement_id, where)
    latest: dict[object, object] = {}
    for key, at in conn.execute(query).all():
        if at is not None:
            previous = latest.get(key)
            if previous is None or at > previous:
                latest[key] = at
    return {key: _day(at) for key, at in latest.items()}


def _day(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])
