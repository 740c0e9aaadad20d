"""Named paragraph styles and the few colours the documents use.

Print first: near-black text, grey rules and labels, no filled areas.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypedDict, Unpack

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from exports.pdf.fonts import BOLD, REGULAR, register_fonts

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5a5a")
RULE = colors.HexColor("#9a9a9a")
HAIRLINE = colors.HexColor("#c8c8c8")
SUCCESS_HEX = "#1d5e2f"
FAILURE_HEX = "#8a1c1c"

BODY_SIZE = 9.5
BODY_LEADING = 13.2


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of both documents, by what they are used for."""

    kicker: ParagraphStyle  # small capitals line above the title
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle  # a section heading (one outline entry each)
    item: ParagraphStyle  # a record's heading: an outcome, an agreement
    body: ParagraphStyle
    note: ParagraphStyle  # secondary, grey text
    empty: ParagraphStyle  # "nothing recorded"
    label: ParagraphStyle  # left column of a key/value table
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_spaced: ParagraphStyle  # a cell paragraph starting a second record in the cell
    column_head: ParagraphStyle
    group: ParagraphStyle  # "Works when", "Breaks when" inside a cell
    group_first: ParagraphStyle  # the same at the top of a cell
    bullet: ParagraphStyle
    header: ParagraphStyle  # running header/footer text
    header_right: ParagraphStyle
    signature_caption: ParagraphStyle


class _StyleArgs(TypedDict, total=False):
    """The ParagraphStyle settings the documents use."""

    fontName: str
    fontSize: float
    leading: float
    textColor: colors.Color
    alignment: Literal[0, 1, 2, 4]
    bulletFontName: str
    splitLongWords: int
    allowWidows: int
    allowOrphans: int
    leftIndent: float
    bulletIndent: float
    spaceBefore: float
    spaceAfter: float
    keepWithNext: int
    embeddedHyphenation: int


def _style(name: str, **kwargs: Unpack[_StyleArgs]) -> ParagraphStyle:
    base: _StyleArgs = {
        "fontName": REGULAR,
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "textColor": INK,
        "alignment": TA_LEFT,
        "bulletFontName": REGULAR,
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(kwargs)
    return ParagraphStyle(name, **base)


def make_styles() -> Styles:
    """Return the styles (fonts are registered first)."""
    register_fonts()
    return Styles(
        kicker=_style("Kicker", fontSize=8, leading=11, textColor=MUTED, spaceAfter=4),
        title=_style("Title", fontName=BOLD, fontSize=20, leading=25, spaceAfter=3),
        subtitle=_style("Subtitle", fontSize=11.5, leading=15, textColor=MUTED, spaceAfter=10),
        section=_style(
            "Section",
            fontName=BOLD,
            fontSize=13.5,
            leading=17,
            spaceBefore=16,
            spaceAfter=7,
            keepWithNext=1,
        ),
        item=_style(
            "Item",
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=9,
            spaceAfter=3,
            keepWithNext=1,
        ),
        body=_style("Body", spaceAfter=4),
        note=_style("Note", fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=4),
        empty=_style("Empty", textColor=MUTED, spaceAfter=4),
        label=_style("Label", fontSize=8.5, leading=12, textColor=MUTED),
        cell=_style("Cell"),
        cell_bold=_style("CellBold", fontName=BOLD, spaceAfter=2),
        cell_spaced=_style("CellSpaced", spaceBefore=7),
        # A heading word too wide for its column breaks at a soft hyphen (tables.breakable).
        column_head=_style("ColumnHead", fontSize=8, leading=10, textColor=MUTED, embeddedHyphenation=1),
        group=_style(
            "Group",
            fontName=BOLD,
            fontSize=8.5,
            leading=11.5,
            textColor=MUTED,
            spaceBefore=5,
            spaceAfter=1,
            keepWithNext=1,
        ),
        group_first=_style(
            "GroupFirst",
            fontName=BOLD,
            fontSize=8.5,
            leading=11.5,
            textColor=MUTED,
            spaceAfter=1,
            keepWithNext=1,
        ),
        bullet=_style("Bullet", leftIndent=10, bulletIndent=0, spaceAfter=1.5),
        header=_style("Header", fontSize=7.5, leading=9.5, textColor=MUTED),
        header_right=_style("HeaderRight", fontSize=7.5, leading=9.5, textColor=MUTED, alignment=TA_RIGHT),
        signature_caption=_style("SignatureCaption", fontSize=7.5, leading=9.5, textColor=MUTED),
    )
