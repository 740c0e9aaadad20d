"""The one Paragraph class the documents use: ReportLab's, with two additions.

* It remembers its last wrap. A table wraps every cell to measure its rows,
  then again to draw it, and the frame wraps the table once more when it
  splits across pages; a Paragraph breaks its lines anew each time. The width
  decides the result (the height offered does not), so the last result is
  kept per width: the same layout, about half the line-breaking work.
* It draws right-to-left text in display order. Lines are broken in typing
  order, as for any text, and each line is reordered (``exports.pdf.bidi``)
  only when it is drawn, on a copy: the first words of a long Hebrew sentence
  stay on its first line, and a paragraph split across pages or table rows
  (which ReportLab rebuilds from the broken lines) is still in typing order.
  A paragraph runs left to right, as the documents do, unless it is made with
  ``direction="auto"`` (one value a user typed, like HTML's ``dir="auto"``) and
  its first strong letter is Hebrew or Arabic: then it runs right to left,
  right-aligned, its full stop at the left end and its bullet on the right.
  Paragraphs without right-to-left letters take none of this.
"""

from __future__ import annotations

import copy
from typing import TypeAlias

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import (  # type: ignore[attr-defined]  # _FK_BREAK: private, not in the stubs
    _FK_BREAK,  # the kind of a <br/> fragment
    FragLine,
    ParaLines,
)
from reportlab.platypus.paraparser import ParaFrag
from reportlab.rl_config import paraFontSizeHeightOffset

from exports.pdf.bidi import display_order, has_rtl, is_rtl_paragraph, levels

# ReportLab's broken lines: ``ParaLines``, or for a paragraph in one font and style a
# ``ParaFrag`` clone; each line a ``FragLine`` of fragments ("words"), or in one font
# and style a tuple (extra space, words).
BrokenLines: TypeAlias = ParaLines | ParaFrag
Line: TypeAlias = FragLine | tuple[float, list[str]]


