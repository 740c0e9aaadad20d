"""The YAML 1.2 core schema, plus dates: which unquoted words become which types.

PyYAML resolves plain scalars by YAML 1.1. Here ``true``/``false`` (any
capitalisation the core schema allows) are the only yes/no values, so ``No``,
``yes``, ``on`` stay text; ``null``, ``~`` and nothing are empty; whole
numbers are decimal, ``0o17`` or ``0x1F`` (no ``1:30`` read as 90, no
``0777`` read as octal, no ``1_000``); decimals have no base-60 form either.
One deliberate addition: unquoted ISO dates and date-times (``2026-06-01``)
stay dates, because event files rely on them.

The reader (:mod:`facilitator.documents._yaml`) and the event file exporter
both resolve by :data:`CORE_RESOLVERS`, so what is written reads back the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import yaml
from yaml.nodes import ScalarNode

from facilitator.i18n import N_

__all__ = [
    "ALLOWED_TAGS",
    "BAD_SCALAR",
    "BOOL",
    "CONSTRUCTORS",
    "CORE",
    "CORE_RESOLVERS",
    "FLOAT",
    "INT",
    "MAP",
    "MERGE",
    "NULL",
    "SEQ",
    "STR",
    "TIMESTAMP",
    "VALUE",
]

CORE = "tag:yaml.org,2002:"
STR, MAP, SEQ = CORE + "str", CORE + "map", CORE + "seq"
NULL, BOOL, INT = CORE + "null", CORE + "bool", CORE + "int"
FLOAT, TIMESTAMP = CORE + "float", CORE + "timestamp"
MERGE, VALUE = CORE + "merge", CORE + "value"

ALLOWED_TAGS = frozenset({"!", STR, MAP, SEQ, NULL, BOOL, INT, FLOAT, TIMESTAMP})
"""Tags a document may write explicitly (``!!str 1``); ``!`` forces plain text."""

# What to say when text cannot become the type its tag (or its look) implies,
# e.g. `2025-02-30` looks like a date but is not one.
BAD_SCALAR = {
    INT: N_('"{value}" is not a valid whole number (put it in quotes if it is text)'),
    FLOAT: N_('"{value}" is not a valid number (put it in quotes if it is text)'),
    BOOL: N_('"{value}" is not a valid yes/no value'),
    TIMESTAMP: N_('"{value}" is not a valid date (write dates as YYYY-MM-DD)'),
}
"""Each message, marked: translate it, then fill in ``{value}``."""

_TRUE, _FALSE = ("true", "True", "TRUE"), ("false", "False", "FALSE")
_NULLS = ("", "~", "null", "Null", "NULL")
_DECIMAL = re.compile(r"[-+]?[0-9]+")
_OCTAL = re.compile(r"0o[0-7]+")
_HEXADECIMAL = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT_FORM = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NOT_A_NUMBER = re.compile(r"\.(?:nan|NaN|NAN)")
_TIMESTAMP_FORM = next(
    pattern for tag, pattern in yaml.resolver.Resolver.yaml_implicit_resolvers["0"] if tag == TIMESTAMP
)


def _exactly(*words: str) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(re.escape(word) for word in words) + r")\Z")


def _whole(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(p.pattern for p in patterns) + r")\Z")


# (tag, pattern, first characters) in the order they are tried; an int is
# tried before a float, and `2026-06-01` is neither.
CORE_RESOLVERS: tuple[tuple[str, re.Pattern[str], str | Sequence[str]], ...] = (
    (BOOL, _exactly(*_TRUE, *_FALSE), "tTfF"),
    (NULL, _exactly(*_NULLS), ["~", "n", "N", ""]),
    (INT, _whole(_DECIMAL, _OCTAL, _HEXADECIMAL), "-+0123456789"),
    (FLOAT, _whole(_FLOAT_FORM, _INFINITY, _NOT_A_NUMBER), "-+.0123456789"),
    (TIMESTAMP, _TIMESTAMP_FORM, "0123456789"),
    (MERGE, _exactly("<<"), "<"),
)
"""The implicit resolvers of the YAML 1.2 core schema, plus dates; the exporter uses them too."""


def _scalar_text(loader: yaml.SafeLoader, node: ScalarNode) -> str:
    return loader.construct_scalar(node)


def _construct_bool(loader: yaml.SafeLoader, node: ScalarNode) -> bool:
    value = _scalar_text(loader, node)
    if value not in _TRUE + _FALSE:
        raise ValueError(value)
    return value in _TRUE


def _construct_null(loader: yaml.SafeLoader, node: ScalarNode) -> None:
    if _scalar_text(loader, node) not in _NULLS:
        raise ValueError(node.value)


def _construct_int(loader: yaml.SafeLoader, node: ScalarNode) -> int:
    value = _scalar_text(loader, node)
    if _DECIMAL.fullmatch(value):
        return int(value)
    if _OCTAL.fullmatch(value):
        return int(value[2:], 8)
    if _HEXADECIMAL.fullmatch(value):
        return int(value[2:], 16)
    raise ValueError(value)


def _construct_float(loader: yaml.SafeLoader, node: ScalarNode) -> float:
    value = _scalar_text(loader, node)
    if _FLOAT_FORM.fullmatch(value):
        return float(value)
    if _INFINITY.fullmatch(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if _NOT_A_NUMBER.fullmatch(value):
        return float("nan")
    raise ValueError(value)


CONSTRUCTORS: tuple[tuple[str, Callable[[yaml.SafeLoader, ScalarNode], object]], ...] = (
    (BOOL, _construct_bool),
    (NULL, _construct_null),
    (INT, _construct_int),
    (FLOAT, _construct_float),
)
"""The core schema's constructors, to replace the safe loader's YAML 1.1 ones.

Each raises ValueError for text its tag cannot read; the reader turns that
into the :data:`BAD_SCALAR` message.
"""
