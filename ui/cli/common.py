"""What every ``scale-across`` subcommand shares: the error type, messages, the database.

The command modules import this one and never each other, so each stays
readable alone and the package has no import loops.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from facilitator.i18n import _

if TYPE_CHECKING:
    from facilitator.storage.database import Database, PasswordRequiredError

PROG = "scale-across"

Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What ``add_subparsers`` returns: each command module adds its parsers to it."""

Handler: TypeAlias = Callable[[argparse.Namespace], int]
"""Runs one subcommand; returns the exit status."""

DbHandler: TypeAlias = Callable[[argparse.Namespace, Path], int]
"""Runs one ``db`` action on the database file; returns the exit status."""


class CommandError(Exception):
    """A problem the user can fix; printed as one line."""


def fail(message: str) -> None:
    """Print ``message`` as the command's error line on stderr."""
    print(_("{prog}: error: {message}").format(prog=PROG, message=message), file=sys.stderr)


def note(message: str) -> None:
    """Print ``message`` as a note on stderr: something done that the user should know."""
    print(_("{prog}: note: {message}").format(prog=PROG, message=message), file=sys.stderr)


def warn(message: str) -> None:
    """Print ``message`` as a warning on stderr: something left undone, the command went on."""
    print(_("{prog}: warning: {message}").format(prog=PROG, message=message), file=sys.stderr)


def hint(message: str) -> None:
    """Print ``message`` as a hint on stderr, after an error: what to do about it."""
    print(_("{prog}: hint: {message}").format(prog=PROG, message=message), file=sys.stderr)


def positive_int(text: str) -> int:
    """Parse a count given on the command line.

    Raises:
        argparse.ArgumentTypeError: ``text`` is not a whole number of at least 1.
    """
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("must be a whole number of at least 1, not {value}").format(value=repr(text))
        )
    return value


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the database ``--db`` names; a file it refuses is left untouched.

    Only commands that make records (``demo``, ``import``) pass ``create``:
    a command that reads, given a path with no database, says so and creates
    nothing, because a mistyped path must not become a new, empty database.
    A damaged file of ours also names the command that lists its backups.

    Raises:
        CommandError: there is no database there, or its folder is missing, or it is damaged.
    """
    return open_target(args.db, create=create)


def open_target(target: str | None, *, create: bool = False) -> Database:
    """Open the database ``target`` names (a path, a URL, or None for the default), as :func:`open_db`.

    On a server that asks for a password libpq has no file for, a user at a
    terminal is asked for it (not echoed, kept only in memory). What opening
    did that the user should know (read-only, a dump before a migration) is
    printed as a note on stderr.
    """
    from facilitator.storage import open_database
    from facilitator.storage.database import PasswordRequiredError
    from facilitator.storage.errors import MissingDatabaseError, MissingFolderError
    from facilitator.storage.integrity import CorruptDatabaseError

    try:
        try:
            db = open_database(target, create=create)
        except PasswordRequiredError as exc:
            db = open_database(_with_password(exc), create=create)
        for notice in db.notices:
            note(notice)
        return db
    except PasswordRequiredError as exc:
        raise CommandError(str(exc)) from None
    except MissingDatabaseError as exc:
        raise CommandError(no_database(exc.path, target)) from None
    except MissingFolderError as exc:
        raise CommandError(f"{exc} ({origin(target)})") from None
    except CorruptDatabaseError as exc:
        raise CommandError(
            _("{problem}; to see its newest backup and how to restore it: {command}").format(
                problem=exc, command=f"{PROG} db check --db {shlex.quote(str(exc.path))}"
            )
        ) from None


def _with_password(needed: PasswordRequiredError) -> str:
    """Ask for the password at the terminal; give up (re-raising) when there is none to ask."""
    import getpass

    from sqlalchemy.engine import make_url

    if not sys.stdin.isatty():
        raise needed
    url = make_url(needed.url)
    try:
        # Translators: the prompt for a server's password; {user} may be "you", {host} "the server".
        prompt = _("Password for {user} at {host}: ").format(
            # Translators: whose password is asked for, when the URL names no user.
            user=url.username or _("you"),
            # Translators: where the password is for, when the URL names no host.
            host=url.host or _("the server"),
        )
        password = getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        raise needed from None
    return url.set(password=password).render_as_string(hide_password=False)


def no_database(path: Path, target: str | None) -> str:
    """Say that a command that reads found no database, and how to make one."""
    return _(
        'no database at {path} ({origin}); create one with "{demo}" or "{import_file}", or check the path'
    ).format(path=path, origin=origin(target), demo=f"{PROG} demo", import_file=f"{PROG} import FILE")


def origin(target: str | None) -> str:
    """Say where the database path came from (``--db``, the environment, the default)."""
    from facilitator.storage.location import origin

    return origin(target)
