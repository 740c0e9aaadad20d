"""Right-to-left text: Arabic joining before line breaking, display order per line after.

ReportLab 5 orders right-to-left text only with the optional ``rlbidi``
package, which our package index lacks; without it, it draws Hebrew and
Arabic letters in typing order, left to right. This module does the two
halves of the job at the two moments they belong to:

* :func:`shape_arabic`, before ReportLab breaks lines (``exports.pdf.markup``):
  each Arabic letter takes its joined form (initial, medial or final) and
  lam-alef its ligature, from the Unicode presentation forms DejaVu Sans has;
  a letter joined to nothing stays as typed. The joining rules are derived
  from ``unicodedata`` (a letter with an initial or medial form joins both
  ways). Joining never crosses a space, so doing it on the whole line is the
  same as doing it per word, and the widths ReportLab measures to break lines
  are the widths drawn. The glyphs are the ones the font's own OpenType tables
  choose (the tests compare them with HarfBuzz's shaping).
* :func:`display_order`, after ReportLab broke the lines (``exports.pdf.paragraph``):
  the Unicode Bidirectional Algorithm (UAX #9) for the lines of a paragraph
  that starts left to right or right to left: rules W1-W7, N0-N2 and I1-I2
  resolve each character's level on the whole paragraph (:func:`levels`),
  then L1, L2 and L4 (mirrored brackets) reorder each line on its own.
  Reordering per line is what keeps the first words of a long Hebrew sentence
  on its first line; reversing a whole paragraph before breaking it puts its
  lines in reverse order.

Not implemented: explicit embeddings, overrides and isolates (U+202A-U+202E,
U+2066-U+2069) count as neutral characters, and each paragraph takes one
direction from its first strong letter (rules P2-P3), however many lines the
user typed. Combining marks (Hebrew points, Arabic vowel signs) are drawn
where the font puts them by default, without OpenType mark positioning.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bidi.mirror import MIRRORED

from exports.pdf.fonts import REGULAR, has_glyph

# Hebrew, Arabic, Syriac, Thaana, NKo...; the presentation forms; RTL astral blocks;
# the right-to-left mark. Text without any of these is never shaped or reordered.
_MAYBE_RTL = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_LAM = 0x0644
_FORM_NAMES = ("isolated", "final", "initial", "medial")
_JOIN_CAUSING = {0x0640, 0x200D}  # tatweel, zero width joiner


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[int, dict[str, str]], dict[int, dict[str, str]]]:
    """Return {letter: {form: glyph}} and {alef: {form: lam-alef ligature}}."""
    letters: dict[int, dict[str, str]] = {}
    lam_alef: dict[int, dict[str, str]] = {}
    # Forms-B first: the basic letters and the lam-alef ligatures; then Forms-A
    # (Persian, Urdu, ... letters), never overriding a form already found.
    for code in [*range(0xFE70, 0xFEFF), *range(0xFB50, 0xFE00)]:
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) < 2 or parts[0].strip("<>") not in _FORM_NAMES:
            continue
        form, bases = parts[0].strip("<>"), [int(p, 16) for p in parts[1:]]
        if not has_glyph(REGULAR, chr(code)):
            continue
        if len(bases) == 1:
            letters.setdefault(bases[0], {}).setdefault(form, chr(code))
        elif len(bases) == 2 and bases[0] == _LAM and 0xFEF5 <= code <= 0xFEFC:
            lam_alef.setdefault(bases[1], {}).setdefault(form, chr(code))
    return letters, lam_alef


def _joining(char: str) -> str:
    """Return the joining type: D(ual), R(ight), C(ausing), T(ransparent) or U(njoined)."""
    code = ord(char)
    if code in _JOIN_CAUSING:
        return "C"
    forms = _forms()[0].get(code)
    if forms:
        if "initial" in forms or "medial" in forms:
            return "D"
        return "R" if "final" in forms else "U"
    category = unicodedata.category(char)
    if category in ("Mn", "Me") or (category == "Cf" and code != 0x200C):
        return "T"
    return "U"


def has_rtl(text: str) -> bool:
    """Return whether ``text`` may hold right-to-left letters (a cheap test)."""
    return _MAYBE_RTL.search(text) is not None


def shape_arabic(text: str) -> str:
    """Return ``text`` (in typing order) with Arabic letters in their contextual forms."""
    if not _ARABIC.search(text):
        return text
    letters, lam_alef = _forms()
    types = [_joining(c) for c in text]
    count = len(text)

    def neighbour(index: int, step: int) -> int | None:
        index += step
        while 0 <= index < count and types[index] == "T":
            index += step
        return index if 0 <= index < count else None

    out: list[str] = []
    index = 0
    while index < count:
        char, kind = text[index], types[index]
        if kind not in ("D", "R"):
            out.append(char)
            index += 1
            continue
        before = neighbour(index, -1)
        joins_before = before is not None and types[before] in ("D", "C")
        after = neighbour(index, 1)
        if ord(char) == _LAM and after is not None and ord(text[after]) in lam_alef:
            ligature = lam_alef[ord(text[after])].get("final" if joins_before else "isolated")
            if ligature:
                out.append(ligature)
                out.extend(text[index + 1 : after])  # marks between lam and alef
                index = after + 1
                continue
        joins_after = kind == "D" and after is not None and types[after] in ("D", "R", "C")
        form = {
            (True, True): "medial",
            (True, False): "final",
            (False, True): "initial",
            (False, False): None,
        }[(joins_before, joins_after)]
        # A letter joined to nothing keeps its own glyph, as the font's OpenType rules do.
        out.append(letters[ord(char)].get(form, char) if form else char)
        index += 1
    return "".join(out)


# --- Display order (UAX #9 for one line) ------------------------------------

# Bidi_Paired_Bracket pairs (rule N0), opening then closing.
_BRACKETS = (
    "()[]{}⁅⁆⁽⁾₍₎⌈⌉⌊⌋〈〉❨❩❪❫❬❭❮❯❰❱❲❳❴❵⟅⟆⟦⟧⟨⟩⟪⟫⟬⟭⟮⟯⦃⦄⦅⦆⦇⦈⦉⦊"
    "⦑⦒⦓⦔⦕⦖⦗⦘⧘⧙⧚⧛⧼⧽⸢⸣⸤⸥⸦⸧⸨⸩〈〉《》「」『』【】〔〕〖〗〘〙〚〛﹙﹚﹛﹜﹝﹞（）［］｛｝｟｠｢｣"
)
_OPENING = dict(zip(_BRACKETS[::2], _BRACKETS[1::2], strict=True))
_CLOSING = frozenset(_BRACKETS[1::2])
_MAX_BRACKET_DEPTH = 63  # BD16: deeper nesting stops the pairing

# Explicit embeddings, overrides and isolates are not applied: they count as neutrals.
_AS_NEUTRAL = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "BN"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON"})
# Reset to the paragraph level at the end of a line (L1).
_TRAILING = frozenset({"WS", "B", "S"}) | _AS_NEUTRAL
_DIRECTION = {"L": "L", "R": "R", "EN": "R", "AN": "R"}  # numbers count as R for neutrals


def _classes(text: str) -> list[str]:
    # An unassigned code point is L (the app replaces characters no font has anyway).
    return [unicodedata.bidirectional(char) or "L" for char in text]


def is_rtl_paragraph(text: str) -> bool:
    """Return whether ``text`` runs right to left: its first strong letter is (P2-P3)."""
    for kind in map(unicodedata.bidirectional, text):
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _resolve_weak(types: list[str], edge: str) -> None:
    """Rules W1-W7 on one level run (the whole line)."""
    previous = strong = edge
    for index, kind in enumerate(types):
        if kind == "NSM":  # W1: a mark takes the class of what it marks
            kind = previous
        previous = kind
        if kind == "EN" and strong == "AL":  # W2
            kind = "AN"
        elif kind in ("L", "R", "AL"):
            strong = kind
        types[index] = "R" if kind == "AL" else kind  # W3
    count = len(types)
    for index in range(1, count - 1):  # W4: one separator between two numbers
        kind, before, after = types[index], types[index - 1], types[index + 1]
        if before == after and (
            (kind == "ES" and before == "EN") or (kind == "CS" and before in ("EN", "AN"))
        ):
            types[index] = before
    index = 0
    while index < count:  # W5: terminators next to a European number
        if types[index] != "ET":
            index += 1
            continue
        end = index
        while end < count and types[end] == "ET":
            end += 1
        if (index and types[index - 1] == "EN") or (end < count and types[end] == "EN"):
            types[index:end] = ["EN"] * (end - index)
        index = end
    strong = edge
    for index, kind in enumerate(types):
        if kind in ("ES", "ET", "CS"):  # W6
            types[index] = "ON"
        elif kind == "EN" and strong == "L":  # W7
            types[index] = "L"
        elif kind in ("L", "R"):
            strong = kind


def _bracket_pairs(text: str, types: list[str]) -> list[tuple[int, int]]:
    """BD16: the paired brackets of ``text``, by position of the opening one."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for index, char in enumerate(text):
        if types[index] != "ON":
            continue
        if char in _OPENING:
            if len(stack) == _MAX_BRACKET_DEPTH:
                break
            stack.append((_OPENING[char], index))
        elif char in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _resolve_brackets(text: str, types: list[str], original: list[str], edge: str) -> None:
    """Rule N0: a bracket pair takes the direction of what it encloses (and its context)."""
    for opening, closing in _bracket_pairs(text, types):
        inside = {_DIRECTION.get(kind) for kind in types[opening + 1 : closing]}
        if edge in inside:
            direction = edge
        elif inside - {None}:  # only the opposite direction inside: look before the pair
            before = next((_DIRECTION[k] for k in reversed(types[:opening]) if k in _DIRECTION), edge)
            direction = before
        else:
            continue
        for index in (opening, closing):
            types[index] = direction
            # Marks on a bracket follow it.
            index += 1
            while index < len(types) and original[index] == "NSM":
                types[index] = direction
                index += 1


