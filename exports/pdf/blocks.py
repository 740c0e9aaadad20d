"""Building blocks both documents use: formatted values, key/value tables,
and the pattern table with its context and boundaries beside it.

Every table splits between rows and inside a row (``splitInRow``), and every
cell holds a list of paragraphs, so a record longer than a page flows onto
the next page instead of raising ``LayoutError``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from exports.pdf.fonts import BOLD, REGULAR
from exports.pdf.markup import text
from exports.pdf.paragraph import Para
from exports.pdf.styles import FAILURE_HEX, HAIRLINE, RULE, SUCCESS_HEX, Styles
from facilitator.dates import long_day
from facilitator.domain import BoundaryKind, OutcomeKind

BOUNDARY_GROUPS = (
    (BoundaryKind.WORKS_WHEN, "Works when"),
    (BoundaryKind.BREAKS_WHEN, "Breaks when"),
    (BoundaryKind.PREREQUISITE, "Prerequisites"),
)


# Values ----------------------------------------------------------------------

def date_text(value: dt.date | None, missing: str = "not set") -> str:
    """Return "14 May 2026", as every printed document writes a date, or ``missing``."""
    if value is None:
        return missing
    return long_day(value)


def amount_text(amount: float | None, unit: str) -> str:
    """Return "8 hours", "2.5 days" or "" when no amount was given."""
    if amount is None:
        return ""
    number = f"{amount:.2f}".rstrip("0").rstrip(".")
    return f"{number} {unit}".strip()


def person_text(participant, missing: str = "not named") -> str:
    """Return "Name (Team)", or ``missing`` when there is nobody."""
    if participant is None:
        return missing
    return participant.display_name


def support_headline(item) -> str:
    """Return "Coaching: 8 hours" for a support item."""
    amount = amount_text(item.amount, item.unit)
    return f"{item.type.label}: {amount}" if amount else f"{item.type.label} (amount not set)"


# Paragraphs ------------------------------------------------------------------

def para(value: object, style, direction: str = "auto") -> Para:
    """Return a Paragraph showing user text ``value`` exactly as typed.

    One value a user typed runs right to left when its first strong letter
    does (``direction="auto"``); a sentence of ours with values in it passes
    ``direction="ltr"``.
    """
    return Para(text(value, style.fontName), style, direction=direction)


def labelled(label: str, value: object, style) -> Para:
    """Return "**Label:** value" where the label is ours and the value the user's."""
    return Para(f"<b>{label}:</b> {text(value, style.fontName)}", style)


def bold(value: object, style) -> Para:
    """Return user text in bold (the markup is computed for the bold face)."""
    return Para(bold_markup(value), style, direction="auto")


def bold_markup(value: object) -> str:
    """Return user text as bold markup, to sit inside a heading of ours."""
    return f"<b>{text(value, BOLD)}</b>"


def bullets(values: Iterable[object], styles: Styles, empty: str | None = None) -> list[Para]:
    """Return one bulleted paragraph per value, or a grey ``empty`` line."""
    items = [Para(text(v, styles.bullet.fontName), styles.bullet, bulletText="•",
                  direction="auto") for v in values]
    if not items and empty:
        items = [Para(empty, styles.note)]
    return items


def kind_line(kind: OutcomeKind, styles: Styles, noun: str) -> Para:
    """Return "✓ Success pattern" in green or "✗ Failure pattern" in red."""
    if kind == OutcomeKind.FAILURE:
        return Para(f'<font color="{FAILURE_HEX}">✗ Failure {noun}</font>', styles.note)
    return Para(f'<font color="{SUCCESS_HEX}">✓ Success {noun}</font>', styles.note)


# Tables ----------------------------------------------------------------------

def _table(rows, widths, commands, repeat_rows: int = 0) -> Table:
    table = Table(
        rows, colWidths=widths, splitByRow=1, splitInRow=1, repeatRows=repeat_rows, hAlign="LEFT"
    )
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        *commands,
    ]))
    return table


def key_values(rows: Sequence[tuple[str, list[Flowable]]], styles: Styles, width: float,
               label_width: float = 36 * mm) -> Table:
    """Return a two-column table: our label left, the record's values right.

    Labels are ours, short and plain, so they are drawn as table strings: no
    markup to parse and nothing to wrap.
    """
    data = [[label, cells] for label, cells in rows]
    return _table(
        data,
        [label_width, width - label_width],
        [
            *_label_font(styles.label, (0, 0), (0, -1)),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, HAIRLINE),
            # The smaller label type sits on the value's first baseline.
            ("TOPPADDING", (0, 0), (0, -1), 5),
        ],
    )


def _label_font(style, start, stop) -> list[tuple]:
    return [
        ("FONTNAME", start, stop, style.fontName),
        ("FONTSIZE", start, stop, style.fontSize),
        ("LEADING", start, stop, style.leading),
        ("TEXTCOLOR", start, stop, style.textColor),
    ]


def columns(head: Sequence[str], rows: Sequence[Sequence[list[Flowable]]], widths: Sequence[float],
            styles: Styles) -> Table:
    """Return a table with a column heading row repeated on every page."""
    data = [[h.upper() for h in head], *rows]
    return _table(
        data,
        list(widths),
        [
            *_label_font(styles.column_head, (0, 0), (-1, 0)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, HAIRLINE),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
        ],
        repeat_rows=1,
    )


def pattern_cells(pattern, styles: Styles) -> list[Flowable]:
    """The left cell: name, kind, summary, how to reproduce / what to avoid, sources."""
    cells: list[Flowable] = [bold(pattern.name, styles.cell_bold),
                             kind_line(pattern.kind, styles, "pattern")]
    if pattern.summary:
        cells.append(para(pattern.summary, styles.cell))
    if pattern.guidance:
        failure = pattern.kind == OutcomeKind.FAILURE
        cells.append(Para("What to avoid" if failure else "How to reproduce", styles.group))
        cells.append(para(pattern.guidance, styles.cell))
    sources = [outcome.title for outcome in pattern.outcomes]
    if sources:
        cells.append(Para("Learned from", styles.group))
        cells.extend(bullets(sources, styles))
    return cells


def boundary_cells(pattern, styles: Styles) -> list[Flowable]:
    """The right cell: works when, breaks when, prerequisites."""
    cells: list[Flowable] = []
    for kind, label in BOUNDARY_GROUPS:
        cells.append(Para(label, styles.group))
        cells.extend(bullets((c.text for c in pattern.conditions(kind)), styles,
                             empty="None recorded."))
    # The first group needs no space above it at the top of the cell.
    cells[0] = Para(BOUNDARY_GROUPS[0][1], styles.group_first)
    return cells


def pattern_table(patterns: Sequence, styles: Styles, width: float) -> Table:
    """Return each pattern with its context and boundaries beside it, one row each."""
    left = width * 0.54
    rows = [[pattern_cells(p, styles), boundary_cells(p, styles)] for p in patterns]
    table = columns(["Pattern", "Context and boundaries"], rows, [left, width - left], styles)
    table.setStyle(TableStyle([
        ("LEFTPADDING", (1, 0), (1, -1), 10),
        ("LINEBEFORE", (1, 1), (1, -1), 0.3, HAIRLINE),
        ("TOPPADDING", (0, 1), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 9),
    ]))
    return table
