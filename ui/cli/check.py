"""``scale-across check EVENT_ID``: what an event still leaves open, for scripts and a lead's weekly look.

Prints the same list as the Review step's "Still open", one item a line, and
exits 1 when anything is open, 0 when nothing is. It only reads: a path with
no database is an error, never a new empty database.
"""

from __future__ import annotations

import argparse
import sys

from facilitator import numbers
from facilitator.i18n import _, ngettext
from ui.cli.common import Handler, Subcommands, open_db

#: The exit status when the event leaves something open (a script's "not ready").
OPEN = 1


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """Add ``check`` to the parser."""
    check = commands.add_parser(
        "check",
        parents=[common],
        help=_("list what an event still leaves open; exit 1 if anything is, 0 if nothing is"),
    )
    check.add_argument("event_id", metavar="EVENT_ID", help=_("the event's id or a unique prefix of it"))


def _cmd_check(args: argparse.Namespace) -> int:
    from facilitator.services import events, readiness
    from ui.terminal import printable

    db = open_db(args)
    try:
        with db.transaction() as session:
            event_id = events.resolve_event_id(session, args.event_id)
            items = readiness.open_items(session, event_id)
    finally:
        db.close()
    if not items:
        print(_("Nothing is open in event {event}: it is ready to close").format(event=event_id))
        return 0
    for item in items:
        print(printable(item.text))
    count = len(items)
    said = ngettext(
        "{count} item is still open in event {event}", "{count} items are still open in event {event}", count
    )
    # On stderr, so stdout stays one open item a line for a script to count or read.
    print(said.format(count=numbers.integer(count), event=event_id), file=sys.stderr)
    return OPEN


HANDLERS: dict[str, Handler] = {"check": _cmd_check}
