"""The parts of the review page, each built from the loaded event as read-only labels.

User text is shown as plain text, or escaped with ``html.escape`` where a
label mixes it with our own bold names, so "<b>unclosed" reads literally.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from facilitator.dates import day, day_time
from facilitator.domain import (
    Agreement,
    BoundaryKind,
    Event,
    OutcomeKind,
    ParticipantRole,
    Pattern,
    SupportItem,
)
from facilitator.i18n import N_, _, ngettext
from facilitator.services.participants import CapacityLine
from ui.panels.agreements.support_text import format_amount, format_hours, stated_text

# Marked here, translated where they are shown (the language is chosen after import).
ROLE_TITLES = {
    ParticipantRole.COALITION_MEMBER: N_("Coalition members"),
    ParticipantRole.POTENTIAL_ADOPTER: N_("Potential adopters"),
    ParticipantRole.SPONSOR: N_("Sponsors"),
    ParticipantRole.PLATFORM_OWNER: N_("Platform owners"),
    ParticipantRole.PROCESS_OWNER: N_("Process owners"),
    ParticipantRole.OBSERVER: N_("Observers"),
}
BOUNDARY_TITLES = {
    BoundaryKind.WORKS_WHEN: N_("Works when"),
    BoundaryKind.BREAKS_WHEN: N_("Breaks when"),
    BoundaryKind.PREREQUISITE: N_("Prerequisites"),
}
NONE_RECORDED = N_("None recorded.")


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def plain(text: str, role: str = "") -> QLabel:
    """Return a wrapping, selectable label that shows ``text`` literally."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


def field(name: str, value: str) -> QLabel:
    """Return "**name:** value" with the value escaped."""
    label = QLabel(f"<b>{html.escape(name)}:</b> {_escape(value)}")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def bullets(name: str, items: Sequence[str]) -> QLabel:
    """Return a bold name followed by one escaped bullet per item."""
    lines = "".join(f"<br>•&nbsp;{_escape(item)}" for item in items) or "<br>—"
    label = QLabel(f"<b>{html.escape(name)}:</b>{lines}")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def card(widgets: Iterable[QWidget]) -> QFrame:
    """Return a card frame holding ``widgets`` one under another."""
    frame = QFrame()
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget)
    return frame


def section(title: str, widgets: Sequence[QWidget], empty: str = "") -> list[QWidget]:
    """Return a section heading followed by its widgets (or a muted "none", by default "None recorded.")."""
    return [plain(title, "heading"), *(widgets or [plain(empty or _(NONE_RECORDED), "muted")])]


def title_block(event: Event) -> list[QWidget]:
    """Return the event's title and its facts."""
    names = " + ".join(c.name for c in event.coalitions)
    status = event.status.label
    if event.closed_at is not None:
        # Translators: an event's status and when it was closed, e.g. "Closed (closed 2 Dec 2026, 14:32 UTC)"
        status = _("{status} (closed {moment} UTC)").format(status=status, moment=day_time(event.closed_at))
    return [
        plain(event.title or f"Scale Across — {names}", "heading"),
        field(ngettext("Coalition", "Coalitions", len(event.coalitions)), names),
        field(_("Date"), day(event.date)),
        field(_("Facilitator"), event.facilitator or "—"),
        # Translators: why the event is held (a field of the event details)
        field(_("Trigger"), event.trigger.label),
        field(_("Status"), status),
    ]


def goals(event: Event) -> list[QWidget]:
    """Return each coalition's TOP Goal for this event."""
    return section(
        _("TOP Goal"),
        [
            card([plain(c.name, "subheading"), plain(event.goal_for(c) or _("No goal recorded."))])
            for c in event.coalitions
        ],
    )


def participants(event: Event) -> list[QWidget]:
    """Return the participants grouped by role."""
    widgets = []
    for role, title in ROLE_TITLES.items():
        people = [p.display_name for p in event.participants if p.role == role]
        if people:
            widgets.append(bullets(_(title), people))
    return section(_("Participants"), widgets)


