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

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from facilitator import stored_text
from facilitator.documents.errors import DocumentError
from facilitator.documents.located import Mark, error_at
from facilitator.stored_text import Dropped

ValuePath = tuple | None
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


@dataclass(frozen=True)
class TextNotice:
    """Characters dropped from one value while reading a file.

    Attributes:
        source: The file.
        mark: Where the (first) character stood.
        where: The value's path, e.g. ``participants[2].name``.
        dropped: The character.
        count: How many of the same character stood there in a row.
    """

    source: str
    mark: Mark
    where: str
    dropped: Dropped
    count: int = 1

    def __str__(self) -> str:
        times = f" {self.count} times" if self.count > 1 else ""
        place = f" in {self.where}" if self.where else ""
        return (
            f"{self.source}:{self.mark.line}:{self.mark.column}: "
            f"dropped {self.dropped.describe()}{times}{place}"
        )


Locate = Callable[[Sequence[Dropped]], list[Mark]]
"""Returns where each dropped character stood in the file."""


class TextValues:
    """Cleans the text values of one document as its reader builds them."""

    def __init__(self, source: str, notices: list[TextNotice] | None) -> None:
        """Record into ``notices``, or refuse the file when it is ``None``."""
        self._source = source
        self._notices = notices

    def clean(self, value: str, path: ValuePath, locate: Locate, *, key: bool = False) -> str:
        """Return ``value`` as the app stores text.

        Keys are cleaned too (a step id in ``step_seconds`` is stored text);
        then ``path`` is that of their mapping.

        Raises:
            DocumentError: Something had to be dropped and no notices are kept.
        """
        result = stored_text.clean(value)
        if not result.dropped:
            return result.text
        marks = locate(result.dropped)
        where = render_path(path)
        if key:
            where = f"a key of {where}" if where else "a key"
        if self._notices is None:
            raise self._refusal(result.dropped[0], marks[0], where)
        run_start = 0
        for index in range(1, len(result.dropped) + 1):
            first = result.dropped[run_start]
            if index < len(result.dropped):
                current = result.dropped[index]
                previous = result.dropped[index - 1]
                if current.char == first.char and current.offset == previous.offset + 1:
                    continue
            self._notices.append(
                TextNotice(self._source, marks[run_start], where, first, index - run_start)
            )
            run_start = index
        return result.text

    def _refusal(self, dropped: Dropped, mark: Mark, where: str) -> DocumentError:
        problem = f"contains {dropped.describe()}, which is not allowed; remove it"
        return error_at(self._source, mark, f"{where}: {problem}" if where else problem)
