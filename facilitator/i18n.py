"""Translations: one gettext domain for the whole app, in every layer, Qt or not.

The words of the app are written in English in the code, marked with
:func:`_` (or :func:`ngettext` where a count decides the form); Babel
extracts them into ``facilitator/locale/scale_across.pot``, and each language
is one catalog beside it (``<lang>/LC_MESSAGES/scale_across.po``, compiled to
``.mo``). README: "Translations". A text shown as a module constant is marked
with :func:`N_` and translated where it is shown, so that changing the
language changes it too.

The language is the process's: the system's (GNU gettext's order:
``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``) unless the command line
or the app's setting chose one with :func:`set_language`.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib.resources import files
from pathlib import Path

DOMAIN = "scale_across"
SOURCE_LANGUAGE = "en"


class UnknownLanguageError(ValueError):
    """A language was asked for that has no catalog."""


@cache
def locale_dir() -> Path:
    """Return the folder that holds the catalogs."""
    return Path(str(files("facilitator") / "locale"))


@cache
def available_languages() -> tuple[str, ...]:
    """Return the languages the app speaks: English, then every compiled catalog, sorted."""
    found = sorted(
        {
            entry.name
            for folder in (*extra_locale_dirs, locale_dir())
            if folder.is_dir()
            for entry in folder.iterdir()
            if (entry / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
        }
    )
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


def match_language(wanted: str) -> str | None:
    """Return the available language for a locale name (``de``, ``de_AT.UTF-8``, ``de-DE``), or None.

    An exact catalog wins (``pt_BR``), then the language part (``de_AT`` speaks
    ``de``). ``C`` and ``POSIX`` are English.
    """
    name = wanted.split(".", 1)[0].split("@", 1)[0].replace("-", "_").strip()
    if name in ("C", "POSIX"):
        return SOURCE_LANGUAGE
    if not name:
        return None
    codes = {code.lower(): code for code in available_languages()}
    return codes.get(name.lower()) or codes.get(name.split("_", 1)[0].lower())


def system_language(environ: Mapping[str, str] = os.environ) -> str:
    """Return the language the environment asks for, English when it names none the app has.

    As GNU gettext reads it: ``LANGUAGE`` (a colon-separated list of
    preferences) counts only when a locale is set at all, then the first of
    ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set.
    """
    locale_name = next((environ[key] for key in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(key)), "")
    wishes = environ.get("LANGUAGE", "").split(":") if locale_name not in ("", "C", "POSIX") else []
    for wish in [*wishes, locale_name]:
        if wish and (code := match_language(wish)) is not None:
            return code
    return SOURCE_LANGUAGE


_language = SOURCE_LANGUAGE
_translation: gettext.NullTranslations = gettext.NullTranslations()
# A document written in another language than the window's (an agreement in
# the adopter's language) speaks it only where it is being written: in that
# thread or task, while the window, on another thread, keeps its own.
_speaking: ContextVar[tuple[str, gettext.NullTranslations] | None] = ContextVar("speaking", default=None)
# SCALE_ACROSS_LOCALE_DIR: a translator tries a catalog without installing it (README: "Translations").
extra_locale_dirs: list[Path] = (
    [Path(os.environ["SCALE_ACROSS_LOCALE_DIR"])] if os.environ.get("SCALE_ACROSS_LOCALE_DIR") else []
)


def add_locale_dir(folder: Path) -> None:
    """Load catalogs from ``folder`` too, before the shipped ones (the pseudo-locales of the tests)."""
    extra_locale_dirs.insert(0, folder)
    available_languages.cache_clear()


def _catalog(code: str) -> gettext.NullTranslations:
    if code == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    for folder in (*extra_locale_dirs, locale_dir()):
        if (folder / code / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file():
            return gettext.translation(DOMAIN, str(folder), [code])
    raise UnknownLanguageError(code)


def set_language(wanted: str) -> str:
    """Speak ``wanted`` from now on in this process; return the language code in use.

    Raises:
        UnknownLanguageError: no catalog speaks ``wanted``; the language in use is kept.
    """
    global _language, _translation
    code = match_language(wanted)
    if code is None or code not in available_languages():
        raise UnknownLanguageError(
            _("no translation for {language}; available: {available}").format(
                language=repr(wanted), available=", ".join(available_languages())
            )
        )
    _translation = _catalog(code)
    _language = code
    return code


@contextmanager
def speaking(wanted: str | None) -> Iterator[str]:
    """Speak ``wanted`` inside the block, in this thread (or task) only; yield the code in use.

    For a document in its reader's language: the window's language, on the
    other threads, does not change. ``None`` or a language without a catalog
    speaks the process's language (a document is never refused for it).
    """
    code = match_language(wanted) if wanted else None
    if code is None:
        code = language()
    token = _speaking.set((code, _catalog(code)))
    try:
        yield code
    finally:
        _speaking.reset(token)


def language() -> str:
    """Return the code of the language in use here (``en`` until one is set)."""
    override = _speaking.get()
    return override[0] if override is not None else _language


def text_direction() -> str:
    """Return ``"rtl"`` when the language in use is written right to left, else ``"ltr"``.

    The catalog says so, as Qt's own catalogs do: a translator translates the
    marker below to ``RTL`` for a right-to-left language.
    """
    # Translators: write RTL here if your language is written right to left, else LTR.
    return "rtl" if _("LTR") == "RTL" else "ltr"


def _current() -> gettext.NullTranslations:
    override = _speaking.get()
    return override[1] if override is not None else _translation


def _(message: str) -> str:
    """Return ``message`` in the language in use."""
    return _current().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the form of a message for ``count`` in the language in use (its own plural rule)."""
    return _current().ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it: it is translated where it is shown."""
    return message
