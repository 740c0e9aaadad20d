"""Which language the app speaks: the environment as GNU gettext reads it, or the one asked for."""

from __future__ import annotations

import pytest

from facilitator import i18n


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "de_AT.UTF-8"}, "de"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "en_GB.UTF-8", "LC_ALL": "de_CH.UTF-8"}, "de"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "de_DE@euro"}, "de"),
        # LANGUAGE is a list of preferences, read first, when a locale is set at all.
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "fr:de:en"}, "de"),
        ({"LANG": "de_DE.UTF-8", "LANGUAGE": "en"}, "en"),
        ({"LANG": "C", "LANGUAGE": "de"}, "en"),
        ({"LANGUAGE": "de"}, "en"),
    ],
)
def test_the_system_language_follows_gettexts_rules(environ, expected):
    assert i18n.system_language(environ) == expected


@pytest.mark.parametrize("wanted", ["de", "DE", "de_DE", "de-DE", "de_DE.UTF-8", "de_CH@euro"])
def test_a_language_is_found_by_any_of_its_locale_names(wanted):
    assert i18n.match_language(wanted) == "de"


def test_setting_a_language_translates_from_then_on():
    assert i18n._("options") == "options"
    assert i18n.set_language("de_DE.UTF-8") == "de"
    assert i18n.language() == "de"
    assert i18n._("options") == "Optionen"
    assert i18n._("a sentence no catalog has") == "a sentence no catalog has"
    assert i18n.set_language("en") == "en"
    assert i18n._("options") == "options"


def test_an_unknown_language_is_refused_by_name_and_the_current_one_kept():
    i18n.set_language("de")
    with pytest.raises(i18n.UnknownLanguageError, match=r"'xx'.*en, de"):
        i18n.set_language("xx")
    assert i18n.language() == "de"
    assert i18n._("options") == "Optionen"


def test_n_marks_without_translating():
    i18n.set_language("de")
    assert i18n.N_("options") == "options"
    assert i18n._(i18n.N_("options")) == "Optionen"
