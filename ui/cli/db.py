"""``scale-across db check|backup|backups|restore|reindex|copy``: the database's safety commands."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.dates import iso_time
from facilitator.file_size import describe_size
from facilitator.i18n import _
from ui.cli.common import (
    PROG,
    CommandError,
    DbHandler,
    Handler,
    Subcommands,
    fail,
    hint,
    no_database,
    note,
    origin,
    positive_int,
)

if TYPE_CHECKING:
    from facilitator.storage.backups import Backup


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """Add ``db`` and its actions to the parser."""
    database = commands.add_parser(
        "db", parents=[common], help=_("check, back up, restore or copy the database (a file or a server)")
    )
    actions = database.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", parents=[common], help=_("check the database file for damage (read-only)")
    )
    check.add_argument(
        "--move-aside",
        action="store_true",
        help=_("move a damaged file and its journal files into the data folder's damaged/ folder"),
    )
    backup = actions.add_parser("backup", parents=[common], help=_("take a verified backup now"))
    backup.add_argument(
        "--keep",
        type=positive_int,
        default=20,
        metavar="N",
        help=_("keep the N newest backups of this database (default: 20)"),
    )
    actions.add_parser("backups", parents=[common], help=_("list this database's backups, newest first"))
    restore = actions.add_parser(
        "restore",
        parents=[common],
        help=_("replace the database with a verified backup (the current file is moved aside)"),
    )
    restore.add_argument(
        "backup", metavar="BACKUP", help=_("backup file: a path, or a file name in the backup folder")
    )
    actions.add_parser("reindex", parents=[common], help=_("rebuild the search index from every record"))
    copy = actions.add_parser(
        "copy",
        help=_("copy every event a database lacks from another (a file into a server, or back)"),
        description=_(
            "Copy events, their patterns and their history from one database into another. "
            "Running it again changes nothing; an event that exists on both sides with different "
            "content is reported, never overwritten."
        ),
    )
    copy.add_argument("--from", dest="source", required=True, metavar="SOURCE", help=_("file or URL to read"))
    copy.add_argument("--to", dest="target", required=True, metavar="TARGET", help=_("file or URL to write"))


def _cmd_db(args: argparse.Namespace) -> int:
    from facilitator.storage.location import plain_sqlite_path

    if args.db_command == "copy":
        from ui.cli.db_server import copy

        return copy(args)
    path = plain_sqlite_path(args.db)
    if path is None:
        from ui.cli.db_server import run_on_server

        return run_on_server(args)
    if not os.path.lexists(path) and args.db_command in _DB_READERS:
        return _db_missing(args, path)
    if args.db_command == "restore":
        _check_restore_place(args, path)
    return _DB_HANDLERS[args.db_command](args, path)


# The db actions that only read the database (backup copies it out): none of
# them may leave a file or folder behind when there is no database.
_DB_READERS = {"check", "backup", "backups", "reindex"}


def _db_missing(args: argparse.Namespace, path: Path) -> int:
    """Say there is no database, and name the backups of that file when there are any.

    A database that is gone is when its backups matter most, so ``db backups``
    still lists them, and ``db check`` names the newest and how to restore it.
    """
    from facilitator.storage import backups

    found = backups.list_backups(path)
    if args.db_command == "backups" and found:
        note(_("there is no database at {path} now; its backups:").format(path=path))
        return _db_backups(args, path)
    fail(no_database(path, args.db))
    newest = backups.newest_verified_backup(path) if found and args.db_command == "check" else None
    if newest is not None:
        hint(_restore_hint(newest, path))
    return 1


def _check_restore_place(args: argparse.Namespace, path: Path) -> None:
    """Restore into a missing folder only when it is the app's own data folder."""
    from facilitator.storage.errors import MissingFolderError
    from facilitator.storage.location import is_default_database

    if not os.path.lexists(path) and not path.parent.is_dir() and not is_default_database(path):
        raise CommandError(f"{MissingFolderError(path)} ({origin(args.db)})")


