"""Strict YAML reading: compose nodes safely, then build located values.

We never call ``yaml.load``. The composer below is PyYAML's pure-Python
``SafeLoader`` with three guards added *while events stream in*, so hostile
input is refused before it can cost anything:

* aliases are refused at the first ``*name`` (no billion-laughs expansion);
* nesting is capped (no ``RecursionError`` from the recursive composer);
* only the core tags are accepted (no ``!!python/object``, no custom ``!foo``).

Unquoted values get the types of the **YAML 1.2 core schema**, not PyYAML's
YAML 1.1 ones: ``true``/``false`` (any capitalisation the core schema allows)
are the only yes/no values, so ``No``, ``yes``, ``on`` stay text; ``null``,
``~`` and nothing are empty; whole numbers are decimal, ``0o17`` or ``0x1F``
(no ``1:30`` read as 90, no ``0777`` read as octal, no ``1_000``); decimals
have no base-60 form either. One deliberate addition: unquoted ISO dates and
date-times (``2026-06-01``) stay dates, because event files rely on them.

Values are then built from the nodes by hand so every key and value keeps its
position for later error messages, and every text value is cleaned the way the
app stores text (:mod:`facilitator.documents.notices`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import yaml
from yaml.error import Mark as YamlMark
from yaml.error import MarkedYAMLError
from yaml.events import (
    AliasEvent,
    MappingStartEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from facilitator.documents.errors import DocumentError
from facilitator.documents.located import (
    LocatedMapping,
    LocatedSequence,
    Mark,
    error_at,
)
from facilitator.documents.notices import TextNotice, TextValues, ValuePath
from facilitator.stored_text import Dropped, clean

MAX_DEPTH = 32
"""Deepest nesting of mappings/lists accepted; real documents need far less."""

_CORE = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _CORE + "str", _CORE + "map", _CORE + "seq"
_NULL, _BOOL, _INT = _CORE + "null", _CORE + "bool", _CORE + "int"
_FLOAT, _TIMESTAMP = _CORE + "float", _CORE + "timestamp"
_MERGE, _VALUE = _CORE + "merge", _CORE + "value"

# Tags a document may write explicitly (`!!str 1`); "!" forces plain text.
_ALLOWED_TAGS = frozenset(
    {"!", _STR, _MAP, _SEQ, _NULL, _BOOL, _INT, _FLOAT, _TIMESTAMP}
)

# What to say when text cannot become the type its tag (or its look) implies,
# e.g. `2025-02-30` looks like a date but is not one.
_BAD_SCALAR = {
    _INT: "is not a valid whole number (put it in quotes if it is text)",
    _FLOAT: "is not a valid number (put it in quotes if it is text)",
    _BOOL: "is not a valid yes/no value",
    _TIMESTAMP: "is not a valid date (write dates as YYYY-MM-DD)",
}


# --- YAML 1.2 core schema ------------------------------------------------------

_TRUE, _FALSE = ("true", "True", "TRUE"), ("false", "False", "FALSE")
_NULLS = ("", "~", "null", "Null", "NULL")
_DECIMAL = re.compile(r"[-+]?[0-9]+")
_OCTAL = re.compile(r"0o[0-7]+")
_HEXADECIMAL = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT_FORM = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NOT_A_NUMBER = re.compile(r"\.(?:nan|NaN|NAN)")
_TIMESTAMP_FORM = next(
    pattern
    for tag, pattern in yaml.resolver.Resolver.yaml_implicit_resolvers["0"]
    if tag == _TIMESTAMP
)


def _exactly(*words: str) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(re.escape(word) for word in words) + r")\Z")


def _whole(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(p.pattern for p in patterns) + r")\Z")


# (tag, pattern, first characters) in the order they are tried; an int is
# tried before a float, and `2026-06-01` is neither.
CORE_RESOLVERS: tuple[tuple[str, re.Pattern[str], str | Sequence[str]], ...] = (
    (_BOOL, _exactly(*_TRUE, *_FALSE), "tTfF"),
    (_NULL, _exactly(*_NULLS), ["~", "n", "N", ""]),
    (_INT, _whole(_DECIMAL, _OCTAL, _HEXADECIMAL), "-+0123456789"),
    (_FLOAT, _whole(_FLOAT_FORM, _INFINITY, _NOT_A_NUMBER), "-+.0123456789"),
    (_TIMESTAMP, _TIMESTAMP_FORM, "0123456789"),
    (_MERGE, _exactly("<<"), "<"),
)
"""The implicit resolvers of the YAML 1.2 core schema, plus dates; the exporter uses them too."""


def _scalar_text(loader: yaml.SafeLoader, node: Node) -> str:
    return loader.construct_scalar(node)  # type: ignore[arg-type]


def _construct_bool(loader: yaml.SafeLoader, node: Node) -> bool:
    value = _scalar_text(loader, node)
    if value not in _TRUE + _FALSE:
        raise ValueError(value)
    return value in _TRUE


def _construct_null(loader: yaml.SafeLoader, node: Node) -> None:
    if _scalar_text(loader, node) not in _NULLS:
        raise ValueError(node.value)


def _construct_int(loader: yaml.SafeLoader, node: Node) -> int:
    value = _scalar_text(loader, node)
    if _DECIMAL.fullmatch(value):
        return int(value)
    if _OCTAL.fullmatch(value):
        return int(value[2:], 8)
    if _HEXADECIMAL.fullmatch(value):
        return int(value[2:], 16)
    raise ValueError(value)


def _construct_float(loader: yaml.SafeLoader, node: Node) -> float:
    value = _scalar_text(loader, node)
    if _FLOAT_FORM.fullmatch(value):
        return float(value)
    if _INFINITY.fullmatch(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if _NOT_A_NUMBER.fullmatch(value):
        return float("nan")
    raise ValueError(value)


def _mark(yaml_mark: YamlMark) -> Mark:
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1)


def _show_tag(tag: str) -> str:
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


class _GuardedComposer(yaml.SafeLoader):
    """SafeLoader whose composer refuses aliases, odd tags and deep nesting.

    It resolves and constructs scalars by the YAML 1.2 core schema. With
    ``lenient``, raw control characters may stand in the file (text pasted
    into an editor brings them); they reach the values, whose cleaning drops
    and reports them. NUL stays refused: PyYAML reads it as the end of the
    stream, which would silently cut the document short.
    """

    yaml_implicit_resolvers: dict = {}

    def __init__(self, text: str, source: str, *, lenient: bool = False) -> None:
        self._lenient = lenient  # read by check_printable, which __init__ calls
        super().__init__(text)
        self._source = source
        self._depth = 0

    def check_printable(self, data: str) -> None:
        if not self._lenient:
            super().check_printable(data)
            return
        nul = data.find("\0")
        if nul >= 0:
            raise ReaderError(self.name, nul, 0, "unicode", "special characters are not allowed")

    def _fail(self, yaml_mark: YamlMark, problem: str) -> DocumentError:
        return error_at(self._source, _mark(yaml_mark), problem)

    def get_single_node(self) -> Node | None:
        # Same as PyYAML's, but with a facilitator-readable message for a
        # second document.
        self.get_event()  # STREAM-START
        document = None
        if not self.check_event(StreamEndEvent):
            document = self.compose_document()
        if not self.check_event(StreamEndEvent):
            event = self.get_event()
            raise self._fail(
                event.start_mark,
                "the file contains more than one YAML document (a second '---'); "
                "keep one document per file",
            )
        self.get_event()  # STREAM-END
        return document

    def compose_node(self, parent: Node | None, index: object) -> Node:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise self._fail(
                event.start_mark,
                f"aliases are not allowed (*{_short(event.anchor)}); "
                "write the value out in full",
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _ALLOWED_TAGS:
            raise self._fail(
                event.start_mark,
                f"the tag {_show_tag(tag)} is not allowed; remove it",
            )
        if not isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise self._fail(
                    event.start_mark,
                    f"the data is nested more than {MAX_DEPTH} levels deep",
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


for _tag, _pattern, _first in CORE_RESOLVERS:
    _GuardedComposer.add_implicit_resolver(_tag, _pattern, list(_first))
for _tag, _construct in (
    (_BOOL, _construct_bool),
    (_NULL, _construct_null),
    (_INT, _construct_int),
    (_FLOAT, _construct_float),
):
    _GuardedComposer.add_constructor(_tag, _construct)


def _syntax_problem(error: MarkedYAMLError) -> str:
    problem = error.problem or "this is not valid YAML"
    if "'\\t'" in problem or "tab character" in problem:
        return "a tab is used for indentation; YAML needs spaces"
    if problem == "mapping values are not allowed here":
        return (
            "invalid YAML: a ':' appears where it is not allowed "
            "(if the value contains ': ', put it in quotes)"
        )
    return f"invalid YAML: {problem}"


def _position(text: str, index: int) -> Mark:
    line_start = text.rfind("\n", 0, index) + 1
    return Mark(text.count("\n", 0, index) + 1, index - line_start + 1)


def parse_yaml(text: str, source: str, notices: list[TextNotice] | None = None) -> object:
    """Parse one YAML document from ``text`` into located values.

    Returns ``None`` for a document without any content; the caller decides
    what an empty file means.

    Args:
        text: The document.
        source: Its name, for messages.
        notices: Receives a notice for every character dropped from a text
            value; without it such a character is refused.

    Raises:
        DocumentError: For syntax errors and every refused construct.
    """
    try:
        loader = _GuardedComposer(text, source, lenient=notices is not None)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except ReaderError as error:
        # The reader only reports a character index, so locate it ourselves.
        raise error_at(
            source,
            _position(text, error.position),
            f"the file contains a control character (U+{error.character:04X}) "
            "that is not allowed; remove it",
        ) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = _mark(mark) if mark is not None else Mark(1, 1)
        raise error_at(source, position, _syntax_problem(error)) from None
    if node is None:
        return None
    texts = TextValues(source, notices)
    value = _Builder(loader, source, text, texts).build(node, None)
    texts.finish()
    return value


class _Builder:
    """Turns composed nodes into located values, refusing odd keys."""

    def __init__(self, loader: yaml.SafeLoader, source: str, text: str, texts: TextValues) -> None:
        # The loader's constructors convert scalar text by the YAML 1.2 core
        # schema (`No` is text, `1:30` is text, `2026-06-01` a date).
        self._loader = loader
        self._source = source
        self._text = text
        self._texts = texts

    def _fail(self, node: Node, problem: str) -> DocumentError:
        return error_at(self._source, _mark(node.start_mark), problem)

    def build(self, node: Node, path: ValuePath) -> object:
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                raise self._fail(node, f"a list cannot be tagged {_show_tag(node.tag)}")
            return LocatedSequence(
                (
                    (self.build(item, (path, index)), _mark(item.start_mark))
                    for index, item in enumerate(node.value)
                ),
                source=self._source,
                mark=_mark(node.start_mark),
            )
        value = self._scalar(node)
        if isinstance(value, str):
            return self._texts.clean(value, path, lambda dropped: self._locate(node, dropped))
        return value

    def _locate(self, node: Node, dropped: Sequence[Dropped]) -> list[Mark]:
        """Return where each of the first dropped characters of a scalar stands in the file.

        Folding only changes spaces and line breaks, never a dropped
        character, so the k-th dropped character of the value is the k-th
        one of the scalar as written (escapes decoded). Should that ever not
        hold, every notice points at the start of the value instead.
        """
        text, start, end = self._text, node.start_mark.index, node.end_mark.index
        if node.style == '"':
            decoded = "".join(char for char, _ in _double_quoted(text, start + 1, end - 1))
            found = clean(decoded, keep=len(dropped)).dropped
            wanted = {d.offset for d in found}
            indexes = [
                index
                for offset, (_, index) in enumerate(_double_quoted(text, start + 1, end - 1))
                if offset in wanted
            ]
        else:
            if node.style in ("|", ">"):  # skip the header line: `|-  # a comment`
                header_end = _LINE_BREAK.search(text, start, end)
                start = header_end.end() if header_end else end
            found = clean(text[start:end], keep=len(dropped)).dropped
            indexes = [start + d.offset for d in found]
        if [d.char for d in found] != [d.char for d in dropped]:
            return [_mark(node.start_mark)] * len(dropped)
        return _marks_at(text, node.start_mark, indexes)

    def _scalar(self, node: Node) -> object:
        tag = node.tag
        if tag == _VALUE:  # a bare `=`; the safe loader has no type for it
            return node.value
        if tag == _MERGE:
            raise self._fail(node, "merge keys (<<) are not allowed")
        if tag in (_MAP, _SEQ):
            raise self._fail(node, f"a single value cannot be tagged {_show_tag(tag)}")
        construct: Callable[[yaml.SafeLoader, Node], object] = (
            self._loader.yaml_constructors[tag]
        )
        try:
            return construct(self._loader, node)
        except Exception:  # noqa: BLE001 - core constructors raise assorted types
            raise self._fail(
                node, f'"{_short(node.value)}" {_BAD_SCALAR.get(tag, "cannot be read")}'
            ) from None

    def _mapping(self, node: MappingNode, path: ValuePath) -> LocatedMapping:
        if node.tag != _MAP:
            raise self._fail(node, f"a mapping cannot be tagged {_show_tag(node.tag)}")
        entries: list[tuple[str, object, Mark, Mark]] = []
        first_seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            key = self._texts.clean(
                self._key(key_node),
                path,
                lambda dropped, key_node=key_node: self._locate(key_node, dropped),
                key=True,
            )
            key_mark = _mark(key_node.start_mark)
            if key in first_seen:
                raise self._fail(
                    key_node,
                    f'duplicate key "{_short(key)}" '
                    f"(first given on line {first_seen[key].line})",
                )
            first_seen[key] = key_mark
            entries.append(
                (key, self.build(value_node, (path, key)), key_mark, _mark(value_node.start_mark))
            )
        return LocatedMapping(entries, source=self._source, mark=_mark(node.start_mark))

    def _key(self, node: Node) -> str:
        if not isinstance(node, ScalarNode):
            raise self._fail(node, "a key must be plain text, not a list or mapping")
        if node.tag == _STR:
            return node.value
        if node.tag == _MERGE:
            raise self._fail(node, "merge keys (<<) are not allowed")
        if node.tag == _NULL and node.value in ("", "~"):
            raise self._fail(node, "a key is missing before ':'")
        kind = {
            _BOOL: "a yes/no value",
            _INT: "a number",
            _FLOAT: "a number",
            _NULL: "an empty value",
            _TIMESTAMP: "a date",
        }.get(node.tag, "something other than text")
        raise self._fail(
            node,
            f'the key "{_short(node.value)}" must be text, but YAML read it as '
            f"{kind}; put the key in quotes",
        )


# --- where a character of a scalar is written ----------------------------------

_ESCAPED = {
    "0": "\0", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b",
    "f": "\x0c", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
    "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_LINE_BREAK = re.compile(r"\r\n?|[\n\x85\u2028\u2029]")


def _double_quoted(text: str, start: int, end: int) -> Iterator[tuple[str, int]]:
    """Yield the characters of a double-quoted scalar's inside, each with its index.

    An escape is the character it stands for, at its backslash; an escaped
    line break stands for nothing.
    """
    index = start
    while index < end:
        char = text[index]
        if char != "\\":
            yield char, index
            index += 1
            continue
        code = text[index + 1 : index + 2]
        if code in _HEX_DIGITS:
            digits = _HEX_DIGITS[code]
            try:
                yield chr(int(text[index + 2 : index + 2 + digits], 16)), index
            except ValueError:  # PyYAML refused it already; nothing to point at
                pass
            index += 2 + digits
        else:
            if code in _ESCAPED:
                yield _ESCAPED[code], index
            index += 2


def _marks_at(text: str, start: YamlMark, indexes: list[int]) -> list[Mark]:
    """Return the positions of ``text[i]`` for ascending ``indexes``, counting lines as PyYAML.

    One walk from the scalar's start serves them all: a value full of pasted
    control characters costs its length, not its length times their number.
    """
    marks: list[Mark] = []
    line, column, position = start.line, start.column, start.index
    for index in indexes:
        while position < index:
            char = text[position]
            if char in "\n\x85\u2028\u2029" or (
                char == "\r" and text[position + 1 : position + 2] != "\n"
            ):
                line, column = line + 1, 0
            else:
                column += 1
            position += 1
        marks.append(Mark(line + 1, column + 1))
    return marks
