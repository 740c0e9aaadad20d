"""``scale-across events`` and ``scale-across demo``: list the events, make a sample one."""

from __future__ import annotations

import argparse

from facilitator.dates import iso
from facilitator.i18n import _
from ui.cli.common import Handler, Subcommands, open_db


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """Add ``events`` and ``demo`` to the parser."""
    commands.add_parser("events", parents=[common], help=_("list events, newest first"))
    commands.add_parser("demo", parents=[common], help=_("create a realistic sample event"))


def _cmd_events(args: argparse.Namespace) -> int:
    from facilitator.storage.quick_read import event_summaries

    db = open_db(args)
    try:
        # Plain SQL: the process ends before the ORM would have paid for its import.
        with db.reading() as connection:
            rows = event_summaries(connection)
    finally:
        db.close()
    if not rows:
        print("No events yet. Create one in the app, or try: scale-across demo")
        return 0
    width = max(len(r.coalition_names) for r in rows)
    for row in rows:
        print(f"{row.id}  {iso(row.date)}  {row.coalition_names:<{width}}  {row.status.value}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from facilitator.demo import create_demo_event

    db = open_db(args, create=True)
    try:
        with db.transaction() as session:
            event = create_demo_event(session)
            event_id = event.id
    finally:
        db.close()
    print(f"Created the sample event {event_id}")
    return 0


HANDLERS: dict[str, Handler] = {"events": _cmd_events, "demo": _cmd_demo}
