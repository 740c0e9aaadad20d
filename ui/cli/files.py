"""``scale-across import`` and ``scale-across export``: event files in, event files and PDFs out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Literal

from ui.cli.common import CommandError, Handler, Subcommands, open_db

ExportFormat = Literal["yaml", "json", "pdf"]


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """Add ``import`` and ``export`` to the parser."""
    imp = commands.add_parser("import", parents=[common], help="create an event from an event file")
    imp.add_argument("file", type=Path, help="event file (.yaml, .yml or .json)")
    imp.add_argument(
        "--new-ids", action="store_true", help="import as a copy with new ids for the event's records"
    )

    exp = commands.add_parser(
        "export",
        parents=[common],
        help="write an event to a file (event file or PDF summary), or one agreement PDF per adopter",
    )
    exp.add_argument("event_id", metavar="EVENT_ID", help="the event's id or a unique prefix of it")
    exp.add_argument(
        "--format",
        choices=["yaml", "json", "pdf"],
        default=None,
        help="yaml or json: the event file; pdf: the event summary (default: from the file name)",
    )
    target = exp.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, metavar="FILE", help="file to write")
    target.add_argument(
        "--adopters", type=Path, metavar="DIR", help="write one agreement PDF per adopter into DIR"
    )
    exp.add_argument("--page-size", choices=["A4", "Letter"], default="A4", help="paper size of PDFs")


def _cmd_import(args: argparse.Namespace) -> int:
    from facilitator.eventfile.importer import import_event, read_event_file
    from ui.terminal import printable

    # The file is read and checked first: an invalid file creates no database.
    doc = read_event_file(args.file)
    db = open_db(args, create=True)
    try:
        with db.transaction() as session:
            event_id = import_event(session, doc, new_ids=args.new_ids).id
    finally:
        db.close()
    # Warnings, like a compiler's: one `file:line:column: …` line each on
    # stderr, so editors jump to them and stdout stays the one result line.
    for notice in doc.notices:
        print(printable(str(notice)), file=sys.stderr)
    print(f"Imported event {event_id} from {printable(str(args.file))}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from facilitator.durable import missing_folder
    from facilitator.services import events, readiness
    from ui.terminal import say_created

    fmt = _export_format(args) if args.adopters is None else "pdf"
    target = args.adopters / "_" if args.adopters is not None else args.out
    created = missing_folder(target)
    db = open_db(args)
    try:
        with db.transaction() as session:
            event_id = events.resolve_event_id(session, args.event_id)
            event = events.load_event(session, event_id)
            # Read while the session is open: the summary states what was left open.
            left_open = [item.text for item in readiness.open_items(session, event_id)]
            if fmt != "pdf":
                from facilitator.eventfile import export_event

                export_event(session, event_id, args.out, fmt)
                say_created(created)
                print(f"Wrote event {event_id} to {args.out}")
                return 0
    finally:
        db.close()
    from exports.files import export_agreements, export_summary

    if args.adopters is not None:
        written = export_agreements(event, args.adopters, page_size=args.page_size)
        if not written:
            print(f"Event {event_id} has no agreements yet; no agreement PDF was written")
        say_created(created if written else None)
        for path in written:
            print(f"Wrote {path}")
        return 0
    path = export_summary(event, args.out, page_size=args.page_size, left_open=left_open)
    say_created(created)
    print(f"Wrote the summary of event {event_id} to {path}")
    return 0


_FORMAT_OF_SUFFIX: dict[str, ExportFormat] = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".pdf": "pdf"}


def _export_format(args: argparse.Namespace) -> ExportFormat:
    """Return ``--format``, else the format the file name ends in.

    Raises:
        CommandError: neither says which format: a guess would put one
            format into a file named for another (YAML into ``x.docx``).
    """
    if args.format:
        return args.format
    fmt = _FORMAT_OF_SUFFIX.get(args.out.suffix.lower())
    if fmt is None:
        from ui.terminal import printable

        raise CommandError(
            f"cannot tell the format of {printable(str(args.out))}; "
            f"use .yaml, .yml, .json or .pdf, or give --format"
        )
    return fmt


HANDLERS: dict[str, Handler] = {"import": _cmd_import, "export": _cmd_export}
