"""The room's last look: what an event still leaves open before it is closed.

An agreement the room leaves with must have an owner for every piece of
support, limits, a check-in date and a sponsor; its fit questions answered
(or owned, when "not known yet"); a risk the fit check found accepted
deliberately; no owner's hours over-committed unless the room accepted it;
and every failure should have taught a pattern. Each open item names its
record, so a screen can take the facilitator to the place to fix it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from facilitator import numbers
from facilitator.domain import Agreement, Event, FitAnswerKind, OutcomeKind, Participant, SupportType
from facilitator.i18n import N_, _, ngettext
from facilitator.services.changes import RecordKind
from facilitator.services.events import load_event
from facilitator.services.fit import fit_questions, risks
from facilitator.services.participants import capacity_lines


@dataclass(frozen=True)
class OpenItem:
    """One thing still missing, in words, and the record where it is fixed."""

    text: str
    kind: RecordKind
    record_id: uuid.UUID


def _person(person: Participant | None) -> str:
    if person is None:
        # Translators: stands for an adopter nobody named, before a colon: "(no adopter): no check-in date."
        return _("(no adopter)")
    return f"{person.name} ({person.team})" if person.team else person.name


# Each kind of support in words, for "time support has no owner."
_SUPPORT = {
    SupportType.TIME: N_("time support"),
    SupportType.COACHING: N_("coaching support"),
    SupportType.ARTIFACT: N_("artifact support"),
    SupportType.OTHER: N_("other support"),
}


def _agreement_items(agreement: Agreement) -> list[OpenItem]:
    who = _person(agreement.adopter)
    items: list[OpenItem] = []

    def missing(text: str) -> None:
        items.append(OpenItem(text, RecordKind.AGREEMENT, agreement.id))

    if agreement.sponsor_id is None:
        missing(_("{who}: the agreement has no sponsor.").format(who=who))
    if not agreement.limits.strip():
        missing(_("{who}: no limits are written (where the coalition's support stops).").format(who=who))
    if agreement.check_in is None:
        missing(_("{who}: no check-in date.").format(who=who))
    for item in agreement.support_items:
        what = _(_SUPPORT[item.type])
        if item.owner_id is None:
            text = _("{who}: {support} has no owner.").format(who=who, support=what)
            items.append(OpenItem(text, RecordKind.SUPPORT_ITEM, item.id))
        if item.amount is None:
            text = _("{who}: {support} has no amount.").format(who=who, support=what)
            items.append(OpenItem(text, RecordKind.SUPPORT_ITEM, item.id))
    questions = fit_questions(agreement)
    unanswered = sum(1 for q in questions if q.answer is None)
    if unanswered:
        missing(
            ngettext(
                "{who}: {count} fit question not answered.",
                "{who}: {count} fit questions not answered.",
                unanswered,
            ).format(who=who, count=numbers.integer(unanswered))
        )
    for question in questions:
        answer = question.answer
        if answer is not None and answer.answer == FitAnswerKind.NOT_KNOWN and answer.owner_id is None:
            missing(
                _("{who}: nobody is finding out whether “{condition}” holds.").format(
                    who=who, condition=question.condition.text
                )
            )
    reasons = risks(agreement)
    if reasons and agreement.risk_acceptance is None:
        missing(
            _("{who}: at risk, and nobody has accepted the risk — {reasons}").format(
                who=who, reasons=" ".join(reasons)
            )
        )
    return items


def open_items(session: Session, event_id: uuid.UUID) -> list[OpenItem]:
    """Return everything the event still leaves open, in agenda order (outcomes to agreements)."""
    return open_items_of(load_event(session, event_id))


def open_items_of(event: Event) -> list[OpenItem]:
    """Return :func:`open_items` for an event already loaded with everything in it."""
    items = [
        OpenItem(
            _("The failure “{outcome}” has no pattern learnt from it.").format(outcome=outcome.title),
            RecordKind.OUTCOME,
            outcome.id,
        )
        for outcome in event.outcomes
        if outcome.kind == OutcomeKind.FAILURE and not outcome.pattern_links
    ]
    adopted = {pattern.id: pattern for agreement in event.agreements for pattern in agreement.patterns}
    items += [
        OpenItem(
            _("“{pattern}” is adopted but has no boundaries recorded.").format(pattern=pattern.name),
            RecordKind.PATTERN,
            pattern.id,
        )
        for pattern in adopted.values()
        if not pattern.boundaries
    ]
    for agreement in event.agreements:
        items += _agreement_items(agreement)
    for line in capacity_lines(event):
        if line.over_committed and not line.accepted:
            text = _(
                "{owner} is promised {promised} of support but has {stated}, "
                "and the room has not accepted it."
            ).format(
                owner=line.owner_name,
                promised=numbers.hours(line.promised_hours),
                stated=numbers.hours(line.stated_hours or 0),
            )
            items.append(OpenItem(text, RecordKind.CAPACITY, line.owner_id))
    return items
