"""The one rule for a participant's e-mail address: plausible, single, or none at all.

The app does not send mail; it hands addresses to calendar invitations and
mail drafts. So the rule catches what would make those fail or go astray
(a typo, two addresses pasted into one field, ``Ana <ana@example.org>`` copied
from a mail client) without claiming that an address exists. Typed in the
window and read from an event file, an address passes :func:`normalise_email`,
so both roads store the same thing and refuse the same things.

Deliberately accepted: non-ASCII letters on both sides of the @ (RFC 6531
addresses such as ``zoë@bücher.de`` or ``用户@例子.广告``) and punycode domains.
Deliberately refused, though RFC 5322 allows them: quoted local parts and
comments (``"a b"@x.org``, ``ana(work)@x.org``) and domains without a dot
(``ana@localhost``), which nobody at an event means.
"""

from __future__ import annotations

import unicodedata

__all__ = ["MAX_EMAIL_LENGTH", "MAX_LOCAL_LENGTH", "EmailAddressError", "normalise_email"]

MAX_EMAIL_LENGTH = 254
"""Longest address, in characters (RFC 5321's path limit; the column's size)."""
MAX_LOCAL_LENGTH = 64
"""Longest part before the @, in characters."""
_MAX_LABEL = 63
_EXAMPLE = "like name@example.org"
# Characters that only occur in a display name, a list or a quoted form
# (``Ana <a@x.org>``, ``a@x.org, b@x.org``), never in one plain address.
_SPECIALS = frozenset('<>,;:"()[]\\')
_SHOWN = 60


class EmailAddressError(ValueError):
    """The text is not one plausible e-mail address; the message says why, in one line."""


def normalise_email(text: str) -> str:
    """Return the address as stored: without surrounding whitespace, or "" for none.

    Args:
        text: What was typed or read; "" (or only whitespace) means no address.

    Returns:
        The stripped address, or "" when there is none.

    Raises:
        EmailAddressError: ``text`` is not one plausible address, e.g.
            ``"zoe@example" is not an e-mail address: the part after @ needs a
            dot, like name@example.org``.
    """
    address = text.strip()
    if not address:
        return ""
    problem = _problem(address)
    if problem:
        raise EmailAddressError(f'"{_shown(address)}" is not an e-mail address: {problem}')
    return address


def _problem(address: str) -> str | None:
    """Return what is wrong with a stripped, non-empty address, or None."""
    if len(address) > MAX_EMAIL_LENGTH:
        return f"it has {len(address)} characters, at most {MAX_EMAIL_LENGTH}"
    for char in address:
        category = unicodedata.category(char)
        if char.isspace() or category.startswith("Z"):
            return f"it contains a space or line break; give one address, {_EXAMPLE}"
        if category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return f"it contains an invisible character (U+{ord(char):04X}); type the address again"
        if char in _SPECIALS:
            return f'"{char}" cannot be part of an address; give the address alone, {_EXAMPLE}'
    ats = address.count("@")
    if ats == 0:
        return f"it needs an @ between the name and the domain, {_EXAMPLE}"
    if ats > 1:
        return f"it has {ats} @ signs; an address has exactly one, {_EXAMPLE}"
    local, domain = address.split("@")
    return _local_problem(local) or _domain_problem(domain)


def _local_problem(local: str) -> str | None:
    if not local:
        return f"nothing comes before the @, {_EXAMPLE}"
    if len(local) > MAX_LOCAL_LENGTH:
        return f"the part before @ has {len(local)} characters, at most {MAX_LOCAL_LENGTH}"
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return "the part before @ cannot start or end with a dot or have two dots in a row"
    return None


def _domain_problem(domain: str) -> str | None:
    if not domain:
        return f"nothing comes after the @, {_EXAMPLE}"
    if "." not in domain:
        return f"the part after @ needs a dot, {_EXAMPLE}"
    if domain.startswith(".") or domain.endswith(".") or ".." in domain:
        return "the part after @ cannot start or end with a dot or have two dots in a row"
    for label in domain.split("."):
        for char in label:
            # Letters and digits of any script, with their combining marks
            # (Devanagari or Thai domains need them), and hyphens.
            if char != "-" and unicodedata.category(char)[0] not in "LMN":
                return (
                    f'"{char}" cannot be part of the domain (after @): only letters, digits, hyphens and dots'
                )
        if label.startswith("-") or label.endswith("-"):
            return f'the part "{label}" of the domain cannot start or end with a hyphen'
        if len(label) > _MAX_LABEL:
            return f"a part of the domain has {len(label)} characters, at most {_MAX_LABEL}"
    return None


def _shown(address: str) -> str:
    """Return the address as a message quotes it: short, and on one line."""
    shown = address if len(address) <= _SHOWN else address[: _SHOWN - 1] + "…"
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in shown)
