"""``scale-across events`` and ``scale-across demo``: list the events, make a sample one."""

from __future__ import annotations

import argparse

from facilitator.dates import iso
from facilitator.i18n import N_, _
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
        print(
            _("No events yet. Create one in the app, or try: {command}").format(command="scale-across demo")
        )
        return 0
    width = max(len(r.coalition_names) for r in rows)
    for row in rows:
        status = _(_STATUS[row.status.value]) if row.status.value in _STATUS else row.status.value
        print(f"{row.id}  {iso(row.date)}  {row.coalition_names:<{width}}  {status}")
    return 0


# An event's status in the list, one word each, lower case as in a sentence.
_STATUS = {
    # Translators: an event's status in the `scale-across events` list.
    "planned": N_("planned"),
    # Translators: an event's status in the `scale-across events` list (the event is under way).
    "running": N_("running"),
    # Translators: an event's status in the `scale-across events` list.
    "closed": N_("closed"),
}


def _cmd_demo(args: argparse.Namespace) -> int:
    from facilitator.demo import create_demo_event

    db = open_db(args, create=True)
    try:
        with db.transaction() as session:
            event = create_demo_event(session)
            event_id = event.id
    finally:
        db.close()
    print(_("Created the sample event {event}").format(event=event_id))
    return 0


HANDLERS: dict[str, Handler] = {"events": _cmd_events, "demo": _cmd_demo}
