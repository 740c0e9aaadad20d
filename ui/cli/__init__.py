"""The ``scale-across`` command: the GUI by default, and subcommands for scripts.

Qt is imported only when the GUI starts, so the subcommands stay fast and
run on machines without a display.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from facilitator import __version__
from facilitator.applog import log_exception
from facilitator.dates import iso, iso_time
from facilitator.documents import DocumentError
from facilitator.file_size import describe_size
from facilitator.services.errors import ServiceError
from facilitator.storage import StorageError
from exports.errors import ExportError

PROG = "scale-across"


class CommandError(Exception):
    """A problem the user can fix; printed as one line."""


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every subcommand."""
    db_help = "database file (or SQLAlchemy URL); default: $SCALE_ACROSS_DB or the user data folder"
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS keeps a subcommand's missing --db from overwriting one given before it.
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Run Scale Across events. Without a command, the app window opens.",
    )
    parser.add_argument("--db", metavar="PATH", default=None, help=db_help)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", parents=[common], help="open the app window (the default)")
    commands.add_parser("events", parents=[common], help="list events, newest first")
    commands.add_parser("demo", parents=[common], help="create a realistic sample event")

    imp = commands.add_parser("import", parents=[common], help="create an event from an event file")
    imp.add_argument("file", type=Path, help="event file (.yaml, .yml or .json)")
    imp.add_argument(
        "--new-ids", action="store_true", help="import as a copy with new ids for the event's records"
    )

    exp = commands.add_parser(
        "export", parents=[common],
        help="write an event to a file (event file or PDF summary), or one agreement PDF per adopter",
    )
    exp.add_argument("event_id", metavar="EVENT_ID", help="the event's id or a unique prefix of it")
    exp.add_argument(
        "--format", choices=["yaml", "json", "pdf"], default=None,
        help="yaml or json: the event file; pdf: the event summary (default: from the file name)",
    )
    target = exp.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, metavar="FILE", help="file to write")
    target.add_argument(
        "--adopters", type=Path, metavar="DIR", help="write one agreement PDF per adopter into DIR"
    )
    exp.add_argument("--page-size", choices=["A4", "Letter"], default="A4", help="paper size of PDFs")

    agenda = commands.add_parser("agenda", parents=[common], help="work with agenda files")
    agenda_commands = agenda.add_subparsers(dest="agenda_command", metavar="ACTION", required=True)
    check = agenda_commands.add_parser("check", help="validate an agenda file")
    check.add_argument("file", type=Path)
    agenda_commands.add_parser("list", help="list shipped and user agendas")
    db_actions = _add_db_parser(commands, common)
    for extension in _extensions():
        extension.add_parsers(commands, common)
        if hasattr(extension, "add_db_actions"):
            extension.add_db_actions(db_actions, common)
    return parser


def _extensions():
    """Return the modules that add follow-up commands (search, report).

    Each has ``add_parsers(commands, common)`` and ``HANDLERS``; one that also
    adds ``db`` actions has ``add_db_actions(actions, common)`` and ``DB_HANDLERS``.
    """
    from ui import cli_report, cli_search

    return (cli_search, cli_report)


