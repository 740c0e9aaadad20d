"""The adoption report's layout: labels clear of captions, a full first page.

Positions are read back from the PDF with pypdf's text visitor, in points
from the page's bottom left, as a printed page would show them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pdf_helpers import reader

from exports.pdf.report import render_report
from exports.pdf.report_charts import CLEARANCE, figure_drawing, scope_charts
from facilitator.figures import FIGURES, compute_figures
from facilitator.storage import open_database

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "figures"))
from figures_history import TODAY, build_history

NOTE_SIZE = 8.5  # the captions above the charts (styles.note)
CHART_SIZE = 7.0  # every text a chart draws: axis labels and value labels
CAPTION_DESCENT = 2.0  # descenders of an 8.5 pt caption reach this far below its baseline
COLUMN = 240  # a chart column is narrower than this; the next column starts further right


@dataclass(frozen=True)
class Run:
    """One run of text as drawn: its baseline's start, its size in points, and its text."""

    x: float
    y: float
    size: float
    text: str


def _times(m, n):
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def drawn_runs(page) -> list[Run]:
    """Return the page's text runs with where they are drawn (text matrix times the CTM)."""
    runs: list[Run] = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            matrix = _times(tm, cm)
            runs.append(Run(matrix[4], matrix[5], round(size * matrix[3], 2), text.strip()))

    page.extract_text(visitor_text=visit)
    return runs


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("layout") / "history.sqlite3")
    try:
        build_history(db, alpha="Checkout Reliability Coalition", beta="Platform Onboarding Coalition")
        with db.transaction() as session:
            return compute_figures(session, today=TODAY)
    finally:
        db.close()


@pytest.fixture(scope="module")
def pages(report):
    return [drawn_runs(page) for page in reader(render_report(report)).pages]


def test_no_chart_label_reaches_into_the_caption_above_it(pages):
    checked = 0
    for runs in pages:
        captions = [r for r in runs if r.size == NOTE_SIZE]
        for label in (r for r in runs if r.size == CHART_SIZE):
            above = [c for c in captions if c.y > label.y and c.x <= label.x < c.x + COLUMN]
            if not above:
                continue
            caption = min(above, key=lambda c: c.y)  # the caption line right above the chart
            gap = caption.y - CAPTION_DESCENT - (label.y + label.size)
            assert gap >= 1, f"{label.text!r} at {label.y:.1f} touches {caption.text!r} at {caption.y:.1f}"
            checked += 1
    assert checked > 50  # the charts were found


def test_the_highest_value_label_is_there_and_clear(pages):
    # Beta documents every pattern by 2026 Q2: its "100 %" sits above the top gridline.
    labels = [r for runs in pages for r in runs if r.text == "100 %" and r.size == CHART_SIZE]
    axis_tops = {round(r.y) for r in labels if r.x < 70}
    above_axis = [r for r in labels if r.x >= 70 and round(r.y) not in axis_tops]
    assert above_axis, "no value label at 100 %"


@pytest.mark.parametrize("info", FIGURES, ids=[f.key for f in FIGURES])
def test_every_chart_keeps_its_drawing_inside_its_box(report, info):
    for figures in report.scopes:
        for drawing in (
            figure_drawing(info, figures, 230, 118),
            scope_charts(FIGURES, figures, 230, 118)[FIGURES.index(info)].drawing,
        ):
            x0, y0, x1, y1 = drawing.getBounds()
            assert y0 >= 0 and y1 <= drawing.height - CLEARANCE, (figures.scope, (y0, y1))
            assert x0 >= 0 and x1 <= drawing.width, (figures.scope, (x0, x1))


def test_charts_side_by_side_have_their_plots_level(report):
    for figures in report.scopes:
        tops = {
            round(chart.drawing.contents[0].y + chart.drawing.contents[0].height, 1)
            for chart in scope_charts(FIGURES, figures, 230, 118)
            if chart.drawing.contents and hasattr(chart.drawing.contents[0], "height")
        }
        assert len(tops) <= 1, (figures.scope, tops)


def test_the_first_page_carries_the_summary_and_the_overall_figures(pages):
    first = " ".join(r.text for r in pages[0])
    assert "Summary, all time" in first and "Overall" in first
    assert "4 of 7 teams adopted in time" in first
    lowest = min(r.y for r in pages[0] if r.size >= NOTE_SIZE)
    assert lowest < 842 / 2, "the first page is half empty"


def test_each_coalition_starts_a_page(pages):
    for name in ("Coalition: Checkout Reliability Coalition", "Coalition: Platform Onboarding Coalition"):
        [page] = [runs for runs in pages if any(r.text == name for r in runs)]
        body = [r for r in page if 60 < r.y < 790]  # below the running header
        assert max(body, key=lambda r: r.y).text == name


def test_a_quarter_is_one_line_in_the_table(pages):
    # "2025 Q3" broken into "2025" and "Q3" reads as two rows.
    cells = [r.text for runs in pages for r in runs]
    assert "2025 Q3" in cells and "2026 Q1" in cells
    assert "Q3" not in cells
