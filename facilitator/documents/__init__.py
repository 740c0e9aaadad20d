"""Strict, hostile-input-safe reading of YAML and JSON documents.

Two layers:

* :mod:`~facilitator.documents.loader` turns a file into *located values*:
  :class:`LocatedMapping` / :class:`LocatedSequence` that remember the line
  and column of every key and value. It refuses anything beyond plain data
  (aliases, custom tags, duplicate keys, deep nesting, huge files, bad UTF-8).
* :mod:`~facilitator.documents.schema` checks those values against a schema
  written as a few readable calls (``check_keys``, ``get_text``, ``get_int``…).

Every problem is a :class:`DocumentError` whose text is
``"<path>:<line>:<column>: <problem>"``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from facilitator.documents.errors import DocumentError

if TYPE_CHECKING:
    # The type checker sees the real names; at run time ``__getattr__`` below
    # imports them on first use, so that catching a DocumentError (as every
    # command line run does) does not load the YAML reader.
    from facilitator.documents._yaml_core import CORE_RESOLVERS
    from facilitator.documents.loader import (
        DEFAULT_MAX_BYTES,
        MAX_DEPTH,
        load_document,
        parse_document,
    )
    from facilitator.documents.located import (
        LocatedMapping,
        LocatedSequence,
        Mark,
        error_at,
        to_plain,
    )
    from facilitator.documents.notices import TextNotice

__all__ = [
    "CORE_RESOLVERS",
    "DEFAULT_MAX_BYTES",
    "MAX_DEPTH",
    "DocumentError",
    "LocatedMapping",
    "LocatedSequence",
    "Mark",
    "TextNotice",
    "error_at",
    "load_document",
    "parse_document",
    "to_plain",
]

_HOMES = {
    "CORE_RESOLVERS": "_yaml_core",
    "DEFAULT_MAX_BYTES": "loader",
    "MAX_DEPTH": "loader",
    "load_document": "loader",
    "parse_document": "loader",
    "LocatedMapping": "located",
    "LocatedSequence": "located",
    "Mark": "located",
    "error_at": "located",
    "to_plain": "located",
    "TextNotice": "notices",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'facilitator.documents' has no attribute {name!r}")
    return getattr(import_module(f"facilitator.documents.{home}"), name)