def _add_db_parser(commands, common: argparse.ArgumentParser):
    """Add ``db check|backup|backups|restore``: the database file's safety commands."""
    database = commands.add_parser(
        "db", parents=[common], help="check, back up or restore the database file"
    )
    actions = database.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", parents=[common], help="check the database file for damage (read-only)"
    )
    check.add_argument(
        "--move-aside", action="store_true",
        help="move a damaged file and its journal files into the data folder's damaged/ folder",
    )
    backup = actions.add_parser("backup", parents=[common], help="take a verified backup now")
    backup.add_argument(
        "--keep", type=_positive_int, default=20, metavar="N",
        help="keep the N newest backups of this database (default: 20)",
    )
    actions.add_parser("backups", parents=[common], help="list this database's backups, newest first")
    restore = actions.add_parser(
        "restore", parents=[common],
        help="replace the database with a verified backup (the current file is moved aside)",
    )
    restore.add_argument(
        "backup", metavar="BACKUP", help="backup file: a path, or a file name in the backup folder"
    )
    return actions


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit status."""
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    try:
        if command == "gui":
            from ui.app import run_gui

            return run_gui(args.db)
        handler = _handlers()[command]
        return handler(args) or 0
    except BrokenPipeError:
        # The reader went away (`scale-across figures | head`): not an error to report.
        # Point stdout at nothing so Python's exit flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (CommandError, DocumentError, ServiceError, StorageError, OSError, ExportError) as exc:
        _fail(_one_line(exc))
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last guard: never a traceback on screen
        where = log_exception(exc, f"{PROG} {command}")
        detail = f" (details in {where})" if where else ""
        _fail(f"unexpected error: {_one_line(exc)}{detail}")
        return 1


def _handlers() -> dict:
    handlers = dict(_HANDLERS)
    for extension in _extensions():
        handlers.update(extension.HANDLERS)
    return handlers


def _fail(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return " ".join(str(exc).split()) or type(exc).__name__


def _open(args, *, create: bool = False):
    """Open the database ``--db`` names; a file it refuses is left untouched.

    Only commands that make records (``demo``, ``import``) pass ``create``:
    a command that reads, given a path with no database, says so and creates
    nothing, because a mistyped path must not become a new, empty database.
    A damaged file of ours also names the command that lists its backups.
    """
    from facilitator.storage import open_database
    from facilitator.storage.errors import MissingDatabaseError, MissingFolderError
    from facilitator.storage.health import CorruptDatabaseError

    try:
        return open_database(args.db, create=create)
    except MissingDatabaseError as exc:
        raise CommandError(_no_database(exc.path, args.db)) from None
    except MissingFolderError as exc:
        raise CommandError(f"{exc} ({_origin(args.db)})") from None
    except CorruptDatabaseError as exc:
        raise CommandError(
            f"{exc}; to see its newest backup and how to restore it: "
            f"{PROG} db check --db {shlex.quote(str(exc.path))}"
        ) from None


def _no_database(path: Path, target: str | None) -> str:
    """Say that a command that reads found no database, and how to make one."""
    return (
        f"no database at {path} ({_origin(target)}); create one with "
        f"\"{PROG} demo\" or \"{PROG} import FILE\", or check the path"
    )


def _origin(target: str | None) -> str:
    from facilitator.storage.location import origin

    return origin(target)


def _cmd_events(args) -> int:
    from facilitator.services import events

    db = _open(args)
    try:
        with db.transaction() as session:
            rows = events.list_events(session)
    finally:
        db.close()
    if not rows:
        print("No events yet. Create one in the app, or try: scale-across demo")
        return 0
    width = max(len(r.coalition_names) for r in rows)
    for row in rows:
        print(f"{row.id}  {iso(row.date)}  {row.coalition_names:<{width}}  {row.status.value}")
    return 0


def _cmd_demo(args) -> int:
    from facilitator.demo import create_demo_event

    db = _open(args, create=True)
    try:
        with db.transaction() as session:
            event = create_demo_event(session)
            event_id = event.id
    finally:
        db.close()
    print(f"Created the sample event {event_id}")
    return 0


def _cmd_import(args) -> int:
    from facilitator.eventfile.importer import import_event, read_event_file
    from ui.terminal import printable

    # The file is read and checked first: an invalid file creates no database.
    doc = read_event_file(args.file)
    db = _open(args, create=True)
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


def _cmd_export(args) -> int:
    from facilitator.eventfile.atomic import missing_folder
    from facilitator.services import events
    from ui.terminal import say_created

    fmt = _export_format(args) if args.adopters is None else "pdf"
    target = args.adopters / "_" if args.adopters is not None else args.out
    created = missing_folder(target)
    db = _open(args)
    try:
        with db.transaction() as session:
            event_id = events.resolve_event_id(session, args.event_id)
            event = events.load_event(session, event_id)
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
    path = export_summary(event, args.out, page_size=args.page_size)
    say_created(created)
    print(f"Wrote the summary of event {event_id} to {path}")
    return 0


_FORMAT_OF_SUFFIX = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".pdf": "pdf"}


def _export_format(args) -> str:
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


def _cmd_agenda(args) -> int:
    if args.agenda_command == "check":
        from facilitator.agenda import load_agenda

        agenda = load_agenda(args.file)
        minutes = agenda.total_minutes
        print(f"{args.file}: ok — “{agenda.title}”, {len(agenda.steps)} steps, {minutes} minutes")
        return 0
    from facilitator.agenda import load_catalog

    catalog = load_catalog()
    for agenda in catalog.agendas:
        origin = "shipped" if agenda.shipped else agenda.source
        print(f"{agenda.id:<24} {agenda.total_minutes:>3} min  {agenda.title}  ({origin})")
    for problem in catalog.problems:
        print(f"{PROG}: warning: {problem}", file=sys.stderr)
    return 0


def _cmd_db(args) -> int:
    from facilitator.storage.location import plain_sqlite_path

    path = plain_sqlite_path(args.db)
    if path is None:
        raise CommandError("db commands work on a SQLite file, not on a database URL")
    if not os.path.lexists(path) and args.db_command in _DB_READERS:
        return _db_missing(args, path)
    if args.db_command == "restore":
        _check_restore_place(args, path)
    handlers = dict(_DB_HANDLERS)
    for extension in _extensions():
        handlers.update(getattr(extension, "DB_HANDLERS", {}))
    return handlers[args.db_command](args, path)


# The db actions that only read the database (backup copies it out): none of
# them may leave a file or folder behind when there is no database.
_DB_READERS = {"check", "backup", "backups", "reindex"}


def _db_missing(args, path: Path) -> int:
    """Say there is no database, and name the backups of that file when there are any.

    A database that is gone is when its backups matter most, so ``db backups``
    still lists them, and ``db check`` names the newest and how to restore it.
    """
    from facilitator.storage import backups

    found = backups.list_backups(path)
    if args.db_command == "backups" and found:
        print(f"{PROG}: note: there is no database at {path} now; its backups:", file=sys.stderr)
        return _db_backups(args, path)
    _fail(_no_database(path, args.db))
    newest = backups.newest_verified_backup(path) if found and args.db_command == "check" else None
    if newest is not None:
        print(f"{PROG}: hint: {_restore_hint(newest, path)}", file=sys.stderr)
    return 1


def _check_restore_place(args, path: Path) -> None:
    """Restore into a missing folder only when it is the app's own data folder."""
    from facilitator.storage.errors import MissingFolderError
    from facilitator.storage.location import is_default_database

    if not os.path.lexists(path) and not path.parent.is_dir() and not is_default_database(path):
        raise CommandError(f"{MissingFolderError(path)} ({_origin(args.db)})")


