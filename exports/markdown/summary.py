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
    amount_text,
    coalition_names,
    count,
    date_text,
    event_name,
    person_text,
    recorded_counts,
    status_text,
)
from facilitator.domain import BoundaryKind, OutcomeKind, ParticipantRole
from facilitator.services.fit import at_risk, risks

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the documents only read them
    from facilitator.domain import Agreement, Event, Pattern

BOUNDARY_GROUPS = (
    (BoundaryKind.WORKS_WHEN, "Works when"),
    (BoundaryKind.BREAKS_WHEN, "Breaks when"),
    (BoundaryKind.PREREQUISITE, "Prerequisites"),
)


AGREEMENT_COLUMNS = ("#", "Adopter", "Adopts", "Sponsor", "Check-in", "Status")
SUPPORT_COLUMNS = ("#", "Adopter", "Type", "Amount", "Owner", "Scope", "Limits")
NOT_INCLUDED_COLUMNS = ("#", "Adopter", "Not included")
NOTES_COLUMNS = ("#", "Adopter", "Notes")
OUTCOME_COLUMNS = ("Outcome", "What happened", "Evidence")
PARTICIPANT_COLUMNS = ("Role", "Name", "Team")
NONE = ours("—")


def render_summary_markdown(event: Event, *, left_open: Sequence[str] | None = None) -> str:
    """Return the event summary as Markdown (CommonMark with GFM tables).

    Args:
        event: A fully loaded event (``facilitator.services.events.load_event``).
        left_open: What the event leaves open, in words; ``None`` checks the
            event now (``facilitator.services.readiness.open_items_of``).
    """
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


def _fact(name: str, value: Markdown) -> Markdown:
    return Markdown(f"- {label(name + ':')} {value}")


