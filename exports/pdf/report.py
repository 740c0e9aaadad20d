"""The adoption report for leadership: the figures overall and per coalition.

Takes a :class:`facilitator.figures.FiguresReport` and returns PDF bytes, with
the same fonts, escaping, page templates, "Page x of y", metadata and outline
as the event documents. Coalition and pattern names are user text and go
through ``markup.text`` like every other name.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Spacer,
    Table,
)

from exports.pdf.blocks import bold, para
from exports.pdf.document import DocumentInfo, Renderer, section_heading
from exports.pdf.markup import plain
from exports.pdf.paragraph import Para
from exports.pdf.report_charts import GOAL_HEX, scope_charts
from exports.pdf.tables import Cell, headed_grid, lines, loose, two_columns
from exports.pdf.values import date_text
from facilitator import numbers
from facilitator.figures import (
    FIGURES,
    METHOD,
    Figures,
    FiguresReport,
    QuarterFigures,
    detail,
    format_value,
)
from facilitator.i18n import N_, _, ngettext
from facilitator.progress import Progress

TITLE = N_("Scale Across — adoption report")
NAME_IN_TABLE = 160  # characters of a coalition or pattern name in a table cell
NAME_IN_HEADING = 200  # ... in a section heading; a longer name follows in full below it
CHART_HEIGHT = 118
HEADLINES_HEIGHT = 75 * mm  # a section heading and its five headline figures
TABLE_QUARTERS = 8  # the quarter table shows the most recent two years
GAP = 8 * mm


class ReportRenderer(Renderer):
    """Renders a figures report as the leadership PDF."""

    def __init__(self, report: FiguresReport, page_size: str = "A4") -> None:
        self.report = report
        super().__init__(page_size)

    def render(self, progress: Progress | None = None) -> bytes:
        """Return the PDF as bytes; ``progress`` is told how far the layout got (``build_pdf``)."""
        day = date_text(self.report.today)
        title = _(TITLE)
        info = DocumentInfo(
            title=title,
            author="Scale Across Facilitator",
            subject=_("Adoption figures overall and per coalition, by calendar quarter, as of {date}").format(
                date=day
            ),
            header=title,
            header_right=day,
            # Translators: the foot of every page of the adoption report: its title and date
            footer=_("{title} · {date}").format(title=title, date=day),
        )
        story: list[Flowable] = [*self._title_block(), *self._summary()]
        for figures in self.report.scopes:
            story.extend(self._scope(figures))
        story.append(PageBreak())
        story.extend(self._method())
        return self.build(story, info, progress)

    # Sections ----------------------------------------------------------------

    def _title_block(self) -> list[Flowable]:
        s, report = self.styles, self.report
        quarters = report.overall.quarters
        span = (
            # Translators: the quarters a report covers, "2025 Q1 to 2026 Q3"
            _("{first} to {last}").format(first=quarters[0].quarter.label, last=quarters[-1].quarter.label)
            if quarters
            else _("no events yet")
        )
        coalitions = len(report.coalitions)
        return [
            # Translators: the small line above the adoption report's title
            Para(_("SCALE ACROSS · ADOPTION REPORT"), s.kicker),
            Para(_(TITLE), s.title),
            Para(
                ngettext(
                    "Figures as of {date} · {count} coalition · {span}",
                    "Figures as of {date} · {count} coalitions · {span}",
                    coalitions,
                ).format(date=date_text(report.today), count=numbers.integer(coalitions), span=span),
                s.subtitle,
            ),
            Para(
                _(
                    "The five measures of how the coalitions' patterns spread, overall and for each "
                    "coalition, by calendar quarter. How each is computed is explained at the end."
                ),
                s.body,
            ),
        ]

    def _summary(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [CondPageBreak(60 * mm), loose(section_heading(_("Summary, all time"), s))]
        if self.report.is_empty:
            return [*story, Para(_("Nothing is recorded yet: no events, no patterns."), s.empty)]
        # Translators: a column heading: overall, or which coalition a row is about
        head = [_("Scope"), *(_(f.title) for f in FIGURES)]
        rows: list[list[Cell]] = []
        for figures in self.report.scopes:
            name = bold(plain(figures.scope, NAME_IN_TABLE), s.cell_bold)
            rows.append(
                [[name], *(self._cell(format_value(f, getattr(figures.totals, f.key))) for f in FIGURES)]
            )
        first = self.width * 0.30
        rest = (self.width - first) / len(FIGURES)
        story.append(headed_grid(head, rows, [first, *[rest] * len(FIGURES)], s))
        return story

    def _scope(self, figures: Figures) -> list[Flowable]:
        s = self.styles
        name = plain(figures.scope, NAME_IN_HEADING)
        overall = figures.coalition_id is None
        # Translators: the heading of the figures of all coalitions together
        title = _("Overall") if overall else _("Coalition: {name}").format(name=name)
        # The overall figures follow the summary on the first page, which a
        # page break left half empty; each coalition starts a page of its own.
        start = CondPageBreak(HEADLINES_HEIGHT) if overall else PageBreak()
        story: list[Flowable] = [start, section_heading(title, s)]
        if name != figures.scope:
            story.append(para(_("Full name: {name}").format(name=figures.scope), s.note))
        if figures.is_empty:
            return [*story, Para(_("No events or patterns recorded for this coalition yet."), s.empty)]
        story.append(self._headlines(figures))
        story.append(Spacer(1, 6))
        story.append(self._charts(figures))
        shown = figures.quarters[-TABLE_QUARTERS:]
        story.append(CondPageBreak(50 * mm))
        story.append(loose(Para(_("By quarter"), s.item)))
        if len(shown) < len(figures.quarters):
            story.append(
                Para(
                    _("The last {shown} quarters; the charts show all {total}, from {first}.").format(
                        shown=numbers.integer(len(shown)),
                        total=numbers.integer(len(figures.quarters)),
                        first=figures.quarters[0].quarter.label,
                    ),
                    s.note,
                )
            )
        story.append(self._quarter_table(shown))
        story.append(CondPageBreak(50 * mm))
        story.append(loose(Para(_("Patterns that reached the most teams"), s.item)))
        story.append(self._top_patterns(figures))
        return story

    def _headlines(self, figures: Figures) -> Table:
        s = self.styles
        rows = [
            [
                [Para(_(f.title), s.label)],
                [Para(f"<b>{format_value(f, getattr(figures.totals, f.key))}</b>", s.cell)],
                [Para(detail(f, figures.totals), s.note)],
            ]
            for f in FIGURES
        ]
        widths = [self.width * 0.34, self.width * 0.16, self.width * 0.50]
        return lines(rows, widths)

    def _charts(self, figures: Figures) -> Table:
        s = self.styles
        width = (self.width - GAP) / 2
        cells: list[Cell] = []
        charts = scope_charts(FIGURES, figures, width, CHART_HEIGHT)
        for info, chart in zip(FIGURES, charts, strict=True):
            parts = [_("per quarter") if not info.cumulative else _("as at each quarter's end")]
            if info.key == "adoption_rate" and any(q.open_teams for q in figures.quarters):
                # Translators: beside a chart whose lighter bars may still grow
                parts.append(_("lighter: some teams still within six months"))
            if info.target is not None:
                goal = _("dashed line: {goal}").format(goal=_(info.target_label))
                parts.append(f'<font color="{GOAL_HEX}">{goal}</font>')
            caption = " · ".join(parts)
            cells.append([Para(f"<b>{_(info.title)}</b>", s.note), Para(caption, s.note), chart])
        return two_columns(cells, width, GAP)

    def _quarter_table(self, quarters: Sequence[QuarterFigures]) -> Table:
        # Translators: column headings of the report's table by quarter (narrow columns)
        head = [
            _("Quarter"),
            _("Events"),
            _("Adoption rate"),
            _("Still open"),
            _("Teams per pattern"),
            _("Documented"),
            _("Median days"),
            _("Failures"),
        ]
        rows: list[list[Cell]] = []
        for q in quarters:
            adoption = format_value("adoption_rate", q.adoption_rate)
            if q.adopter_teams:
                # Translators: an adoption rate with the teams behind it, "64 % (7 of 11)"
                adoption = _("{rate} ({adopted} of {teams})").format(
                    rate=adoption,
                    adopted=numbers.integer(q.adopted_teams),
                    teams=numbers.integer(q.adopter_teams),
                )
            rows.append(
                [
                    self._cell(q.quarter.label),
                    self._cell(numbers.integer(q.events)),
                    self._cell(adoption),
                    self._cell(numbers.integer(q.open_teams)),
                    self._cell(format_value("teams_per_pattern", q.teams_per_pattern)),
                    self._cell(format_value("boundary_share", q.boundary_share)),
                    self._cell(format_value("median_days", q.median_days)),
                    self._cell(numbers.integer(q.failures)),
                ]
            )
        # The quarter ("2026 Q3") is one line: a label broken in two reads as two rows.
        share = [0.12, 0.09, 0.20, 0.08, 0.11, 0.14, 0.14, 0.12]
        return headed_grid(head, rows, [self.width * f for f in share], self.styles)

    def _top_patterns(self, figures: Figures) -> Flowable:
        s = self.styles
        if not figures.top_patterns:
            return Para(_("No patterns recorded yet."), s.empty)
        overall = figures.coalition_id is None
        head = [
            # Translators: the column heading of a rank (1, 2, 3 ...)
            _("#"),
            _("Pattern"),
            *([ngettext("Coalition", "Coalitions", 1)] if overall else []),
            _("Teams reached"),
            _("Boundaries"),
        ]
        rows: list[list[Cell]] = []
        for number, line in enumerate(figures.top_patterns, start=1):
            row: list[Cell] = [
                self._cell(numbers.integer(number)),
                [para(plain(line.name, NAME_IN_TABLE), s.cell)],
            ]
            if overall:
                row.append([para(plain(line.coalition, NAME_IN_TABLE), s.cell)])
            row.append(self._cell(numbers.integer(line.teams)))
            # Translators: whether a pattern's boundaries are documented (a table cell)
            row.append(self._cell(_("documented") if line.documented else _("incomplete")))
            rows.append(row)
        share = [0.05, 0.45, 0.24, 0.10, 0.16] if overall else [0.05, 0.69, 0.10, 0.16]
        return headed_grid(head, rows, [self.width * f for f in share], self.styles)

    def _method(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [section_heading(_("How these figures are computed"), s)]
        for title, body in METHOD:
            story.append(Para(_(title), s.item))
            story.append(Para(_(body), s.body))
        return story

    def _cell(self, value: str) -> list[Para]:
        return [para(value, self.styles.cell)]


def render_report(report: FiguresReport, *, page_size: str = "A4", progress: Progress | None = None) -> bytes:
    """Return the adoption report PDF ("A4" or "Letter").

    ``progress`` is told (parts laid out, parts in all): the story's
    top-level flowables (headings, tables, chart grids) and one last unit for
    finishing the file; ReportLab reports these as it goes, at no cost.

    Raises:
        ValueError: an unknown page size.
        Cancelled: ``progress`` stopped the rendering.
    """
    return ReportRenderer(report, page_size).render(progress)
