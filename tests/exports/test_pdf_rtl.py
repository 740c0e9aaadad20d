"""Hebrew and Arabic read right to left, line after line, with Arabic letters joined.

"Drawn" text below is what a reader sees: the glyphs of each line in drawing
order (``drawn_lines``). The Unicode Bidirectional Algorithm of python-bidi
(``get_display``, which leaves brackets unmirrored) says what each line must
look like, given the words ReportLab put on it in typing order. It sees one
line at a time, which for these sentences gives what resolving the whole
paragraph gives; where the two differ (a comma at a break) is tested apart.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
import uharfbuzz
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_helpers import (
    ARABIC,
    ARABIC_BOUNDARY,
    HEBREW,
    HEBREW_BOUNDARY,
    LONG_ARABIC,
    MIXED_ARABIC,
    MIXED_HEBREW,
    drawn_lines,
    glyph_codes,
    pdf_text,
    reader,
)
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table

from exports.pdf import adopters, render_agreement, render_summary
from exports.pdf import paragraph as paragraph_module
from exports.pdf.bidi import display_order, shape_arabic, visual_order
from exports.pdf.blocks import para
from exports.pdf.fonts import REGULAR, font_dir
from exports.pdf.markup import text
from exports.pdf.paragraph import Para
from exports.pdf.styles import make_styles

SENTENCES = [HEBREW, ARABIC, MIXED_HEBREW, MIXED_ARABIC]
BODY_WIDTH = 200  # points: every sentence wraps
CELL_WIDTH = 70  # a narrow table column
_UNMIRROR = str.maketrans(")]}", "([{")


def _render(flowables, width: float = BODY_WIDTH) -> bytes:
    """Draw the flowables one under the other on one page; return the PDF."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=REGULAR)
    y = A4[1] - 40
    for flowable in flowables:
        _, height = flowable.wrapOn(canvas, width, y)
        y -= height + 8
        flowable.drawOn(canvas, 40, y)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _typed_lines(paragraph: Para) -> list[str]:
    """The lines ReportLab broke ``paragraph`` into, in typing order (letters, not forms)."""
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        texts = [" ".join(words) for _, words in lines]
    else:
        texts = ["".join(getattr(f, "text", "") for f in line.words) for line in lines]
    return [unicodedata.normalize("NFKC", t) for t in texts]


def _expected_drawing(paragraph: Para) -> list[str]:
    base = "R" if paragraph._rtl else "L"
    return [get_display(line, base_dir=base).translate(_UNMIRROR) for line in _typed_lines(paragraph)]


