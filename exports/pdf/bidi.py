"""Right-to-left text without ReportLab's optional ``rlbidi``: a small, honest subset.

ReportLab 5 lays out right-to-left text only when the optional ``rlbidi``
package is installed (and shapes Arabic only with ``uharfbuzz``); neither is a
dependency of this app. Without them it draws Hebrew and Arabic letters in
typing order, left to right: a name reads backwards and Arabic letters stand
apart. This module fixes what a name or a short phrase needs, before the text
reaches a Paragraph:

* :func:`shape_arabic` picks each Arabic letter's joined form (initial, medial,
  final, isolated) and the lam-alef ligatures from the Unicode presentation
  forms, which DejaVu Sans has; the joining rules are derived from
  ``unicodedata`` (a letter with an initial or medial form joins both ways).
* :func:`visual_order` reverses each right-to-left run inside a left-to-right
  line (the documents' direction): letters with their combining marks, digits
  kept left to right, brackets mirrored.

The limit: the reversal happens before ReportLab wraps lines, so a
right-to-left run that wraps shows its lines in the wrong order (see
``exports/README.md``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from exports.pdf.fonts import REGULAR, has_glyph

# Hebrew, Arabic, Syriac, Thaana, NKo...; the presentation forms; RTL astral blocks.
_MAYBE_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_MIRRORED = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
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


def shape_arabic(text: str) -> str:
    """Return ``text`` with Arabic letters replaced by their contextual forms."""
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
                out.extend(text[index + 1:after])  # marks between lam and alef
                index = after + 1
                continue
        joins_after = kind == "D" and after is not None and types[after] in ("D", "R", "C")
        form = {(True, True): "medial", (True, False): "final",
                (False, True): "initial", (False, False): "isolated"}[(joins_before, joins_after)]
        out.append(letters[ord(char)].get(form, char))
        index += 1
    return "".join(out)


_CLOSING = {")": "(", "]": "[", "}": "{", "»": "«", "›": "‹"}


def _closes_inside(run: str, char: str) -> bool:
    opening = _CLOSING.get(char)
    return opening is not None and run.count(opening) > run.count(char)


def _strong(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "R"
    return "L" if kind == "L" else ""


def _units(run: str) -> list[str]:
    """Split a right-to-left run into units that keep their inner order:
    a letter with its combining marks, or a number with its separators."""
    units: list[str] = []
    for index, char in enumerate(run):
        if units and _continues(units[-1], char, run[index + 1:index + 2]):
            units[-1] += char
        else:
            units.append(char)
    return units


_NUMERIC = ("EN", "AN")
_SEPARATORS = ("CS", "ES", "ET")


def _continues(unit: str, char: str, following: str) -> bool:
    """Whether ``char`` belongs to ``unit``: a combining mark, or more of a number."""
    kind = unicodedata.bidirectional(char)
    if kind == "NSM":
        return True
    if not _is_number(unit):
        return False
    if kind in _NUMERIC:
        return True
    return kind in _SEPARATORS and bool(following) and \
        unicodedata.bidirectional(following) in _NUMERIC


def _is_number(unit: str) -> bool:
    return bool(unit) and unicodedata.bidirectional(unit[0]) in ("EN", "AN")


def _reverse_run(run: str) -> str:
    units = _units(shape_arabic(run))
    return "".join(_MIRRORED.get(unit, unit) for unit in reversed(units))


def visual_order(line: str) -> str:
    """Return one left-to-right line with its right-to-left runs in display order.

    A run starts and ends with a strong right-to-left letter and holds no
    strong left-to-right one; spaces, punctuation and digits inside it belong
    to it (the Unicode bidi algorithm's rules for a left-to-right paragraph,
    simplified). Lines without right-to-left letters come back unchanged.
    """
    if not _MAYBE_RTL.search(line):
        return line
    kinds = [_strong(c) for c in line]
    out: list[str] = []
    index, count = 0, len(line)
    while index < count:
        if kinds[index] != "R":
            out.append(line[index])
            index += 1
            continue
        end = last = index
        while end < count and kinds[end] != "L":
            if kinds[end] == "R":
                last = end
            end += 1
        while last + 1 < count and unicodedata.bidirectional(line[last + 1]) == "NSM":
            last += 1
        # A closing bracket right after the run closes a bracket opened inside it.
        while last + 1 < count and _closes_inside(line[index:last + 1], line[last + 1]):
            last += 1
        out.append(_reverse_run(line[index:last + 1]))
        index = last + 1
    return "".join(out)