def _restore_hint(newest, path: Path) -> str:
    return (
        f"the newest verified backup is {newest.path} (taken {iso_time(newest.created)}); "
        f"restore it with: {PROG} db restore {shlex.quote(str(newest.path))} "
        f"--db {shlex.quote(str(path))}"
    )


def _db_check(args, path: Path) -> int:
    from facilitator.storage import backups, health

    problems = health.check_database(path)
    if not problems:
        print(f"{path}: ok")
        return 0
    for problem in problems:
        _fail(f"{path}: {' '.join(problem.split())}")
    foreign = _foreign(path)
    if foreign is not None:
        # Not ours, so not damaged either: never moved aside, never "restored".
        print(f"{PROG}: hint: {foreign}; nothing was moved or changed", file=sys.stderr)
        return 1
    exists = any(os.path.lexists(f"{path}{suffix}") for suffix in ("",) + health.JOURNAL_SUFFIXES)
    moved = None
    if args.move_aside and exists:
        moved = health.move_aside(path)
        print(f"{PROG}: moved {path} and its journal files to {moved}", file=sys.stderr)
    newest = backups.newest_verified_backup(path)
    if newest is not None:
        hint = _restore_hint(newest, path)
    else:
        hint = f"there is no verified backup of {path} in {backups.backup_folder()}"
        if exists and moved is None:
            hint += (
                f"; to set the damaged file aside: {PROG} db check --move-aside "
                f"--db {shlex.quote(str(path))}"
            )
    print(f"{PROG}: hint: {hint}", file=sys.stderr)
    return 1


def _foreign(path: Path) -> str | None:
    """Say why a file is another application's (or no database at all), else None."""
    from facilitator.storage.acceptance import zeroed_but_ours
    from facilitator.storage.file_check import ForeignFileError, check_database_file

    try:
        check_database_file(path)
    except ForeignFileError as exc:
        return None if zeroed_but_ours(path) else str(exc)
    return None


def _db_backup(args, path: Path) -> int:
    from facilitator.storage.backups import take_backup

    backup = take_backup(path, keep=args.keep, reason="manual")
    print(f"Backed up {path} to {backup.path} ({describe_size(backup.size)})")
    return 0


def _db_backups(args, path: Path) -> int:
    from facilitator.storage.backups import backup_folder, list_backups

    found = list_backups(path)
    if not found:
        print(
            f"No backups of {path} yet in {backup_folder()}; "
            f"take one with: {PROG} db backup --db {shlex.quote(str(path))}"
        )
        return 0
    for backup in found:
        print(f"{iso_time(backup.created)}  {describe_size(backup.size):>10}  {backup.path}")
    return 0


def _db_restore(args, path: Path) -> int:
    from facilitator.storage.backups import backup_folder
    from facilitator.storage.health import restore_backup

    backup = Path(args.backup).expanduser()
    if not backup.exists() and backup.name == args.backup:
        # A bare file name, as `db backups` shows it, is looked up in the backup folder.
        backup = backup_folder() / backup.name
    if not backup.is_file():
        raise CommandError(f"{args.backup}: no such backup file")
    moved = restore_backup(backup, path)
    print(f"Restored {path} from the verified backup {backup}")
    if moved is not None:
        print(f"The previous file and its journal files were moved to {moved}")
    else:
        print("There was no previous file to move aside")
    return 0


_DB_HANDLERS = {
    "check": _db_check,
    "backup": _db_backup,
    "backups": _db_backups,
    "restore": _db_restore,
}

_HANDLERS = {
    "events": _cmd_events,
    "demo": _cmd_demo,
    "import": _cmd_import,
    "export": _cmd_export,
    "agenda": _cmd_agenda,
    "db": _cmd_db,
}
