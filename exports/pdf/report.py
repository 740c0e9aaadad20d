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
from facilitator.figures import (
    FIGURES,
    METHOD,
    Figures,
    FiguresReport,
    QuarterFigures,
    detail,
    format_value,
)
from facilitator.progress import Progress

TITLE = "Scale Across — adoption report"
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
        info = DocumentInfo(
            title=TITLE,
            author="Scale Across Facilitator",
            subject=f"Adoption figures overall and per coalition, by calendar quarter, as of {day}",
            header=TITLE,
            header_right=day,
            footer=f"{TITLE} · {day}",
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
        span = f"{quarters[0].quarter.label} to {quarters[-1].quarter.label}" if quarters else "no events yet"
        coalitions = len(report.coalitions)
        return [
            Para("SCALE ACROSS · ADOPTION REPORT", s.kicker),
            Para(TITLE, s.title),
            Para(
                f"Figures as of {date_text(report.today)} · {coalitions} "
                f"coalition{'s' if coalitions != 1 else ''} · {span}",
                s.subtitle,
            ),
            Para(
                "The five measures of how the coalitions' patterns spread, overall and for each "
                "coalition, by calendar quarter. How each is computed is explained at the end.",
                s.body,
            ),
        ]

    def _summary(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [CondPageBreak(60 * mm), loose(section_heading("Summary, all time", s))]
        if self.report.is_empty:
            return [*story, Para("Nothing is recorded yet: no events, no patterns.", s.empty)]
        head = ["Scope", *(f.title for f in FIGURES)]
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
        title = "Overall" if overall else f"Coalition: {name}"
        # The overall figures follow the summary on the first page, which a
        # page break left half empty; each coalition starts a page of its own.
        start = CondPageBreak(HEADLINES_HEIGHT) if overall else PageBreak()
        story: list[Flowable] = [start, section_heading(title, s)]
        if name != figures.scope:
            story.append(para(f"Full name: {figures.scope}", s.note))
        if figures.is_empty:
            return [*story, Para("No events or patterns recorded for this coalition yet.", s.empty)]
        story.append(self._headlines(figures))
        story.append(Spacer(1, 6))
        story.append(self._charts(figures))
        shown = figures.quarters[-TABLE_QUARTERS:]
        story.append(CondPageBreak(50 * mm))
        story.append(loose(Para("By quarter", s.item)))
        if len(shown) < len(figures.quarters):
            story.append(
                Para(
                    f"The last {len(shown)} quarters; the charts show all "
                    f"{len(figures.quarters)}, from {figures.quarters[0].quarter.label}.",
                    s.note,
                )
            )
        story.append(self._quarter_table(shown))
        story.append(CondPageBreak(50 * mm))
        story.append(loose(Para("Patterns that reached the most teams", s.item)))
        story.append(self._top_patterns(figures))
        return story

    def _headlines(self, figures: Figures) -> Table:
        s = self.styles
        rows = [
            [
                [Para(f.title, s.label)],
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
            caption = "per quarter" if not info.cumulative else "as at each quarter's end"
            if info.key == "adoption_rate" and any(q.open_teams for q in figures.quarters):
                caption += " · lighter: some teams still within six months"
            if info.target is not None:
                caption += f' · <font color="{GOAL_HEX}">dashed line: {info.target_label}</font>'
            cells.append([Para(f"<b>{info.title}</b>", s.note), Para(caption, s.note), chart])
        return two_columns(cells, width, GAP)

    def _quarter_table(self, quarters: Sequence[QuarterFigures]) -> Table:
        head = [
            "Quarter",
            "Events",
            "Adoption rate",
            "Still open",
            "Teams per pattern",
            "Documented",
            "Median days",
            "Failures",
        ]
        rows: list[list[Cell]] = []
        for q in quarters:
            adoption = format_value("adoption_rate", q.adoption_rate)
            if q.adopter_teams:
                adoption += f" ({q.adopted_teams:,} of {q.adopter_teams:,})"
            rows.append(
                [
                    self._cell(q.quarter.label),
                    self._cell(f"{q.events:,}"),
                    self._cell(adoption),
                    self._cell(f"{q.open_teams:,}"),
                    self._cell(format_value("teams_per_pattern", q.teams_per_pattern)),
                    self._cell(format_value("boundary_share", q.boundary_share)),
                    self._cell(format_value("median_days", q.median_days)),
                    self._cell(f"{q.failures:,}"),
                ]
            )
        # The quarter ("2026 Q3") is one line: a label broken in two reads as two rows.
        share = [0.12, 0.09, 0.20, 0.08, 0.11, 0.14, 0.14, 0.12]
        return headed_grid(head, rows, [self.width * f for f in share], self.styles)

    def _top_patterns(self, figures: Figures) -> Flowable:
        s = self.styles
        if not figures.top_patterns:
            return Para("No patterns recorded yet.", s.empty)
        overall = figures.coalition_id is None
        head = ["#", "Pattern", *(["Coalition"] if overall else []), "Teams reached", "Boundaries"]
        rows: list[list[Cell]] = []
        for number, line in enumerate(figures.top_patterns, start=1):
            row: list[Cell] = [self._cell(str(number)), [para(plain(line.name, NAME_IN_TABLE), s.cell)]]
            if overall:
                row.append([para(plain(line.coalition, NAME_IN_TABLE), s.cell)])
            row.append(self._cell(f"{line.teams:,}"))
            row.append(self._cell("documented" if line.documented else "incomplete"))
            rows.append(row)
        share = [0.05, 0.45, 0.24, 0.10, 0.16] if overall else [0.05, 0.69, 0.10, 0.16]
        return headed_grid(head, rows, [self.width * f for f in share], self.styles)

    def _method(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [section_heading("How these figures are computed", s)]
        for title, body in METHOD:
            story.append(Para(title, s.item))
            story.append(Para(body, s.body))
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
