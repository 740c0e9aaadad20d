"""Each step's room layout, built from the open event (no Qt: checked without a screen).

Outcomes stand as success and failure columns, patterns with the outcomes
they came from, boundaries as works when / breaks when / prerequisites for the
pattern under discussion, agreements as who adopts what with whose support and
its limits, beside the fit check of the agreement in hand, the owners over
their hours, and what is still open before the room leaves.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from facilitator.agenda.model import Agenda
from facilitator.dates import day
from facilitator.domain import Agreement, BoundaryKind, Event, FitAnswerKind, OutcomeKind, Pattern
from facilitator.followup.adoption_row import AdoptionRow
from facilitator.i18n import N_, _, ngettext
from facilitator.numbers import integer
from facilitator.services.fit import fit_questions, risks
from facilitator.services.participants import capacity_lines
from facilitator.services.readiness import open_items_of
from ui.panels.agreements.support_text import format_hours, item_summary, owner_names
from ui.room.slide import PATTERN_SLOT, Bar, Column, Draft, Item, Section, Slide, Tone

SUCCESS_MARK = "✓"
FAILURE_MARK = "✗"
RISK_MARK = "⚠"


@dataclass(frozen=True)
class StepState:
    """What the console knows that the event does not: the record in hand, the step's time.

    Attributes:
        focus: The record the facilitator has selected in the step (the
            pattern whose boundaries are discussed, the agreement in hand).
        review_rows: Earlier agreements under review, as the step's panel read them.
        draft: Text being typed and not stored yet.
        timer: The step's time for the room ("4:11 / 6:00"), or "" when kept private.
        timer_over: The step has run over its timebox.
    """

    focus: uuid.UUID | None = None
    review_rows: Sequence[AdoptionRow] = ()
    timer: str = ""
    timer_over: bool = False
    draft: Draft | None = None


@dataclass(frozen=True)
class _Parts:
    main: tuple[Section, ...] = ()
    side: tuple[Section, ...] = ()


def build_slide(event: Event, agenda: Agenda, index: int, state: StepState | None = None) -> Slide:
    """Return what the room sees at step ``index`` of ``agenda``."""
    state = state or StepState()
    step = agenda.steps[index]
    main: list[Section] = []
    side: list[Section] = []
    for kind in step.captures:
        parts = BUILDERS[kind](event, state) if kind in BUILDERS else _Parts()
        main += parts.main
        side += parts.side
    if state.draft is not None and state.draft.text.strip():
        main = [_with_draft(section, state.draft) for section in main]
    return Slide(
        position=_("Step {number} of {count} · {title}").format(
            number=index + 1, count=len(agenda.steps), title=step.title
        ),
        question=step.question,
        main=tuple(main),
        side=tuple(side),
        timer=state.timer,
        timer_over=state.timer_over,
        note="" if step.captures else _("Talk it through — nothing to record in this step."),
    )


DRAFT_MARK = "✎"


def _with_draft(section: Section, draft: Draft) -> Section:
    """Show ``draft`` in ``section``: as the title of the record it edits, or as a new record."""
    columns = []
    for column in section.columns:
        items = column.items
        if draft.key is not None:
            items = tuple(replace(i, title=draft.text) if i.key == draft.key else i for i in items)
        elif draft.slot and draft.slot == column.slot:
            items = (*items, Item(draft.text, (), DRAFT_MARK, Tone.MUTED))
        columns.append(replace(column, items=items))
    return replace(section, columns=tuple(columns))


def _top_goal(event: Event, _state: StepState) -> _Parts:
    items = tuple(
        Item(event.goal_for(coalition) or _("No goal stated yet."), (coalition.name,), key=coalition.id)
        for coalition in event.coalitions
    )
    return _Parts(main=(Section(_("TOP Goal"), (Column("", items),)),))


def _participants(event: Event, _state: StepState) -> _Parts:
    people = [
        Item(p.name, (" · ".join(part for part in (p.team, p.role.label) if part),), key=p.id)
        for p in event.participants
    ]
    # Two columns: a room of twenty reads as a list of names, not a scroll.
    half = (len(people) + 1) // 2
    columns = (Column("", tuple(people[:half]), _("Nobody added yet.")), Column("", tuple(people[half:])))
    return _Parts(main=(Section(_("Who is here"), columns),))


def _outcomes(event: Event, _state: StepState) -> _Parts:
    def column(kind: OutcomeKind, heading: str, empty: str, mark: str, tone: Tone) -> Column:
        items = tuple(
            Item(o.title, tuple(t for t in (o.evidence,) if t), mark, tone, key=o.id)
            for o in event.outcomes
            if o.kind == kind
        )
        return Column(heading, items, empty, tone, kind.value)

    columns = (
        column(OutcomeKind.SUCCESS, _("Successes"), _("No successes yet."), SUCCESS_MARK, Tone.OK),
        column(OutcomeKind.FAILURE, _("Failures"), _("No failures yet."), FAILURE_MARK, Tone.DANGER),
    )
    return _Parts(main=(Section(_("Outcomes"), columns),))


def _pattern_item(pattern: Pattern) -> Item:
    lines = [pattern.summary] if pattern.summary else []
    sources = ", ".join(outcome.title for outcome in pattern.outcomes)
    if sources:
        # Translators: the outcomes a pattern was learnt from
        lines.append(_("From: {outcomes}").format(outcomes=sources))
    success = pattern.kind == OutcomeKind.SUCCESS
    mark, tone = (SUCCESS_MARK, Tone.OK) if success else (FAILURE_MARK, Tone.DANGER)
    return Item(pattern.name, tuple(lines), mark, tone, key=pattern.id)


def _patterns(event: Event, _state: StepState) -> _Parts:
    items = tuple(_pattern_item(pattern) for pattern in event.patterns)
    column = Column("", items, _("No patterns yet."), slot=PATTERN_SLOT)
    return _Parts(main=(Section(_("Patterns"), (column,)),))


# Headings marked here, translated where the slide is built.
BOUNDARY_COLUMNS = (
    (BoundaryKind.WORKS_WHEN, N_("Works when"), Tone.OK),
    (BoundaryKind.BREAKS_WHEN, N_("Breaks when"), Tone.DANGER),
    (BoundaryKind.PREREQUISITE, N_("Prerequisites"), Tone.PLAIN),
)


def _boundaries(event: Event, state: StepState) -> _Parts:
    patterns = event.patterns
    pattern = next((p for p in patterns if p.id == state.focus), patterns[0] if patterns else None)
    if pattern is None:
        column = Column("", (), _("No patterns yet."))
        return _Parts(main=(Section(_("Context & boundaries"), (column,)),))
    columns = tuple(
        Column(
            _(heading),
            tuple(Item(c.text, key=c.id) for c in pattern.conditions(kind)),
            _("Nothing said yet."),
            tone,
            kind.value,
        )
        for kind, heading, tone in BOUNDARY_COLUMNS
    )
    title = pattern.name
    if len(patterns) > 1:
        title = _("{pattern} (pattern {number} of {count})").format(
            pattern=pattern.name, number=patterns.index(pattern) + 1, count=len(patterns)
        )
    return _Parts(main=(Section(title, columns),))


def _agreement_item(agreement: Agreement) -> Item:
    # Translators: the adopter of an agreement that names nobody yet ("Someone adopts …")
    adopter = agreement.adopter.display_name if agreement.adopter else _("Someone")
    patterns = ", ".join(p.name for p in agreement.patterns) or _("a pattern not named yet")
    lines: list[str] = []
    support = ", ".join(item_summary(item) for item in agreement.support_items)
    owners = owner_names(agreement)
    if support:
        # Translators: the support an adopter gets, and from whom ("Coaching 8 h from Zoë")
        lines.append(
            _("{support} from {owners}").format(support=support, owners=owners) if owners else support
        )
    if agreement.limits.strip():
        lines.append(_("Limits: {limits}").format(limits=agreement.limits.strip()))
    backing = [_("Sponsor: {name}").format(name=agreement.sponsor.name)] if agreement.sponsor else []
    if agreement.check_in is not None:
        backing.append(_("Check-in {date}").format(date=day(agreement.check_in)))
    if backing:
        lines.append(" · ".join(backing))
    at_risk = bool(risks(agreement))
    if at_risk:
        if agreement.risk_acceptance is not None:
            lines.append(_("At risk in this team's context, risk accepted"))
        else:
            lines.append(_("At risk in this team's context"))
    return Item(
        _("{adopter} adopts {patterns}").format(adopter=adopter, patterns=patterns),
        tuple(lines),
        RISK_MARK if at_risk else "",
        Tone.DANGER if at_risk else Tone.PLAIN,
        key=agreement.id,
    )


# The fit check's answers as the room reads them; translated where the slide is built.
ANSWER_WORDS = {
    # Translators: the fit check's answer on the room view: the condition holds
    FitAnswerKind.HOLDS: N_("yes"),
    # Translators: the fit check's answer on the room view: the condition does not hold
    FitAnswerKind.DOES_NOT_HOLD: N_("no"),
    FitAnswerKind.NOT_KNOWN: N_("not known yet"),
}


def _fit_section(agreement: Agreement) -> Section | None:
    questions = fit_questions(agreement)
    if not questions:
        return None
    items = []
    for question in questions:
        answer = question.answer
        said = _(ANSWER_WORDS[answer.answer]) if answer is not None else "?"
        kind = question.condition.kind.label
        tone = Tone.DANGER if question.risk else (Tone.MUTED if question.open else Tone.OK)
        mark = RISK_MARK if question.risk else ("?" if question.open else SUCCESS_MARK)
        items.append(
            Item(f"{kind}: {question.condition.text} — {said}", (), mark, tone, key=question.condition.id)
        )
    if agreement.adopter:
        heading = _("Does it fit {adopter}'s team?").format(adopter=agreement.adopter.name)
    else:
        heading = _("Does it fit the adopter's team?")
    return Section(heading, (Column("", tuple(items)),))


def _capacity_section(event: Event) -> Section | None:
    # Only the owners promised more than they have: the room need not read the rest.
    lines = [line for line in capacity_lines(event) if line.over_committed]
    if not lines:
        return None
    items = tuple(
        Item(
            line.owner_name,
            (_promised_line(line.promised_hours, line.stated_hours or 0.0, line.accepted),),
            RISK_MARK if line.needs_attention else "",
            Tone.DANGER if line.needs_attention else Tone.PLAIN,
            Bar(line.promised_hours, line.stated_hours or 0.0),
            key=line.owner_id,
        )
        for line in lines
    )
    return Section(_("Over-committed"), (Column("", items),))


def _promised_line(promised: float, stated: float, accepted: bool) -> str:
    # Translators: an owner's hours on the room view, e.g. "30 h promised of 24 h"
    text = _("{promised} promised of {stated}").format(
        promised=format_hours(promised), stated=format_hours(stated)
    )
    # Translators: the room accepted that an owner promised more hours than they have
    return text + " · " + _("accepted by the room") if accepted else text


def _agreements(event: Event, state: StepState) -> _Parts:
    items = tuple(_agreement_item(agreement) for agreement in event.agreements)
    column = Column("", items, _("No agreements yet: who adopts which pattern?"))
    main = (Section(_("Agreements"), (column,)),)
    side: list[Section] = []
    focused = next((a for a in event.agreements if a.id == state.focus), None)
    fit = _fit_section(focused) if focused is not None else None
    if fit is not None:
        side.append(fit)
    still_open = [Item(item.text, (), key=item.record_id) for item in open_items_of(event)]
    if still_open and event.agreements:
        side.append(Section(_("Still open before we leave"), (Column("", tuple(still_open)),)))
    return _Parts(main=main, side=tuple(side))


def _capacity(event: Event, _state: StepState) -> _Parts:
    section = _capacity_section(event)
    return _Parts(side=(section,) if section is not None else ())


def _adoption_review(_event: Event, state: StepState) -> _Parts:
    items = []
    for row in state.review_rows:
        lines = [f"{row.status.label}" + (f": {row.status_reason}" if row.status_reason else "")]
        if row.check_in is not None:
            check_in = day(row.check_in)
            if row.overdue:
                text = ngettext(
                    "Check-in {date}, {count} day overdue",
                    "Check-in {date}, {count} days overdue",
                    row.days_overdue,
                ).format(date=check_in, count=integer(row.days_overdue))
            else:
                text = _("Check-in {date}").format(date=check_in)
            lines.append(text)
        tone = Tone.DANGER if row.overdue else Tone.PLAIN
        items.append(
            Item(
                f"{row.adopter} ({row.adopter_team}): {', '.join(row.patterns)}",
                tuple(lines),
                key=row.agreement_id,
                tone=tone,
            )
        )
    column = Column("", tuple(items), _("No earlier agreements to review."))
    return _Parts(main=(Section(_("Earlier agreements"), (column,)),))


BUILDERS: dict[str, Callable[[Event, StepState], _Parts]] = {
    "top_goal": _top_goal,
    "participants": _participants,
    "outcomes": _outcomes,
    "patterns": _patterns,
    "boundaries": _boundaries,
    "agreements": _agreements,
    "capacity": _capacity,
    "adoption_review": _adoption_review,
}
