"""Agendas in several languages: read in the language in use, falling back, checked at file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator import i18n
from facilitator.agenda import DocumentError, load_catalog, parse_agenda
from facilitator.agenda.texts import Text, language_code
from facilitator.documents.loader import parse_document
from facilitator.documents.located import LocatedMapping, LocatedSequence

SHIPPED = Path(__file__).resolve().parents[2] / "agendas"
TEXT_KEYS = {"title", "description", "question", "notes"}

TRANSLATED = """\
format: scale-across-agenda
version: 1
id: test
title: {en: Quick share, de: Kurzes Teilen}
description: Plain text, in the agenda's own language.
steps:
  - id: boundaries
    title:
      en: Context & Boundaries
      de: Kontext & Grenzen
    question:
      en: Where does it break?
      fr: Où est-ce que ça casse ?
    prompts:
      - {en: "For each pattern: where would it break?", de: "Bei jedem Muster: Wo würde es scheitern?"}
      - Plain prompt.
      - {fr: Seulement en français., pt-br: Só em português.}
    timebox_minutes: 5
    captures: []
"""


def agenda(text: str = TRANSLATED):
    return parse_agenda(text.encode(), "agenda.yaml")


def test_an_agenda_reads_in_the_language_in_use():
    step = agenda().steps[0]
    assert agenda().title == "Quick share"
    assert step.title == "Context & Boundaries"
    assert step.prompts[0] == "For each pattern: where would it break?"
    with i18n.speaking("de"):
        assert agenda().title == "Kurzes Teilen"
        assert step.title == "Kontext & Grenzen"
        assert step.prompts[:2] == ("Bei jedem Muster: Wo würde es scheitern?", "Plain prompt.")
    # The language of a document, not of the window: outside the block it is English again.
    assert step.title == "Context & Boundaries"


def test_a_text_in_german_for_the_german_window(german):
    assert agenda().steps[0].title == "Kontext & Grenzen"
    assert load_catalog(Path("/nonexistent-agenda-dir")).default.steps[0].title == "TOP-Ziel"


def test_a_missing_language_falls_back_to_english_then_to_the_first_given():
    step = agenda().steps[0]
    with i18n.speaking("de"):
        assert step.question == "Where does it break?"
        assert step.prompts[2] == "Seulement en français."
        assert agenda().description == "Plain text, in the agenda's own language."
    assert step.question_text.text("fr") == "Où est-ce que ça casse ?"
    assert step.prompt_texts[2].text("pt_BR") == "Só em português."
    assert step.prompt_texts[2].text("pt") == "Só em português."


def test_a_regional_language_reads_its_language_and_an_exact_match_wins():
    text = Text((("en", "colour"), ("de", "Farbe"), ("de_CH", "Farbe (CH)")))
    assert text.text("de_AT") == "Farbe"
    assert text.text("de_CH") == "Farbe (CH)"
    assert Text((("de_CH", "Farbe (CH)"), ("en", "colour"))).text("de") == "Farbe (CH)"
    assert text.has("de_AT") and not text.has("fr")


def test_ids_and_the_rest_do_not_change_with_the_language():
    english = agenda()
    with i18n.speaking("de"):
        assert [step.id for step in english.steps] == ["boundaries"]
        assert english.id == "test"
        assert english.total_minutes == 5


def test_the_agenda_knows_its_languages_and_what_lacks_one():
    loaded = agenda()
    assert loaded.languages == ("de", "en", "fr", "pt_BR")
    assert loaded.untranslated("de") == (
        "description",
        "steps[1].question",
        "steps[1].prompts[2]",
        "steps[1].prompts[3]",
    )


def test_language_codes_are_written_as_the_app_writes_them():
    assert [language_code(code) for code in ("de", "DE", "pt-br", "sr_latn_rs", "ast")] == [
        "de",
        "de",
        "pt_BR",
        "sr_Latn_RS",
        "ast",
    ]
    assert [language_code(code) for code in ("xx", "german", "d", "de_", "en-GB-oxendict", "ge")] == [
        None
    ] * 6


def _with(old: str, new: str) -> str:
    assert TRANSLATED.count(old) == 1, old
    return TRANSLATED.replace(old, new)


BAD = {
    "unknown language": (
        _with("      de: Kontext & Grenzen", "      ge: Kontext & Grenzen"),
        '10:7: steps[1].title: "ge" is not a language code; write one like en, de, fr or pt_BR',
    ),
    "a number for a language": (
        _with("      de: Kontext & Grenzen", "      de: 5"),
        "10:11: steps[1].title.de: expected text but YAML read a number (5); put the text in quotes",
    ),
    "a list for a language": (
        _with("      de: Kontext & Grenzen", "      de: [Kontext, Grenzen]"),
        "10:11: steps[1].title.de: expected text, got a list",
    ),
    "an empty language": (
        _with("      de: Kontext & Grenzen", "      de:"),
        "10:10: steps[1].title.de: must not be empty",
    ),
    "two lines in a title": (
        _with("      de: Kontext & Grenzen", '      de: "Kontext\\nGrenzen"'),
        "10:11: steps[1].title.de: must be a single line",
    ),
    "the same language twice": (
        _with("      de: Kontext & Grenzen", "      de: Kontext & Grenzen\n      DE: Kontext"),
        '11:7: steps[1].title: "DE" is the same language as "de" on line 10',
    ),
    "no language at all": (
        _with("title: {en: Quick share, de: Kurzes Teilen}", "title: {}"),
        '4:8: title: give the text in at least one language, like "en: …" or "de: …"',
    ),
    "a bad prompt": (
        _with("{fr: Seulement en français., pt-br:", "{fr: Seulement en français., xx:"),
        '17:38: steps[1].prompts[3]: "xx" is not a language code; write one like en, de, fr or pt_BR',
    ),
    "too long in one language": (
        _with("      de: Kontext & Grenzen", "      de: " + "x" * 121),
        "10:11: steps[1].title.de: is too long (121 characters; at most 120)",
    ),
}


@pytest.mark.parametrize("case", BAD)
def test_a_bad_translation_is_reported_at_its_file_and_line(case):
    text, expected = BAD[case]
    with pytest.raises(DocumentError) as caught:
        agenda(text)
    assert str(caught.value) == f"agenda.yaml:{expected}"


def test_a_bad_translation_is_reported_in_german(german):
    with pytest.raises(DocumentError, match="ist kein Sprachcode"):
        agenda(BAD["unknown language"][0])


def _texts(value: object, where: str, key: str = "") -> list[tuple[str, object]]:
    """Return (place, value) of every text for people in a loaded agenda document."""
    if isinstance(value, LocatedMapping) and key not in TEXT_KEYS | {"prompts"}:
        return [found for child, item in value.items() for found in _texts(item, f"{where}.{child}", child)]
    if isinstance(value, LocatedSequence):
        return [found for n, item in enumerate(value, 1) for found in _texts(item, f"{where}[{n}]", key)]
    return [(where, value)] if key in TEXT_KEYS | {"prompts"} else []


@pytest.mark.parametrize("name", sorted(path.name for path in SHIPPED.glob("*.yaml")))
def test_every_text_of_the_shipped_agendas_is_in_english_and_german(name):
    path = SHIPPED / name
    document = parse_document(path.read_bytes(), name)
    texts = _texts(document, "")
    assert len(texts) > 10
    for where, value in texts:
        assert isinstance(value, LocatedMapping), f"{name}{where}: give the text as {{en: …, de: …}}"
        assert set(value) == {"en", "de"}, f"{name}{where}: {sorted(value)}"
    loaded = parse_agenda(path.read_bytes(), name, shipped=True)
    assert loaded.languages == ("de", "en")
    assert loaded.untranslated("de") == loaded.untranslated("en") == ()
