"""The pattern library's detail as one rich-text document.

One document renders a pattern with hundreds of adoptions in a blink, where a
widget per card would take seconds. Every user string is escaped; links carry
only our own "open:N" numbers, never user text. The app's own words are
translated whole, their markup inside the message (``<b>Evidence:</b> {evidence}``).
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator import numbers
from facilitator.dates import day
from facilitator.domain import AgreementStatus, EventStatus, OutcomeKind
from facilitator.followup.library import Adoption, BoundaryGroup, PatternDetail, Presentation, SourceOutcome
from facilitator.i18n import N_, _, ngettext

#: How many items a section shows before "Show all": enough to read, quick to draw.
SHOWN = 30
#: What a link asks to open: event id, record kind, record id (None: the event).
Target = tuple[uuid.UUID, str, "uuid.UUID | None"]

# Marked here, translated where they are shown.
_KIND_LINE = {
    # Translators: under a pattern's name: its kind and the coalition that owns it
    OutcomeKind.SUCCESS: N_("Success pattern · {coalition}"),
    # Translators: under a pattern's name: its kind and the coalition that owns it
    OutcomeKind.FAILURE: N_("Failure pattern · {coalition}"),
}
# How many of a pattern's agreements are in each status ("3 adopted"), in the count's form.
_STATUS_COUNTS = {
    AgreementStatus.AGREED: lambda n: ngettext("{count} agreed", "{count} agreed", n),
    AgreementStatus.IN_PROGRESS: lambda n: ngettext("{count} in progress", "{count} in progress", n),
    AgreementStatus.ADOPTED: lambda n: ngettext("{count} adopted", "{count} adopted", n),
    AgreementStatus.ABANDONED: lambda n: ngettext("{count} abandoned", "{count} abandoned", n),
}
_STATE = {
    # Translators: an event's status, at the end of a line naming the event
    EventStatus.PLANNED: N_("(planned)"),
    # Translators: an event's status, at the end of a line naming the event
    EventStatus.RUNNING: N_("(running)"),
    # Translators: an event's status, at the end of a line naming the event
    EventStatus.CLOSED: N_("(closed)"),
}


@dataclass(frozen=True)
class Look:
    """The theme's colours (#rrggbb) and sizes (pt), read from the running stylesheet."""

    text: str
    muted: str
    danger: str
    ok: str
    card: str
    border: str
    link: str
    heading_pt: float
    subheading_pt: float


