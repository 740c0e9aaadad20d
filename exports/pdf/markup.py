"""User text to Paragraph markup: escaped, cleaned, and split into font runs.

Every string a user typed reaches a ReportLab ``Paragraph`` only through
:func:`text`. The rule, in order:

1. line breaks (``\\r\\n``, ``\\r``, U+2028, U+2029) become ``\\n`` and tabs spaces;
   other control characters and lone surrogates are removed;
2. Arabic letters take their joined forms (``exports.pdf.bidi``; the text stays
   in typing order: ``exports.pdf.paragraph`` puts each line in display order
   once ReportLab has broken the lines), then the text is split into runs by
   which shipped font has the glyphs;
3. each run is escaped with ``xml.sax.saxutils.escape`` (so ``<b>``, ``&`` and
   ``<a href=...>`` stay text) and runs not in the style's own face are wrapped
   in ``<font face="...">`` naming one of *our* fonts; user text never goes
   into an attribute;
4. our own ``<br/>`` joins the lines.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from exports.pdf.bidi import has_rtl, shape_arabic
from exports.pdf.fonts import REGULAR, covers, font_for, has_glyph

REPLACEMENT = "\ufffd"
LEFT_TO_RIGHT_MARK = "\u200e"  # zero width; DejaVu Sans has it

_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
# C0 and C1 controls other than newline (tab is made a space first), and lone surrogates.
_REMOVED = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(value: object) -> str:
    """Return ``value`` as text with normalised line breaks and no control characters."""
    if value is None:
        return ""
    text = _LINE_BREAKS.sub("\n", str(value)).replace("\t", " ")
    return _REMOVED.sub("", text)


def _invisible(char: str) -> bool:
    # Format characters (joiners, bidi marks) and variation selectors that no font
    # draws carry no visible meaning here; dropping them beats a replacement mark.
    return unicodedata.category(char) == "Cf" or "VARIATION SELECTOR" in unicodedata.name(char, "")


def runs(line: str, face: str = REGULAR) -> list[tuple[str, str]]:
    """Split one line into ``(font, text)`` runs, each drawable with its font.

    Spaces stay in the run they follow, so a CJK or emoji run does not split
    words; a character no font has becomes U+FFFD (or is dropped if invisible).
    """
    result: list[tuple[str, list[str]]] = []
    for char in line:
        if char == " " and result and has_glyph(result[-1][0], char):
            result[-1][1].append(char)
            continue
        font = font_for(char, face)
        if font is None:
            if _invisible(char):
                continue
            char, font = REPLACEMENT, font_for(REPLACEMENT, face) or REGULAR
        if result and result[-1][0] == font:
            result[-1][1].append(char)
        else:
            result.append((font, [char]))
    return [(font, "".join(chars)) for font, chars in result]


def text(value: object, face: str = REGULAR) -> str:
    """Return safe Paragraph markup that shows ``value`` exactly as typed.

    ``face`` is the font of the paragraph style the markup goes into.
    """
    lines = clean(value).split("\n")
    return "<br/>".join(_line_markup(shape_arabic(line), face) for line in lines)


def _line_markup(line: str, face: str) -> str:
    if covers(face, line):  # the common case: one font draws the whole line
        return escape(line)
    parts = []
    for font, chunk in runs(line, face):
        escaped = escape(chunk)
        parts.append(escaped if font == face else f'<font face="{font}">{escaped}</font>')
    return "".join(parts)


def embedded(value: str) -> str:
    """Return a user's value to put inside a sentence of ours, before a date or number.

    A value with right-to-left letters gets a left-to-right mark after it:
    otherwise the bidi algorithm draws "· 14 May 2026" after a Hebrew title as
    part of the title's run ("14 · <title> May 2026").
    """
    return value + LEFT_TO_RIGHT_MARK if has_rtl(value) else value


def plain(value: object, limit: int | None = None) -> str:
    """Return ``value`` cleaned to one line (for metadata, outlines, file names)."""
    one_line = " ".join(clean(value).split())
    if limit is not None and len(one_line) > limit:
        one_line = one_line[: limit - 1].rstrip() + "…"
    return one_line
