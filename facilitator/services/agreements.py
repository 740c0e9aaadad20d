"""Agreements, the support promised with them, and what became of them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session

from facilitator.dates import day_time
from facilitator.domain import (
    Agreement,
    AgreementPattern,
    AgreementStatus,
    Event,
    Pattern,
    StatusChange,
    SupportItem,
    SupportType,
)
from facilitator.domain.base import new_id, utcnow
from facilitator.i18n import N_, _
from facilitator.services.common import (
    Cleaner,
    clean_text,
    editable_event,
    enum_cleaner,
    get,
    hours_cleaner,
    participant_of,
    text_cleaner,
)
from facilitator.services.errors import ServiceError
from facilitator.services.records import Listed, append_record, move_listed, remove_listed, update_record

AGREEMENTS = Listed(Agreement, holder=lambda a: a.event.agreements, event_id=lambda a: a.event_id)
"""Agreements are listed in their event."""

SUPPORT_ITEMS = Listed(
    SupportItem, holder=lambda i: i.agreement.support_items, event_id=lambda i: i.agreement.event_id
)
"""Support items are listed in their agreement."""

_ADOPTER_ELSEWHERE = N_("the adopter must be a participant of this event")
_SPONSOR_ELSEWHERE = N_("the sponsor must be a participant of this event")
# What refuses a change to the status an agreement already has.
_ALREADY = {
    AgreementStatus.AGREED: N_("the agreement is already agreed"),
    AgreementStatus.IN_PROGRESS: N_("the agreement is already in progress"),
    AgreementStatus.ADOPTED: N_("the agreement is already adopted"),
    AgreementStatus.ABANDONED: N_("the agreement is already abandoned"),
}


def _date_or_none(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ServiceError(
            _("check-in must be a date like 2026-12-31 (got {value})").format(value=repr(value))
        ) from None


def add_agreement(
    session: Session,
    event_id: uuid.UUID | str,
    adopter_id: uuid.UUID | str,
    *,
    pattern_ids: Iterable[uuid.UUID | str] = (),
    sponsor_id: uuid.UUID | str | None = None,
    check_in: dt.date | str | None = None,
    limits: str = "",
    notes: str = "",
    record_id: uuid.UUID | None = None,
) -> Agreement:
    """Record that a participant adopts patterns; it starts as "agreed"."""
    event = editable_event(session, event_id)
    adopter = participant_of(session, event, adopter_id, _ADOPTER_ELSEWHERE)
    sponsor = participant_of(session, event, sponsor_id, _SPONSOR_ELSEWHERE) if sponsor_id else None
    agreement = Agreement(
        id=record_id or new_id(),
        adopter=adopter,
        sponsor=sponsor,
        check_in=_date_or_none(check_in),
        limits=clean_text(limits, N_("Limits")),
        notes=clean_text(notes, N_("Notes")),
        status=AgreementStatus.AGREED,
        position=len(event.agreements),
    )
    event.agreements.append(agreement)
    agreement.status_history.append(
        StatusChange(from_status=None, to_status=AgreementStatus.AGREED, note="Agreed at the event")
    )
    session.flush()
    set_agreement_patterns(session, agreement.id, pattern_ids)
    return agreement


def update_agreement(session: Session, agreement_id: uuid.UUID | str, **changes: object) -> Agreement:
    """Change an agreement's adopter, sponsor, check-in date, limits or notes."""
    agreement = update_record(
        session, AGREEMENTS, agreement_id, changes, lambda event: _agreement_fields(session, event)
    )
    session.flush()
    session.refresh(agreement, ["adopter", "sponsor"])
    return agreement


def _agreement_fields(session: Session, event: Event) -> dict[str, Cleaner]:
    return {
        "adopter_id": lambda v: participant_of(session, event, v, _ADOPTER_ELSEWHERE).id,
        "sponsor_id": lambda v: participant_of(session, event, v, _SPONSOR_ELSEWHERE).id if v else None,
        "check_in": _date_or_none,
        "limits": text_cleaner(N_("Limits")),
        "notes": text_cleaner(N_("Notes")),
    }


def set_agreement_patterns(
    session: Session, agreement_id: uuid.UUID | str, pattern_ids: Iterable[uuid.UUID | str]
) -> Agreement:
    """Set which patterns the agreement adopts, in the order given."""
    agreement = get(session, Agreement, agreement_id)
    event = editable_event(session, agreement.event_id)
    in_event = {link.pattern_id for link in event.pattern_links}
    wanted: list[uuid.UUID] = []
    for raw in pattern_ids:
        pattern = get(session, Pattern, raw)
        if pattern.id not in in_event:
            raise ServiceError(_("“{pattern}” is not part of this event").format(pattern=pattern.name))
        if pattern.id not in wanted:
            wanted.append(pattern.id)
    agreement.pattern_links.clear()
    session.flush()
    for position, pattern_id in enumerate(wanted):
        agreement.pattern_links.append(AgreementPattern(pattern_id=pattern_id, position=position))
    session.flush()
    session.expire(agreement, ["pattern_links"])
    return agreement


