"""Table shapes of the adoption report: headed grids, key lines, the grid of charts.

Every table names our font for all its cells: a table otherwise selects
Helvetica, which would put an unembedded font into the document.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Table, TableStyle

from exports.pdf.fonts import REGULAR
from exports.pdf.paragraph import Para
from exports.pdf.styles import HAIRLINE, RULE, Styles


def headed_grid(head: Sequence[str], rows: list, widths: Sequence[float], styles: Styles) -> Table:
    """A table like ``blocks.columns`` whose column headings wrap instead of overlapping."""
    data = [[Para(h.upper(), styles.column_head) for h in head], *rows]
    table = Table(data, colWidths=list(widths), splitByRow=1, splitInRow=1, repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, HAIRLINE),
    ]))
    return table


def lines(rows: list, widths: Sequence[float]) -> Table:
    """Rows of cells between hairlines, with no heading (the headline figures)."""
    table = Table(rows, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, HAIRLINE),
    ]))
    return table


def two_columns(cells: list, width: float, gap: float) -> Table:
    """Cells (each a list of flowables) two to a row, ``gap`` apart, no rules."""
    if len(cells) % 2:
        cells = [*cells, ""]
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[width + gap, width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table


def loose(heading: Flowable) -> Flowable:
    """Let a heading stay on a page without its whole table.

    ReportLab would otherwise move heading and table together to the next
    page, leaving this one half empty; a ``CondPageBreak`` before the heading
    keeps it from ending a page.
    """
    heading.keepWithNext = 0
    return heading
