"""The event summary: everything the room shared and agreed, for everyone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Spacer

from exports.pdf.blocks import bold, bold_markup, bullets, para, pattern_table
from exports.pdf.document import DocumentInfo, Renderer, section_heading
from exports.pdf.fit import risk_block
from exports.pdf.markup import embedded, text
from exports.pdf.paragraph import Para
from exports.pdf.styles import Styles
from exports.pdf.tables import columns, key_values
from exports.pdf.values import (
    coalition_names,
    date_text,
    event_name,
    person_text,
    running_footer,
    status_text,
    support_headline,
)
from exports.values import (
    ADOPTION_TRACK,
    MAIN_TRACK,
    SHARED_EVENT,
    adoption_sentence,
    left_open_sentence,
    recorded_counts,
)
from facilitator import numbers
from facilitator.domain import OutcomeKind, ParticipantRole
from facilitator.i18n import N_, _, ngettext
from facilitator.services.fit import at_risk

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the documents only read them
    from facilitator.domain import Agreement, Event, SupportItem

ROLE_HEADINGS = {
    ParticipantRole.COALITION_MEMBER: N_("Coalition members"),
    ParticipantRole.POTENTIAL_ADOPTER: N_("Potential adopters"),
    ParticipantRole.SPONSOR: N_("Sponsors"),
    ParticipantRole.PLATFORM_OWNER: N_("Platform owners"),
    ParticipantRole.PROCESS_OWNER: N_("Process owners"),
    ParticipantRole.OBSERVER: N_("Observers"),
}


class SummaryRenderer(Renderer):
    """Renders one event as the full summary PDF."""

    def __init__(self, event: Event, page_size: str = "A4", left_open: Sequence[str] | None = None) -> None:
        """Prepare the summary of ``event``.

        Args:
            event: A fully loaded event.
            page_size: "A4" or "Letter".
            left_open: What the event leaves open, in words
                (``readiness.open_items``); ``None`` when it was not checked.
        """
        self.event = event
        self.left_open = left_open
        super().__init__(page_size)

    def render(self) -> bytes:
        """Return the PDF as bytes."""
        event = self.event
        info = DocumentInfo(
            title=_("Event summary — {event}").format(event=event_name(event)),
            author=event.facilitator,
            subject=_(
                "Scale Across event of {coalitions} on {date}: "
                "outcomes, patterns with their boundaries, and adoption agreements"
            ).format(coalitions=coalition_names(event), date=date_text(event.date)),
            header=_("Event summary · {event}").format(event=event_name(event)),
            header_right=date_text(event.date),
            footer=running_footer(event),
        )
        story = [
            *self._title_block(),
            *self._participants(),
            *self._goals(),
            *self._outcomes(),
            *self._patterns(),
            *self._agreements(),
            *self._left_open(),
            *self._next_steps(),
        ]
        return self.build(story, info)

    # Sections ----------------------------------------------------------------

    def _title_block(self) -> list[Flowable]:
        event, s = self.event, self.styles
        coalitions = [c.name for c in event.coalitions]
        facts = [
            (
                ngettext("Coalition", "Coalitions", len(coalitions)),
                [para(name, s.cell) for name in coalitions],
            ),
            (_("Date"), [para(date_text(event.date), s.cell)]),
            (_("Facilitator"), [para(event.facilitator or person_text(None), s.cell)]),
            # Translators: why the event was run (a label beside its reason)
            (_("Trigger"), [para(event.trigger.label, s.cell)]),
            # Translators: a label beside what the event recorded ("6 outcomes · 3 patterns")
            (_("Recorded"), [para(recorded_counts(event), s.cell)]),
        ]
        return [
            # Translators: the small line above an event summary's title
            Para(_("SCALE ACROSS · EVENT SUMMARY"), s.kicker),
            para(event_name(event), s.title),
            para(
                f"{embedded(' + '.join(coalitions))} · {date_text(event.date)}", s.subtitle, direction="ltr"
            ),
            key_values(facts, s, self.width),
        ]

    def _participants(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [section_heading(_("Participants"), s)]
        rows: list[tuple[str, list[Para]]] = []
        for role, heading in ROLE_HEADINGS.items():
            people = [p for p in self.event.participants if p.role == role]
            if people:
                rows.append((_(heading), [para(person_text(p), s.cell) for p in people]))
        if rows:
            story.append(key_values(rows, s, self.width))
        else:
            story.append(Para(_("No participants were recorded."), s.empty))
        return story

    def _goals(self) -> list[Flowable]:
        event, s = self.event, self.styles
        # The heading of the agenda step, one goal or several (a plural message the window shares).
        story: list[Flowable] = [section_heading(ngettext("TOP Goal", "TOP Goals", 1), s)]
        for coalition in event.coalitions:
            if len(event.coalitions) > 1:
                story.append(bold(coalition.name, s.item))
            goal = event.goal_for(coalition)
            story.append(para(goal, s.body) if goal else Para(_("No TOP Goal was recorded."), s.empty))
        return story

    def _outcomes(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [section_heading(_("Outcomes"), s)]
        if not self.event.outcomes:
            return [*story, Para(_("No outcomes were recorded."), s.empty)]
        for kind, heading in (
            (OutcomeKind.SUCCESS, _("Successes ({count})")),
            (OutcomeKind.FAILURE, _("Failures ({count})")),
        ):
            outcomes = [o for o in self.event.outcomes if o.kind == kind]
            if not outcomes:
                continue
            story.append(Para(heading.format(count=numbers.integer(len(outcomes))), s.item))
            rows: list[list[list[Para]]] = []
            for outcome in outcomes:
                left = [bold(outcome.title, s.cell_bold)]
                if outcome.what_happened:
                    left.append(para(outcome.what_happened, s.cell))
                right = (
                    [para(outcome.evidence, s.cell)]
                    if outcome.evidence
                    else [Para(_("No evidence recorded."), s.note)]
                )
                rows.append([left, right])
            left_width = self.width * 0.56
            story.append(
                columns([_("Outcome"), _("Evidence")], rows, [left_width, self.width - left_width], s)
            )
        return story

    def _patterns(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [section_heading(_("Patterns, context and boundaries"), s)]
        if not self.event.patterns:
            return [*story, Para(_("No patterns were recorded."), s.empty)]
        story.append(
            Para(
                _(
                    "Each pattern with the conditions under which it works reliably, where it breaks, "
                    "and what must be in place first."
                ),
                s.note,
            )
        )
        story.append(pattern_table(self.event.patterns, s, self.width))
        return story

    def _agreements(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [section_heading(_("Agreements"), s)]
        if not self.event.agreements:
            return [*story, Para(_("No adoption agreements were made."), s.empty)]
        people = {p.id: p for p in self.event.participants}
        for number, agreement in enumerate(self.event.agreements, start=1):
            adopter = bold_markup(person_text(agreement.adopter))
            line = (
                # Translators: the heading of an agreement at risk; keep the <b> tags
                _("{number}. {adopter} — <b>at risk</b>") if at_risk(agreement) else _("{number}. {adopter}")
            )
            story.append(Para(line.format(number=numbers.integer(number), adopter=adopter), s.item))
            rows = agreement_rows(agreement, s)
            if at_risk(agreement):
                rows.append((_("Fit check"), risk_block(agreement, s, people, heading=False)))
            story.append(key_values(rows, s, self.width))
        return story

    def _left_open(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [section_heading(_("Left open"), s)]
        if self.left_open is None:
            return [*story, Para(_("What the event left open was not checked for this summary."), s.empty)]
        if not self.left_open:
            done = _("Nothing was left open: every agreement was complete when the room left.")
            return [*story, Para(done, s.body)]
        story.append(Para(left_open_sentence(len(self.left_open)), s.body))
        story.extend(bullets(self.left_open, s))
        return story

    def _next_steps(self) -> list[Flowable]:
        event, s = self.event, self.styles
        story: list[Flowable] = [section_heading(_("Next steps"), s)]
        story.append(Para(_("Main track"), s.item))
        main = _(MAIN_TRACK).format(coalitions=coalition_names(event))
        story.append(para(main, s.body, direction="ltr"))
        story.append(Para(_("Adoption track"), s.item))
        if event.agreements:
            story.append(Para(_(ADOPTION_TRACK), s.body))
            ordered = sorted(
                event.agreements,
                key=lambda a: (a.check_in is None, a.check_in or event.date, a.position),
            )
            story.extend(Para(adoption_markup(a), s.bullet, bulletText="•") for a in ordered)
        else:
            story.append(Para(_("No one agreed to adopt a pattern at this event."), s.empty))
        if len(event.coalitions) > 1:
            story.append(Para(_("Shared event"), s.item))
            story.append(Para(_(SHARED_EVENT), s.body))
        story.append(Spacer(1, 4))
        return story


def support_cells(item: SupportItem, styles: Styles, first: bool = True) -> list[Flowable]:
    """One paragraph per support item: what and how much, who gives it, where it stops."""
    face = styles.cell.fontName
    # Translators: labels inside a support item; keep the <b> tags
    owner = _("<b>Owner:</b> {person}").format(person=text(person_text(item.owner), face))
    lines = [bold_markup(support_headline(item)), owner]
    if item.description:
        lines.append(text(item.description, face))
    lines.append(_("<b>Limits:</b> {limits}").format(limits=text(item.limits or _("none stated"), face)))
    return [Para("<br/>".join(lines), styles.cell if first else styles.cell_spaced)]


def agreement_rows(agreement: Agreement, styles: Styles) -> list[tuple[str, Sequence[Flowable]]]:
    """The key/value rows of one agreement in the summary."""
    s = styles
    support: list[Flowable] = []
    for index, item in enumerate(agreement.support_items):
        support.extend(support_cells(item, s, first=index == 0))
    rows: list[tuple[str, Sequence[Flowable]]] = [
        # Translators: a label beside the patterns an adopter takes on
        (_("Adopts"), bullets((p.name for p in agreement.patterns), s, empty=_("No pattern named."))),
        (_("Support"), support or [Para(_("No support agreed."), s.note)]),
        (
            # Translators: a label beside what the coalition's support does not include
            _("Not included"),
            [para(agreement.limits, s.cell)] if agreement.limits else [Para(_("Nothing stated."), s.note)],
        ),
        (_("Sponsor"), [para(person_text(agreement.sponsor), s.cell)]),
        (_("Check-in"), [para(date_text(agreement.check_in), s.cell)]),
        (_("Status"), [para(status_text(agreement), s.cell)]),
    ]
    if agreement.notes:
        rows.append((_("Notes"), [para(agreement.notes, s.cell)]))
    return rows


def adoption_markup(agreement: Agreement) -> str:
    """Return "**Ana (Payments)** adopts A, B. Check-in 2 January 2027, sponsor X." as markup."""
    return adoption_sentence(agreement, escape=text, strong=bold_markup)
