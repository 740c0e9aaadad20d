"""The PDFs as files: embedded fonts, metadata, outline, page numbers, page sizes."""

from __future__ import annotations

import pytest
from pdf_helpers import pdf_text, reader

from exports.pdf import adopters, render_agreement, render_summary
from exports.pdf.values import event_name

SUMMARY_SECTIONS = [
    "Participants",
    "TOP Goal",
    "Outcomes",
    "Patterns, context and boundaries",
    "Agreements",
    "Left open",
    "Next steps",
]
AGREEMENT_SECTIONS = [
    "Patterns to adopt",
    "Fit with your context",
    "Support promised and its limits",
    "Sponsor and check-in",
    "Acknowledgement",
]


@pytest.fixture(scope="module")
def summary(demo_event):
    return render_summary(demo_event)


@pytest.fixture(scope="module")
def agreement(demo_event):
    return render_agreement(demo_event, adopters(demo_event)[0].id)


def _embedded_fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+", 1)[1])
    return names


def test_fonts_are_embedded_including_the_cjk_fallback(summary):
    fonts = _embedded_fonts(summary)
    assert "DejaVuSans" in fonts
    assert "DejaVuSans-Bold" in fonts
    assert any("DroidSansFallback" in name for name in fonts), fonts
    assert not {"Helvetica", "Times-Roman"} & fonts


def test_metadata_names_the_document_the_facilitator_and_the_subject(demo_event, summary, agreement):
    meta = reader(summary).metadata
    assert meta.title == f"Event summary — {event_name(demo_event)}"
    assert meta.author == "Zoë Lefèvre"
    assert "Checkout Reliability Coalition" in meta.subject
    adopter = adopters(demo_event)[0]
    meta = reader(agreement).metadata
    assert meta.title == f"Adoption agreement — {adopter.name}"
    assert meta.author == "Zoë Lefèvre"
    assert adopter.name in meta.subject


def test_the_outline_has_one_entry_per_section(summary, agreement):
    assert [entry.title for entry in reader(summary).outline] == SUMMARY_SECTIONS
    assert [entry.title for entry in reader(agreement).outline] == AGREEMENT_SECTIONS


def test_every_page_says_page_x_of_y_and_names_the_event(demo_event, summary):
    pages = reader(summary).pages
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {len(pages)}" in text
        assert event_name(demo_event) in text


def test_no_page_carries_a_link_or_any_annotation(summary, agreement):
    for pdf in (summary, agreement):
        assert all("/Annots" not in page for page in reader(pdf).pages)


def test_a4_by_default_and_us_letter_on_request(demo_event, summary):
    a4 = reader(summary).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    letter = reader(render_summary(demo_event, page_size="Letter")).pages[0].mediabox
    assert (float(letter.width), float(letter.height)) == (612, 792)
    adopter = adopters(demo_event)[1]
    letter = reader(render_agreement(demo_event, adopter.id, page_size="letter")).pages[0].mediabox
    assert (float(letter.width), float(letter.height)) == (612, 792)


def test_an_unknown_page_size_is_refused(demo_event):
    with pytest.raises(ValueError, match="A4 or Letter"):
        render_summary(demo_event, page_size="A5")


def test_the_same_event_renders_the_same_text_twice(demo_event, summary):
    assert pdf_text(render_summary(demo_event)) == pdf_text(summary)
