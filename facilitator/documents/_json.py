"""Strict JSON reading with positions.

``json.loads`` runs first because its syntax errors are exact and familiar.
A small reader then walks the (now known to be valid) text again to build
located values. We do not compose JSON through PyYAML: it rejects some valid
JSON (keys over 1024 characters, a key and its ':' on different lines) and
reads numbers by YAML rules.

Every text value is cleaned the way the app stores text, as in YAML
(:mod:`facilitator.documents.notices`); with a notices list, control
characters may also stand raw inside strings (``json.loads(strict=False)``),
as text pasted into an editor brings them.
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from json.decoder import scanstring  # type: ignore[attr-defined]  # public in CPython, absent from typeshed
from json.scanner import NUMBER_RE

from facilitator.documents._yaml import MAX_DEPTH
from facilitator.documents.errors import DocumentError
from facilitator.documents.located import (
    LocatedMapping,
    LocatedSequence,
    Mark,
    error_at,
)
from facilitator.documents.notices import TextNotice, TextValues, ValuePath
from facilitator.i18n import _
from facilitator.stored_text import Dropped

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NOT_NUMBERS = ("NaN", "Infinity", "-Infinity")


def _reject_constant(name: str) -> object:
    # Found again with its position by the walk below; here just keep going.
    return None


def parse_json(text: str, source: str, notices: list[TextNotice] | None = None) -> object:
    """Parse a JSON document from ``text`` into located values.

    Args:
        text: The document.
        source: Its name, for messages.
        notices: Receives a notice for every character dropped from a text
            value; without it such a character is refused.

    Raises:
        DocumentError: For syntax errors, duplicate keys, ``NaN``/``Infinity``,
            numbers too long to read and nesting deeper than ``MAX_DEPTH``.
    """
    strict = notices is None
    try:
        json.loads(text, parse_constant=_reject_constant, strict=strict)
    except json.JSONDecodeError as error:
        raise DocumentError(
            source, error.lineno, error.colno, _("invalid JSON: {problem}").format(problem=error.msg)
        ) from None
    except (RecursionError, ValueError):
        # Too deep or a number with too many digits: the walk reports it with
        # its position (it stops at MAX_DEPTH, long before recursion runs out).
        pass
    texts = TextValues(source, notices)
    value = _Walker(text, source, texts, strict=strict).document()
    texts.finish()
    return value


class _Walker:
    def __init__(self, text: str, source: str, texts: TextValues, *, strict: bool) -> None:
        self._text = text
        self._source = source
        self._texts = texts
        self._strict = strict
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def _mark(self, index: int) -> Mark:
        # Lines counted on "\n" only, exactly as json.JSONDecodeError does.
        line = bisect_right(self._line_starts, index) - 1
        return Mark(line + 1, index - self._line_starts[line] + 1)

    def _fail(self, index: int, problem: str) -> DocumentError:
        return error_at(self._source, self._mark(index), problem)

    def _skip(self, index: int) -> int:
        return _WHITESPACE.match(self._text, index).end()  # type: ignore[union-attr]

    def _expect(self, index: int, char: str) -> int:
        if not self._text.startswith(char, index):
            raise self._fail(index, _("invalid JSON: expected '{char}'").format(char=char))
        return self._skip(index + 1)

    def document(self) -> object:
        try:
            value, end = self._value(self._skip(0), 0, None)
        except json.JSONDecodeError as error:  # only if json.loads gave up early
            raise self._fail(error.pos, _("invalid JSON: {problem}").format(problem=error.msg)) from None
        end = self._skip(end)
        if end != len(self._text):
            raise self._fail(end, _("invalid JSON: extra data after the document"))
        return value

    def _value(self, index: int, depth: int, path: ValuePath) -> tuple[object, int]:
        text = self._text
        char = text[index : index + 1]
        if char == "{":
            return self._object(index, depth + 1, path)
        if char == "[":
            return self._array(index, depth + 1, path)
        if char == '"':
            value, end = scanstring(text, index + 1, self._strict)
            locate = functools.partial(self._locate, index + 1, end - 1)
            return self._texts.clean(value, path, locate), end
        for name in _NOT_NUMBERS:
            if text.startswith(name, index):
                raise self._fail(index, _("{name} is not a valid JSON number").format(name=name))
        number = NUMBER_RE.match(text, index)
        if number is not None:
            integer, fraction, exponent = number.groups()
            try:
                if fraction or exponent:
                    return float(number.group()), number.end()
                return int(integer), number.end()
            except ValueError:  # more digits than Python will convert
                raise self._fail(index, _("the number has too many digits")) from None
        for literal, value in (("true", True), ("false", False), ("null", None)):
            if text.startswith(literal, index):
                return value, index + len(literal)
        raise self._fail(index, _("invalid JSON: expected a value"))

    def _locate(self, start: int, end: int, dropped: Sequence[Dropped]) -> list[Mark]:
        """Return where each dropped character of the string ``text[start:end]`` is written."""
        return [self._mark(index) for index in _written_at(self._text, start, end, dropped)]

    def _check_depth(self, index: int, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise self._fail(
                index, _("the data is nested more than {depth} levels deep").format(depth=MAX_DEPTH)
            )

    def _object(self, start: int, depth: int, path: ValuePath) -> tuple[LocatedMapping, int]:
        self._check_depth(start, depth)
        entries: list[tuple[str, object, Mark, Mark]] = []
        first_seen: dict[str, Mark] = {}
        index = self._skip(start + 1)
        closed = self._text.startswith("}", index)
        while not closed:
            if not self._text.startswith('"', index):
                raise self._fail(index, _("invalid JSON: expected a key in double quotes"))
            key_mark = self._mark(index)
            key_start = index
            raw_key, index = scanstring(self._text, index + 1, self._strict)
            locate = functools.partial(self._locate, key_start + 1, index - 1)
            key = self._texts.clean(raw_key, path, locate, key=True)
            if key in first_seen:
                shown = key if len(key) <= 40 else key[:37] + "..."
                raise error_at(
                    self._source,
                    key_mark,
                    _('duplicate key "{key}" (first given on line {line})').format(
                        key=shown, line=first_seen[key].line
                    ),
                )
            first_seen[key] = key_mark
            index = self._expect(self._skip(index), ":")
            value_mark = self._mark(index)
            value, index = self._value(index, depth, (path, key))
            entries.append((key, value, key_mark, value_mark))
            index = self._skip(index)
            closed = self._text.startswith("}", index)
            if not closed:
                index = self._expect(index, ",")
        mapping = LocatedMapping(entries, source=self._source, mark=self._mark(start))
        return mapping, index + 1

    def _array(self, start: int, depth: int, path: ValuePath) -> tuple[LocatedSequence, int]:
        self._check_depth(start, depth)
        items: list[tuple[object, Mark]] = []
        index = self._skip(start + 1)
        closed = self._text.startswith("]", index)
        while not closed:
            item_mark = self._mark(index)
            value, index = self._value(index, depth, (path, len(items)))
            items.append((value, item_mark))
            index = self._skip(index)
            closed = self._text.startswith("]", index)
            if not closed:
                index = self._expect(index, ",")
        sequence = LocatedSequence(items, source=self._source, mark=self._mark(start))
        return sequence, index + 1


def _written_at(text: str, start: int, end: int, dropped: Sequence[Dropped]) -> list[int]:
    """Return where each dropped character of the JSON string ``text[start:end]`` is written.

    An escape is one character at its backslash, and ``\\ud83d\\ude00`` one
    character, as :func:`json.decoder.scanstring` reads them. One walk serves
    every offset, which ``dropped`` gives in ascending order.
    """
    wanted = iter(d.offset for d in dropped)
    indexes: list[int] = []
    target = next(wanted, None)
    offset, index = 0, start
    while index < end and target is not None:
        if offset == target:
            indexes.append(index)
            target = next(wanted, None)
        if text[index] != "\\":
            index += 1
        elif text[index + 1] != "u":
            index += 2
        elif (
            "d800" <= text[index + 2 : index + 6].lower() <= "dbff"
            and text.startswith("\\u", index + 6)
            and "dc00" <= text[index + 8 : index + 12].lower() <= "dfff"
        ):
            index += 12
        else:
            index += 6
        offset += 1
    return indexes
