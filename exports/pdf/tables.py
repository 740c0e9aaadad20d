"""Table shapes of every document: key/value tables, headed columns, ruled lines, a grid.

Every table is made by :func:`make_table`, which names our font for all its
cells (a table otherwise selects Helvetica, which would put an unembedded font
into the document), aligns cells to the top and drops the left padding, so
that tables line up with the paragraphs around them.

Tables that hold records split between rows and inside a row
(``splitInRow``), and every such cell holds a list of paragraphs, so a record
longer than a page flows onto the next page instead of raising ``LayoutError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from exports.pdf.fonts import REGULAR
from exports.pdf.paragraph import Para
from exports.pdf.styles import HAIRLINE, RULE, Styles

# The right padding of every cell (make_table's ``right``): the room a word needs beyond its width.
CELL_PADDING = 8
SOFT_HYPHEN = "\u00ad"
# The least room between a key/value table's label and its value (the cell's right padding and a bit).
LABEL_GAP = 10

# What a table cell holds: a label of ours, one flowable, or a list of them.
Cell: TypeAlias = str | Flowable | Sequence[Flowable]
# A TableStyle command: ("OPCODE", (first column, first row), (last column, last row), values...).
TableCommand: TypeAlias = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]


def make_table(
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    commands: Sequence[TableCommand] = (),
    *,
    valign: str = "TOP",
    right: float = 8,
    top: float = 4,
    bottom: float = 5,
    split_in_row: bool = False,
    repeat_rows: int = 0,
) -> Table:
    """Return a left-aligned table in our font, its cells padded ``right``, ``top``, ``bottom``.

    Args:
        rows: the cells, row by row.
        widths: one width per column.
        commands: style commands applied after the shared ones (they win).
        valign: the vertical alignment of every cell.
        right: the right padding of every cell (the left one is 0).
        top: the top padding of every cell.
        bottom: the bottom padding of every cell.
        split_in_row: whether a row may split across pages (rows of records).
        repeat_rows: how many heading rows repeat on every page.
    """
    table = Table(
        [list(row) for row in rows],
        colWidths=list(widths),
        splitByRow=1,
        splitInRow=1 if split_in_row else 0,
        repeatRows=repeat_rows,
        hAlign="LEFT",
    )
    shared: list[TableCommand] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), right),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
    ]
    table.setStyle(TableStyle([*shared, *commands]))
    return table


def _label_font(style: ParagraphStyle, start: tuple[int, int], stop: tuple[int, int]) -> list[TableCommand]:
    return [
        ("FONTNAME", start, stop, style.fontName),
        ("FONTSIZE", start, stop, style.fontSize),
        ("LEADING", start, stop, style.leading),
        ("TEXTCOLOR", start, stop, style.textColor),
    ]


def key_values(
    rows: Sequence[tuple[str, Sequence[Flowable]]],
    styles: Styles,
    width: float,
    label_width: float = 36 * mm,
) -> Table:
    """Return a two-column table: our label left, the record's values right.

    Labels are ours, short and plain, so they are drawn as table strings: no
    markup to parse and nothing to wrap. A language with longer words
    ("Plattformverantwortliche") widens the label column to its longest
    label, up to two fifths of the table.
    """
    style = styles.label
    widest = max((stringWidth(label, style.fontName, style.fontSize) for label, _values in rows), default=0.0)
    label_width = min(max(label_width, widest + LABEL_GAP), width * 0.4)
    return make_table(
        [[label, cells] for label, cells in rows],
        [label_width, width - label_width],
        [
            *_label_font(styles.label, (0, 0), (0, -1)),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, HAIRLINE),
            # The smaller label type sits on the value's first baseline.
            ("TOPPADDING", (0, 0), (0, -1), 5),
        ],
        split_in_row=True,
    )


def columns(
    head: Sequence[str],
    rows: Sequence[Sequence[Sequence[Flowable]]],
    widths: Sequence[float],
    styles: Styles,
) -> Table:
    """Return a table with a column heading row repeated on every page.

    The headings are ours and short: drawn as table strings, they never wrap.
    """
    return make_table(
        [[h.upper() for h in head], *rows],
        widths,
        [
            *_label_font(styles.column_head, (0, 0), (-1, 0)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, HAIRLINE),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
        ],
        split_in_row=True,
        repeat_rows=1,
    )


def headed_grid(
    head: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float], styles: Styles
) -> Table:
    """A table like :func:`columns` whose column headings wrap instead of overlapping.

    A heading word wider than its column (German's "Veranstaltungen") first
    takes room from columns whose headings and cells leave some spare
    (:func:`fitted_widths`); a word that still does not fit breaks with a
    hyphen.
    """
    style = styles.column_head
    titles = [h.upper() for h in head]
    widths = fitted_widths(titles, rows, widths, style)
    return make_table(
        [
            [Para(breakable(t, w - CELL_PADDING, style), style) for t, w in zip(titles, widths, strict=True)],
            *rows,
        ],
        widths,
        [
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, HAIRLINE),
        ],
        top=3,
        bottom=4,
        split_in_row=True,
        repeat_rows=1,
    )


def fitted_widths(
    head: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float], style: ParagraphStyle
) -> list[float]:
    """Return ``widths`` changed so that every heading word fits its column, where room allows.

    Room is taken from columns whose widest heading word and whose cells (each
    on one line) leave some spare, in proportion to it, and given to the
    columns short of it, the least short first (so that as many words as
    possible fit whole); the total stays the same. Nothing changes when every
    word fits.
    """
    need = [_widest_word(title, style) + CELL_PADDING for title in head]
    keep = [
        max([need[column], *(_one_line_width(row[column]) + CELL_PADDING for row in rows)])
        for column in range(len(widths))
    ]
    short = [max(0.0, n - w) for n, w in zip(need, widths, strict=True)]
    spare = [max(0.0, w - k) for w, k in zip(widths, keep, strict=True)]
    available = sum(spare)
    if not any(short) or not available:
        return list(widths)
    given = [0.0] * len(widths)
    left = available
    for column in sorted(range(len(widths)), key=lambda c: short[c]):
        given[column] = min(short[column], left)
        left -= given[column]
    moved = available - left
    return [w + g - p * moved / available for w, g, p in zip(widths, given, spare, strict=True)]


def breakable(title: str, room: float, style: ParagraphStyle) -> str:
    """Return a heading whose words wider than ``room`` may break anywhere, with a hyphen.

    A soft hyphen between their letters (the style's ``embeddedHyphenation``
    draws a hyphen where a word breaks, nothing where it does not).
    """

    def word(text: str) -> str:
        if len(text) < 7 or stringWidth(text, style.fontName, style.fontSize) <= room:
            return text
        # Never fewer than three letters on either side of the break.
        return SOFT_HYPHEN.join([text[:3], *text[3:-3], text[-3:]])

    return " ".join(word(text) for text in title.split(" "))


def _widest_word(title: str, style: ParagraphStyle) -> float:
    return max((stringWidth(word, style.fontName, style.fontSize) for word in title.split()), default=0.0)


def _one_line_width(cell: Cell) -> float:
    """Return the width of a cell's widest paragraph set on one line (0 for a plain string)."""
    flowables = [cell] if isinstance(cell, Flowable) else [] if isinstance(cell, str) else list(cell)
    return max(
        (
            stringWidth(f.getPlainText(), f.style.fontName, f.style.fontSize)
            for f in flowables
            if isinstance(f, Paragraph)
        ),
        default=0.0,
    )


def lines(rows: Sequence[Sequence[Cell]], widths: Sequence[float]) -> Table:
    """Rows of cells between hairlines, with no heading (the headline figures)."""
    return make_table(
        rows,
        widths,
        [
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, HAIRLINE),
        ],
    )


def two_columns(cells: Sequence[Cell], width: float, gap: float) -> Table:
    """Cells (each a list of flowables) two to a row, ``gap`` apart, no rules."""
    if len(cells) % 2:
        cells = [*cells, ""]
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    return make_table(rows, [width + gap, width], right=0, top=2, bottom=8)


def loose(heading: Flowable) -> Flowable:
    """Let a heading stay on a page without its whole table.

    ReportLab would otherwise move heading and table together to the next
    page, leaving this one half empty; a ``CondPageBreak`` before the heading
    keeps it from ending a page.
    """
    heading.keepWithNext = 0
    return heading
