"""Text bound for a terminal, made safe to print."""

from __future__ import annotations

import re
from pathlib import Path

from facilitator.i18n import _

# Terminal control characters in stored text (an escape sequence typed into a
# name, say) must not reach the terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Return ``text`` with every control character replaced by a space."""
    return _CONTROL.sub(" ", text)


def say_created(folder: Path | None) -> None:
    """Tell the user about a folder a command made for its output, as ``mkdir -v`` would."""
    if folder is not None and folder.is_dir():
        print(_("Created the folder {folder}").format(folder=printable(str(folder))))
