"""(c) What the services store, the PDFs print: every word, found again with pypdf.

The texts are restricted, and only as far as the exporter's documented limits
need (exports/README.md):

* scripts no shipped font draws (Devanagari and other Indic scripts, Thai,
  Ethiopic) print as U+FFFD, so they are left out (see ``DRAWN``);
* right-to-left scripts (Hebrew, Arabic) are left out: their display order is
  being rewritten in exports/pdf, and the RTL tests there own that behaviour;
* words are at most 10 characters and texts at most 12 of them: a long word
  in a narrow table cell is split over lines, and a cell split over two pages
  has the page footer and header drawn between its halves, so a longer word
  could no longer be found whole in the extracted text;
* everything the stored-text rule drops or turns into a line break is mixed
  in, unrestricted: it must never show.

Invisible format characters the rule keeps (joiners, direction marks,
variation selectors) are printed only where a font has them; they are not
words, so they are left out of the comparison.
"""

from __future__ import annotations

import io
import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from property_support import (
    FIELDS,
    TYPED,
    build_event,
    event_texts,
    fresh_databases,
    settings_for,
)
from pypdf import PdfReader

from exports.pdf import adopters, render_agreement, render_summary
from facilitator.services import events
from facilitator.stored_text import clean

# The fields each document prints; the rest (ids of the agenda and its steps,
# status notes) are not printed. The fit check's notes are the adopter's: only
# their agreement prints them.
FIT = {"fit_answers.note", "risk_acceptances.note"}
SUMMARY = set(TYPED) - FIT - {
    "events.agenda_id", "events.current_step_id", "step_times.step_id", "status_changes.note",
}  # fmt: skip
AGREEMENT = (SUMMARY | FIT) - {"top_goals.text", "outcomes.what_happened", "outcomes.evidence"}

# Blocks the shipped fonts draw, left to right, whole: Hiragana, Katakana,
# Extension A and the unified ideographs up to U+9FFF included. Droid Sans
# Fallback stops at Unicode 4.0; the ideographs after U+9FA5 and the late kana
# (U+3095, U+3096, U+309F, U+30F7–U+30FA, U+30FF) come from the CJK Extra
# subsets. Those ideographs are their own range so that they are drawn often,
# not 90 times in 21,000.
DRAWN = [
    (0x0021, 0x007E), (0x00A1, 0x017F), (0x0300, 0x036F), (0x0370, 0x03FF), (0x0400, 0x04FF),
    (0x3040, 0x309F), (0x30A0, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FA5), (0x9FA6, 0x9FFF),
    (0xAC00, 0xD7A3), (0x1F300, 0x1F64F),
]  # fmt: skip
_LETTER = st.one_of(
    *(
        st.characters(min_codepoint=low, max_codepoint=high, categories=["L", "M", "N", "P", "S"])
        for low, high in DRAWN
    )
)
_WORD = st.text(_LETTER, min_size=1, max_size=10)
_NOT_PRINTED = st.sampled_from(
    ["\x00", "\x07", "\x1b", "\x7f", "\x9f", "\u200b", "\u2060", "\ufeff", "\u00ad", "\ufffe",
     "\ud800", "\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\t", " ", "  "]
)  # fmt: skip
_PIECE = st.one_of(_WORD.map(lambda word: f" {word} "), _NOT_PRINTED)


def _printed_words(text: str) -> list[str]:
    words = clean(text).text.split()
    visible = ("".join(ch for ch in word if unicodedata.category(ch) != "Cf") for word in words)
    return [word for word in visible if word]


def _extracted(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return "".join("".join((page.extract_text() or "").split()) for page in pages)


def test_the_printed_field_lists_name_real_fields():
    assert set(FIELDS) >= SUMMARY | AGREEMENT and AGREEMENT - FIT <= SUMMARY


@settings_for(10)
@given(typed=event_texts(_PIECE, long_texts=False))
def test_pdfs_print_every_word_the_services_stored(template_db, typed):
    with fresh_databases(template_db, 1) as (_, (db,)):
        event_id = build_event(db, typed)
        with db.transaction() as session:
            event = events.load_event(session, event_id)
    summary = _extracted(render_summary(event))
    agreement = _extracted(render_agreement(event, adopters(event)[0].id))

    for fields, text in ((SUMMARY, summary), (AGREEMENT, agreement)):
        for field in sorted(fields):
            for word in _printed_words(typed[field]):
                assert word in text, f"{field}: {word!r} is not in the PDF"
        assert "\ufffd" not in text  # every character drawn had a font
