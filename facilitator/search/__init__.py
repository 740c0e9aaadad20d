"""Search across every record of every event (SQLite FTS5); no Qt.

The index's tables and triggers live with the storage that the migrations
install them in (``facilitator.storage.search_index``); ``query`` turns what
a user types into hits, ``hits`` describes a hit and its snippet.
"""

from facilitator.search.hits import (
    KIND_LABELS,
    SearchHit,
    Segments,
    marked,
    parse_snippet,
)
from facilitator.search.query import match_expression, reindex, search

__all__ = [
    "KIND_LABELS",
    "SearchHit",
    "Segments",
    "marked",
    "match_expression",
    "parse_snippet",
    "reindex",
    "search",
]
