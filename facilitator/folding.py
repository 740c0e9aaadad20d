"""Matching text the way people type it: without case or accents.

"zoe" finds "Zoë", "lukasz" finds "Łukasz", "SOREN" finds "Søren". Every
filter and the search index fold the same way, so a name found on one page
is found on all of them.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: Letters whose accent is part of the glyph: Unicode decomposition (and
#: SQLite's unicode61 tokenizer) leave them whole, so they are spelled out.
PLAIN_LETTERS = {
    "Ł": "L",
    "ł": "l",
    "Ø": "O",
    "ø": "o",
    "Đ": "D",
    "đ": "d",
    "Ð": "D",
    "ð": "d",
    "Ħ": "H",
    "ħ": "h",
    "ı": "i",
    "Ŀ": "L",
    "ŀ": "l",
    "Ŧ": "T",
    "ŧ": "t",
    "ß": "ss",
    "ẞ": "SS",
    "Æ": "AE",
    "æ": "ae",
    "Œ": "OE",
    "œ": "oe",
    "Þ": "TH",
    "þ": "th",
}
_PLAIN_TABLE = str.maketrans(PLAIN_LETTERS)


def plain_letters(text: str) -> str:
    """Return ``text`` with the letters of :data:`PLAIN_LETTERS` spelled out, case kept."""
    return text.translate(_PLAIN_TABLE)


# Names and teams come back record after record: each distinct text is folded once.
@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return ``text`` without case or accents, for matching what people type."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", plain_letters(text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
