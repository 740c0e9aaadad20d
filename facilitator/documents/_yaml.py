"""Strict YAML reading: compose nodes safely, then build located values.

We never call ``yaml.load``. The composer below is PyYAML's pure-Python
``SafeLoader`` with three guards added *while events stream in*, so hostile
input is refused before it can cost anything:

* aliases are refused at the first ``*name`` (no billion-laughs expansion);
* nesting is capped (no ``RecursionError`` from the recursive composer);
* only the core tags are accepted (no ``!!python/object``, no custom ``!foo``).

Unquoted values get the types of the **YAML 1.2 core schema**, not PyYAML's
YAML 1.1 ones (:mod:`facilitator.documents._yaml_core`): ``No`` stays text,
``1:30`` is not 90, ``2026-06-01`` is a date.

Values are then built from the nodes by hand so every key and value keeps its
position for later error messages, and every text value is cleaned the way the
app stores text (:mod:`facilitator.documents.notices`); a character cleaning
drops is reported where it stands (:mod:`facilitator.documents._yaml_positions`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import yaml
from yaml.error import MarkedYAMLError
from yaml.events import (
    AliasEvent,
    Event,
    MappingStartEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from facilitator.documents import _yaml_core as core
from facilitator.documents._yaml_positions import YamlPosition, locate_dropped, mark_of
from facilitator.documents.errors import DocumentError
from facilitator.documents.located import (
    LocatedMapping,
    LocatedSequence,
    Mark,
    error_at,
)
from facilitator.documents.notices import TextNotice, TextValues, ValuePath
from facilitator.i18n import _

__all__ = ["MAX_DEPTH", "parse_yaml"]

MAX_DEPTH = 32
"""Deepest nesting of mappings/lists accepted; real documents need far less."""


def _show_tag(tag: str) -> str:
    shown = "!!" + tag[len(core.CORE) :] if tag.startswith(core.CORE) else tag
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

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}

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
            raise ReaderError(self.name, nul, 0, "unicode", _("special characters are not allowed"))

    def _fail(self, yaml_mark: YamlPosition | None, problem: str) -> DocumentError:
        # Every event the parser makes has a mark; None only satisfies the stubs.
        return error_at(self._source, mark_of(yaml_mark) if yaml_mark else Mark(1, 1), problem)

    def _next_event(self) -> Event:
        event: Event = self.get_event()  # type: ignore[no-untyped-call]  # unannotated in the stubs
        return event

    def _peek_event(self) -> Event:
        event: Event = self.peek_event()  # type: ignore[no-untyped-call]  # unannotated in the stubs
        return event

    def get_single_node(self) -> Node | None:
        # Same as PyYAML's, but with a facilitator-readable message for a
        # second document.
        self._next_event()  # STREAM-START
        document = None
        if not self.check_event(StreamEndEvent):
            document = self.compose_document()
        if not self.check_event(StreamEndEvent):
            event = self._next_event()
            raise self._fail(
                event.start_mark,
                _(
                    "the file contains more than one YAML document (a second '---'); "
                    "keep one document per file"
                ),
            )
        self._next_event()  # STREAM-END
        return document

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self._peek_event()
        if isinstance(event, AliasEvent):
            raise self._fail(
                event.start_mark,
                _("aliases are not allowed (*{anchor}); write the value out in full").format(
                    anchor=_short(event.anchor or "")
                ),
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in core.ALLOWED_TAGS:
            raise self._fail(
                event.start_mark,
                _("the tag {tag} is not allowed; remove it").format(tag=_show_tag(tag)),
            )
        if not isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise self._fail(
                    event.start_mark,
                    _("the data is nested more than {depth} levels deep").format(depth=MAX_DEPTH),
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


for _tag, _pattern, _first in core.CORE_RESOLVERS:
    _GuardedComposer.add_implicit_resolver(_tag, _pattern, list(_first))
for _tag, _construct in core.CONSTRUCTORS:
    _GuardedComposer.add_constructor(_tag, _construct)


def _syntax_problem(error: MarkedYAMLError) -> str:
    # PyYAML's own words (in English) are matched, and shown after "invalid YAML:".
    problem = error.problem or _("this is not valid YAML")
    if "'\\t'" in problem or "tab character" in problem:
        return _("a tab is used for indentation; YAML needs spaces")
    if problem == "mapping values are not allowed here":
        return _(
            "invalid YAML: a ':' appears where it is not allowed "
            "(if the value contains ': ', put it in quotes)"
        )
    return _("invalid YAML: {problem}").format(problem=problem)


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
            _("the file contains a control character ({code}) that is not allowed; remove it").format(
                code=f"U+{error.character:04X}"
            ),
        ) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = mark_of(mark) if mark is not None else Mark(1, 1)
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
        return error_at(self._source, mark_of(node.start_mark), problem)

    def build(self, node: Node, path: ValuePath) -> object:
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != core.SEQ:
                raise self._fail(node, _("a list cannot be tagged {tag}").format(tag=_show_tag(node.tag)))
            return LocatedSequence(
                (
                    (self.build(item, (path, index)), mark_of(item.start_mark))
                    for index, item in enumerate(node.value)
                ),
                source=self._source,
                mark=mark_of(node.start_mark),
            )
        if not isinstance(node, ScalarNode):  # PyYAML composes no other kind of node
            raise TypeError(f"unexpected YAML node {node!r}")
        value = self._scalar(node)
        if isinstance(value, str):
            return self._texts.clean(value, path, functools.partial(locate_dropped, self._text, node))
        return value

    def _scalar(self, node: ScalarNode) -> object:
        tag = node.tag
        if tag == core.VALUE:  # a bare `=`; the safe loader has no type for it
            return node.value
        if tag == core.MERGE:
            raise self._fail(node, _("merge keys (<<) are not allowed"))
        if tag in (core.MAP, core.SEQ):
            raise self._fail(node, _("a single value cannot be tagged {tag}").format(tag=_show_tag(tag)))
        construct: Callable[[yaml.SafeLoader, ScalarNode], object] = self._loader.yaml_constructors[tag]
        try:
            return construct(self._loader, node)
        except Exception:  # the core constructors raise assorted types
            problem = _(core.BAD_SCALAR[tag]) if tag in core.BAD_SCALAR else _('"{value}" cannot be read')
            raise self._fail(node, problem.format(value=_short(node.value))) from None

    def _mapping(self, node: MappingNode, path: ValuePath) -> LocatedMapping:
        if node.tag != core.MAP:
            raise self._fail(node, _("a mapping cannot be tagged {tag}").format(tag=_show_tag(node.tag)))
        entries: list[tuple[str, object, Mark, Mark]] = []
        first_seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self._fail(key_node, _("a key must be plain text, not a list or mapping"))
            key = self._texts.clean(
                self._key(key_node),
                path,
                functools.partial(locate_dropped, self._text, key_node),
                key=True,
            )
            key_mark = mark_of(key_node.start_mark)
            if key in first_seen:
                raise self._fail(
                    key_node,
                    _('duplicate key "{key}" (first given on line {line})').format(
                        key=_short(key), line=first_seen[key].line
                    ),
                )
            first_seen[key] = key_mark
            entries.append(
                (key, self.build(value_node, (path, key)), key_mark, mark_of(value_node.start_mark))
            )
        return LocatedMapping(entries, source=self._source, mark=mark_of(node.start_mark))

    def _key(self, node: ScalarNode) -> str:
        if node.tag == core.STR:
            text: str = node.value
            return text
        if node.tag == core.MERGE:
            raise self._fail(node, _("merge keys (<<) are not allowed"))
        if node.tag == core.NULL and node.value in ("", "~"):
            raise self._fail(node, _("a key is missing before ':'"))
        kind = {
            core.BOOL: _("a yes/no value"),
            core.INT: _("a number"),
            core.FLOAT: _("a number"),
            core.NULL: _("an empty value"),
            core.TIMESTAMP: _("a date"),
        }.get(node.tag) or _("something other than text")
        raise self._fail(
            node,
            _('the key "{key}" must be text, but YAML read it as {kind}; put the key in quotes').format(
                key=_short(node.value), kind=kind
            ),
        )
