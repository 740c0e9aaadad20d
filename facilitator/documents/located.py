"""Containers that remember where each value came from in the file.

The loaders build these instead of plain ``dict``/``list`` so that the schema
layer can point an error at the exact line and column of the offending key or
value, long after parsing has finished.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import overload

from facilitator.documents.errors import DocumentError


@dataclass(frozen=True, slots=True)
class Mark:
    """A position in a document; both numbers are 1-based."""

    line: int
    column: int


START = Mark(1, 1)
"""The start of a file: where whole-file problems (size, encoding) point."""


def error_at(source: str, mark: Mark, problem: str) -> DocumentError:
    """Build a :class:`DocumentError` for ``problem`` at ``mark`` in ``source``."""
    return DocumentError(source, mark.line, mark.column, problem)


class LocatedMapping(Mapping[str, object]):
    """A read-only, insertion-ordered mapping with the position of every entry.

    Attributes:
        source: Name of the file the mapping was read from.
        mark: Where the mapping itself starts (for "missing key" errors).
    """

    __slots__ = ("_items", "_key_marks", "_value_marks", "mark", "source")

    def __init__(
        self,
        entries: Iterable[tuple[str, object, Mark, Mark]],
        *,
        source: str,
        mark: Mark,
    ) -> None:
        """Build from ``(key, value, key_mark, value_mark)`` tuples.

        Duplicate keys must already have been rejected by the loader; here a
        later entry would silently win, which is exactly what we must avoid.
        """
        self._items: dict[str, object] = {}
        self._key_marks: dict[str, Mark] = {}
        self._value_marks: dict[str, Mark] = {}
        for key, value, key_mark, value_mark in entries:
            self._items[key] = value
            self._key_marks[key] = key_mark
            self._value_marks[key] = value_mark
        self.source = source
        self.mark = mark

    def __getitem__(self, key: str) -> object:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"LocatedMapping({self._items!r})"

    def key_mark(self, key: str) -> Mark:
        """Return where ``key`` is written (KeyError if absent)."""
        return self._key_marks[key]

    def value_mark(self, key: str) -> Mark:
        """Return where the value of ``key`` starts (KeyError if absent)."""
        return self._value_marks[key]


class LocatedSequence(Sequence[object]):
    """A read-only sequence with the position of every item.

    Attributes:
        source: Name of the file the sequence was read from.
        mark: Where the sequence itself starts.
    """

    __slots__ = ("_items", "_item_marks", "mark", "source")

    def __init__(
        self,
        items: Iterable[tuple[object, Mark]],
        *,
        source: str,
        mark: Mark,
    ) -> None:
        """Build from ``(value, mark)`` pairs."""
        pairs = tuple(items)
        self._items = tuple(value for value, _ in pairs)
        self._item_marks = tuple(item_mark for _, item_mark in pairs)
        self.source = source
        self.mark = mark

    @overload
    def __getitem__(self, index: int) -> object: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[object, ...]: ...

    def __getitem__(self, index: int | slice) -> object:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        # Compare by content so tests and callers can write `seq == [1, 2]`.
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return list(self._items) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to lists, so unhashable

    def __repr__(self) -> str:
        return f"LocatedSequence({list(self._items)!r})"

    def item_mark(self, index: int) -> Mark:
        """Return where item ``index`` (0-based) starts."""
        return self._item_marks[index]


def to_plain(value: object) -> object:
    """Return ``value`` with located containers turned into ``dict``/``list``.

    Useful for tests and for handing data to code that wants plain types.
    """
    if isinstance(value, LocatedMapping):
        return {key: to_plain(item) for key, item in value.items()}
    if isinstance(value, LocatedSequence):
        return [to_plain(item) for item in value]
    return value
