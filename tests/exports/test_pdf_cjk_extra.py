"""CJK characters newer than Droid Sans Fallback print as themselves, not as U+FFFD.

Droid Sans Fallback stops at Unicode 4.0: the ideographs after U+9FA5 and a few
kana are drawn by the two subsets in resources/fonts (CJK Extra Kai, then CJK
Extra Mincho for the rarer rest), which hold only what no other shipped font has.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from pdf_helpers import loaded_event, pdf_text, reader

from exports.pdf import adopters, render_agreement, render_summary
from exports.pdf.fonts import (
    CJK,
    CJK_EXTRA,
    CJK_RARE,
    FALLBACKS,
    FILES,
    REGULAR,
    covers,
    font_for,
    has_glyph,
)
from exports.pdf.markup import REPLACEMENT, text
from facilitator.domain import ParticipantRole
from facilitator.services import agreements, events, participants, patterns

# The characters the PDF property test found printed as U+FFFD.
LATE = "\u9fa6\u9fcf\u30f7\u309f"
NAME = f"{LATE} \u7530\u4e2d"  # and two ideographs Droid Sans Fallback draws
RARE = "\u31f0\u3190\ufa70"  # an Ainu katakana, a Kanbun mark, a compatibility ideograph
# Beyond U+FFFF (a surrogate pair in the glyph-to-text map): the first ideograph of the
# surname 𠮷野 (Extension B, in the Kai subset) and a hentaigana (in the Mincho subset).
SPONSOR = "\U00020bb7\u91ce \U0001b002"

_BFCHAR = re.compile(r"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>")


def _assigned(low: int, high: int) -> list[str]:
    return [chr(c) for c in range(low, high + 1) if unicodedata.category(chr(c)) != "Cn"]


def _late_event(session):
    event = events.plan_event(session, coalitions=[f"{LATE} \u9023\u5408"], date=dt.date(2026, 5, 14))
    adopter = participants.add_participant(
        session, event.id, NAME, f"{RARE} \u30c1\u30fc\u30e0", ParticipantRole.POTENTIAL_ADOPTER
    )
    sponsor = participants.add_participant(session, event.id, SPONSOR, "", ParticipantRole.SPONSOR)
    pattern = patterns.create_pattern(session, event.id, f"\u9fff\u30ff {LATE}")
    agreements.add_agreement(
        session,
        event.id,
        adopter.id,
        pattern_ids=[pattern.id],
        sponsor_id=sponsor.id,
        check_in=dt.date(2026, 7, 1),
    )
    return event


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    event = loaded_event(tmp_path_factory, _late_event)
    return render_summary(event), render_agreement(event, adopters(event)[0].id)


def _drawn_by(pdf: bytes) -> dict[str, set[str]]:
    """Return {embedded font, subset tag removed: the characters its glyphs stand for}."""
    drawn: dict[str, set[str]] = {}
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/ToUnicode" not in font:
                continue
            name = str(font["/BaseFont"]).split("+")[-1]
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            drawn.setdefault(name, set()).update(
                bytes.fromhex(value).decode("utf-16-be")
                for _, value in _BFCHAR.findall(cmap.split("beginbfchar", 1)[-1])
            )
    return drawn


def test_late_ideographs_and_kana_go_to_the_extra_font():
    assert [font_for(char) for char in LATE] == [CJK_EXTRA] * 4
    assert [font_for(char) for char in RARE] == [CJK_RARE] * 3
    assert [font_for(char) for char in SPONSOR] == [CJK_EXTRA, CJK, REGULAR, CJK_RARE]
    assert font_for("\u7530") == CJK  # Droid Sans Fallback keeps what it has
    assert text(NAME) == (f'<font face="{CJK_EXTRA}">{LATE}</font> <font face="{CJK}">\u7530\u4e2d</font>')
    assert REPLACEMENT not in text(LATE + RARE)


def test_names_with_late_characters_are_drawn_with_the_extra_fonts_and_extracted(documents):
    for pdf in documents:
        extracted = pdf_text(pdf)
        assert NAME in extracted and RARE in extracted and SPONSOR in extracted
        assert REPLACEMENT not in extracted
        drawn = _drawn_by(pdf)
        assert set(LATE) | {SPONSOR[0]} <= drawn[f"{CJK_EXTRA}-Regular"]
        assert set(RARE) | {SPONSOR[-1]} <= drawn[f"{CJK_RARE}-Regular"]
        assert not any(REPLACEMENT in chars for chars in drawn.values())
        # Droid Sans Fallback drew none of them: its glyph 0 would be an empty box.
        assert not (set(LATE) | set(RARE) | {SPONSOR[0], SPONSOR[-1]}) & drawn[CJK]


def test_every_ideograph_and_kana_has_a_font():
    blocks = {
        "CJK Unified Ideographs": (0x4E00, 0x9FFF),
        "Extension A": (0x3400, 0x4DBF),
        "Hiragana": (0x3040, 0x309F),
        "Katakana": (0x30A0, 0x30FF),
        "Katakana Phonetic Extensions": (0x31F0, 0x31FF),
        "CJK Compatibility Ideographs": (0xF900, 0xFAFF),
        "Kanbun": (0x3190, 0x319F),
    }
    for block, (low, high) in blocks.items():
        assert [c for c in _assigned(low, high) if font_for(c) is None] == [], block
    assert covers(CJK_EXTRA, "".join(_assigned(0x9FA6, 0x9FFF)))


def test_the_extra_fonts_hold_only_what_the_other_fonts_lack():
    # They are subsets made for the gap: a character another font has is wasted space,
    # and a font earlier in the chain would win anyway.
    others = [name for name in FILES if name not in (CJK_EXTRA, CJK_RARE)]
    for extra in (CJK_EXTRA, CJK_RARE):
        assert FALLBACKS.index(extra) > FALLBACKS.index(CJK)
    extra_chars = [chr(c) for c in range(0x2E80, 0x2FA20) if has_glyph(CJK_EXTRA, chr(c))]
    rare_chars = [chr(c) for c in range(0x2E80, 0x2FA20) if has_glyph(CJK_RARE, chr(c))]
    assert len(extra_chars) > 1000 and len(rare_chars) > 1000
    for char in extra_chars + rare_chars:
        assert not any(has_glyph(name, char) for name in others), f"U+{ord(char):04X}"
    assert not set(extra_chars) & set(rare_chars)
