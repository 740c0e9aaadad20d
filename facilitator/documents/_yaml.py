"""Strict YAML reading: compose nodes safely, then build located values.

We never call ``yaml.load``. The composer below is PyYAML's pure-Python
``SafeLoader`` with three guards added *while events stream in*, so hostile
input is refused before it can cost anything:

* aliases are refused at the first ``*name`` (no billion-laughs expansion);
* nesting is capped (no ``RecursionError`` from the recursive composer);
* only the core tags are accepted (no ``!!python/object``, no custom ``!foo``).

Values are then built from the nodes by hand so every key and value keeps its
position for later error messages.
"""

from __future__ import annotations

from collections.abc import Callable

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


def _mark(yaml_mark: YamlMark) -> Mark:
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1)


def _show_tag(tag: str) -> str:
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


class _GuardedComposer(yaml.SafeLoader):
    """SafeLoader whose composer refuses aliases, odd tags and deep nesting."""

    def __init__(self, text: str, source: str) -> None:
        super().__init__(text)
        self._source = source
        self._depth = 0

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


def parse_yaml(text: str, source: str) -> object:
    """Parse one YAML document from ``text`` into located values.

    Returns ``None`` for a document without any content; the caller decides
    what an empty file means.

    Raises:
        DocumentError: For syntax errors and every refused construct.
    """
    try:
        loader = _GuardedComposer(text, source)
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
    return _Builder(loader, source).build(node)


class _Builder:
    """Turns composed nodes into located values, refusing odd keys."""

    def __init__(self, loader: yaml.SafeLoader, source: str) -> None:
        # The loader's SafeConstructor methods convert scalar text exactly as
        # yaml.safe_load would (YAML 1.1: `No` is False, `1:30` is 90).
        self._loader = loader
        self._source = source

    def _fail(self, node: Node, problem: str) -> DocumentError:
        return error_at(self._source, _mark(node.start_mark), problem)

    def build(self, node: Node) -> object:
        if isinstance(node, MappingNode):
            return self._mapping(node)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                raise self._fail(node, f"a list cannot be tagged {_show_tag(node.tag)}")
            return LocatedSequence(
                ((self.build(item), _mark(item.start_mark)) for item in node.value),
                source=self._source,
                mark=_mark(node.start_mark),
            )
        return self._scalar(node)

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

    def _mapping(self, node: MappingNode) -> LocatedMapping:
        if node.tag != _MAP:
            raise self._fail(node, f"a mapping cannot be tagged {_show_tag(node.tag)}")
        entries: list[tuple[str, object, Mark, Mark]] = []
        first_seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node)
            key_mark = _mark(key_node.start_mark)
            if key in first_seen:
                raise self._fail(
                    key_node,
                    f'duplicate key "{_short(key)}" '
                    f"(first given on line {first_seen[key].line})",
                )
            first_seen[key] = key_mark
            entries.append(
                (key, self.build(value_node), key_mark, _mark(value_node.start_mark))
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
