"""The event summary as Markdown: the PDF summary's content, in the Scale Across agenda's order.

A title and a short facts block, the participants by role, then one ``##``
section per agenda step (TOP Goal; Outcomes & Patterns; Context & Boundaries;
Follow-Up Support), what the event left open, and the next steps. Records that
have columns go into GFM tables (outcomes, agreements, support); a pattern's
boundaries are bullet lists. Every value a user typed goes through
``exports.markdown.text``; the plain wording of values is ``exports.values``'.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from exports.markdown.blocks import bullet_items, bullets, document, heading, label, note, table
from exports.markdown.text import Markdown, block, cell, inline, ours
from exports.values import (
    ADOPTION_TRACK,
    MAIN_TRACK,
    SHARED_EVENT,
    adoption_sentence,
    amount_text,
    coalition_names,
    date_text,
    document_language,
    event_name,
    left_open_sentence,
    person_text,
    recorded_counts,
    status_text,
)
from facilitator import numbers
from facilitator.domain import BoundaryKind, OutcomeKind, ParticipantRole
from facilitator.i18n import N_, _, ngettext, speaking
from facilitator.services.fit import at_risk, risks

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the documents only read them
    from facilitator.domain import Agreement, Event, Pattern

BOUNDARY_GROUPS = (
    # Translators: a heading over the conditions under which a pattern works
    (BoundaryKind.WORKS_WHEN, N_("Works when")),
    # Translators: a heading over the conditions under which a pattern breaks
    (BoundaryKind.BREAKS_WHEN, N_("Breaks when")),
    (BoundaryKind.PREREQUISITE, N_("Prerequisites")),
)

# Table headings, translated where a table is written (blocks.table takes them as they are).
# Translators: the column heading of an agreement's number (1, 2, 3 ...)
NUMBER = N_("#")
AGREEMENT_COLUMNS = (NUMBER, N_("Adopter"), N_("Adopts"), N_("Sponsor"), N_("Check-in"), N_("Status"))
SUPPORT_COLUMNS = (
    NUMBER,
    N_("Adopter"),
    N_("Type"),
    N_("Amount"),
    N_("Owner"),
    # Translators: a heading: what a support item covers (and, in the report, which coalitions)
    N_("Scope"),
    N_("Limits"),
)
NOT_INCLUDED_COLUMNS = (NUMBER, N_("Adopter"), N_("Not included"))
NOTES_COLUMNS = (NUMBER, N_("Adopter"), N_("Notes"))
OUTCOME_COLUMNS = (N_("Outcome"), N_("What happened"), N_("Evidence"))
PARTICIPANT_COLUMNS = (N_("Role"), N_("Name"), N_("Team"))
NONE = ours("—")


def render_summary_markdown(event: Event, *, left_open: Sequence[str] | None = None) -> str:
    """Return the event summary as Markdown (CommonMark with GFM tables), in the event's document language.

    Args:
        event: A fully loaded event (``facilitator.services.events.load_event``).
        left_open: What the event leaves open, in words; ``None`` checks the
            event now (``facilitator.services.readiness.open_items_of``).
    """
    with speaking(document_language(event)):
        if left_open is None:
            from facilitator.services.readiness import open_items_of

            left_open = [item.text for item in open_items_of(event)]
        return document(
            [
                *_title(event),
                *_participants(event),
                *_goals(event),
                *_outcomes_and_patterns(event),
                *_context_and_boundaries(event),
                *_follow_up_support(event),
                *_left_open(left_open),
                *_next_steps(event),
            ]
        )


def _table(columns: Sequence[str], rows: Sequence[Sequence[Markdown]]) -> Markdown:
    """Return a table under the columns' headings in the language in use."""
    return table([_(column) for column in columns], rows)


def _number(value: int) -> Markdown:
    return ours(numbers.integer(value))


def _colon(name: str) -> Markdown:
    """Return a label of ours, bold, as it stands before its value: "**Date:**"."""
    # Translators: a label before its value ("Date: 2 December 2026")
    return label(_("{label}:").format(label=name))


def _fact(name: str, value: Markdown) -> Markdown:
    return Markdown(f"- {_colon(name)} {value}")


