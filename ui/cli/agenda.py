"""``scale-across agenda check|list``: validate an agenda file, list the agendas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.i18n import _
from ui.cli.common import PROG, Handler, Subcommands


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """Add ``agenda`` and its actions to the parser."""
    agenda = commands.add_parser("agenda", parents=[common], help=_("work with agenda files"))
    agenda_commands = agenda.add_subparsers(dest="agenda_command", metavar="ACTION", required=True)
    check = agenda_commands.add_parser("check", help=_("validate an agenda file"))
    check.add_argument("file", type=Path)
    agenda_commands.add_parser("list", help=_("list shipped and user agendas"))


def _cmd_agenda(args: argparse.Namespace) -> int:
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


HANDLERS: dict[str, Handler] = {"agenda": _cmd_agenda}