def _resolve_neutral(types: list[str], edge: str) -> None:
    """Rules N1-N2: neutrals between two equal directions take it, others the paragraph's."""
    count = len(types)
    index = 0
    while index < count:
        if types[index] not in _NEUTRAL:
            index += 1
            continue
        end = index
        while end < count and types[end] in _NEUTRAL:
            end += 1
        before = _DIRECTION[types[index - 1]] if index else edge
        after = _DIRECTION[types[end]] if end < count else edge
        types[index:end] = [before if before == after else edge] * (end - index)
        index = end


def levels(text: str, rtl: bool) -> list[int]:
    """Return the embedding level of each character of one paragraph (even: left to right).

    ``rtl`` is the paragraph's direction (see :func:`is_rtl_paragraph`). The
    levels come before any line breaking; :func:`display_order` takes a line's
    share of them.
    """
    edge = "R" if rtl else "L"
    original = _classes(text)
    types = ["ON" if kind in _AS_NEUTRAL else kind for kind in original]
    _resolve_weak(types, edge)
    _resolve_brackets(text, types, original, edge)
    _resolve_neutral(types, edge)
    if rtl:  # I2
        return [2 if kind in ("L", "EN", "AN") else 1 for kind in types]
    return [1 if kind == "R" else 2 if kind in ("EN", "AN") else 0 for kind in types]  # I1


