"""``scale-across agenda check|list``: validate an agenda file, list the agendas."""

from __future__ import annotations

import argparse
from pathlib import Path

from facilitator import numbers
from facilitator.i18n import _, ngettext
from ui.cli.common import Handler, Subcommands, warn


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
        steps, minutes = len(agenda.steps), agenda.total_minutes
        print(
            _("{file}: ok — “{title}”, {steps}, {minutes}").format(
                file=args.file,
                title=agenda.title,
                steps=ngettext("{count} step", "{count} steps", steps).format(count=numbers.integer(steps)),
                minutes=ngettext("{count} minute", "{count} minutes", minutes).format(
                    count=numbers.integer(minutes)
                ),
            )
        )
        return 0
    from facilitator.agenda import load_catalog

    catalog = load_catalog()
    for agenda in catalog.agendas:
        # Translators: where an agenda in the list comes from: it ships with the app.
        origin = _("shipped") if agenda.shipped else agenda.source
        # Translators: minutes in the agenda list's duration column ("90 min").
        duration = _("{minutes} min").format(minutes=numbers.integer(agenda.total_minutes))
        print(f"{agenda.id:<24} {duration:>7}  {agenda.title}  ({origin})")
    for problem in catalog.problems:
        warn(str(problem))
    return 0


HANDLERS: dict[str, Handler] = {"agenda": _cmd_agenda}
