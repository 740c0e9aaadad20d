"""One adopter's agreement: what they adopt, where it works, what support stops where."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Spacer

from exports.pdf.blocks import bold, bold_markup, bullets, para, pattern_table
from exports.pdf.document import DocumentInfo, Renderer, section_heading
from exports.pdf.fit import fit_story
from exports.pdf.markup import embedded
from exports.pdf.paragraph import Para
from exports.pdf.styles import RULE
from exports.pdf.tables import Cell, columns, key_values, make_table
from exports.pdf.values import (
    amount_text,
    coalition_names,
    date_text,
    event_name,
    person_text,
    running_footer,
    status_text,
)
from facilitator import numbers
from facilitator.i18n import N_, _, ngettext

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the documents only read them
    from facilitator.domain import Agreement, Event, Participant, Pattern

INTRO = N_(
    "At the Scale Across event on {date}, {adopter} agreed to adopt the patterns below, "
    "with the support of {coalitions}. Each pattern comes with the conditions under which it "
    "works and where it breaks: apply it only where those conditions hold."
)
ACKNOWLEDGEMENT = N_(
    "By signing, the adopter confirms the adoption of the patterns above within their "
    "boundaries; each support owner confirms the support listed, within its limits; and the "
    "sponsor confirms their backing. Anything not written here is not part of the agreement."
)


class AgreementRenderer(Renderer):
    """Renders the agreement document of one adopter of an event."""

    def __init__(self, event: Event, adopter_id: uuid.UUID, page_size: str = "A4") -> None:
        wanted = uuid.UUID(str(adopter_id))
        self.event = event
        self.agreements = [a for a in event.agreements if a.adopter_id == wanted]
        if not self.agreements:
            raise ValueError(f"participant {wanted} adopts nothing at this event")
        self.adopter = self.agreements[0].adopter
        super().__init__(page_size)

    def render(self) -> bytes:
        """Return the PDF as bytes."""
        event, adopter = self.event, self.adopter
        info = DocumentInfo(
            title=_("Adoption agreement — {adopter}").format(adopter=adopter.name),
            author=event.facilitator,
            subject=_(
                "What {adopter} agreed to adopt at {event} on {date}, "
                "with the support promised and its limits"
            ).format(adopter=adopter.name, event=event_name(event), date=date_text(event.date)),
            header=_("Adoption agreement · {adopter}").format(adopter=person_text(adopter)),
            header_right=date_text(event.date),
            footer=running_footer(event),
        )
        story = [
            *self._title_block(),
            *self._patterns(),
            *self._fit(),
            *self._support(),
            *self._sponsor_and_check_in(),
            *self._acknowledgement(),
        ]
        return self.build(story, info)

    @property
    def patterns(self) -> list[Pattern]:
        """The adopted patterns of all this adopter's agreements, each once, in order."""
        seen: set[uuid.UUID] = set()
        result: list[Pattern] = []
        for agreement in self.agreements:
            for pattern in agreement.patterns:
                if pattern.id not in seen:
                    seen.add(pattern.id)
                    result.append(pattern)
        return result

    # Sections ----------------------------------------------------------------

    def _title_block(self) -> list[Flowable]:
        event, s = self.event, self.styles
        coalitions = coalition_names(event)
        check_ins = sorted({a.check_in for a in self.agreements if a.check_in})
        facts: list[tuple[str, list[Para]]] = [
            (_("Adopter"), [para(person_text(self.adopter), s.cell)]),
            (_("Patterns"), bullets((p.name for p in self.patterns), s, empty=_("No pattern named."))),
            (_("Event"), [para(event_name(event), s.cell)]),
            # A plural message the window shares; the label names the coalitions together.
            (ngettext("Coalition", "Coalitions", 1), [para(coalitions, s.cell)]),
            (_("Date"), [para(date_text(event.date), s.cell)]),
            (_("Facilitator"), [para(event.facilitator or person_text(None), s.cell)]),
            (
                _("Check-in"),
                [para(", ".join(date_text(day) for day in check_ins) or date_text(None), s.cell)],
            ),
        ]
        intro = _(INTRO).format(date=date_text(event.date), adopter=self.adopter.name, coalitions=coalitions)
        return [
            # Translators: the small line above an agreement's title
            Para(_("SCALE ACROSS · ADOPTION AGREEMENT"), s.kicker),
            para(self.adopter.name, s.title),
            para(
                f"{embedded(self.adopter.team) + ' · ' if self.adopter.team else ''}"
                f"{embedded(coalitions)} · {date_text(event.date)}",
                s.subtitle,
                direction="ltr",
            ),
            key_values(facts, s, self.width),
            Spacer(1, 8),
            para(intro, s.body, direction="ltr"),
        ]

    def _patterns(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [section_heading(_("Patterns to adopt"), s)]
        if not self.patterns:
            return [*story, Para(_("This agreement names no pattern yet."), s.empty)]
        story.append(pattern_table(self.patterns, s, self.width))
        return story

    def _fit(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [
            section_heading(_("Fit with your context"), s),
            Para(
                _(
                    "Each condition of the patterns above, held against your team: whether it holds, "
                    "and what the room noted. Questions nobody could answer yet are follow-ups, each "
                    "with who finds out."
                ),
                s.note,
            ),
        ]
        people = {p.id: p for p in self.event.participants}
        several = len(self.agreements) > 1
        for number, agreement in enumerate(self.agreements, start=1):
            if several:
                story.append(Para(self._number(number), s.item))
            story.extend(fit_story(agreement, s, self.width, people))
        return story

    def _support(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [section_heading(_("Support promised and its limits"), s)]
        several = len(self.agreements) > 1
        for number, agreement in enumerate(self.agreements, start=1):
            if several:
                names = ", ".join(p.name for p in agreement.patterns) or _("no pattern named")
                line = _("Agreement {number} of {total}: {patterns}").format(
                    number=numbers.integer(number),
                    total=numbers.integer(len(self.agreements)),
                    patterns=bold_markup(names),
                )
                story.append(Para(line, s.item))
            story.append(self._support_table(agreement))
            story.append(Para(_("What the support does not include"), s.item))
            story.append(
                para(agreement.limits, s.body)
                if agreement.limits
                else Para(_("Nothing was stated."), s.empty)
            )
        return story

    def _support_table(self, agreement: Agreement) -> Flowable:
        s = self.styles
        if not agreement.support_items:
            return Para(_("No support from the coalition was agreed."), s.empty)
        rows: list[list[list[Para]]] = []
        for item in agreement.support_items:
            what = [bold(item.type.label, s.cell_bold)]
            if item.description:
                what.append(para(item.description, s.cell))
            amount = amount_text(item.amount, item.unit)
            rows.append(
                [
                    what,
                    [para(amount, s.cell) if amount else Para(date_text(None), s.note)],
                    [para(person_text(item.owner), s.cell)],
                    [para(item.limits, s.cell) if item.limits else Para(_("none stated"), s.note)],
                ]
            )
        w = self.width
        head = [_("Support"), _("Amount"), _("Owner"), _("Limits")]
        return columns(head, rows, [w * 0.30, w * 0.14, w * 0.24, w * 0.32], s)

    def _number(self, number: int) -> str:
        """Return "Agreement 2 of 3", heading one of several agreements."""
        return _("Agreement {number} of {total}").format(
            number=numbers.integer(number), total=numbers.integer(len(self.agreements))
        )

    def _sponsor_and_check_in(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [section_heading(_("Sponsor and check-in"), s)]
        several = len(self.agreements) > 1
        for number, agreement in enumerate(self.agreements, start=1):
            if several:
                story.append(Para(self._number(number), s.item))
            rows = [
                (_("Sponsor"), [para(person_text(agreement.sponsor), s.cell)]),
                (_("Check-in"), [para(date_text(agreement.check_in), s.cell)]),
                (_("Status"), [para(status_text(agreement), s.cell)]),
            ]
            if agreement.notes:
                rows.append((_("Notes"), [para(agreement.notes, s.cell)]))
            story.append(key_values(rows, s, self.width))
        return story

    def _acknowledgement(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [
            section_heading(_("Acknowledgement"), s),
            Para(_(ACKNOWLEDGEMENT), s.body),
            Spacer(1, 6),
        ]
        for participant, roles in self._signatories():
            story.append(KeepTogether(self._signature_block(participant, roles)))
        return story

    def _signatories(self) -> list[tuple[Participant, list[str]]]:
        """The adopter, each support owner and each sponsor, once each, with their roles."""
        order: list[Participant] = []
        roles: dict[uuid.UUID, list[str]] = {}

        def add(participant: Participant | None, role: str) -> None:
            if participant is None:
                return
            if participant.id not in roles:
                order.append(participant)
                roles[participant.id] = []
            if role not in roles[participant.id]:
                roles[participant.id].append(role)

        add(self.adopter, _("Adopter"))
        for agreement in self.agreements:
            for item in agreement.support_items:
                add(item.owner, _("Support owner"))
        for agreement in self.agreements:
            add(agreement.sponsor, _("Sponsor"))
        return [(p, roles[p.id]) for p in order]

    def _signature_block(self, participant: Participant, roles: list[str]) -> list[Flowable]:
        s = self.styles
        w = self.width
        name = [Para(", ".join(roles).upper(), s.column_head), para(person_text(participant), s.cell)]
        caption = s.signature_caption
        rows: list[list[Cell]] = [
            [name, "", "", ""],
            # Translators: captions under the lines to sign on and to write the date on
            ["", Para(_("Signature"), caption), "", Para(_("Date"), caption)],
        ]
        table = make_table(
            rows,
            [w * 0.40, w * 0.36, w * 0.04, w * 0.20],
            [
                ("RIGHTPADDING", (0, 0), (0, -1), 12),
                # Room to sign above the lines; the captions sit just under them.
                ("TOPPADDING", (0, 0), (-1, 0), 18),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
                ("TOPPADDING", (0, 1), (-1, 1), 2),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 8),
                # Two separate lines to sign and date on.
                ("LINEBELOW", (1, 0), (1, 0), 0.6, RULE),
                ("LINEBELOW", (3, 0), (3, 0), 0.6, RULE),
            ],
            valign="BOTTOM",
            right=0,
            # Both rows set their own top and bottom padding above; these are ReportLab's defaults.
            top=3,
            bottom=3,
        )
        return [table]
