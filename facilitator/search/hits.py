"""What a search finds: one hit per record, with its snippet as plain segments."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from facilitator.i18n import N_, _
from facilitator.storage.search_index import MATCH_END, MATCH_START

# A snippet is plain text in pieces, each flagged when it is a matching word;
# whoever shows it escapes the text for its own medium (HTML, a terminal).
Segments = tuple[tuple[str, bool], ...]

# Marked here, translated where they are read (:attr:`SearchHit.kind_label`).
KIND_LABELS = {
    # Translators: the kind of record a search found
    "event": N_("Event"),
    # Translators: the kind of record a search found
    "top_goal": N_("TOP Goal"),
    # Translators: the kind of record a search found
    "participant": N_("Participant"),
    # Translators: the kind of record a search found
    "outcome": N_("Outcome"),
    # Translators: the kind of record a search found
    "pattern": N_("Pattern"),
    # Translators: the kind of record a search found (a boundary condition of a pattern)
    "boundary": N_("Boundary"),
    # Translators: the kind of record a search found
    "agreement": N_("Agreement"),
    # Translators: the kind of record a search found (a support item of an agreement)
    "support_item": N_("Support"),
    # Translators: the kind of record a search found
    "status_change": N_("Status change"),
}

# Fields of a record are stored one per line; a snippet shows them on one.
FIELD_SEPARATOR = " · "
_NEWLINES = re.compile(r"\n+")  # an empty field leaves two in a row


@dataclass(frozen=True)
class SearchHit:
    """One record that matches a search.

    Attributes:
        kind: The record kind ("event", "outcome", … see :data:`KIND_LABELS`).
        record_id: The record's id.
        event_id: The event to open it in: its own event, or for a pattern
            the latest event that presented it; None when there is none.
        event_title: That event's title ("" without an event).
        event_date: That event's date (None without an event).
        coalitions: The event's coalition names in order (a pattern without
            an event: its own coalition).
        snippet: The matching text in context, see :func:`parse_snippet`.
    """

    kind: str
    record_id: uuid.UUID
    event_id: uuid.UUID | None
    event_title: str
    event_date: dt.date | None
    coalitions: tuple[str, ...]
    snippet: Segments

    @property
    def kind_label(self) -> str:
        """Return the kind as a user reads it ("Boundary", "TOP Goal" …), in the language in use."""
        label = KIND_LABELS.get(self.kind)
        return _(label) if label is not None else self.kind

    @property
    def snippet_text(self) -> str:
        """Return the snippet as plain text, without match marks."""
        return "".join(text for text, _is_match in self.snippet)


def parse_snippet(raw: str) -> Segments:
    """Split FTS5 snippet output (with the private-use match marks) into segments.

    Adjacent pieces with the same flag are merged; empty pieces are dropped.
    """
    raw = _NEWLINES.sub(FIELD_SEPARATOR, raw.strip("\n"))
    pieces: list[tuple[str, bool]] = []
    first, *rest = raw.split(MATCH_START)
    pieces.append((first, False))
    for part in rest:
        match, _end, after = part.partition(MATCH_END)
        pieces += [(match, True), (after, False)]
    merged: list[tuple[str, bool]] = []
    for text, is_match in pieces:
        if not text:
            continue
        if merged and merged[-1][1] == is_match:
            merged[-1] = (merged[-1][0] + text, is_match)
        else:
            merged.append((text, is_match))
    return tuple(merged)


def marked(snippet: Segments, start: str = "[", end: str = "]") -> str:
    """Return the snippet as text with every match between ``start`` and ``end``."""
    return "".join(f"{start}{text}{end}" if is_match else text for text, is_match in snippet)
