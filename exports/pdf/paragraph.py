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

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _FK_BREAK  # a <br/> fragment
from reportlab.rl_config import paraFontSizeHeightOffset

from exports.pdf.bidi import display_order, has_rtl, is_rtl_paragraph, levels


class Para(Paragraph):
    """A Paragraph that reuses its line breaks and draws right-to-left text in order."""

    _last_wrap: tuple | None = None
    # None: no right-to-left letter; otherwise whether the paragraph runs right to left.
    _rtl: bool | None = None
    _right_bullet: str | None = None

    def __init__(self, text, style=None, *args, direction: str = "ltr", **kwargs):
        """Parse ``text`` (our markup) as ReportLab's Paragraph does.

        Args:
            direction: "ltr", the documents' direction: right-to-left runs are
                reordered inside left-to-right lines. "auto" for a paragraph that
                holds one value a user typed: it runs right to left when its
                first strong letter does.

        Raises:
            ValueError: another ``direction``.
        """
        if direction not in ("ltr", "auto"):
            raise ValueError(f"unknown direction {direction!r}")
        super().__init__(text, style, *args, **kwargs)
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

    def wrap(self, availWidth, availHeight):
        last = self._last_wrap
        if last is not None and last[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = last
            return self.width, self.height
        result = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            self._last_wrap = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return result

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for number, part in enumerate(parts):
            part._rtl = self._rtl
            if part is not self:  # the bullet goes with the first half only
                part._right_bullet = self._right_bullet if number == 0 else None
        return parts

    def draw(self):
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
            self._draw_right_bullet(logical)

    def _draw_right_bullet(self, lines) -> None:
        # Where ReportLab puts a left bullet, mirrored: on the first line's baseline.
        style, canvas = self.style, self.canv
        first = lines.lines[0] if hasattr(lines.lines[0], "words") else lines
        size = getattr(first, "fontSize", style.fontSize)
        top = size if paraFontSizeHeightOffset else getattr(first, "ascent", size)
        width = stringWidth(self._right_bullet, style.bulletFontName, style.bulletFontSize)
        canvas.saveState()
        canvas.setFont(style.bulletFontName, style.bulletFontSize)
        canvas.setFillColor(getattr(style, "bulletColor", style.textColor))
        canvas.drawString(self.width - style.bulletIndent - width,
                          self.height - top + getattr(style, "bulletOffsetY", 0),
                          self._right_bullet)
        canvas.restoreState()


class SectionHeading(Para):
    """A section heading; the document adds a top-level bookmark for it."""

    outline_title = ""


def display_lines(lines, rtl: bool):
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
                share = resolved[offset:offset + len(texts[number])]
                offset += len(texts[number]) + 1
                shown[number] = _reordered(shown[number], texts[number], rtl, share)
        start = end
    return lines.clone(lines=shown)


def _line_text(line) -> str:
    if hasattr(line, "words"):  # several fonts or styles: a list of fragments
        return "".join(_piece_text(piece) for piece in line.words)
    return " ".join(line[1])  # one font: (extra space, words), drawn joined by spaces


def _piece_text(piece) -> str:
    return "" if hasattr(piece, "cbDefn") else getattr(piece, "text", "")


def _ends_with_break(line) -> bool:
    return hasattr(line, "words") and any(
        getattr(piece, "_fkind", None) == _FK_BREAK for piece in line.words
    )


def _reordered(line, text: str, rtl: bool, resolved: list[int]):
    order = display_order(text, rtl, resolved)
    if not hasattr(line, "words"):
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