def _restore_hint(newest: Backup, path: Path) -> str:
    return _("the newest verified backup is {backup} (taken {moment}); restore it with: {command}").format(
        backup=newest.path,
        moment=iso_time(newest.created),
        command=f"{PROG} db restore {shlex.quote(str(newest.path))} --db {shlex.quote(str(path))}",
    )


def _db_check(args: argparse.Namespace, path: Path) -> int:
    from facilitator.storage import backups, integrity, recovery

    problems = integrity.check_database(path)
    if not problems:
        # Translators: the verdict of `db check` on a sound database file.
        print(_("{path}: ok").format(path=path))
        return 0
    for problem in problems:
        fail(f"{path}: {' '.join(problem.split())}")
    foreign = _foreign(path)
    if foreign is not None:
        # Not ours, so not damaged either: never moved aside, never "restored".
        hint(_("{problem}; nothing was moved or changed").format(problem=foreign))
        return 1
    exists = any(os.path.lexists(f"{path}{suffix}") for suffix in ("",) + integrity.JOURNAL_SUFFIXES)
    moved = None
    if args.move_aside and exists:
        moved = recovery.move_aside(path)
        print(
            _("{prog}: moved {path} and its journal files to {folder}").format(
                prog=PROG, path=path, folder=moved
            ),
            file=sys.stderr,
        )
    newest = backups.newest_verified_backup(path)
    if newest is not None:
        hint(_restore_hint(newest, path))
    elif exists and moved is None:
        hint(
            _(
                "there is no verified backup of {path} in {folder}; to set the damaged file aside: {command}"
            ).format(
                path=path,
                folder=backups.backup_folder(),
                command=f"{PROG} db check --move-aside --db {shlex.quote(str(path))}",
            )
        )
    else:
        hint(
            _("there is no verified backup of {path} in {folder}").format(
                path=path, folder=backups.backup_folder()
            )
        )
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


def _db_backup(args: argparse.Namespace, path: Path) -> int:
    from facilitator.storage.backups import take_backup

    backup = take_backup(path, keep=args.keep, reason="manual")
    print(
        _("Backed up {path} to {backup} ({size})").format(
            path=path, backup=backup.path, size=describe_size(backup.size)
        )
    )
    return 0


def _db_backups(args: argparse.Namespace, path: Path) -> int:
    from facilitator.storage.backups import backup_folder, list_backups

    found = list_backups(path)
    if not found:
        print(
            _("No backups of {path} yet in {folder}; take one with: {command}").format(
                path=path, folder=backup_folder(), command=f"{PROG} db backup --db {shlex.quote(str(path))}"
            )
        )
        return 0
    for backup in found:
        print(f"{iso_time(backup.created)}  {describe_size(backup.size):>10}  {backup.path}")
    return 0


def _db_restore(args: argparse.Namespace, path: Path) -> int:
    from facilitator.storage.backups import backup_folder
    from facilitator.storage.recovery import restore_backup

    backup = Path(args.backup).expanduser()
    if not backup.exists() and backup.name == args.backup:
        # A bare file name, as `db backups` shows it, is looked up in the backup folder.
        backup = backup_folder() / backup.name
    if not backup.is_file():
        raise CommandError(_("{backup}: no such backup file").format(backup=args.backup))
    moved = restore_backup(backup, path)
    print(_("Restored {path} from the verified backup {backup}").format(path=path, backup=backup))
    if moved is not None:
        print(_("The previous file and its journal files were moved to {folder}").format(folder=moved))
    else:
        print(_("There was no previous file to move aside"))
    return 0


def _db_reindex(args: argparse.Namespace, path: Path) -> int:
    from ui.cli.db_server import reindex

    return reindex(args, str(path))


_DB_HANDLERS: dict[str, DbHandler] = {
    "check": _db_check,
    "backup": _db_backup,
    "backups": _db_backups,
    "restore": _db_restore,
    "reindex": _db_reindex,
}

HANDLERS: dict[str, Handler] = {"db": _cmd_db}
