"""The map from drawn glyphs back to text, which search, copy-paste and extraction use.

Each embedded font subset carries a ToUnicode CMap. ReportLab's own has two
gaps this app hits: characters beyond U+FFFF (emoji) and Arabic drawn with
presentation forms.
"""

from __future__ import annotations

import unicodedata

from reportlab.pdfbase import ttfonts


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _source_text(code: int) -> str:
    """Return what a glyph stands for: Arabic presentation forms as the letters typed."""
    char = chr(code)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFE:
        return unicodedata.normalize("NFKC", char) or char
    return char


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, written so that every glyph maps back correctly.

    ReportLab 5.1 writes a character beyond U+FFFF as five hex digits (``<1F680>``),
    which readers reject, so an emoji vanishes from extracted or copied text;
    here it becomes its UTF-16 surrogate pair. Arabic drawn with presentation
    forms (``exports.pdf.bidi``) maps back to the letters the user typed.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{_utf16_hex(_source_text(code))}>" for index, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def install_to_unicode_fix() -> None:
    """Make ReportLab write :func:`to_unicode_cmap` for every TrueType font (idempotent)."""
    # ReportLab looks this function up in its module each time it writes a font,
    # so replacing it there is enough. Same signature, same CMap for BMP text.
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
