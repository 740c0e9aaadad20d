"""The fit check on paper: each condition with the room's answer, the follow-up questions, the risk."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether

from exports.pdf.blocks import bold, bold_markup, bullets, para
from exports.pdf.markup import text
from exports.pdf.paragraph import Para
from exports.pdf.styles import Styles
from exports.pdf.tables import columns
from exports.pdf.values import date_text, person_text
from facilitator.domain import BoundaryKind, FitAnswerKind
from facilitator.i18n import N_, _
from facilitator.services.fit import FitQuestion, fit_questions, risks

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the documents only read them
    import uuid

    from facilitator.domain import Agreement, Participant

    # The event's participants by id: a loaded event holds them, while an
    # answer's owner or an acceptance's person would need a lazy load.
    People = Mapping[uuid.UUID, Participant]

KIND_LABELS = {
    # Translators: a heading over the conditions under which a pattern works
    BoundaryKind.WORKS_WHEN: N_("Works when"),
    # Translators: a heading over the conditions under which a pattern breaks
    BoundaryKind.BREAKS_WHEN: N_("Breaks when"),
    # Translators: the kind of one condition: something that must be in place first
    BoundaryKind.PREREQUISITE: N_("Prerequisite"),
}
# Translators: a fit-check question the room has not answered
NOT_ANSWERED = N_("not answered")


def answer_text(question: FitQuestion) -> str:
    """Return "Holds", "Does not hold", "Not known yet" or "not answered"."""
    return question.answer.answer.label if question.answer is not None else _(NOT_ANSWERED)


def fit_table(questions: list[FitQuestion], styles: Styles, width: float) -> Flowable:
    """Return one row per condition: what it says, the room's answer, the note."""
    s = styles
    rows: list[list[list[Para]]] = []
    for question in questions:
        condition = [
            Para(_(KIND_LABELS[question.condition.kind]), s.group_first),
            para(question.condition.text, s.cell),
        ]
        answer = question.answer
        if answer is None:
            said = [Para(_(NOT_ANSWERED), s.note)]
        else:
            said = [bold(answer.answer.label, s.cell_bold)]
            if question.risk:
                said.append(Para(_("At risk"), s.note))
        note = [para(answer.note, s.cell)] if answer is not None and answer.note else [Para("", s.cell)]
        rows.append([condition, said, note])
    # Translators: column headings of the fit check: a condition, the room's answer, a note
    head = [_("Condition"), _("Answer"), _("Note")]
    return columns(head, rows, [width * 0.50, width * 0.18, width * 0.32], s)


def follow_ups(questions: list[FitQuestion], styles: Styles, people: People) -> list[Flowable]:
    """The "not known yet" answers as questions, each with who finds out."""
    open_questions = [
        q for q in questions if q.answer is not None and q.answer.answer == FitAnswerKind.NOT_KNOWN
    ]
    if not open_questions:
        return []
    face = styles.bullet.fontName
    story: list[Flowable] = [Para(_("Follow-up questions"), styles.item)]
    for question in open_questions:
        assert question.answer is not None  # filtered above
        owner = people.get(question.answer.owner_id) if question.answer.owner_id else None
        who = (
            _("{person} finds out.").format(person=bold_markup(person_text(owner)))
            if owner is not None
            else _("Nobody is named to find out yet.")
        )
        line = _("Does “{condition}” hold for your team? ({pattern}) — {who}").format(
            condition=text(question.condition.text, face), pattern=text(question.pattern.name, face), who=who
        )
        story.append(Para(line, styles.bullet, bulletText="•", direction="auto"))
    return story


def risk_block(
    agreement: Agreement, styles: Styles, people: People, *, heading: bool = True
) -> list[Flowable]:
    """The risk the fit check found, in words, and who accepted it and when.

    Args:
        agreement: The agreement.
        styles: The document's styles.
        people: The event's participants by id.
        heading: Start with a "Risk" heading (off inside a table cell).
    """
    reasons = risks(agreement)
    if not reasons:
        return []
    s = styles
    story: list[Flowable] = [Para(_("Risk"), s.item)] if heading else []
    story.extend(bullets(reasons, s))
    acceptance = agreement.risk_acceptance
    if acceptance is None:
        story.append(Para(_("The room has not accepted this risk."), s.body if heading else s.cell))
    else:
        accepter = people.get(acceptance.accepted_by_id) if acceptance.accepted_by_id else None
        # Translators: who accepted a risk when nobody is named ("accepted by the room")
        who = person_text(accepter, missing=_("the room"))
        on = date_text(acceptance.accepted_at.date())
        sentence = _("The room agreed deliberately: the risk was accepted by {person} on {date}.").format(
            person=bold_markup(who), date=text(on)
        )
        story.append(Para(sentence, s.body if heading else s.cell))
        if acceptance.note:
            story.append(para(acceptance.note, s.body if heading else s.cell))
    return [KeepTogether(story)] if heading else story


def fit_story(agreement: Agreement, styles: Styles, width: float, people: People) -> list[Flowable]:
    """The fit check of one agreement: per adopted pattern its conditions, then follow-ups and risk."""
    questions = fit_questions(agreement)
    if not agreement.patterns:
        return [
            Para(_("This agreement names no pattern, so there is nothing to hold against."), styles.empty)
        ]
    story: list[Flowable] = []
    for pattern in agreement.patterns:
        own = [q for q in questions if q.pattern.id == pattern.id]
        story.append(bold(pattern.name, styles.item))
        if not own:
            story.append(Para(_("No conditions are recorded for this pattern."), styles.empty))
            continue
        story.append(fit_table(own, styles, width))
    story.extend(follow_ups(questions, styles, people))
    story.extend(risk_block(agreement, styles, people))
    return story