def _title(event: Event) -> list[Markdown]:
    facts = [
        _fact("Coalitions" if len(event.coalitions) > 1 else "Coalition", inline(coalition_names(event))),
        _fact("Date", inline(date_text(event.date))),
        _fact("Facilitator", inline(event.facilitator or "not named")),
        _fact("Trigger", inline(event.trigger.label)),
        _fact("Recorded", inline(recorded_counts(event))),
    ]
    return [
        heading(1, inline(event_name(event))),
        note("Scale Across · event summary"),
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
        return [heading(2, ours("Participants")), note("No participants were recorded.")]
    return [heading(2, ours("Participants")), table(PARTICIPANT_COLUMNS, rows)]


def _goals(event: Event) -> list[Markdown]:
    story = [heading(2, ours("TOP Goal"))]
    for coalition in event.coalitions:
        if len(event.coalitions) > 1:
            story.append(heading(3, inline(coalition.name)))
        goal = event.goal_for(coalition)
        story.append(block(goal) if goal else note("No TOP Goal was recorded."))
    return story


def _outcomes_and_patterns(event: Event) -> list[Markdown]:
    story = [heading(2, ours("Outcomes & Patterns"))]
    if not event.outcomes:
        story.append(note("No outcomes were recorded."))
    for kind, title in ((OutcomeKind.SUCCESS, "Successes"), (OutcomeKind.FAILURE, "Failures")):
        outcomes = [o for o in event.outcomes if o.kind == kind]
        if outcomes:
            rows = [
                (
                    cell(o.title),
                    cell(o.what_happened),
                    cell(o.evidence) if o.evidence else note("No evidence recorded."),
                )
                for o in outcomes
            ]
            story += [heading(3, ours(f"{title} ({len(outcomes)})")), table(OUTCOME_COLUMNS, rows)]
    story.append(heading(3, ours("Patterns")))
    if not event.patterns:
        return [*story, note("No patterns were recorded.")]
    for pattern in event.patterns:
        story += _pattern(pattern)
    return story


def _pattern(pattern: Pattern) -> list[Markdown]:
    failure = pattern.kind == OutcomeKind.FAILURE
    story = [
        heading(4, inline(pattern.name)),
        note("✗ Failure pattern" if failure else "✓ Success pattern"),
    ]
    if pattern.summary:
        story.append(block(pattern.summary))
    if pattern.guidance:
        story.append(
            Markdown(
                f"{label('What to avoid:' if failure else 'How to reproduce:')} {block(pattern.guidance)}"
            )
        )
    sources = [outcome.title for outcome in pattern.outcomes]
    if sources:
        story += [label("Learned from:"), bullets(bullet_items(sources))]
    return story


def _context_and_boundaries(event: Event) -> list[Markdown]:
    story = [heading(2, ours("Context & Boundaries"))]
    if not event.patterns:
        return [*story, note("No patterns were recorded.")]
    story.append(
        ours(
            "Each pattern with the conditions under which it works reliably, where it breaks, "
            "and what must be in place first. Apply a pattern only where these conditions hold."
        )
    )
    for pattern in event.patterns:
        story.append(heading(3, inline(pattern.name)))
        for kind, title in BOUNDARY_GROUPS:
            texts = [c.text for c in pattern.conditions(kind)]
            story += [label(title), bullets(bullet_items(texts), empty="None recorded.")]
    return story


def _follow_up_support(event: Event) -> list[Markdown]:
    story = [heading(2, ours("Follow-Up Support"))]
    agreements = event.agreements
    if not agreements:
        return [*story, note("No adoption agreements were made.")]
    numbered = list(enumerate(agreements, start=1))
    story += [
        heading(3, ours("Agreements")),
        table(AGREEMENT_COLUMNS, [_agreement_row(n, a) for n, a in numbered]),
    ]
    story += [
        heading(3, ours("Support")),
        table(SUPPORT_COLUMNS, [r for n, a in numbered for r in _support_rows(n, a)]),
    ]
    story += [
        heading(3, ours("Not included")),
        ours("Where the coalition's support stops, for each agreement as a whole."),
        table(NOT_INCLUDED_COLUMNS, [_not_included_row(n, a) for n, a in numbered]),
    ]
    with_notes = [(n, a) for n, a in numbered if a.notes]
    if with_notes:
        rows = [(ours(str(n)), cell(person_text(a.adopter)), cell(a.notes)) for n, a in with_notes]
        story += [heading(3, ours("Notes")), table(NOTES_COLUMNS, rows)]
    risky = [(n, a) for n, a in numbered if at_risk(a)]
    if risky:
        story.append(heading(3, ours("Fit check")))
        for number, agreement in risky:
            story += _risk(number, agreement, event)
    return story


def _agreement_row(number: int, agreement: Agreement) -> list[Markdown]:
    patterns = Markdown("<br>".join(cell(p.name) for p in agreement.patterns)) or note("No pattern named.")
    status = cell(status_text(agreement))
    if at_risk(agreement):
        status = Markdown(f"{status}<br>{label('At risk')}")
    return [
        ours(str(number)),
        cell(person_text(agreement.adopter)),
        patterns,
        cell(person_text(agreement.sponsor)),
        cell(date_text(agreement.check_in)),
        status,
    ]


def _not_included_row(number: int, agreement: Agreement) -> list[Markdown]:
    limits = cell(agreement.limits) if agreement.limits else note("Nothing stated.")
    return [ours(str(number)), cell(person_text(agreement.adopter)), limits]


def _support_rows(number: int, agreement: Agreement) -> list[list[Markdown]]:
    adopter = cell(person_text(agreement.adopter))
    if not agreement.support_items:
        return [[ours(str(number)), adopter, note("No support agreed."), NONE, NONE, NONE, NONE]]
    return [
        [
            ours(str(number)),
            adopter,
            cell(item.type.label),
            cell(amount_text(item.amount, item.unit) or "not set"),
            cell(person_text(item.owner)),
            cell(item.description) if item.description else NONE,
            cell(item.limits or "none stated"),
        ]
        for item in agreement.support_items
    ]


def _risk(number: int, agreement: Agreement, event: Event) -> list[Markdown]:
    """The risk the fit check found, in words, and who accepted it and when (the PDF's risk block)."""
    story = [
        block(f"Agreement {number}, {person_text(agreement.adopter)}, is at risk:"),
        bullets(bullet_items(risks(agreement))),
    ]
    acceptance = agreement.risk_acceptance
    if acceptance is None:
        return [*story, ours("The room has not accepted this risk.")]
    # The event's participants are loaded; the acceptance's own relationship would need a lazy load.
    people = {p.id: p for p in event.participants}
    accepter = people.get(acceptance.accepted_by_id) if acceptance.accepted_by_id else None
    who = person_text(accepter, missing="the room")
    on = date_text(acceptance.accepted_at.date())
    story.append(block(f"The room agreed deliberately: the risk was accepted by {who} on {on}."))
    if acceptance.note:
        story.append(block(acceptance.note))
    return story


def _left_open(left_open: Sequence[str]) -> list[Markdown]:
    story = [heading(2, ours("Left open"))]
    if not left_open:
        return [*story, ours("Nothing was left open: every agreement was complete when the room left.")]
    were = "was" if len(left_open) == 1 else "were"
    story.append(
        ours(
            f"When this summary was made, {count(len(left_open), 'item')} {were} still open. "
            "Each needs an owner to close it before the check-ins."
        )
    )
    story.append(bullets(bullet_items(left_open)))
    return story


def _next_steps(event: Event) -> list[Markdown]:
    story = [
        heading(2, ours("Next steps")),
        heading(3, ours("Main track")),
        Markdown(f"{inline(coalition_names(event))} {MAIN_TRACK}"),
        heading(3, ours("Adoption track")),
    ]
    if event.agreements:
        ordered = sorted(
            event.agreements,
            key=lambda a: (a.check_in is None, a.check_in or event.date, a.position),
        )
        story += [ours(ADOPTION_TRACK), bullets(bullet_items(adoption_sentence(a) for a in ordered))]
    else:
        story.append(note("No one agreed to adopt a pattern at this event."))
    if len(event.coalitions) > 1:
        story += [heading(3, ours("Shared event")), ours(SHARED_EVENT)]
    return story


def adoption_sentence(agreement: Agreement) -> str:
    """Return "Ana (Payments) adopts A, B. Check-in 2 January 2027, sponsor X." (plain text)."""
    patterns = ", ".join(p.name for p in agreement.patterns) or "no pattern named"
    sentence = f"{person_text(agreement.adopter)} adopts {patterns}. Check-in {date_text(agreement.check_in)}"
    if agreement.sponsor is not None:
        sentence += f", sponsor {person_text(agreement.sponsor)}"
    return sentence + "."
