"""Schema helpers for mappings and lists: their keys, and the containers under them."""

from __future__ import annotations

import difflib
from collections.abc import Collection

from facilitator.documents.located import (
    START,
    LocatedMapping,
    LocatedSequence,
    Mark,
    error_at,
)
from facilitator.documents.problems import (
    at_key,
    describe,
    key_error,
    missing_key,
    shorten,
    value_error,
    with_path,
)
from facilitator.i18n import _, ngettext

__all__ = ["check_keys", "expect_mapping", "expect_sequence", "get_mapping", "get_sequence"]


def expect_mapping(value: object, where: str, *, source: str, mark: Mark | None = None) -> LocatedMapping:
    """Return ``value`` if it is a mapping, else raise.

    Args:
        value: A value from the loader (the whole document, or an item).
        where: Its path; ``""`` for the whole document.
        source: File name for the message.
        mark: Where ``value`` is; defaults to its own mark, or the file start.
    """
    if isinstance(value, LocatedMapping):
        return value
    if where:
        problem = _("expected a mapping of keys and values (like 'key: value'), got {got}")
    else:
        problem = _("the file must contain keys and values (like 'key: value'), got {got}")
    raise error_at(source, _mark_of(value, mark), with_path(where, problem.format(got=describe(value))))


def expect_sequence(value: object, where: str, *, source: str, mark: Mark | None = None) -> LocatedSequence:
    """Return ``value`` if it is a list, else raise (see :func:`expect_mapping`)."""
    if isinstance(value, LocatedSequence):
        return value
    problem = _("expected a list, got {got}") if where else _("the file must contain a list, got {got}")
    raise error_at(source, _mark_of(value, mark), with_path(where, problem.format(got=describe(value))))


def check_keys(
    mapping: LocatedMapping,
    where: str,
    *,
    required: Collection[str],
    optional: Collection[str] = (),
) -> None:
    """Refuse keys outside ``required | optional`` and missing required keys.

    Unknown keys are reported first, at the key, because a misspelt optional
    or required key is the usual cause of both.
    """
    allowed = set(required) | set(optional)
    for key in mapping:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            if close:
                problem = _('unknown key "{key}" (did you mean "{close}"?); allowed keys: {allowed}')
            else:
                problem = _('unknown key "{key}"; allowed keys: {allowed}')
            shown = problem.format(
                key=shorten(key), close=close[0] if close else "", allowed=", ".join(sorted(allowed))
            )
            raise key_error(mapping, key, where, shown)
    missing = sorted(key for key in required if key not in mapping)
    if missing:
        names = ", ".join(f'"{key}"' for key in missing)
        problem = ngettext("missing required key {names}", "missing required keys {names}", len(missing))
        raise error_at(mapping.source, mapping.mark, with_path(where, problem.format(names=names)))


def get_mapping(
    mapping: LocatedMapping, key: str, where: str, *, required: bool = True
) -> LocatedMapping | None:
    """Return the mapping under ``key`` (``None`` if optional and absent)."""
    if key not in mapping:
        if required:
            raise missing_key(mapping, key, where)
        return None
    return expect_mapping(
        mapping[key], at_key(where, key), source=mapping.source, mark=mapping.value_mark(key)
    )


def get_sequence(
    mapping: LocatedMapping,
    key: str,
    where: str,
    *,
    required: bool = True,
    min_items: int = 0,
    max_items: int | None = None,
    item_name: str = "item",
) -> LocatedSequence:
    """Return the list under ``key``; an absent optional or empty value is ``[]``.

    ``item_name`` names the items in messages: "item", "step", "change" or
    "coalition" (each has its sentences in the catalog; another name reads "item").

    ``key:`` with nothing after it counts as an empty list, which is what a
    person writing it means.
    """
    if key not in mapping:
        if required:
            raise missing_key(mapping, key, where)
        return LocatedSequence((), source=mapping.source, mark=mapping.mark)
    value = mapping[key]
    if value is None:
        value = LocatedSequence((), source=mapping.source, mark=mapping.value_mark(key))
    items = expect_sequence(value, at_key(where, key), source=mapping.source, mark=mapping.value_mark(key))
    count = len(items)
    if count < min_items:
        problem = _too_few(item_name, min_items)
        raise value_error(mapping, key, where, problem.format(count=min_items, got=count))
    if max_items is not None and count > max_items:
        problem = _too_many(item_name, max_items)
        raise value_error(mapping, key, where, problem.format(count=max_items, got=count))
    return items


def _too_few(item_name: str, count: int) -> str:
    """Return "must have at least {count} steps, got {got}" for the item names the schemas use."""
    if item_name == "step":
        return ngettext(
            "must have at least {count} step, got {got}", "must have at least {count} steps, got {got}", count
        )
    if item_name == "change":
        return ngettext(
            "must have at least {count} change, got {got}",
            "must have at least {count} changes, got {got}",
            count,
        )
    if item_name == "coalition":
        return ngettext(
            "must have at least {count} coalition, got {got}",
            "must have at least {count} coalitions, got {got}",
            count,
        )
    return ngettext(
        "must have at least {count} item, got {got}", "must have at least {count} items, got {got}", count
    )


def _too_many(item_name: str, count: int) -> str:
    """Return "must have at most {count} steps, got {got}" for the item names the schemas use."""
    if item_name == "step":
        return ngettext(
            "must have at most {count} step, got {got}", "must have at most {count} steps, got {got}", count
        )
    if item_name == "change":
        return ngettext(
            "must have at most {count} change, got {got}",
            "must have at most {count} changes, got {got}",
            count,
        )
    if item_name == "coalition":
        return ngettext(
            "must have at most {count} coalition, got {got}",
            "must have at most {count} coalitions, got {got}",
            count,
        )
    return ngettext(
        "must have at most {count} item, got {got}", "must have at most {count} items, got {got}", count
    )


def _mark_of(value: object, mark: Mark | None) -> Mark:
    """Return ``mark``, else where ``value`` itself starts, else the start of the file."""
    if mark is not None:
        return mark
    own = getattr(value, "mark", START)
    return own if isinstance(own, Mark) else START