def _letter_words(value: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", value)


def _contains_run(words: list[str], run: list[str]) -> bool:
    return any(words[i : i + len(run)] == run for i in range(len(words) - len(run) + 1))


@pytest.fixture(scope="module")
def sample():
    """The PDF of each sentence as a body paragraph, then all of them in narrow table
    cells side by side; and the (sentence, paragraph) pairs in drawing order."""
    styles = make_styles()
    body = [(value, para(value, styles.body)) for value in SENTENCES]
    cells = [(value, para(value, styles.cell)) for value in SENTENCES]
    table = Table([[p for _, p in cells]], colWidths=[CELL_WIDTH] * len(cells))
    return _render([*(p for _, p in body), table]), [*body, *cells]


def test_each_line_is_drawn_in_display_order_and_the_first_line_is_on_top(sample):
    pdf, paragraphs = sample
    for sentence, paragraph in paragraphs:
        typed = _typed_lines(paragraph)
        assert len(typed) >= 2  # every sentence wraps
        assert " ".join(typed) == unicodedata.normalize("NFKC", shape_arabic(sentence))
    expected = [line for _, paragraph in paragraphs for line in _expected_drawing(paragraph)]
    assert [line.translate(_UNMIRROR) for line in drawn_lines(pdf)] == expected


def test_a_hebrew_sentence_in_a_narrow_cell_starts_at_the_top_right(sample):
    pdf, paragraphs = sample
    cell = paragraphs[len(SENTENCES)][1]  # HEBREW in a narrow cell
    count = len(_typed_lines(cell))
    assert count >= 4
    before = sum(len(_typed_lines(p)) for _, p in paragraphs[: len(SENTENCES)])
    lines = drawn_lines(pdf)[before : before + count]
    # Drawn left to right: the first line ends with the first word, the last line
    # starts with the full stop.
    assert lines[0].endswith(HEBREW.split()[0][::-1])
    assert lines[-1].startswith("." + HEBREW.split()[-1][:-1][::-1])


def test_latin_words_and_numbers_stay_left_to_right_inside_right_to_left_lines(sample):
    pdf, paragraphs = sample
    lines = drawn_lines(pdf)
    mixed_hebrew = sum(len(_typed_lines(p)) for _, p in paragraphs[:2])  # its first line
    assert lines[mixed_hebrew] == "Zoë adopts םינותנ-ססובמ ןונכת in Q3 (with 2"
    mixed_arabic = [line for line in lines if "Payments" in line][0]
    assert mixed_arabic.endswith("Payments قيرف ىّنبت")  # the first words, at the right
    assert any("2026" in line for line in lines) and not any("6202" in line for line in lines)


def test_a_comma_at_a_line_break_stays_with_the_hebrew_word_before_it():
    styles = make_styles()
    paragraph = para("Dana wrote שלום, עולם and left", styles.body)  # starts left to right
    width = stringWidth("Dana wrote שלום,", REGULAR, styles.body.fontSize) + 1
    pdf = _render([paragraph], width)
    assert _typed_lines(paragraph) == ["Dana wrote שלום,", "עולם and left"]
    # The comma sits between two Hebrew words of the paragraph: it reads right to
    # left with them, so it is drawn at the left end of שלום, not after it.
    assert drawn_lines(pdf) == ["Dana wrote ,םולש", "םלוע and left"]
    assert visual_order("Dana wrote שלום,") == "Dana wrote םולש,"  # the line alone


def test_words_come_back_in_typing_order_and_separated(sample):
    words = _letter_words(pdf_text(sample[0]))
    for sentence in (HEBREW, ARABIC):
        assert _contains_run(words, _letter_words(sentence))


def test_a_paragraph_of_one_right_to_left_value_runs_right_to_left():
    styles = make_styles()
    hebrew = para(HEBREW, styles.body)
    assert hebrew._rtl is True and hebrew.style.alignment == TA_RIGHT
    assert styles.body.alignment == TA_LEFT  # the shared style is untouched
    assert para(MIXED_HEBREW, styles.body)._rtl is False  # starts with Latin
    # A sentence of ours with a Hebrew value first stays left to right.
    assert Para(f"{text(HEBREW)} adopts it.", styles.body)._rtl is False
    assert Para("No right-to-left letter", styles.body)._rtl is None


def test_a_bullet_goes_to_the_right_of_a_right_to_left_item():
    styles = make_styles()
    item = Para(text(HEBREW_BOUNDARY), styles.bullet, bulletText="•", direction="auto")
    assert item.bulletText is None and item._right_bullet == "•"
    assert (item.style.leftIndent, item.style.rightIndent) == (0, styles.bullet.leftIndent)
    pdf = _render([item], CELL_WIDTH * 2)
    assert drawn_lines(pdf)[-1] == "•"  # drawn after the text, at the right


def test_a_paragraph_split_across_pages_reads_right_to_left_in_both_halves():
    styles = make_styles()
    whole = para(" ".join([HEBREW] * 4), styles.body)
    whole.wrap(BODY_WIDTH, 10_000)
    first, second = whole.split(BODY_WIDTH, styles.body.leading * 5)
    assert first._rtl is True and second._rtl is True
    pdf = _render([first, second])
    assert drawn_lines(pdf) == _expected_drawing(first) + _expected_drawing(second)
    assert " ".join(_typed_lines(first) + _typed_lines(second)) == " ".join([HEBREW] * 4)


def test_arabic_is_drawn_with_joined_forms_and_the_lam_alef_ligature(sample):
    pdf, _ = sample
    dejavu = [codes for codes in glyph_codes(pdf) if "ي" in codes][0]
    # One glyph stands for lam and alef together: the ligature.
    assert "لا" in dejavu
    # Yeh is drawn with several glyphs (initial, medial, final): its joined forms.
    assert len(dejavu["ي"]) >= 3 and len(dejavu["م"]) >= 2
    # The ToUnicode map gives back the letters typed, never presentation forms.
    assert not any("\ufb50" <= c <= "\ufeff" for value in dejavu for c in value)


def _harfbuzz_glyphs(value: str) -> list[int]:
    with open(str(font_dir() / "DejaVuSans.ttf"), "rb") as file:
        font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(file.read())))
    buffer = uharfbuzz.Buffer()
    buffer.add_str(value)
    buffer.guess_segment_properties()
    uharfbuzz.shape(font, buffer, {"kern": False})
    # HarfBuzz returns right-to-left text in display order; ours is in typing order.
    return [info.codepoint for info in buffer.glyph_infos][::-1], font


