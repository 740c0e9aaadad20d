"""Building blocks both event documents use: user text as paragraphs, and the
pattern table with each pattern's context and boundaries beside it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from exports.pdf.fonts import BOLD
from exports.pdf.markup import text
from exports.pdf.paragraph import Para
from exports.pdf.styles import FAILURE_HEX, HAIRLINE, SUCCESS_HEX, Styles
from exports.pdf.tables import columns
from facilitator.domain import BoundaryKind, OutcomeKind
from facilitator.i18n import N_, _

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the documents only read them
    from facilitator.domain import Pattern

BOUNDARY_GROUPS = (
    # Translators: a heading over the conditions under which a pattern works
    (BoundaryKind.WORKS_WHEN, N_("Works when")),
    # Translators: a heading over the conditions under which a pattern breaks
    (BoundaryKind.BREAKS_WHEN, N_("Breaks when")),
    (BoundaryKind.PREREQUISITE, N_("Prerequisites")),
)


# Paragraphs ------------------------------------------------------------------


def para(value: object, style: ParagraphStyle, direction: str = "auto") -> Para:
    """Return a Paragraph showing user text ``value`` exactly as typed.

    One value a user typed runs right to left when its first strong letter
    does (``direction="auto"``); a sentence of ours with values in it passes
    ``direction="ltr"``.
    """
    return Para(text(value, style.fontName), style, direction=direction)


def bold(value: object, style: ParagraphStyle) -> Para:
    """Return user text in bold (the markup is computed for the bold face)."""
    return Para(bold_markup(value), style, direction="auto")


def bold_markup(value: object) -> str:
    """Return user text as bold markup, to sit inside a heading of ours."""
    return f"<b>{text(value, BOLD)}</b>"


def bullets(values: Iterable[object], styles: Styles, empty: str | None = None) -> list[Para]:
    """Return one bulleted paragraph per value, or a grey ``empty`` line."""
    items = [
        Para(text(v, styles.bullet.fontName), styles.bullet, bulletText="•", direction="auto") for v in values
    ]
    if not items and empty:
        items = [Para(empty, styles.note)]
    return items


def kind_line(kind: OutcomeKind, styles: Styles) -> Para:
    """Return "✓ Success pattern" in green or "✗ Failure pattern" in red."""
    if kind == OutcomeKind.FAILURE:
        words = _("Failure pattern")
        return Para(f'<font color="{FAILURE_HEX}">✗ {words}</font>', styles.note)
    words = _("Success pattern")
    return Para(f'<font color="{SUCCESS_HEX}">✓ {words}</font>', styles.note)


# The pattern table -----------------------------------------------------------


def pattern_cells(pattern: Pattern, styles: Styles) -> list[Flowable]:
    """The left cell: name, kind, summary, how to reproduce / what to avoid, sources."""
    cells: list[Flowable] = [bold(pattern.name, styles.cell_bold), kind_line(pattern.kind, styles)]
    if pattern.summary:
        cells.append(para(pattern.summary, styles.cell))
    if pattern.guidance:
        failure = pattern.kind == OutcomeKind.FAILURE
        cells.append(Para(_("What to avoid") if failure else _("How to reproduce"), styles.group))
        cells.append(para(pattern.guidance, styles.cell))
    sources = [outcome.title for outcome in pattern.outcomes]
    if sources:
        # Translators: a heading over the outcomes a pattern was learned from
        cells.append(Para(_("Learned from"), styles.group))
        cells.extend(bullets(sources, styles))
    return cells


def boundary_cells(pattern: Pattern, styles: Styles) -> list[Flowable]:
    """The right cell: works when, breaks when, prerequisites."""
    cells: list[Flowable] = []
    for kind, label in BOUNDARY_GROUPS:
        cells.append(Para(_(label), styles.group))
        cells.extend(bullets((c.text for c in pattern.conditions(kind)), styles, empty=_("None recorded.")))
    # The first group needs no space above it at the top of the cell.
    cells[0] = Para(_(BOUNDARY_GROUPS[0][1]), styles.group_first)
    return cells


def pattern_table(patterns: Sequence[Pattern], styles: Styles, width: float) -> Table:
    """Return each pattern with its context and boundaries beside it, one row each."""
    left = width * 0.54
    rows = [[pattern_cells(p, styles), boundary_cells(p, styles)] for p in patterns]
    table = columns([_("Pattern"), _("Context and boundaries")], rows, [left, width - left], styles)
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (1, 0), (1, -1), 10),
                ("LINEBEFORE", (1, 1), (1, -1), 0.3, HAIRLINE),
                ("TOPPADDING", (0, 1), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 9),
            ]
        )
    )
    return table
