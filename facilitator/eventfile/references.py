"""Record ids in an event file and the references that use them."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from facilitator.documents import LocatedMapping
from facilitator.documents.schema import at_index, at_key, check_text, describe, get_sequence
from facilitator.eventfile.fields import (
    UUID_PATTERN,
    Identified,
    Place,
    RecordId,
    get_line,
    get_record_id,
    place_of_value,
)
from facilitator.i18n import N_, _

if TYPE_CHECKING:
    from facilitator.eventfile.records import CoalitionEntry

# What is said of a reference that names no record, per kind: when the file
# lists records of that kind with ids, and when it lists none.
_UNKNOWN = {
    "participant": (
        N_('no participant has the id "{id}"{hint}; it must be the id of one of the participants'),
        N_('no participant has the id "{id}"; there are no participants with an id in this file'),
    ),
    "outcome": (
        N_('no outcome has the id "{id}"{hint}; it must be the id of one of the outcomes'),
        N_('no outcome has the id "{id}"; there are no outcomes with an id in this file'),
    ),
    "pattern": (
        N_('no pattern has the id "{id}"{hint}; it must be the id of one of the patterns listed in patterns'),
        N_('no pattern has the id "{id}"; there are no patterns listed in patterns with an id in this file'),
    ),
}


class IdRegistry:
    """Reads ids, making sure every id in a file names exactly one record.

    Uniqueness is file-wide rather than per kind, so a key never has to be
    read together with the key it sits under to know what it names.
    """

    def __init__(self) -> None:
        self._seen: dict[str, RecordId] = {}

    def read(self, mapping: LocatedMapping, where: str) -> RecordId | None:
        """Return the ``id`` of the record at ``where`` (``None`` if it has none).

        Raises:
            DocumentError: The id is malformed or already used in the file.
        """
        record_id = get_record_id(mapping, where)
        if record_id is None:
            return None
        first = self._seen.get(record_id.text)
        if first is not None:
            owner = first.place.path.removesuffix(".id")
            raise record_id.place.error(
                _(
                    'the id "{id}" is already used by {owner} (line {line}); '
                    "every id in the file must be unique"
                ).format(id=record_id.text, owner=owner, line=first.place.mark.line)
            )
        self._seen[record_id.text] = record_id
        return record_id


def _normal(text: str) -> str:
    # UUIDs are case-insensitive; short keys are not.
    return text.lower() if UUID_PATTERN.fullmatch(text) else text


class References:
    """Turns references into positions in the document's record lists."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[str, int]] = {}
        self._coalition_names: dict[str, int] = {}

    def add(self, kind: str, entries: Sequence[Identified]) -> None:
        """Make the ids of ``entries`` (records of ``kind``) available to references."""
        self._tables[kind] = {
            entry.id.text: index for index, entry in enumerate(entries) if entry.id is not None
        }

    def add_coalitions(self, entries: Sequence[CoalitionEntry]) -> None:
        """Make the coalitions available to references, by id and by name."""
        self.add("coalition", entries)
        self._coalition_names = {entry.name.casefold(): i for i, entry in enumerate(entries)}

    def one(self, mapping: LocatedMapping, key: str, where: str, kind: str) -> int | None:
        """Return the record ``key`` refers to; ``None`` when absent or empty."""
        if key not in mapping or mapping[key] is None:
            return None
        text = get_line(mapping, key, where, required=True, max_length=64)
        return self._resolve(text, place_of_value(mapping, key, where), kind)

    def many(self, mapping: LocatedMapping, key: str, where: str, kind: str) -> tuple[int, ...]:
        """Return the records the list under ``key`` refers to, each at most once."""
        items = get_sequence(mapping, key, where, required=False)
        path = at_key(where, key)
        found: list[int] = []
        for index, item in enumerate(items):
            item_path = at_index(path, index)
            mark = items.item_mark(index)
            text = check_text(item, item_path, source=mapping.source, mark=mark, single_line=True)
            place = Place(mapping.source, item_path, mark)
            resolved = self._resolve(text, place, kind)
            if resolved in found:
                raise place.error(_('"{text}" is listed twice').format(text=text))
            found.append(resolved)
        return tuple(found)

    def coalition(self, mapping: LocatedMapping, where: str) -> int:
        """Return the pattern owner named by id or by name; the first coalition if none."""
        if mapping.get("coalition") is None:
            return 0
        text = get_line(mapping, "coalition", where, required=True, max_length=200)
        index = self._tables["coalition"].get(_normal(text))
        if index is None:
            index = self._coalition_names.get(text.casefold())
        if index is None:
            raise place_of_value(mapping, "coalition", where).error(
                _(
                    "no coalition in this file has the id or name {value}; "
                    "name one from coalitions or other_coalitions"
                ).format(value=describe(text))
            )
        return index

    def _resolve(self, text: str, place: Place, kind: str) -> int:
        table = self._tables[kind]
        index = table.get(_normal(text))
        if index is not None:
            return index
        close = difflib.get_close_matches(text, list(table), n=1)
        hint = _(' (did you mean "{match}"?)').format(match=close[0]) if close else ""
        some, none = _UNKNOWN[kind]
        raise place.error(_(some if table else none).format(id=text, hint=hint))
