"""``scale-across import`` and ``scale-across export``: event files in, event files and PDFs out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from facilitator.i18n import N_, _, speaking
from ui.cli.common import CommandError, Handler, Subcommands, open_db

if TYPE_CHECKING:  # the ORM loads SQLAlchemy; the command imports it when it runs
    from exports.formats import DocumentFormat
    from facilitator.domain import Event

ExportFormat = Literal["yaml", "json", "pdf", "md", "csv", "ics"]


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """Add ``import`` and ``export`` to the parser."""
    imp = commands.add_parser("import", parents=[common], help=_("create an event from an event file"))
    imp.add_argument("file", type=Path, help=_("event file (.yaml, .yml or .json)"))
    imp.add_argument(
        "--new-ids", action="store_true", help=_("import as a copy with new ids for the event's records")
    )

    exp = commands.add_parser(
        "export",
        parents=[common],
        help=_(
            "write an event to a file (event file, PDF or Markdown summary, CSV, calendar), "
            "one agreement PDF per adopter, or one mail draft per adopter"
        ),
    )
    exp.add_argument("event_id", metavar="EVENT_ID", help=_("the event's id or a unique prefix of it"))
    exp.add_argument(
        "--format",
        choices=["yaml", "json", "pdf", "md", "csv", "ics"],
        default=None,
        help=_(
            "yaml or json: the event file; pdf or md: the event summary; csv: one row per agreement "
            "(see --rows); ics: one calendar entry per check-in date (default: from the file name)"
        ),
    )
    target = exp.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, metavar="FILE", help=_("file to write"))
    target.add_argument(
        "--adopters", type=Path, metavar="DIR", help=_("write one agreement PDF per adopter into DIR")
    )
    target.add_argument(
        "--mail",
        type=Path,
        metavar="DIR",
        help=_("write one mail draft (.eml) per adopter into DIR, with their agreement PDF; nothing is sent"),
    )
    exp.add_argument(
        "--rows",
        choices=["agreements", "support"],
        default=None,
        help=_("CSV only: one row per agreement (default) or per support item"),
    )
    exp.add_argument(
        "--bom", action="store_true", help=_("CSV only: start with a byte order mark, for Excel")
    )
    exp.add_argument("--page-size", choices=["A4", "Letter"], default="A4", help=_("paper size of PDFs"))


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
    print(_("Imported event {event} from {file}").format(event=event_id, file=printable(str(args.file))))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from facilitator.durable import missing_folder
    from facilitator.services import events, readiness
    from ui.terminal import say_created

    folder = args.adopters if args.adopters is not None else args.mail
    fmt = _export_format(args) if folder is None else "pdf"
    if (args.rows is not None or args.bom) and fmt != "csv":
        raise CommandError(_("--rows and --bom apply to CSV only; give --format csv or a .csv file"))
    target = folder / "_" if folder is not None else args.out
    created = missing_folder(target)
    db = open_db(args)
    try:
        with db.transaction() as session:
            event_id = events.resolve_event_id(session, args.event_id)
            event = events.load_event(session, event_id)
            # Read while the session is open: the summary states what was left open, in its language.
            from exports.values import document_language

            with speaking(document_language(event)):
                left_open = [item.text for item in readiness.open_items(session, event_id)]
            if fmt in ("yaml", "json"):
                from facilitator.eventfile import export_event

                export_event(session, event_id, args.out, fmt)
                say_created(created)
                print(_("Wrote event {event} to {path}").format(event=event_id, path=args.out))
                return 0
    finally:
        db.close()
    if folder is not None:
        return _write_per_adopter(args, event, event_id, created)
    from exports.formats import write_document

    path = write_document(
        event,
        cast("DocumentFormat", fmt),  # the event file (yaml, json) was written above
        args.out,
        left_open=left_open,
        page_size=args.page_size,
        rows=args.rows or "agreements",
        bom=args.bom,
    )
    say_created(created)
    said = _WROTE["support" if fmt == "csv" and args.rows == "support" else fmt]
    print(_(said).format(event=event_id, path=path))
    return 0


# What `export` says it wrote, per format (the CSV of support items apart).
_WROTE = {
    "pdf": N_("Wrote the summary of event {event} to {path}"),
    "md": N_("Wrote the summary of event {event} to {path}"),
    "csv": N_("Wrote the agreements of event {event} to {path}"),
    "support": N_("Wrote the support items of event {event} to {path}"),
    "ics": N_("Wrote the check-ins of event {event} to {path}"),
}


def _write_per_adopter(args: argparse.Namespace, event: Event, event_id: object, created: Path | None) -> int:
    """Write one agreement PDF (``--adopters``) or one mail draft (``--mail``) per adopter."""
    from exports.files import export_agreements
    from exports.formats import write_mail_drafts
    from ui.cli.progress import progress_bar
    from ui.terminal import say_created

    if args.adopters is not None:
        # Translators: the progress bar's label and its unit.
        with progress_bar(_("Writing agreement PDFs"), _("adopters")) as progress:
            written = export_agreements(event, args.adopters, page_size=args.page_size, progress=progress)
    else:
        # Translators: the progress bar's label and its unit.
        with progress_bar(_("Writing mail drafts"), _("adopters")) as progress:
            written = write_mail_drafts(event, args.mail, page_size=args.page_size, progress=progress)
    if not written:
        if args.adopters is not None:
            said = _("Event {event} has no agreements yet; no agreement PDF was written")
        else:
            said = _("Event {event} has no agreements yet; no mail draft was written")
        print(said.format(event=event_id))
    say_created(created if written else None)
    for path in written:
        # Translators: one line per file `export` wrote.
        print(_("Wrote {path}").format(path=path))
    return 0


_FORMAT_OF_SUFFIX: dict[str, ExportFormat] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".pdf": "pdf",
    ".md": "md",
    ".markdown": "md",
    ".csv": "csv",
    ".ics": "ics",
}


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
            _(
                "cannot tell the format of {file}; "
                "use .yaml, .yml, .json, .pdf, .md, .csv or .ics, or give --format"
            ).format(file=printable(str(args.out)))
        )
    return fmt


HANDLERS: dict[str, Handler] = {"import": _cmd_import, "export": _cmd_export}
