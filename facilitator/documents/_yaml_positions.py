"""Where a character of a YAML scalar is written in the file.

A character the app's text rule drops (a pasted control character, say) is
reported at its own line and column, not at the start of its value. PyYAML
only keeps where each scalar starts and ends, so the scalar is read again
here, escapes and block headers included.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from typing import Protocol

from yaml.nodes import ScalarNode

from facilitator.documents.located import Mark
from facilitator.stored_text import Dropped, clean

__all__ = ["YamlPosition", "locate_dropped", "mark_of"]

_ESCAPED = {
    "0": "\0", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b",
    "f": "\x0c", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
    "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_LINE_BREAK = re.compile(r"\r\n?|[\n\x85\u2028\u2029]")


class YamlPosition(Protocol):
    """Where PyYAML says something is: its pure-Python and its C marks both fit."""

    index: int
    line: int
    column: int


def mark_of(yaml_mark: YamlPosition) -> Mark:
    """Return PyYAML's 0-based mark as the 1-based line and column people read."""
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1)


def locate_dropped(text: str, node: ScalarNode, dropped: Sequence[Dropped]) -> list[Mark]:
    """Return where each of the first dropped characters of a scalar stands in the file.

    Folding only changes spaces and line breaks, never a dropped
    character, so the k-th dropped character of the value is the k-th
    one of the scalar as written (escapes decoded). Should that ever not
    hold, every notice points at the start of the value instead.

    Args:
        text: The whole document.
        node: The scalar (a value or a key).
        dropped: What cleaning dropped from its value, in order.
    """
    start, end = node.start_mark.index, node.end_mark.index
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
        return [mark_of(node.start_mark)] * len(dropped)
    return _marks_at(text, node.start_mark, indexes)


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
            with contextlib.suppress(ValueError):  # PyYAML refused it already; nothing to point at
                yield chr(int(text[index + 2 : index + 2 + digits], 16)), index
            index += 2 + digits
        else:
            if code in _ESCAPED:
                yield _ESCAPED[code], index
            index += 2


def _marks_at(text: str, start: YamlPosition, indexes: list[int]) -> list[Mark]:
    """Return the positions of ``text[i]`` for ascending ``indexes``, counting lines as PyYAML.

    One walk from the scalar's start serves them all: a value full of pasted
    control characters costs its length, not its length times their number.
    """
    marks: list[Mark] = []
    line, column, position = start.line, start.column, start.index
    for index in indexes:
        while position < index:
            char = text[position]
            if char in "\n\x85\u2028\u2029" or (char == "\r" and text[position + 1 : position + 2] != "\n"):
                line, column = line + 1, 0
            else:
                column += 1
            position += 1
        marks.append(Mark(line + 1, column + 1))
    return marks
