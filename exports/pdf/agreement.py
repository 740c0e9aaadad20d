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

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the documents only read them
    from facilitator.domain import Agreement, Event, Participant, Pattern

INTRO = (
    "At the Scale Across event on {date}, {adopter} agreed to adopt the patterns below, "
    "with the support of {coalitions}. Each pattern comes with the conditions under which it "
    "works and where it breaks: apply it only where those conditions hold."
)
ACKNOWLEDGEMENT = (
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
            title=f"Adoption agreement — {adopter.name}",
            author=event.facilitator,
            subject=f"What {adopter.name} agreed to adopt at {event_name(event)} on "
            f"{date_text(event.date)}, with the support promised and its limits",
            header=f"Adoption agreement · {person_text(adopter)}",
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
        facts: list[tuple[str, list[Para]]] = [
            ("Adopter", [para(person_text(self.adopter), s.cell)]),
            ("Patterns", bullets((p.name for p in self.patterns), s, empty="No pattern named.")),
            ("Event", [para(event_name(event), s.cell)]),
            ("Coalition", [para(coalitions, s.cell)]),
            ("Date", [para(date_text(event.date), s.cell)]),
            ("Facilitator", [para(event.facilitator or "not named", s.cell)]),
            (
                "Check-in",
                [
                    para(
                        ", ".join(sorted({date_text(a.check_in) for a in self.agreements if a.check_in}))
                        or "not set",
                        s.cell,
                    )
                ],
            ),
        ]
        intro = INTRO.format(date=date_text(event.date), adopter=self.adopter.name, coalitions=coalitions)
        return [
            Para("SCALE ACROSS · ADOPTION AGREEMENT", s.kicker),
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
        story: list[Flowable] = [section_heading("Patterns to adopt", s)]
        if not self.patterns:
            return [*story, Para("This agreement names no pattern yet.", s.empty)]
        story.append(pattern_table(self.patterns, s, self.width))
        return story

    def _fit(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [
            section_heading("Fit with your context", s),
            Para(
                "Each condition of the patterns above, held against your team: whether it holds, "
                "and what the room noted. Questions nobody could answer yet are follow-ups, each "
                "with who finds out.",
                s.note,
            ),
        ]
        people = {p.id: p for p in self.event.participants}
        several = len(self.agreements) > 1
        for number, agreement in enumerate(self.agreements, start=1):
            if several:
                story.append(Para(f"Agreement {number} of {len(self.agreements)}", s.item))
            story.extend(fit_story(agreement, s, self.width, people))
        return story

    def _support(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [section_heading("Support promised and its limits", s)]
        several = len(self.agreements) > 1
        for number, agreement in enumerate(self.agreements, start=1):
            if several:
                names = ", ".join(p.name for p in agreement.patterns) or "no pattern named"
                story.append(
                    Para(f"Agreement {number} of {len(self.agreements)}: {bold_markup(names)}", s.item)
                )
            story.append(self._support_table(agreement))
            story.append(Para("What the support does not include", s.item))
            story.append(
                para(agreement.limits, s.body) if agreement.limits else Para("Nothing was stated.", s.empty)
            )
        return story

    def _support_table(self, agreement: Agreement) -> Flowable:
        s = self.styles
        if not agreement.support_items:
            return Para("No support from the coalition was agreed.", s.empty)
        rows: list[list[list[Para]]] = []
        for item in agreement.support_items:
            what = [bold(item.type.label, s.cell_bold)]
            if item.description:
                what.append(para(item.description, s.cell))
            amount = amount_text(item.amount, item.unit)
            rows.append(
                [
                    what,
                    [para(amount, s.cell) if amount else Para("not set", s.note)],
                    [para(person_text(item.owner), s.cell)],
                    [para(item.limits, s.cell) if item.limits else Para("none stated", s.note)],
                ]
            )
        w = self.width
        return columns(
            ["Support", "Amount", "Owner", "Limits"], rows, [w * 0.30, w * 0.14, w * 0.24, w * 0.32], s
        )

    def _sponsor_and_check_in(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [section_heading("Sponsor and check-in", s)]
        several = len(self.agreements) > 1
        for number, agreement in enumerate(self.agreements, start=1):
            if several:
                story.append(Para(f"Agreement {number} of {len(self.agreements)}", s.item))
            rows = [
                ("Sponsor", [para(person_text(agreement.sponsor), s.cell)]),
                ("Check-in", [para(date_text(agreement.check_in), s.cell)]),
                ("Status", [para(status_text(agreement), s.cell)]),
            ]
            if agreement.notes:
                rows.append(("Notes", [para(agreement.notes, s.cell)]))
            story.append(key_values(rows, s, self.width))
        return story

    def _acknowledgement(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [
            section_heading("Acknowledgement", s),
            Para(ACKNOWLEDGEMENT, s.body),
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

        add(self.adopter, "Adopter")
        for agreement in self.agreements:
            for item in agreement.support_items:
                add(item.owner, "Support owner")
        for agreement in self.agreements:
            add(agreement.sponsor, "Sponsor")
        return [(p, roles[p.id]) for p in order]

    def _signature_block(self, participant: Participant, roles: list[str]) -> list[Flowable]:
        s = self.styles
        w = self.width
        name = [Para(", ".join(roles).upper(), s.column_head), para(person_text(participant), s.cell)]
        caption = s.signature_caption
        rows: list[list[Cell]] = [
            [name, "", "", ""],
            ["", Para("Signature", caption), "", Para("Date", caption)],
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
