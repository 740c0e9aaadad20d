"""Documents in their reader's language: German agreements, an English summary beside them.

An event's summary, Markdown and calendar are written in its document
language, an agreement and its mail in the adopter's (else the event's);
``None`` is the app's. ``i18n.speaking`` holds the language for the thread
that writes the document only, so the window (another thread) keeps its own.
These tests need the German catalog (``facilitator/locale/de``).
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pdf_helpers import loaded_event, pdf_text, reader

from exports.files import export_agreements
from exports.formats import write_document
from exports.mail import agreement_drafts
from exports.markdown import render_summary_markdown
from exports.pdf import adopters, render_agreement, render_summary
from exports.pdf.report import render_report
from facilitator import i18n
from facilitator.demo import create_demo_event
from facilitator.figures import compute_figures
from facilitator.storage import open_database

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "figures"))
from figures_history import TODAY, build_history

EVENT_DAY = dt.date(2026, 12, 2)  # check-ins six weeks later: 13 January 2027
GERMAN_AGREEMENT = [
    "SCALE ACROSS · ÜBERNAHMEVEREINBARUNG",
    "Übernehmer",
    "Zu übernehmende Muster",
    "Passung zu Ihrem Kontext",
    "Zugesagte Unterstützung und ihre Einschränkungen",
    "Was die Unterstützung nicht umfasst",
    "Sponsor und Check-in",
    "Bestätigung",
    "Unterschrift",
    "Seite 1 von",
]
ENGLISH_AGREEMENT = [
    "Patterns to adopt",
    "Fit with your context",
    "Acknowledgement",
    "Signature",
    "Page 1 of",
]


@pytest.fixture
def german():
    before = i18n.language()
    i18n.set_language("de")
    yield
    i18n.set_language(before)


@pytest.fixture(scope="module")
def event(tmp_path_factory):
    return loaded_event(tmp_path_factory, lambda session: create_demo_event(session, date=EVENT_DAY))


@pytest.fixture
def languages(event):
    """Set the event's document language and the adopters' languages; restore them afterwards.

    Yields a function ``(document_language, first_adopter_language)``; every
    other adopter has no language of their own.
    """
    people = adopters(event)
    saved = (event.document_language, [p.language for p in people])

    def choose(document: str | None, first: str | None) -> None:
        event.document_language = document
        for person in people:
            person.language = None
        people[0].language = first

    yield choose
    event.document_language = saved[0]
    for person, language in zip(people, saved[1], strict=True):
        person.language = language


def test_a_german_agreement_has_german_headings_and_dates(event, languages):
    languages(None, "de")
    pdf = render_agreement(event, adopters(event)[0].id)
    text = pdf_text(pdf)
    missing = [heading for heading in GERMAN_AGREEMENT if heading not in text]
    assert not missing, missing
    assert "2. Dezember 2026" in text
    assert "13. Januar 2027" in text  # the check-in
    assert not [heading for heading in ENGLISH_AGREEMENT if heading in text]
    assert "December" not in text
    assert reader(pdf).trailer["/Root"]["/Lang"] == "de"


def test_one_event_writes_an_english_summary_and_a_german_agreement(event, languages):
    languages(None, "de")
    first, second = adopters(event)[:2]
    summary = pdf_text(render_summary(event, left_open=[]))
    assert "SCALE ACROSS · EVENT SUMMARY" in summary
    assert "Participants" in summary and "Next steps" in summary
    assert "2 December 2026" in summary and "Dezember" not in summary
    german = pdf_text(render_agreement(event, first.id))
    assert "Zu übernehmende Muster" in german and "2. Dezember 2026" in german
    english = pdf_text(render_agreement(event, second.id))  # no language of their own: the app's
    assert "Patterns to adopt" in english and "2 December 2026" in english
    assert i18n.language() == "en"  # the process still speaks English


def test_an_agreement_file_is_named_in_its_readers_language(event, languages, tmp_path):
    languages(None, "de")
    german, english = adopters(event)[:2]
    folder = tmp_path / "agreements"
    names = [path.name for path in export_agreements(event, folder)]
    assert f"{event.date.isoformat()} Vereinbarung - {german.display_name}.pdf" in names
    assert f"{event.date.isoformat()} Agreement - {english.display_name}.pdf" in names
    assert i18n.language() == "en"


def test_the_event_language_writes_the_summary_markdown_and_agreements(event, languages):
    languages("de", None)
    summary = pdf_text(render_summary(event, left_open=["Ana has no sponsor yet"]))
    assert "SCALE ACROSS · ZUSAMMENFASSUNG DER VERANSTALTUNG" in summary
    assert "Teilnehmende" in summary and "Nächste Schritte" in summary and "Seite 1 von" in summary
    assert "war 1 Punkt noch offen" in summary
    markdown = render_summary_markdown(event, left_open=[])
    assert "## Teilnehmende" in markdown
    assert "**Datum:** 2\\. Dezember 2026" in markdown  # "2." escaped, not a list
    assert "## Next steps" not in markdown
    for person in adopters(event):  # the adopters have no language of their own: the event's
        assert "Zu übernehmende Muster" in pdf_text(render_agreement(event, person.id))
    assert i18n.language() == "en"


def test_the_calendar_file_of_an_event_is_in_its_document_language(event, languages, tmp_path):
    languages("de", None)
    text = write_document(event, "ics", tmp_path / "check-ins.ics").read_text(encoding="utf-8")
    unfolded = text.replace("\r\n ", "")
    assert "X-WR-CALNAME:Check-ins:" in unfolded
    assert "Übernehmer:" in unfolded and "Zu prüfen:" in unfolded
    assert "Vereinbart bei:" in unfolded and "2. Dezember 2026" in unfolded


def test_each_mail_draft_speaks_its_adopter_language(event, languages):
    languages(None, "de")
    first, *others = agreement_drafts(event)
    assert first.subject.startswith("Ihre Vereinbarung von")
    message = email.message_from_bytes(first.data, policy=email.policy.default)
    body = message.get_body(("plain",)).get_content()
    assert body.startswith("Guten Tag ") and "2. Dezember 2026" in body
    assert "Mit freundlichen Grüßen" in body
    assert others and all(draft.subject.startswith("Your agreement from") for draft in others)


def test_languages_are_kept_to_the_thread_that_writes(event, languages):
    """A German agreement and an English summary, written at once on two threads."""
    languages(None, "de")
    adopter = adopters(event)[0]
    with ThreadPoolExecutor(max_workers=2) as pool:
        agreements = [pool.submit(render_agreement, event, adopter.id) for _ in range(3)]
        summaries = [pool.submit(render_summary, event, left_open=[]) for _ in range(3)]
        for future in agreements:
            assert "Zu übernehmende Muster" in pdf_text(future.result())
        for future in summaries:
            text = pdf_text(future.result())
            assert "Participants" in text and "Teilnehmende" not in text


def test_the_app_in_german_writes_the_leadership_report_in_german(tmp_path, german):
    db = open_database(tmp_path / "history.sqlite3")
    try:
        build_history(db)
        with db.transaction() as session:
            report = compute_figures(session, today=TODAY)
    finally:
        db.close()
    text = pdf_text(render_report(report))
    for words in ["SCALE ACROSS · ÜBERNAHMEBERICHT", "Insgesamt", "Nach Quartal", "Seite 1 von"]:
        assert words in text
    assert "Wie diese Kennzahlen berechnet werden" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_a_german_agreement_renders_to_an_image(event, languages, tmp_path):
    """The first page as PNG, to look at: German words are longer (nothing may be clipped)."""
    languages(None, "de")
    pdf = tmp_path / "agreement.pdf"
    pdf.write_bytes(render_agreement(event, adopters(event)[0].id))
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages and all(page.stat().st_size > 1000 for page in pages)
