"""What a check-in's calendar entry says should be checked, in the language in use.

The lines of ``CheckIn.what_to_check`` (``exports.calendar``): the adopted
patterns, the agreed limits, the support promised and its owners, the fit
questions still open. No Qt, no ReportLab.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from exports.values import amount_text
from facilitator import numbers
from facilitator.domain import FitAnswerKind
from facilitator.followup.check_ins import SupportPromise, person_name
from facilitator.i18n import _, ngettext
from facilitator.services.fit import fit_questions

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; exporting only reads them
    from facilitator.domain import Agreement, Participant
    from facilitator.followup.adoption_row import AdoptionRow

__all__ = ["fit_lines", "row_fit_lines", "support_line", "what_to_check"]


def _person(person: Participant) -> str:
    return person_name(person.name, person.team)


def what_to_check(
    patterns: Sequence[str], limits: str, support: Sequence[SupportPromise], questions: Sequence[str]
) -> str:
    lines = []
    if patterns:
        lines.append(_("Patterns adopted: {patterns}").format(patterns="; ".join(patterns)))
    if limits:
        lines.append(_("Agreed limits (not included): {limits}").format(limits=limits))
    if support:
        lines.append(_("Support promised:"))
        lines.extend(f"- {support_line(promise)}" for promise in support)
    lines.extend(questions)
    return "\n".join(lines)


def support_line(promise: SupportPromise) -> str:
    """Return "Coaching: 8 hours, by Zoë Lefèvre (Checkout); limits: first two sprints"."""
    amount = amount_text(promise.amount, promise.unit) or _("amount not set")
    line = _("{support}: {amount}, by {owner}").format(
        support=promise.type.label, amount=amount, owner=promise.owner or _("owner not named")
    )
    return (
        _("{support}; limits: {limits}").format(support=line, limits=promise.limits)
        if promise.limits
        else line
    )


def fit_lines(agreement: Agreement, people: Mapping[uuid.UUID, Participant]) -> list[str]:
    """Return the fit questions still open: each "not known yet" with who finds out, and a count."""
    questions = fit_questions(agreement)
    lines = []
    for question in questions:
        answer = question.answer
        if answer is not None and answer.answer == FitAnswerKind.NOT_KNOWN:
            finder = people.get(answer.owner_id) if answer.owner_id else None
            who = (
                _("{person} finds out").format(person=_person(finder))
                if finder is not None
                else _("nobody named to find out")
            )
            lines.append(
                _("To find out: does “{condition}” hold? ({pattern}; {who})").format(
                    condition=question.condition.text, pattern=question.pattern.name, who=who
                )
            )
    unanswered = sum(1 for question in questions if question.answer is None)
    if unanswered:
        lines.append(
            ngettext(
                "Fit check: {count} question not answered yet",
                "Fit check: {count} questions not answered yet",
                unanswered,
            ).format(count=numbers.integer(unanswered))
        )
    return lines


def row_fit_lines(row: AdoptionRow) -> list[str]:
    lines = []
    if row.open_questions:
        lines.append(
            ngettext(
                "Fit check: {count} open question", "Fit check: {count} open questions", row.open_questions
            ).format(count=numbers.integer(row.open_questions))
        )
    lines.extend(
        _("New condition to check: {condition}").format(condition=condition.describe())
        for condition in row.new_conditions
    )
    return lines