def _title(event: Event) -> list[Markdown]:
    facts = [
        _fact(ngettext("Coalition", "Coalitions", len(event.coalitions)), inline(coalition_names(event))),
        _fact(_("Date"), inline(date_text(event.date))),
        _fact(_("Facilitator"), inline(event.facilitator or person_text(None))),
        _fact(_("Trigger"), inline(event.trigger.label)),
        _fact(_("Recorded"), inline(recorded_counts(event))),
    ]
    return [
        heading(1, inline(event_name(event))),
        note(_("Scale Across · event summary")),
        Markdown("\n".join(facts)),
    ]


def _participants(event: Event) -> list[Markdown]:
    rows = [
        (inline(role.label), cell(p.name), cell(p.team))
        for role in ParticipantRole
        for p in event.participants
        if p.role == role
    ]
    if not rows:
        return [heading(2, ours(_("Participants"))), note(_("No participants were recorded."))]
    return [heading(2, ours(_("Participants"))), _table(PARTICIPANT_COLUMNS, rows)]


def _goals(event: Event) -> list[Markdown]:
    # The heading of the agenda step, one goal or several (a plural message the window shares).
    story = [heading(2, ours(ngettext("TOP Goal", "TOP Goals", 1)))]
    for coalition in event.coalitions:
        if len(event.coalitions) > 1:
            story.append(heading(3, inline(coalition.name)))
        goal = event.goal_for(coalition)
        story.append(block(goal) if goal else note(_("No TOP Goal was recorded.")))
    return story


def _outcomes_and_patterns(event: Event) -> list[Markdown]:
    story = [heading(2, ours(_("Outcomes & Patterns")))]
    if not event.outcomes:
        story.append(note(_("No outcomes were recorded.")))
    for kind, title in (
        (OutcomeKind.SUCCESS, _("Successes ({count})")),
        (OutcomeKind.FAILURE, _("Failures ({count})")),
    ):
        outcomes = [o for o in event.outcomes if o.kind == kind]
        if outcomes:
            rows = [
                (
                    cell(o.title),
                    cell(o.what_happened),
                    cell(o.evidence) if o.evidence else note(_("No evidence recorded.")),
                )
                for o in outcomes
            ]
            count = numbers.integer(len(outcomes))
            story += [heading(3, ours(title.format(count=count))), _table(OUTCOME_COLUMNS, rows)]
    story.append(heading(3, ours(_("Patterns"))))
    if not event.patterns:
        return [*story, note(_("No patterns were recorded."))]
    for pattern in event.patterns:
        story += _pattern(pattern)
    return story


def _pattern(pattern: Pattern) -> list[Markdown]:
    failure = pattern.kind == OutcomeKind.FAILURE
    story = [
        heading(4, inline(pattern.name)),
        note("✗ " + _("Failure pattern") if failure else "✓ " + _("Success pattern")),
    ]
    if pattern.summary:
        story.append(block(pattern.summary))
    if pattern.guidance:
        guidance = _colon(_("What to avoid") if failure else _("How to reproduce"))
        story.append(Markdown(f"{guidance} {block(pattern.guidance)}"))
    sources = [outcome.title for outcome in pattern.outcomes]
    if sources:
        story += [_colon(_("Learned from")), bullets(bullet_items(sources))]
    return story


def _context_and_boundaries(event: Event) -> list[Markdown]:
    story = [heading(2, ours(_("Context & Boundaries")))]
    if not event.patterns:
        return [*story, note(_("No patterns were recorded."))]
    story.append(
        ours(
            _(
                "Each pattern with the conditions under which it works reliably, where it breaks, "
                "and what must be in place first. Apply a pattern only where these conditions hold."
            )
        )
    )
    for pattern in event.patterns:
        story.append(heading(3, inline(pattern.name)))
        for kind, title in BOUNDARY_GROUPS:
            texts = [c.text for c in pattern.conditions(kind)]
            story += [label(_(title)), bullets(bullet_items(texts), empty=_("None recorded."))]
    return story


def _follow_up_support(event: Event) -> list[Markdown]:
    story = [heading(2, ours(_("Follow-Up Support")))]
    agreements = event.agreements
    if not agreements:
        return [*story, note(_("No adoption agreements were made."))]
    numbered = list(enumerate(agreements, start=1))
    story += [
        heading(3, ours(_("Agreements"))),
        _table(AGREEMENT_COLUMNS, [_agreement_row(n, a) for n, a in numbered]),
    ]
    story += [
        heading(3, ours(_("Support"))),
        _table(SUPPORT_COLUMNS, [r for n, a in numbered for r in _support_rows(n, a)]),
    ]
    story += [
        heading(3, ours(_("Not included"))),
        ours(_("Where the coalition's support stops, for each agreement as a whole.")),
        _table(NOT_INCLUDED_COLUMNS, [_not_included_row(n, a) for n, a in numbered]),
    ]
    with_notes = [(n, a) for n, a in numbered if a.notes]
    if with_notes:
        rows = [(_number(n), cell(person_text(a.adopter)), cell(a.notes)) for n, a in with_notes]
        story += [heading(3, ours(_("Notes"))), _table(NOTES_COLUMNS, rows)]
    risky = [(n, a) for n, a in numbered if at_risk(a)]
    if risky:
        story.append(heading(3, ours(_("Fit check"))))
        for number, agreement in risky:
            story += _risk(number, agreement, event)
    return story