def esc(text: str) -> str:
    """Return user text safe inside our markup, line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def event_words(date: dt.date, title: str) -> str:
    """Return how an event is named in the detail: "Sat 10 Jan 2026 · Winter"."""
    # Translators: an event without a title, in a pattern's detail
    untitled = _("Untitled event")
    return f"{day(date)} · {title or untitled}"


class DetailDocument:
    """Builds the HTML of one pattern and remembers what each link opens."""

    def __init__(self, look: Look, expanded: frozenset[str] = frozenset()) -> None:
        self.look = look
        self.expanded = expanded
        self.targets: list[Target] = []

    def _link(self, target: Target, inner: str) -> str:
        self.targets.append(target)
        return f'<a href="open:{len(self.targets) - 1}">{inner}</a>'

    def _muted(self, text: str) -> str:
        return f'<span style="color:{self.look.muted}">{esc(text)}</span>'

    def _card(self, lines: list[str], target: Target | None) -> str:
        body = "<br>".join(self._link(target, line) if target else line for line in lines)
        return (
            f'<table width="100%" cellspacing="0" cellpadding="10" style="border: 1px solid '
            f'{self.look.border}; background-color: {self.look.card}"><tr><td>{body}</td></tr></table>'
            '<p style="margin: 0; font-size: 4pt">&nbsp;</p>'
        )

    def _section(self, key: str, title: str, items: Sequence, draw, empty: str, lead: str = "") -> str:
        """Return a section heading and its items; a long list shows its latest items first."""
        heading = (
            f'<p style="margin-top: 14px; margin-bottom: 6px; font-size: {self.look.subheading_pt}pt; '
            f'font-weight: 700">{esc(title)}</p>'
        )
        if not items:
            return f"{heading}<p>{self._muted(empty)}</p>"
        shown = items if key in self.expanded or len(items) <= SHOWN else items[-SHOWN:]
        if len(shown) < len(items):
            total = numbers.integer(len(items))
            latest = ngettext(
                "Showing the latest {shown} of {total}.", "Showing the latest {shown} of {total}.", len(items)
            ).format(shown=numbers.integer(len(shown)), total=total)
            # Translators: a link under a long list that shows every item of it
            show_all = ngettext("Show all {count}", "Show all {count}", len(items)).format(count=total)
            lead += (
                f"<p>{self._muted(latest)} "
                f'<a href="more:{key}"><span style="color:{self.look.link}; font-weight: 700; '
                f'text-decoration: underline">{esc(show_all)}</span></a></p>'
            )
        return heading + lead + "".join(draw(item) for item in shown)

    def _adoption_counts(self, adoptions: Sequence[Adoption]) -> str:
        counts = Counter(a.status for a in adoptions)
        teams = len({a.team.casefold() for a in adoptions})
        statuses = ", ".join(
            _STATUS_COUNTS[s](counts[s]).format(count=numbers.integer(counts[s]))
            for s in AgreementStatus
            if counts[s]
        )
        agreements = ngettext("{count} agreement", "{count} agreements", len(adoptions)).format(
            count=numbers.integer(len(adoptions))
        )
        by = ngettext("{count} team", "{count} teams", teams).format(count=numbers.integer(teams))
        # Translators: "12 agreements by 9 teams: 3 agreed, 4 in progress, 5 adopted"
        summary = _("{agreements} by {teams}: {statuses}").format(
            agreements=agreements, teams=by, statuses=statuses
        )
        return f"<p>{esc(summary)}</p>"

    def render(self, d: PatternDetail) -> str:
        """Return the whole detail of ``d`` as HTML."""
        self.targets = []
        failure = d.kind == OutcomeKind.FAILURE
        top = [
            f'<p style="margin: 0; font-size: {self.look.heading_pt}pt; font-weight: 700">{esc(d.name)}</p>',
            f"<p>{self._muted(_(_KIND_LINE[d.kind]).format(coalition=d.coalition))}</p>",
        ]
        if d.summary:
            top.append(f"<p>{esc(d.summary)}</p>")
        if d.guidance:
            if failure:
                # Translators: before a failure pattern's guidance; keep the HTML tags
                how = _("<b>What to avoid:</b> {guidance}")
            else:
                # Translators: before a success pattern's guidance; keep the HTML tags
                how = _("<b>How to reproduce:</b> {guidance}")
            top.append(f"<p>{how.format(guidance=esc(d.guidance))}</p>")
        return "".join(
            [
                *top,
                self._section(
                    "outcomes",
                    # Translators: a section of a pattern's detail: the outcomes it was learnt from
                    _("Came from"),
                    d.outcomes,
                    self._outcome,
                    _("No outcomes linked."),
                ),
                self._section(
                    "boundaries",
                    _("Boundaries over time"),
                    d.boundaries,
                    lambda group: self._boundaries(d.pattern_id, group),
                    _("No boundaries recorded yet: nobody has said where it works or breaks."),
                ),
                self._section(
                    "adoptions",
                    # Translators: a section of a pattern's detail: the agreements that adopt it
                    _("Adopted by"),
                    d.adoptions,
                    self._adoption,
                    _("No agreements adopt it yet."),
                    self._adoption_counts(d.adoptions) if d.adoptions else "",
                ),
                self._section(
                    "events",
                    # Translators: a section of a pattern's detail: the events it was presented at
                    _("Presented at"),
                    d.events,
                    self._event,
                    _("Not presented at any event."),
                ),
            ]
        )

    def _outcome(self, o: SourceOutcome) -> str:
        lines = [
            f'<span style="font-size: {self.look.subheading_pt}pt; font-weight: 700">'
            f"{esc(o.kind.label)}: {esc(o.title)}</span>"
        ]
        if o.evidence:
            # Translators: before an outcome's evidence; keep the HTML tags
            lines.append(_("<b>Evidence:</b> {evidence}").format(evidence=esc(o.evidence)))
        lines.append(self._muted(event_words(o.event_date, o.event_title)))
        return self._card(lines, (o.event_id, "outcome", o.outcome_id))

    def _boundaries(self, pattern_id: uuid.UUID, group: BoundaryGroup) -> str:
        if group.event_id is None:
            # Translators: when boundaries were stated outside any event ("Mon 2 Mar 2026 · outside an event")
            when, target = _("{date} · outside an event").format(date=day(group.date)), None
        else:
            when, target = event_words(group.date, group.title), (group.event_id, "pattern", pattern_id)
        lines = [self._muted(when)]
        lines += [f"<b>{esc(line.kind.label)}:</b> {esc(line.text)}" for line in group.lines]
        return self._card(lines, target)

    def _adoption(self, a: Adoption) -> str:
        same = a.team.casefold() == a.adopter.strip().casefold()
        who = a.adopter if same else f"{a.adopter} ({a.team})"
        status = a.status.label + (f" — {a.status_reason}" if a.status_reason else "")
        colour = {AgreementStatus.ADOPTED: self.look.ok, AgreementStatus.ABANDONED: self.look.danger}
        if a.status in colour:
            status_html = f'<span style="color:{colour[a.status]}; font-weight: 700">{esc(status)}</span>'
        else:
            status_html = esc(status)
        where = event_words(a.event_date, a.event_title)
        if a.check_in:
            # Translators: the event of an agreement, then the date of its check-in
            where = _("{event} · check-in {date}").format(event=where, date=day(a.check_in))
        lines = [
            f'<span style="font-size: {self.look.subheading_pt}pt; font-weight: 700">{esc(who)}</span>',
            status_html,
            self._muted(where),
        ]
        return self._card(lines, (a.event_id, "agreement", a.agreement_id))

    def _event(self, e: Presentation) -> str:
        line = f"{esc(event_words(e.date, e.title))} {self._muted(_(_STATE[e.status]))}"
        return f'<p style="margin: 2px 0">{self._link((e.event_id, "event", None), line)}</p>'