def display_order(line: str, rtl: bool, resolved: list[int] | None = None) -> list[tuple[int, str]]:
    """Return one line in display order, left to right: (index in ``line``, character) pairs.

    ``resolved`` is the line's share of its paragraph's :func:`levels` (by
    default the line is resolved on its own). The characters are those of
    ``line``, brackets mirrored where they run right to left (L4). A combining
    mark in right-to-left text comes before its letter, as L2 leaves it and as
    the font wants it: DejaVu Sans draws Hebrew and Arabic marks to the right
    of where they start, over the next glyph.
    """
    resolved = list(levels(line, rtl) if resolved is None else resolved)
    # L1: separators, and the white space before them or at the end of the line.
    base = 1 if rtl else 0
    reset = True
    for index in range(len(line) - 1, -1, -1):
        kind = unicodedata.bidirectional(line[index])
        if kind in ("B", "S"):
            resolved[index] = base
            reset = True
        elif reset and kind in _TRAILING:
            resolved[index] = base
        else:
            reset = False
    highest = max(resolved, default=0)
    lowest_odd = min((level for level in resolved if level % 2), default=highest + 1)
    order = list(range(len(line)))
    for level in range(highest, lowest_odd - 1, -1):  # L2
        start = None
        for position in range(len(order) + 1):
            inside = position < len(order) and resolved[order[position]] >= level
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                order[start:position] = order[start:position][::-1]
                start = None
    return [
        (index, MIRRORED.get(line[index], line[index]) if resolved[index] % 2 else line[index])
        for index in order
    ]


def visual_order(line: str, rtl: bool = False) -> str:
    """Return one line as it is drawn, left to right (see :func:`display_order`)."""
    if not rtl and not has_rtl(line):
        return line
    return "".join(char for _, char in display_order(line, rtl))
