"""``scale-across search QUERY`` and ``scale-across db reindex`` (wired in ui/cli.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from facilitator.dates import iso
from ui.terminal import printable


def add_parsers(commands, common) -> None:
    """Add ``search`` to the parser."""
    from ui.cli import _positive_int

    found = commands.add_parser(
        "search", parents=[common],
        help="search goals, outcomes, patterns, boundaries, agreements and people of every event",
    )
    found.add_argument(
        "query", nargs="+", metavar="QUERY",
        help="words to find (all must match; the last may be the start of a word)",
    )
    found.add_argument(
        "--limit", type=_positive_int, default=50, metavar="N",
        help="show at most N matches (default: 50)",
    )


def add_db_actions(actions, common) -> None:
    """Add ``db reindex`` to the ``db`` command."""
    actions.add_parser(
        "reindex", parents=[common], help="rebuild the search index from every record"
    )


def _cmd_search(args) -> int:
    from facilitator.search import marked, search
    from ui.cli import _open

    query = " ".join(args.query)
    db = _open(args)
    try:
        with db.transaction() as session:
            hits = search(session, query, limit=args.limit + 1)
    finally:
        db.close()
    if not hits:
        print(f"No matches for “{_plain(query)}”")
        return 0
    width = max(len(hit.kind_label) for hit in hits)
    for hit in hits[: args.limit]:
        date = iso(hit.event_date) if hit.event_date else "—"
        title = hit.event_title or "(no event)"
        print(f"{hit.kind_label:<{width}}  {date}  {_plain(title)}  {_plain(marked(hit.snippet))}")
    if len(hits) > args.limit:
        print(
            f"(more than {args.limit} matches; add words, or use --limit for more)",
            file=sys.stderr,
        )
    return 0


def _plain(text: str) -> str:
    return printable(text)


def _db_reindex(args, path: Path) -> int:
    from facilitator.search import reindex
    from ui.cli import _open

    db = _open(args)
    try:
        count = reindex(db)
    finally:
        db.close()
    print(f"Rebuilt the search index of {path}: {count} records indexed")
    return 0


HANDLERS = {"search": _cmd_search}
DB_HANDLERS = {"reindex": _db_reindex}
