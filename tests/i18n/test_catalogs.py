"""The translation catalogs against the code: every marked word in the template, each catalog whole.

Babel's own extractor reads the code as ``pybabel extract`` would (README:
"Translations"), so a word marked and not yet extracted, or extracted and not
yet translated, fails here rather than showing up in English on a German screen.
"""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from facilitator import i18n

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "facilitator" / "locale"
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/scale_across.po"))


def _marked_in_code() -> set[str | tuple[str, ...]]:
    """What the README's extract command finds: babel.cfg's map, Babel's keywords (N_ among them)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = {message for _file, _line, message, *_rest in extract_from_dir(ROOT, method_map, options_map)}
    # A word marked both alone and as the singular of a plural ("Coalition") is one
    # entry, the plural one: gettext answers the lone word from its singular form.
    singulars = {message[0] for message in found if isinstance(message, tuple)}
    return {message for message in found if not (isinstance(message, str) and message in singulars)}


def _ids(catalog) -> set[str | tuple[str, ...]]:
    return {
        message.id if isinstance(message.id, str) else tuple(message.id) for message in catalog if message.id
    }


def test_the_template_holds_every_word_marked_in_the_code_and_no_other():
    template = read_po((LOCALE / "scale_across.pot").open("rb"))
    marked = _marked_in_code()
    assert marked, "nothing is marked for translation"
    assert _ids(template) == marked, "run the extract command in README: Translations"


def test_there_is_a_german_catalog():
    assert [path.parts[-3] for path in CATALOGS] == ["de"]
    assert i18n.available_languages() == ("en", "de")


@pytest.mark.parametrize("po", CATALOGS, ids=lambda path: path.parts[-3])
def test_each_catalog_translates_every_word_of_the_template(po):
    template = read_po((LOCALE / "scale_across.pot").open("rb"))
    catalog = read_po(po.open("rb"))
    assert _ids(catalog) == _ids(template), "run the update command in README: Translations"
    untranslated = [
        message.id
        for message in catalog
        if message.id
        and (
            message.fuzzy
            or not all(message.string if isinstance(message.string, tuple) else [message.string])
        )
    ]
    assert untranslated == []


@pytest.mark.parametrize("po", CATALOGS, ids=lambda path: path.parts[-3])
def test_each_compiled_catalog_says_what_its_source_says(po):
    catalog = read_po(po.open("rb"))
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    fresh = gettext.GNUTranslations(compiled)
    shipped = gettext.GNUTranslations(po.with_suffix(".mo").open("rb"))
    for message in catalog:
        if message.id and isinstance(message.id, str):
            assert shipped.gettext(message.id) == fresh.gettext(message.id) == message.string, (
                f"{message.id!r}: run the compile command in README: Translations"
            )
    assert shipped.info().get("plural-forms") == fresh.info().get("plural-forms"), "run the compile command"


@pytest.mark.parametrize("po", CATALOGS, ids=lambda path: path.parts[-3])
def test_translations_keep_every_placeholder(po):
    """A translation that drops or renames {where} or %(prog)s would fail at the moment it is shown."""
    pattern = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[a-z]|%[sdr]")
    for message in read_po(po.open("rb")):
        if message.id and isinstance(message.id, str):
            assert sorted(pattern.findall(message.string)) == sorted(pattern.findall(message.id)), message.id


def test_a_word_marked_alone_and_as_a_plural_is_translated_both_ways():
    with i18n.speaking("de"):
        assert i18n._("Coalition") == i18n.ngettext("Coalition", "Coalitions", 1) == "Koalition"
        assert i18n.ngettext("Coalition", "Coalitions", 2) == "Koalitionen"