def remove_agreement(session: Session, agreement_id: uuid.UUID | str) -> None:
    """Delete an agreement with its support items and status history."""
    remove_listed(session, AGREEMENTS, agreement_id)


def move_agreement(session: Session, agreement_id: uuid.UUID | str, index: int) -> None:
    """Move an agreement to ``index`` in the event's list."""
    move_listed(session, AGREEMENTS, agreement_id, index)


def change_status(
    session: Session,
    agreement_id: uuid.UUID | str,
    status: AgreementStatus | str,
    note: str = "",
    *,
    when: dt.datetime | None = None,
) -> StatusChange:
    """Move an agreement to a new status and keep the change with its date.

    Allowed on closed events too: adoption is followed up after the event.
    Abandoning needs a reason, so later readers learn why. ``when`` may date
    the change back (it was reported late), but never before the previous
    change: the history must read in the order things happened.

    Raises:
        ServiceError: the status is unknown or unchanged, abandoning without a
            reason, or ``when`` lies before the agreement's latest change.
    """
    agreement = get(session, Agreement, agreement_id)
    new = enum_cleaner(AgreementStatus, N_("Status"))(status)
    note = clean_text(note, N_("Note"), max_length=5000)
    if new == AgreementStatus.ABANDONED and not note:
        raise ServiceError(_("say why the adoption was abandoned"))
    if new == agreement.status:
        raise ServiceError(_(_ALREADY[new]))
    latest = max((c.changed_at for c in agreement.status_history), default=None)
    if when is not None and latest is not None and when < latest:
        raise ServiceError(
            _("the change cannot be dated {when}, before the previous status change ({latest})").format(
                when=day_time(when), latest=day_time(latest)
            )
        )
    # A clock behind the last recorded change (another machine's, say) must
    # not put the new change first in the history.
    changed_at = when or max(utcnow(), latest or utcnow())
    change = StatusChange(from_status=agreement.status, to_status=new, note=note)
    change.changed_at = changed_at
    agreement.status_history.append(change)
    agreement.status = new
    agreement.status_reason = note
    session.flush()
    return change


def _owner_cleaner(session: Session, event: Event) -> Callable[[object], uuid.UUID | None]:
    def clean(value: object) -> uuid.UUID | None:
        if value in (None, ""):
            return None
        return participant_of(
            session, event, value, N_("the support owner must be a participant of this event")
        ).id

    return clean


def _support_fields(session: Session, event: Event) -> dict[str, Cleaner]:
    return {
        "type": enum_cleaner(SupportType, N_("Support type")),
        "description": text_cleaner(N_("Description")),
        "amount": hours_cleaner(N_("Amount")),
        "unit": text_cleaner(N_("Unit"), max_length=40),
        "owner_id": _owner_cleaner(session, event),
        "limits": text_cleaner(N_("Limits")),
    }


def add_support_item(
    session: Session,
    agreement_id: uuid.UUID | str,
    type: SupportType | str,
    *,
    amount: float | str | None = None,
    unit: str = "hours",
    owner_id: uuid.UUID | str | None = None,
    description: str = "",
    limits: str = "",
    record_id: uuid.UUID | None = None,
) -> SupportItem:
    """Add a piece of support (time, coaching, artifact, other) to an agreement."""
    agreement = get(session, Agreement, agreement_id)
    event = editable_event(session, agreement.event_id)
    values = {
        "type": type,
        "amount": amount,
        "unit": unit,
        "owner_id": owner_id,
        "description": description,
        "limits": limits,
    }
    item = SupportItem(id=record_id or new_id())
    return append_record(session, agreement.support_items, item, values, _support_fields(session, event))


def update_support_item(session: Session, item_id: uuid.UUID | str, **changes: object) -> SupportItem:
    """Change a support item's type, amount, unit, owner, description or limits."""
    item = update_record(
        session, SUPPORT_ITEMS, item_id, changes, lambda event: _support_fields(session, event)
    )
    session.flush()
    session.refresh(item, ["owner"])
    return item


def remove_support_item(session: Session, item_id: uuid.UUID | str) -> None:
    """Remove a support item from its agreement."""
    remove_listed(session, SUPPORT_ITEMS, item_id)


def move_support_item(session: Session, item_id: uuid.UUID | str, index: int) -> None:
    """Move a support item to ``index`` within its agreement."""
    move_listed(session, SUPPORT_ITEMS, item_id, index)