class Para(Paragraph):
    """A Paragraph that reuses its line breaks and draws right-to-left text in order."""

    blPara: BrokenLines
    _wrapWidths: list[float]
    # (width offered, then width, height, blPara, _wrapWidths as that wrap left them)
    _last_wrap: tuple[float, float, float, BrokenLines, list[float]] | None = None
    # None: no right-to-left letter; otherwise whether the paragraph runs right to left.
    _rtl: bool | None = None
    _right_bullet: str | None = None

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle | None = None,
        bulletText: str | None = None,
        frags: list[ParaFrag] | None = None,
        caseSensitive: int = 1,
        encoding: str = "utf8",
        *,
        direction: str = "ltr",
    ) -> None:
        """Parse ``text`` (our markup) as ReportLab's Paragraph does.

        Args:
            text: the markup; None for the halves of a split paragraph, which
                pass their fragments instead (ReportLab's ``split`` does).
            style: as for ReportLab's Paragraph.
            bulletText: as for ReportLab's Paragraph.
            frags: as for ReportLab's Paragraph.
            caseSensitive: as for ReportLab's Paragraph.
            encoding: as for ReportLab's Paragraph.
            direction: "ltr", the documents' direction: right-to-left runs are
                reordered inside left-to-right lines. "auto" for a paragraph that
                holds one value a user typed: it runs right to left when its
                first strong letter does.

        Raises:
            ValueError: another ``direction``.
        """
        if direction not in ("ltr", "auto"):
            raise ValueError(f"unknown direction {direction!r}")
        # The stubs say ``text: str``; ReportLab's own ``split`` passes None.
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)  # type: ignore[arg-type]
        # ``text`` is None for the halves of a split paragraph: ``split`` passes the direction on.
        if text is not None and has_rtl(text):
            plain = "".join(getattr(f, "text", "") for f in self.frags)
            self._rtl = direction == "auto" and is_rtl_paragraph(plain)
            if self._rtl:
                self._mirror()

    def _mirror(self) -> None:
        # Right-aligned, indents swapped; the bullet is drawn on the right by ``draw``.
        style = self.style = copy.copy(self.style)
        if style.alignment == TA_LEFT:
            style.alignment = TA_RIGHT
        style.leftIndent, style.rightIndent = style.rightIndent, style.leftIndent
        self._right_bullet, self.bulletText = self.bulletText, None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        last = self._last_wrap
        if last is not None and last[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = last
            return self.width, self.height
        result = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            self._last_wrap = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return result

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        for number, part in enumerate(parts):
            if not isinstance(part, Para):  # Paragraph.split makes halves of its own class
                continue
            part._rtl = self._rtl
            if part is not self:  # the bullet goes with the first half only
                part._right_bullet = self._right_bullet if number == 0 else None
        return parts

    def draw(self) -> None:
        if self._rtl is None:
            super().draw()
            return
        logical = self.blPara
        self.blPara = display_lines(logical, self._rtl)
        try:
            super().draw()
        finally:
            self.blPara = logical
        if self._right_bullet and logical.lines:
            self._draw_right_bullet(logical, self._right_bullet)

    def _draw_right_bullet(self, lines: BrokenLines, bullet: str) -> None:
        # Where ReportLab puts a left bullet, mirrored: on the first line's baseline.
        style, canvas = self.style, self.canv
        first = lines.lines[0] if hasattr(lines.lines[0], "words") else lines
        size = getattr(first, "fontSize", style.fontSize)
        top = size if paraFontSizeHeightOffset else getattr(first, "ascent", size)
        width = stringWidth(bullet, style.bulletFontName, style.bulletFontSize)
        canvas.saveState()
        canvas.setFont(style.bulletFontName, style.bulletFontSize)
        canvas.setFillColor(getattr(style, "bulletColor", style.textColor))
        canvas.drawString(
            self.width - style.bulletIndent - width,
            self.height - top + getattr(style, "bulletOffsetY", 0),
            bullet,
        )
        canvas.restoreState()


class SectionHeading(Para):
    """A section heading; the document adds a top-level bookmark for it."""

    outline_title = ""


def display_lines(lines: BrokenLines, rtl: bool) -> BrokenLines:
    """Return a copy of ReportLab's broken lines (``blPara``) with each line in display order.

    Levels are resolved on each paragraph the user typed (the lines between two
    ``<br/>``, joined by the space each break replaced), then every line is
    reordered on its own, as UAX #9 says: a comma or a number at the end of a
    line belongs to the words before it, wherever the line broke.
    """
    texts = [_line_text(line) for line in lines.lines]
    shown = list(lines.lines)
    start = 0
    for end, line in enumerate(lines.lines, 1):
        if end < len(shown) and not _ends_with_break(line):
            continue
        paragraph = " ".join(texts[start:end])
        if rtl or has_rtl(paragraph):
            resolved = levels(paragraph, rtl)
            offset = 0
            for number in range(start, end):
                share = resolved[offset : offset + len(texts[number])]
                offset += len(texts[number]) + 1
                shown[number] = _reordered(shown[number], texts[number], rtl, share)
        start = end
    return lines.clone(lines=shown)


def _line_text(line: Line) -> str:
    if isinstance(line, tuple):  # one font: (extra space, words), drawn joined by spaces
        return " ".join(line[1])
    return "".join(_piece_text(piece) for piece in line.words)  # several fonts or styles


def _piece_text(piece: ParaFrag) -> str:
    return "" if hasattr(piece, "cbDefn") else getattr(piece, "text", "")


def _ends_with_break(line: Line) -> bool:
    return not isinstance(line, tuple) and any(
        getattr(piece, "_fkind", None) == _FK_BREAK for piece in line.words
    )


def _reordered(line: Line, text: str, rtl: bool, resolved: list[int]) -> Line:
    order = display_order(text, rtl, resolved)
    if isinstance(line, tuple):
        return line[0], "".join(char for _, char in order).split(" ")
    # Every character keeps its fragment (font, bold, colour); consecutive characters
    # of one fragment are drawn together. Fragments without text (a line break) stay
    # at the end.
    pieces = line.words
    texts = [_piece_text(piece) for piece in pieces]
    owner = [number for number, piece_text in enumerate(texts) for _ in piece_text]
    runs: list[tuple[int, list[str]]] = []
    for index, char in order:
        if runs and runs[-1][0] == owner[index]:
            runs[-1][1].append(char)
        else:
            runs.append((owner[index], [char]))
    words = [pieces[number].clone(text="".join(chars)) for number, chars in runs]
    words.extend(piece for piece, piece_text in zip(pieces, texts, strict=True) if not piece_text)
    return line.clone(words=words)
