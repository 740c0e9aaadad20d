"""Helpers that let a document schema read like its description.

Each helper takes a :class:`LocatedMapping` produced by the loader, a key, and
``where`` — the readable path of that mapping (``""`` for the top level,
``"steps[2]"`` for the second step) — and either returns a clean Python value
or raises :class:`DocumentError` at the line and column of the problem, with a
message that names the key and what was expected::

    steps[2].timebox_minutes: must be a positive whole number of minutes, got -5

List positions in paths are 1-based (``steps[1]`` is the first step) because
facilitators count that way; build paths with :func:`at_key` and
:func:`at_index` so all schemas agree.

Missing optional keys return the ``default`` argument. Text is returned as
the app stores text (:func:`facilitator.stored_text.clean`): the readers
already cleaned every text value, reporting or refusing what they dropped at
its line and column, so here surrounding whitespace is all that goes (block
scalars end with a newline nobody meant). A value that still holds a
character the rule drops (a key, or a value built by hand) is refused.

Schemas import every helper from here. They live in
:mod:`~facilitator.documents.problems` (paths and messages),
:mod:`~facilitator.documents.containers` (keys, mappings, lists) and
:mod:`~facilitator.documents.scalars` (single values).
"""

from __future__ import annotations

from facilitator.documents.containers import (
    check_keys,
    expect_mapping,
    expect_sequence,
    get_mapping,
    get_sequence,
)
from facilitator.documents.problems import (
    at_index,
    at_key,
    describe,
    describe_number,
    key_error,
    value_error,
)
from facilitator.documents.scalars import (
    DEFAULT_MAX_TEXT,
    SLUG_MAX_LENGTH,
    check_text,
    get_bool,
    get_date,
    get_enum,
    get_enum_list,
    get_int,
    get_slug,
    get_text,
    get_text_list,
)

__all__ = [
    "DEFAULT_MAX_TEXT",
    "SLUG_MAX_LENGTH",
    "at_index",
    "at_key",
    "check_keys",
    "check_text",
    "describe",
    "describe_number",
    "expect_mapping",
    "expect_sequence",
    "get_bool",
    "get_date",
    "get_enum",
    "get_enum_list",
    "get_int",
    "get_mapping",
    "get_sequence",
    "get_slug",
    "get_text",
    "get_text_list",
    "key_error",
    "value_error",
]
