"""The command line's language: ``--lang``, else the system's, for our words and argparse's.

The language must be set before the parser is built (its help texts are
translated as they are added), so ``--lang`` is read from the arguments
ahead of the parser; the parser declares it too, for ``--help`` and for
checking. argparse's own words ("usage:", "options", its errors) go through
the module's ``_`` and ``ngettext``, looked up when called: pointing them at
ours lets our catalogs translate them (their message ids are listed below).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from facilitator import i18n
from facilitator.i18n import N_

# argparse's messages a user meets, exactly as argparse writes them (Python
# 3.11+), so that extraction puts them in the catalogs.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
)


def lang_option(argv: Sequence[str]) -> str | None:
    """Return the value of a global ``--lang`` in ``argv`` (``--lang de`` or ``--lang=de``), if any."""
    for index, word in enumerate(argv):
        if word == "--":
            return None
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
    return None


def choose_language(argv: Sequence[str]) -> str:
    """Speak the language ``--lang`` in ``argv`` names, else the system's; return its code.

    Raises:
        i18n.UnknownLanguageError: ``--lang`` names a language without a catalog;
            the system's is in use, to say so.
    """
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    code = i18n.set_language(i18n.system_language())
    wanted = lang_option(argv)
    return code if wanted is None else i18n.set_language(wanted)
