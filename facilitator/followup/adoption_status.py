"""An agreement's status history, and changing its status as of a given day.

Changes go through :func:`facilitator.services.agreements.change_status`,
which keeps every change with its date and note.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.dates import day
from facilitator.domain import Agreement, AgreementStatus, StatusChange
from facilitator.i18n import _
from facilitator.services.agreements import change_status
from facilitator.services.common import get
from facilitator.services.errors import ServiceError


class StatusStep(NamedTuple):
    """One dated entry of an agreement's status history."""

    changed_at: dt.datetime
    from_status: AgreementStatus | None
    to_status: AgreementStatus
    note: str


def status_history(session: Session, agreement_id: uuid.UUID | str) -> list[StatusStep]:
    """Return an agreement's status changes, oldest first.

    Raises:
        NotFoundError: there is no such agreement.
    """
    agreement_id = get(session, Agreement, agreement_id).id
    rows = session.execute(
        select(StatusChange.changed_at, StatusChange.from_status, StatusChange.to_status, StatusChange.note)
        .where(StatusChange.agreement_id == agreement_id)
        .order_by(StatusChange.changed_at)
    ).all()
    return _in_chain_order([StatusStep(*row) for row in rows])


def record_status_change(
    session: Session,
    agreement_id: uuid.UUID | str,
    status: AgreementStatus | str,
    note: str = "",
    *,
    on: dt.date | None = None,
    today: dt.date | None = None,
) -> StatusChange:
    """Change an agreement's status as of a day (today unless given).

    A past day is stored at noon UTC, which falls on the same calendar day in
    nearly every time zone; if the previous change was later that same day,
    the new one is dated right at it, so the history keeps its order.

    Raises:
        ServiceError: the day is in the future or before the previous change,
            or :func:`change_status` refuses the change.
    """
    today = today or dt.date.today()
    if on is None or on == today:
        return change_status(session, agreement_id, status, note)
    if on > today:
        raise ServiceError(
            _("the date of a status change cannot be in the future ({date})").format(date=day(on))
        )
    agreement = get(session, Agreement, agreement_id)
    latest = max((c.changed_at for c in agreement.status_history), default=None)
    when = dt.datetime.combine(on, dt.time(12, 0))
    if latest is not None and latest.date() == on:
        when = max(when, latest)
    return change_status(session, agreement.id, status, note, when=when)


def _in_chain_order(steps: list[StatusStep]) -> list[StatusStep]:
    """Order changes made within the same second by following from → to.

    Timestamps have whole seconds, so quick successive changes tie; each
    change starts from the status the one before it ended in.
    """
    ordered: list[StatusStep] = []
    index = 0
    while index < len(steps):
        end = index
        while end < len(steps) and steps[end].changed_at == steps[index].changed_at:
            end += 1
        group = steps[index:end]
        while group:
            previous = ordered[-1].to_status if ordered else None
            follow = next((s for s in group if s.from_status == previous), group[0])
            group.remove(follow)
            ordered.append(follow)
        index = end
    return ordered