@pytest.mark.parametrize(
    "value",
    [
        ARABIC,
        ARABIC_BOUNDARY,
        "مريم الحسيني · محمد عبد الرحمن · لا إله إلا الله · لأن لإ لآ",
        "پیام گرامی چای کتاب ژاله",  # Persian
        "پاکستان ٹیکنالوجی",  # Urdu
        "سلامــــتی ئ ؤ ة ى",  # tatweel; letters joined to nothing
        "بِسْمِ",  # vowel marks are transparent to joining
    ],
)
def test_the_joined_forms_are_those_of_the_fonts_own_opentype_tables(value):
    expected, font = _harfbuzz_glyphs(value)
    assert [font.get_nominal_glyph(ord(c)) for c in shape_arabic(value)] == expected


# Latin, Hebrew and Arabic letters, European and Arabic digits, separators,
# terminators, brackets and other neutrals: no marks, no explicit embeddings.
_ALPHABET = "ab אב عب 12١٢.,:/-+%$#()[]!"


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=30), st.booleans())
def test_display_order_is_the_unicode_bidi_algorithm(line, rtl):
    drawn = "".join(line[index] for index, _ in display_order(line, rtl))
    assert drawn == get_display(line, base_dir="R" if rtl else "L")


def test_display_order_examples():
    assert visual_order("abc 123") == "abc 123"
    assert visual_order("שלום עולם.", rtl=True) == ".םלוע םולש"
    assert visual_order("שלום עולם.") == "םלוע םולש."
    assert visual_order("מרים כהן (צוות תשלומים)", rtl=True) == "(םימולשת תווצ) ןהכ םירמ"
    assert visual_order("عدد 42 فريق") == "قيرف 42 ددع"
    assert visual_order("a (שלום) b", rtl=True) == "b (םולש) a"
    assert visual_order("שנת 2026.", rtl=True) == ".2026 תנש"
    # A left-to-right mark closes a value: the date after a Hebrew title stays after it.
    assert visual_order("סדנה\u200e · 14 May") == "הנדס\u200e · 14 May"
    assert visual_order("סדנה · 14 May") == "14 · הנדס May"


def test_text_without_right_to_left_letters_is_never_reordered(demo_event, monkeypatch):
    def fail(*args):
        raise AssertionError("reordered a left-to-right document")

    monkeypatch.setattr(paragraph_module, "display_order", fail)
    assert len(reader(render_summary(demo_event)).pages) >= 1


@pytest.fixture(scope="module")
def rtl_documents(rtl):
    return render_summary(rtl), render_agreement(rtl, adopters(rtl)[0].id)


def test_documents_give_the_words_back_in_order_in_paragraphs_and_narrow_cells(rtl_documents):
    for pdf in rtl_documents:
        words = _letter_words(pdf_text(pdf))
        for sentence in (HEBREW, ARABIC, HEBREW_BOUNDARY, ARABIC_BOUNDARY):
            assert _contains_run(words, _letter_words(sentence)), sentence
        # pypdf's guesswork would glue "in" to the Hebrew run; the drawing is right.
        assert any(line.startswith("Zoë adopts םינותנ-ססובמ ןונכת in Q3") for line in drawn_lines(pdf))


def test_a_long_arabic_description_reads_in_order_across_pages(rtl_documents):
    summary, _ = rtl_documents
    arabic = [w for w in _letter_words(pdf_text(summary)) if "\u0600" <= w[0] <= "\u06ff"]
    assert len(reader(summary).pages) >= 3
    assert _contains_run(arabic, _letter_words(LONG_ARABIC))


def test_the_footer_keeps_the_date_after_a_hebrew_title(rtl_documents):
    summary, _ = rtl_documents
    footers = [
        line
        for line in drawn_lines(summary)
        if line.endswith("14 May 2026") and "\u05d0" <= line[0] <= "\u05ea"
    ]
    assert footers and all(line.endswith(" · 14 May 2026") for line in footers)
