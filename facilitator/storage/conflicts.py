"""Many facilitators on one database: who changed a record, and updates that would be lost.

Every record carries ``version``, ``stored_by`` and ``stored_at`` (see
``facilitator.domain.base``). :func:`stamp_changes` fills in the last two on
every flush; the ORM raises ``version`` and makes each UPDATE name the
version it read, so a stale UPDATE changes no row and fails with
``StaleDataError``, which :func:`conflict_from_stale` turns into the
:class:`ConflictError` the window shows. The finer check, against the value
the window showed rather than the one the transaction read, is
:func:`check_shown`.
"""

from __future__ import annotations

import datetime as dt
import getpass
import socket
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from facilitator.dates import clock, day_time
from facilitator.i18n import _
from facilitator.storage.errors import ConflictError

if TYPE_CHECKING:
    # The ORM is loaded where records are stored, not to open a database:
    # commands that read with plain SQL (search) never load it (issue 18).
    from sqlalchemy.orm import Session, UOWTransaction
    from sqlalchemy.orm.exc import StaleDataError

    from facilitator.domain.base import Base

__all__ = ["check_shown", "conflict_from_stale", "local_actor", "stamp_changes"]


def local_actor() -> str:
    """Return who is editing here: the login and the machine, "maria@laptop-3"."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "someone"
    return f"{user}@{socket.gethostname()}"[:120]


def stamp_changes(session: Session, _context: UOWTransaction, _instances: object) -> None:
    """``before_flush``: mark every new or really changed record as changed by this session's actor."""
    from facilitator.domain.base import Base, utcnow  # loaded already: records are being flushed

    actor = session.info.get("actor") or local_actor()
    now = utcnow()
    for record in (*session.new, *session.dirty):
        if isinstance(record, Base) and (
            record in session.new or session.is_modified(record, include_collections=False)
        ):
            record.stored_by = actor
            record.stored_at = now


def conflict_from_stale(exc: StaleDataError) -> ConflictError:
    """Say that another facilitator's change came in while this one was being stored."""
    return ConflictError(
        _(
            "someone else changed this record at the same moment, so your edit was not stored; "
            "the screen now shows their change: make your edit again if it still applies"
        ),
    )


def _changed(who: str, field: str, what: str, when: dt.datetime | None, theirs: str, mine: str) -> str:
    """Say who changed which field of what, and when (today: the time; before: the day too)."""
    if when is None:
        message = _(
            "{who} changed the {field} of this {what} to “{theirs}”; your edit (“{mine}”) was not stored"
        )
        return message.format(who=who, field=field, what=what, theirs=theirs, mine=mine)
    local = when.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
    if local.date() == dt.date.today():
        message = _(
            "{who} changed the {field} of this {what} at {time} to “{theirs}”; "
            "your edit (“{mine}”) was not stored"
        )
        moment = clock(local)
    else:
        message = _(
            "{who} changed the {field} of this {what} on {time} to “{theirs}”; "
            "your edit (“{mine}”) was not stored"
        )
        moment = day_time(local)
    return message.format(who=who, field=field, what=what, time=moment, theirs=theirs, mine=mine)


def _short(value: object, limit: int = 80) -> str:
    """Quote a value in a message; a long one is cut (the edit itself keeps it whole)."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check_shown(
    record: Base, shown: Mapping[str, Any], changes: Mapping[str, Any], *, what: str, actor: str
) -> None:
    """Refuse an edit whose fields no longer hold what the window showed.

    ``shown`` holds each changed field's value as the window last showed it;
    ``record`` is the record as stored now. A field that another facilitator
    changed meanwhile (to something other than what this edit sets) would be
    overwritten unseen: that is refused, naming who, when and their value.

    Raises:
        ConflictError: A field was changed by someone else.
    """
    for field, value in changes.items():
        if field not in shown:
            continue
        stored = getattr(record, field)
        if stored != shown[field] and stored != value:
            # Translators: who changed a record, when the record does not say.
            who = record.stored_by or _("someone")
            if who == actor:
                # Translators: who changed a record: the person editing, in another window of the app.
                who = _("you, in another window")
            raise ConflictError(
                _changed(who, field.replace("_", " "), what, record.stored_at, _short(stored), _short(value)),
                who=record.stored_by or "",
                when=record.stored_at,
                field=field,
                theirs=stored,
                mine=value,
            )