def outcomes(event: Event) -> list[QWidget]:
    """Return successes, then failures, each with what happened and the evidence."""
    widgets: list[QWidget] = []
    for kind, title in ((OutcomeKind.SUCCESS, _("Successes")), (OutcomeKind.FAILURE, _("Failures"))):
        chosen = [o for o in event.outcomes if o.kind == kind]
        if not chosen:
            continue
        widgets.append(plain(title, "subheading"))
        for outcome in chosen:
            parts = [plain(outcome.title, "subheading")]
            if outcome.what_happened:
                parts.append(field(_("What happened"), outcome.what_happened))
            parts.append(field(_("Evidence"), outcome.evidence or "—"))
            widgets.append(card(parts))
    return section(_("Outcomes"), widgets)


def pattern_card(pattern: Pattern) -> QFrame:
    """Return one pattern with its guidance, boundaries and source outcomes."""
    failure = pattern.kind == OutcomeKind.FAILURE
    # Translators: after the name of a pattern learnt from a failure
    name = pattern.name + "  " + _("(failure — what to avoid)") if failure else pattern.name
    parts = [plain(name, "subheading")]
    if pattern.summary:
        parts.append(plain(pattern.summary))
    if pattern.guidance:
        parts.append(field(_("What to avoid") if failure else _("How to reproduce"), pattern.guidance))
    for kind, title in BOUNDARY_TITLES.items():
        parts.append(bullets(_(title), [b.text for b in pattern.conditions(kind)]))
    if pattern.outcomes:
        parts.append(field(_("Learnt from"), "; ".join(o.title for o in pattern.outcomes)))
    return card(parts)


def patterns(event: Event) -> list[QWidget]:
    """Return every pattern of the event."""
    return section(_("Patterns"), [pattern_card(p) for p in event.patterns])


def support_line(item: SupportItem) -> str:
    """Return one support item as a sentence with its owner and limits."""
    parts = [item.type.label]
    amount = format_amount(item)
    if amount:
        parts.append(amount)
    if item.description:
        parts.append(item.description)
    if item.owner:
        # Translators: who gives a support item, within a line that describes it
        parts.append(_("owner: {name}").format(name=item.owner.display_name))
    else:
        parts.append(_("owner: nobody named"))
    if item.limits:
        # Translators: what a support item does not include, within a line that describes it
        parts.append(_("limits: {limits}").format(limits=item.limits))
    return " — ".join(parts)


def agreement_card(agreement: Agreement) -> QFrame:
    """Return one agreement with its patterns, support, sponsor and check-in."""
    parts = [
        # Translators: the heading of an agreement: who adopts (the patterns follow below it)
        plain(_("{adopter} adopts").format(adopter=agreement.adopter.display_name), "subheading"),
        bullets(_("Patterns"), [p.name for p in agreement.patterns]),
        bullets(_("Support"), [support_line(item) for item in agreement.support_items]),
        field(_("Not included"), agreement.limits or "—"),
        field(_("Sponsor"), agreement.sponsor.display_name if agreement.sponsor else "—"),
        field(_("Check-in"), day(agreement.check_in) if agreement.check_in else _("no date set")),
        field(
            _("Status"),
            agreement.status.label + (f" — {agreement.status_reason}" if agreement.status_reason else ""),
        ),
    ]
    if agreement.notes:
        parts.append(field(_("Notes"), agreement.notes))
    return card(parts)


def agreement_section(event: Event) -> list[QWidget]:
    """Return every agreement of the event."""
    return section(_("Agreements"), [agreement_card(a) for a in event.agreements])


def capacity(lines: Sequence[CapacityLine]) -> list[QWidget]:
    """Return promised against stated hours per owner, over-commitments named."""
    widgets = []
    for line in lines:
        owner, promised, stated = line.owner_name, format_hours(line.promised_hours), stated_text(line)
        if line.over_committed:
            over = format_hours(-line.remaining_hours)
            text = _("{owner}: {promised} promised, {stated} — {over} over").format(
                owner=owner, promised=promised, stated=stated, over=over
            )
            text += " " + (_("(accepted by the room)") if line.accepted else _("(not accepted)"))
        else:
            text = _("{owner}: {promised} promised, {stated} — {left} left").format(
                owner=owner, promised=promised, stated=stated, left=format_hours(line.remaining_hours)
            )
        widgets.append(plain(text, "danger" if line.needs_attention else ""))
    return section(_("Support capacity"), widgets, _("No support in hours was promised."))
