"""The one rule for the text the app stores: what is kept, what becomes a line break, what goes.

Text reaches the database by two roads: typed or pasted into the window (the
services) and read from an event file. Both pass it through :func:`clean`, so
whatever the app stores and exports imports again unchanged, and a file
brings in exactly what typing the same text would have stored.

Decided for text pasted from mail, chat and Office:

* **Line ends** — CR LF, a lone CR, and the other line separators: vertical
  tab (U+000B, the manual line break of Word and PowerPoint), form feed
  (U+000C, Word's page break), NEL (U+0085), LINE SEPARATOR (U+2028) and
  PARAGRAPH SEPARATOR (U+2029) — each become one newline. Nothing a reader
  saw is lost, so nothing is reported. Tabs stay.
* **Dropped, and reported** (:class:`Dropped`), because nobody sees them, yet
  they break search, sorting, terminals or files:

  - control characters: C0 other than tab and the line ends above, DEL, and
    C1 other than NEL;
  - ZERO WIDTH SPACE (U+200B), WORD JOINER (U+2060), the byte-order mark or
    ZERO WIDTH NO-BREAK SPACE (U+FEFF) and SOFT HYPHEN (U+00AD): web pages,
    Outlook and Word leave them inside words, where "lead time" then no
    longer finds "lead\u200btime";
  - the invisible maths operators (U+2061–U+2064), the deprecated format
    characters (U+206A–U+206F) and the interlinear annotation characters
    (U+FFF9–U+FFFB);
  - noncharacters (U+FDD0–U+FDEF and the last two code points of every
    plane), which Unicode reserves for a program's internal use;
  - lone surrogates (half of a UTF-16 pair): they cannot be stored as UTF-8.
    A high surrogate followed by a low one is the character the pair encodes,
    as in JSON and UTF-16.
* **Kept on purpose** — ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER (U+200C,
  U+200D: emoji sequences such as 👩‍💻, Persian and Indic spelling); the
  direction marks and controls (U+061C, U+200E, U+200F, U+202A–U+202E,
  U+2066–U+2069), which order mixed right-to-left text — each field is shown
  as a paragraph of its own, so one left open cannot reorder anything else;
  variation selectors and tag characters (emoji presentation, flags);
  private-use and not yet assigned characters; every kind of space.
* **No Unicode normalisation**: "é" typed as one character or as "e" and a
  combining accent is stored as typed; search folds both alike.
* Finally surrounding whitespace (as :meth:`str.strip` sees it) is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitator.i18n import N_, _

# What a dropped character is, in English, marked: :attr:`Dropped.reason` translates it.
_CONTROL = N_("control character")
_NAMED = {
    "\u00ad": N_("soft hyphen"),
    "\u200b": N_("zero-width space"),
    "\u2060": N_("word joiner"),
    "\ufeff": N_("byte-order mark"),
}
_LINE_ENDS = frozenset("\r\n\x0b\x0c\x85\u2028\u2029")
_NONCHARACTERS = "".join(chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF))
# Every character that needs more than copying: line ends other than "\n",
# everything dropped, and surrogates (a pair is joined, a lone one dropped).
_SPECIAL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u2060-\u2064\u206a-\u206f"
    "\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufeff\ufff9-\ufffb" + _NONCHARACTERS + "]"
)


def why_dropped(char: str) -> str | None:
    """Return why :func:`clean` drops ``char`` (e.g. ``"control character"``, in English), or None.

    Line ends are not dropped (they become newlines), so they give None.
    """
    if char in _LINE_ENDS or char == "\t":
        return None
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return _CONTROL
    if char in _NAMED:
        return _NAMED[char]
    if 0xD800 <= code <= 0xDFFF:
        return N_("lone surrogate")
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return N_("noncharacter")
    if 0x2061 <= code <= 0x2064 or 0x206A <= code <= 0x206F or 0xFFF9 <= code <= 0xFFFB:
        return N_("invisible formatting character")
    return None


@dataclass(frozen=True, slots=True)
class Dropped:
    """One character :func:`clean` removed.

    Attributes:
        offset: Where it was in the text given to :func:`clean` (0-based).
        char: The character itself.
    """

    offset: int
    char: str

    @property
    def code(self) -> str:
        """Return the code point as people look it up, e.g. ``U+200B``."""
        return f"U+{ord(self.char):04X}"

    @property
    def reason(self) -> str:
        """Return what kind of character it is, e.g. ``zero-width space``, in the language in use."""
        return _(why_dropped(self.char) or N_("invisible character"))

    def describe(self) -> str:
        """Return ``U+0007 (control character)``."""
        return f"{self.code} ({self.reason})"


@dataclass(frozen=True, slots=True)
class CleanText:
    """Text as the app stores it, and what was dropped on the way.

    Attributes:
        text: The clean text.
        dropped: The characters dropped, in order (the first ``keep``).
        more: How many more were dropped beyond ``keep``.
    """

    text: str
    dropped: tuple[Dropped, ...] = ()
    more: int = 0


def clean(value: str, *, keep: int | None = None) -> CleanText:
    """Return ``value`` the way the app stores text (the rules are in the module doc).

    Runs in one pass; text without anything special (nearly all) is only
    searched once and stripped.

    Args:
        value: The text as typed, pasted or read.
        keep: Describe at most this many dropped characters and only count
            the rest, so a hostile file full of them cannot fill the memory.
    """
    first = _SPECIAL.search(value)
    if first is None:
        return CleanText(value.strip())
    parts: list[str] = []
    dropped: list[Dropped] = []
    more = 0
    start = 0
    match: re.Match[str] | None = first
    while match is not None:
        index = match.start()
        parts.append(value[start:index])
        char = value[index]
        start = index + 1
        if char == "\r" and value.startswith("\n", start):
            start += 1
            parts.append("\n")
        elif char in _LINE_ENDS:
            parts.append("\n")
        else:
            if "\ud800" <= char <= "\udbff" and "\udc00" <= value[start : start + 1] <= "\udfff":
                char = value[index : start + 1].encode("utf-16-le", "surrogatepass").decode("utf-16-le")
                start += 1
            if not why_dropped(char):
                parts.append(char)  # a surrogate pair, joined
            elif keep is None or len(dropped) < keep:
                dropped.append(Dropped(index, char))
            else:
                more += 1
        match = _SPECIAL.search(value, start)
    parts.append(value[start:])
    return CleanText("".join(parts).strip(), tuple(dropped), more)
