"""Pseudo-locales: every word of the app wrapped, accented and lengthened by 40 %.

``en_XA`` reads left to right, ``ar_XB`` right to left (its catalog says
``RTL``, as a real right-to-left catalog does). Built from the template, so
every marked word is in them; a word on screen without the ``⟦ ⟧`` marks did
not go through translation. The marks make the check exact; the accents
show a font without them; the 40 % is what German and French add.

    python tests/i18n/pseudo.py DIR    # builds both catalogs into DIR
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "facilitator" / "locale" / "scale_across.pot"
LTR_PSEUDO, RTL_PSEUDO = "en_XA", "ar_XB"
OPEN, CLOSE = "⟦", "⟧"
GROWTH = 0.4
_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# What must reach the code unchanged: placeholders ({name}, %(name)s, %s),
# markup (<b>, &amp;), a mnemonic's letter (&File) and escapes.
_KEEP = re.compile(r"\{[^{}]*\}|%\([^)]*\)[sdrfi]|%[sdrfi%]|<[^>]*>|&[a-z]+;|&&|&\w|\\.|\n")


def pseudo(text: str) -> str:
    """Return ``text`` marked, accented and 40 % longer, its placeholders and markup intact."""
    if not text.strip():
        return text
    parts, last = [], 0
    for kept in _KEEP.finditer(text):
        parts.append(text[last : kept.start()].translate(_ACCENTS))
        parts.append(kept.group())
        last = kept.end()
    parts.append(text[last:].translate(_ACCENTS))
    body = "".join(parts)
    # The 40 % in short words, so wrapped text can break inside it as inside German.
    extra = max(1, round(len(text) * GROWTH) - 2)
    padding = " ".join("~" * min(5, extra - start) for start in range(0, extra, 5))
    # The marks go inside a trailing newline or colon-free edge: text the code
    # splits on "\n" keeps its lines, each line shows its marks.
    lines = body.split("\n")
    return "\n".join(
        f"{OPEN}{line}{' ' + padding if i == 0 else ''}{CLOSE}" if line else line
        for i, line in enumerate(lines)
    )


def build(folder: Path) -> list[str]:
    """Write the pseudo-locales' compiled catalogs into ``folder``; return their codes."""
    with TEMPLATE.open("rb") as source:
        template = read_po(source)
    for code, direction in ((LTR_PSEUDO, "LTR"), (RTL_PSEUDO, "RTL")):
        catalog = Catalog(locale="en", domain="scale_across")
        for message in template:
            if not message.id:
                continue
            if message.id == "LTR":
                catalog.add("LTR", direction)
            elif isinstance(message.id, (list, tuple)):
                catalog.add(message.id, tuple(pseudo(form) for form in message.id))
            else:
                catalog.add(message.id, pseudo(message.id))
        target = folder / code / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        with (target / "scale_across.mo").open("wb") as out:
            write_mo(out, catalog)
    return [LTR_PSEUDO, RTL_PSEUDO]


def strip_marked(text: str) -> str:
    """Return ``text`` without its marked (translated) parts, innermost first; an elided tail goes too."""
    previous = None
    while previous != text:
        previous = text
        text = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
    # An elided text ("⟦Šàṽé…") lost its closing mark with its end.
    return re.sub(f"{OPEN}[^{CLOSE}]*$", " ", text)


if __name__ == "__main__":
    print(build(Path(sys.argv[1])))
