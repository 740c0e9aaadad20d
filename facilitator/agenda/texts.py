"""An agenda's texts for people, in one language or several.

Wherever an agenda file has a text for people (its title and description, a
step's title, question, prompts and notes) it may give either plain text, in
the agenda's own language, or a mapping of language codes to texts::

    title: {en: "Context & Boundaries", de: "Kontext & Grenzen"}

A :class:`Text` keeps every language and is read in the language in use
(:func:`facilitator.i18n.language`) at the moment it is read, so a document
written inside ``with speaking("de"):`` gets the German text while the window
stays English. A language the text lacks falls back to English, else to the
first language given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from facilitator import i18n
from facilitator.documents.errors import DocumentError
from facilitator.documents.located import LocatedMapping, Mark, error_at
from facilitator.documents.problems import at_index, at_key, missing_key, shorten, with_path
from facilitator.documents.schema import check_text, get_sequence
from facilitator.i18n import _

__all__ = ["PLAIN", "Text", "language_code", "read_text", "read_text_list"]

PLAIN = ""
"""The language of a plain text: the agenda's own, whichever it is; shown in every language."""

_CODE = re.compile(r"([A-Za-z]{2,3})(?:[_-]([A-Za-z]{4}))?(?:[_-]([A-Za-z]{2}|[0-9]{3}))?")


@dataclass(frozen=True, slots=True)
class Text:
    """One text for people in the languages the agenda gives.

    Attributes:
        versions: ``(language, text)`` pairs in the file's order; a plain text
            is the one pair ``(PLAIN, text)``.
    """

    versions: tuple[tuple[str, str], ...]

    @classmethod
    def plain(cls, text: str) -> Text:
        """Return a text written in the agenda's own language only."""
        return cls(((PLAIN, text),))

    def __str__(self) -> str:
        return self.text()

    def text(self, language: str | None = None) -> str:
        """Return the text in ``language`` (default: the language in use), or its fallback."""
        versions = self.versions
        if not versions:
            return ""
        if len(versions) == 1:
            return versions[0][1]
        wanted = (language or i18n.language()).lower()
        base = wanted.split("_", 1)[0]
        exact = same_base = english = None
        for code, text in versions:
            lowered = code.lower()
            if lowered == wanted:
                exact = text
                break
            code_base = lowered.split("_", 1)[0]
            if same_base is None and code_base == base:
                same_base = text
            if english is None and code_base == i18n.SOURCE_LANGUAGE:
                english = text
        return exact or same_base or english or versions[0][1]

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the languages given, in the file's order (none for a plain text)."""
        return tuple(code for code, _text in self.versions if code != PLAIN)

    def has(self, language: str) -> bool:
        """Return whether the text is given in ``language`` (``de`` counts for ``de_AT`` and back)."""
        base = language.lower().replace("-", "_").split("_", 1)[0]
        return any(code.lower().split("_", 1)[0] == base for code in self.languages)


def language_code(written: str) -> str | None:
    """Return a language code as the app writes it (``pt-br`` → ``pt_BR``), or None if it is none.

    A code is a language (two or three letters) with an optional script and
    region, of a language the app speaks or Babel knows.
    """
    match = _CODE.fullmatch(written.strip())
    if match is None:
        return None
    language, script, region = match.groups()
    if not _known_language(language.lower()):
        return None
    parts = [language.lower(), script.title() if script else "", region.upper() if region else ""]
    return "_".join(part for part in parts if part)


@cache
def _known_language(language: str) -> bool:
    if language in {code.split("_", 1)[0].lower() for code in i18n.available_languages()}:
        return True
    from babel import localedata  # only for a language the app does not speak

    return localedata.exists(language)


def read_text(
    mapping: LocatedMapping,
    key: str,
    where: str,
    *,
    required: bool = True,
    max_length: int,
    allow_empty: bool = False,
    single_line: bool = False,
) -> Text:
    """Return the text under ``key``: plain text, or a mapping of language codes to texts.

    Each language's text follows the rules of a plain one (``allow_empty``
    aside: a language given must have its text; leave an empty one out).

    Raises:
        DocumentError: At the line and column of the problem.
    """
    if key not in mapping:
        if required:
            raise missing_key(mapping, key, where)
        return Text.plain("")
    return _read(
        mapping[key],
        at_key(where, key),
        source=mapping.source,
        mark=mapping.value_mark(key),
        max_length=max_length,
        allow_empty=allow_empty,
        single_line=single_line,
    )


def read_text_list(
    mapping: LocatedMapping,
    key: str,
    where: str,
    *,
    max_items: int,
    max_length: int,
) -> tuple[Text, ...]:
    """Return the optional list under ``key``, each item a text as :func:`read_text` reads one."""
    items = get_sequence(mapping, key, where, required=False, max_items=max_items)
    path = at_key(where, key)
    return tuple(
        _read(
            item,
            at_index(path, index),
            source=mapping.source,
            mark=items.item_mark(index),
            max_length=max_length,
        )
        for index, item in enumerate(items)
    )


def _read(
    value: object,
    path: str,
    *,
    source: str,
    mark: Mark,
    max_length: int,
    allow_empty: bool = False,
    single_line: bool = False,
) -> Text:
    if not isinstance(value, LocatedMapping):
        text = check_text(
            value,
            path,
            source=source,
            mark=mark,
            max_length=max_length,
            allow_empty=allow_empty,
            single_line=single_line,
        )
        return Text.plain(text)
    if not value:
        raise error_at(
            source,
            mark,
            with_path(path, _('give the text in at least one language, like "en: …" or "de: …"')),
        )
    versions: list[tuple[str, str]] = []
    first_given: dict[str, str] = {}
    for written in value:
        code = language_code(written)
        if code is None:
            raise _key_problem(value, written, path, _unknown_code(written))
        if code in first_given:
            raise _key_problem(
                value,
                written,
                path,
                _('"{code}" is the same language as "{first}" on line {line}').format(
                    code=shorten(written),
                    first=first_given[code],
                    line=value.key_mark(first_given[code]).line,
                ),
            )
        first_given[code] = written
        text = check_text(
            value[written],
            at_key(path, written),
            source=source,
            mark=value.value_mark(written),
            max_length=max_length,
            single_line=single_line,
        )
        versions.append((code, text))
    return Text(tuple(versions))


def _unknown_code(written: str) -> str:
    return _('"{code}" is not a language code; write one like en, de, fr or pt_BR').format(
        code=shorten(written)
    )


def _key_problem(mapping: LocatedMapping, key: str, path: str, problem: str) -> DocumentError:
    return error_at(mapping.source, mapping.key_mark(key), with_path(path, problem))