def _agreement_row(number: int, agreement: Agreement) -> list[Markdown]:
    patterns = Markdown("<br>".join(cell(p.name) for p in agreement.patterns)) or note(_("No pattern named."))
    status = cell(status_text(agreement))
    if at_risk(agreement):
        status = Markdown(f"{status}<br>{label(_('At risk'))}")
    return [
        _number(number),
        cell(person_text(agreement.adopter)),
        patterns,
        cell(person_text(agreement.sponsor)),
        cell(date_text(agreement.check_in)),
        status,
    ]


def _not_included_row(number: int, agreement: Agreement) -> list[Markdown]:
    limits = cell(agreement.limits) if agreement.limits else note(_("Nothing stated."))
    return [_number(number), cell(person_text(agreement.adopter)), limits]


def _support_rows(number: int, agreement: Agreement) -> list[list[Markdown]]:
    adopter = cell(person_text(agreement.adopter))
    if not agreement.support_items:
        return [[_number(number), adopter, note(_("No support agreed.")), NONE, NONE, NONE, NONE]]
    return [
        [
            _number(number),
            adopter,
            cell(item.type.label),
            cell(amount_text(item.amount, item.unit) or date_text(None)),
            cell(person_text(item.owner)),
            cell(item.description) if item.description else NONE,
            cell(item.limits or _("none stated")),
        ]
        for item in agreement.support_items
    ]


def _risk(number: int, agreement: Agreement, event: Event) -> list[Markdown]:
    """The risk the fit check found, in words, and who accepted it and when (the PDF's risk block)."""
    story = [
        block(
            _("Agreement {number}, {adopter}, is at risk:").format(
                number=numbers.integer(number), adopter=person_text(agreement.adopter)
            )
        ),
        bullets(bullet_items(risks(agreement))),
    ]
    acceptance = agreement.risk_acceptance
    if acceptance is None:
        return [*story, ours(_("The room has not accepted this risk."))]
    # The event's participants are loaded; the acceptance's own relationship would need a lazy load.
    people = {p.id: p for p in event.participants}
    accepter = people.get(acceptance.accepted_by_id) if acceptance.accepted_by_id else None
    # Translators: who accepted a risk when nobody is named ("accepted by the room")
    who = person_text(accepter, missing=_("the room"))
    on = date_text(acceptance.accepted_at.date())
    story.append(
        block(
            _("The room agreed deliberately: the risk was accepted by {person} on {date}.").format(
                person=who, date=on
            )
        )
    )
    if acceptance.note:
        story.append(block(acceptance.note))
    return story


def _left_open(left_open: Sequence[str]) -> list[Markdown]:
    story = [heading(2, ours(_("Left open")))]
    if not left_open:
        return [*story, ours(_("Nothing was left open: every agreement was complete when the room left."))]
    story.append(ours(left_open_sentence(len(left_open))))
    story.append(bullets(bullet_items(left_open)))
    return story


def _next_steps(event: Event) -> list[Markdown]:
    story = [
        heading(2, ours(_("Next steps"))),
        heading(3, ours(_("Main track"))),
        Markdown(_(MAIN_TRACK).format(coalitions=inline(coalition_names(event)))),
        heading(3, ours(_("Adoption track"))),
    ]
    if event.agreements:
        ordered = sorted(
            event.agreements,
            key=lambda a: (a.check_in is None, a.check_in or event.date, a.position),
        )
        story += [ours(_(ADOPTION_TRACK)), bullets(bullet_items(adoption_sentence(a) for a in ordered))]
    else:
        story.append(note(_("No one agreed to adopt a pattern at this event.")))
    if len(event.coalitions) > 1:
        story += [heading(3, ours(_("Shared event"))), ours(_(SHARED_EVENT))]
    return story
