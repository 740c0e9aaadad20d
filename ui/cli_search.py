"""The ``scale-across`` follow-up commands of this module (wired in ui/cli.py)."""

from __future__ import annotations

HANDLERS: dict = {}


def add_parsers(commands, common) -> None:
    """Add this module's subcommands to the parser."""
