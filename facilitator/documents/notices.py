"""Text values cleaned while a document is read, and the notices that say what went.

Both readers (YAML and JSON) pass every text value and every key through
:func:`facilitator.stored_text.clean` — the rule the services apply to typed
text — as they build it, while they still know where each character stood in
the file. What happens to a dropped character depends on the caller:

* with a notices list (event files: text pasted from mail and Office), the
  value is imported without it and a :class:`TextNotice` says
  ``file:line:column: dropped U+0007 (control character) in event.title``;
* without one (agendas, which people write in an editor and check with
  ``scale-across agenda check``), the file is refused at that character.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from facilitator import numbers, stored_text
from facilitator.documents.errors import DocumentError
from facilitator.documents.located import Mark, error_at
from facilitator.i18n import _, ngettext
from facilitator.stored_text import Dropped

ValuePath: TypeAlias = "tuple[ValuePath, str | int] | None"
"""Where a value is, as a chain ``(parent, key or 0-based index)``; rendered on demand."""


def render_path(path: ValuePath) -> str:
    """Return a path as the schema spells it, e.g. ``participants[2].name``."""
    parts: list[str | int] = []
    while path is not None:
        path, part = path
        parts.append(part)
    rendered = ""
    for part in reversed(parts):
        if isinstance(part, int):
            rendered += f"[{part + 1}]"
        else:
            rendered = f"{rendered}.{part}" if rendered else part
    return rendered


MAX_LISTED = 1000
"""Dropped characters described one by one per document; the rest are counted in one notice."""


@dataclass(frozen=True)
class TextNotice:
    """Characters dropped from one value while reading a file.

    Attributes:
        source: The file.
        mark: Where the (first) character stood.
        where: The value's path, e.g. ``participants[2].name``.
        dropped: The character.
        count: How many of the same character stood there in a row; for the
            closing notice (``more``), how many further characters of any
            kind were dropped from here on.
        more: This notice counts what was dropped after the first
            :data:`MAX_LISTED` characters, instead of listing it.
    """

    source: str
    mark: Mark
    where: str
    dropped: Dropped
    count: int = 1
    more: bool = False

    def __str__(self) -> str:
        place = f"{self.source}:{self.mark.line}:{self.mark.column}: "
        if self.more:
            return place + ngettext(
                "dropped {count} more invisible character from here on "
                "(only the first {listed} are listed one by one)",
                "dropped {count} more invisible characters from here on "
                "(only the first {listed} are listed one by one)",
                self.count,
            ).format(count=numbers.integer(self.count), listed=numbers.integer(MAX_LISTED))
        character = self.dropped.describe()
        if self.count > 1 and self.where:
            # Translators: "dropped U+0007 (control character) 3 times in event.title" (from a file's value)
            text = _("dropped {character} {count} times in {where}")
        elif self.count > 1:
            text = _("dropped {character} {count} times")
        elif self.where:
            text = _("dropped {character} in {where}")
        else:
            text = _("dropped {character}")
        return place + text.format(character=character, count=numbers.integer(self.count), where=self.where)


Locate = Callable[[Sequence[Dropped]], list[Mark]]
"""Returns where each of the first dropped characters of a value stood in the file."""


class TextValues:
    """Cleans the text values of one document as its reader builds them."""

    def __init__(self, source: str, notices: list[TextNotice] | None) -> None:
        """Record into ``notices``, or refuse the file when it is ``None``."""
        self._source = source
        self._notices = notices
        self._listed = 0
        self._more: TextNotice | None = None

    def clean(self, value: str, path: ValuePath, locate: Locate, *, key: bool = False) -> str:
        """Return ``value`` as the app stores text.

        Keys are cleaned too (a step id in ``step_seconds`` is stored text);
        then ``path`` is that of their mapping.

        Raises:
            DocumentError: Something had to be dropped and no notices are kept.
        """
        keep = 1 if self._notices is None else MAX_LISTED - self._listed
        result = stored_text.clean(value, keep=keep)
        if not result.dropped and not result.more:
            return result.text
        listed = result.dropped
        if result.more and self._more is None:
            # The first character not listed: where the closing notice points.
            listed = stored_text.clean(value, keep=keep + 1).dropped
        marks = locate(listed)
        where = render_path(path)
        if key:
            # Translators: where a character was dropped: "a key of participants[2]"
            where = _("a key of {path}").format(path=where) if where else _("a key")
        if self._notices is None:
            raise self._refusal(listed[0], marks[0], where)
        self._note(result.dropped, marks, where)
        if result.more:
            if self._more is None:
                self._more = TextNotice(self._source, marks[-1], where, listed[-1], 0, more=True)
            self._more = dataclasses.replace(self._more, count=self._more.count + result.more)
        return result.text

    def finish(self) -> None:
        """Add the closing notice that counts what was not listed, if any."""
        if self._more is not None and self._notices is not None:
            self._notices.append(self._more)

    def _note(self, dropped: Sequence[Dropped], marks: list[Mark], where: str) -> None:
        """Add one notice per run of the same character."""
        assert self._notices is not None
        self._listed += len(dropped)
        run_start = 0
        for index in range(1, len(dropped) + 1):
            first = dropped[run_start]
            if index < len(dropped):
                current, previous = dropped[index], dropped[index - 1]
                if current.char == first.char and current.offset == previous.offset + 1:
                    continue
            self._notices.append(TextNotice(self._source, marks[run_start], where, first, index - run_start))
            run_start = index

    def _refusal(self, dropped: Dropped, mark: Mark, where: str) -> DocumentError:
        problem = _("contains {character}, which is not allowed; remove it").format(
            character=dropped.describe()
        )
        return error_at(self._source, mark, f"{where}: {problem}" if where else problem)
