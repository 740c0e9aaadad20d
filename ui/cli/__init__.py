"""The ``scale-across`` command: the GUI by default, and subcommands for scripts.

Qt is imported only when the GUI starts, so the subcommands stay fast and
run on machines without a display. Each command group lives in its own
module (``events``, ``check``, ``files``, ``agenda``, ``db``, ``search``, ``figures``)
and imports what it needs when it runs; what they share is in ``common``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from exports.errors import ExportError
from facilitator import __version__
from facilitator.applog import log_exception
from facilitator.documents import DocumentError
from facilitator.i18n import UnknownLanguageError, _
from facilitator.services.errors import ServiceError
from facilitator.storage import StorageError
from ui.cli import agenda, check, db, events, figures, files, search
from ui.cli.common import PROG, CommandError, Handler, fail
from ui.cli.lang import choose_language

__all__ = ["build_parser", "main"]

# The order of the commands in ``--help``.
_ADD_PARSERS = (
    events.add_parsers,
    check.add_parsers,
    files.add_parsers,
    agenda.add_parsers,
    db.add_parsers,
    search.add_parsers,
    figures.add_parsers,
)

_HANDLERS: dict[str, Handler] = {
    **events.HANDLERS,
    **check.HANDLERS,
    **files.HANDLERS,
    **agenda.HANDLERS,
    **db.HANDLERS,
    **search.HANDLERS,
    **figures.HANDLERS,
}


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every subcommand, in the language in use."""
    db_help = _("database file (or SQLAlchemy URL); default: $SCALE_ACROSS_DB or the user data folder")
    lang_help = _("language of the messages, e.g. de or en; default: the system's ($LANGUAGE, $LANG)")
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS keeps a subcommand's missing --db from overwriting one given before it.
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    # Read ahead of the parser (ui.cli.lang); declared for --help and for checking.
    common.add_argument("--lang", metavar="LANG", default=argparse.SUPPRESS, help=lang_help)

    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_("Run Scale Across events. Without a command, the app window opens."),
    )
    parser.add_argument("--db", metavar="PATH", default=None, help=db_help)
    parser.add_argument("--lang", metavar="LANG", default=None, help=lang_help)
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help=_("show the version and exit")
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", parents=[common], help=_("open the app window (the default)"))
    for add_parsers in _ADD_PARSERS:
        add_parsers(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        choose_language(arguments)
    except UnknownLanguageError as exc:
        fail(str(exc))
        return 2
    args = build_parser().parse_args(arguments)
    command = args.command or "gui"
    try:
        if command == "gui":
            from ui.app import run_gui

            return run_gui(args.db)
        handler = _HANDLERS[command]
        return handler(args) or 0
    except BrokenPipeError:
        # The reader went away (`scale-across figures | head`): not an error to report.
        # Point stdout at nothing so Python's exit flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (CommandError, DocumentError, ServiceError, StorageError, OSError, ExportError) as exc:
        fail(_one_line(exc))
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last guard: never a traceback on screen
        where = log_exception(exc, f"{PROG} {command}")
        detail = _(" (details in {where})").format(where=where) if where else ""
        fail(_("unexpected error: {problem}").format(problem=_one_line(exc)) + detail)
        return 1


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return " ".join(str(exc).split()) or type(exc).__name__
