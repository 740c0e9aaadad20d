"""``scale-across search QUERY``: find words in every event's records."""

from __future__ import annotations

import argparse
import sys

from facilitator import numbers
from facilitator.dates import iso
from facilitator.i18n import _
from ui.cli.common import Handler, Subcommands, open_db, positive_int
from ui.terminal import printable


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """Add ``search`` to the parser."""
    found = commands.add_parser(
        "search",
        parents=[common],
        help=_("search goals, outcomes, patterns, boundaries, agreements and people of every event"),
    )
    found.add_argument(
        "query",
        nargs="+",
        metavar="QUERY",
        help=_("words to find (all must match; the last may be the start of a word)"),
    )
    found.add_argument(
        "--limit",
        type=positive_int,
        default=50,
        metavar="N",
        help=_("show at most N matches (default: 50)"),
    )


def _cmd_search(args: argparse.Namespace) -> int:
    from facilitator.search import marked, search

    query = " ".join(args.query)
    db = open_db(args)
    try:
        # Plain SQL: the process ends before the ORM would have paid for its import.
        with db.reading() as connection:
            hits = search(connection, query, limit=args.limit + 1)
    finally:
        db.close()
    if not hits:
        print(_("No matches for “{query}”").format(query=_plain(query)))
        return 0
    width = max(len(hit.kind_label) for hit in hits)
    for hit in hits[: args.limit]:
        date = iso(hit.event_date) if hit.event_date else "—"
        # Translators: in a search result, in place of the event's title, for a record of no event.
        title = hit.event_title or _("(no event)")
        print(f"{hit.kind_label:<{width}}  {date}  {_plain(title)}  {_plain(marked(hit.snippet))}")
    if len(hits) > args.limit:
        print(
            _("(more than {limit} matches; add words, or use --limit for more)").format(
                limit=numbers.integer(args.limit)
            ),
            file=sys.stderr,
        )
    return 0


def _plain(text: str) -> str:
    return printable(text)


HANDLERS: dict[str, Handler] = {"search": _cmd_search}
