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

from facilitator.i18n import _

__all__ = ["MAX_EMAIL_LENGTH", "MAX_LOCAL_LENGTH", "EmailAddressError", "normalise_email"]

MAX_EMAIL_LENGTH = 254
"""Longest address, in characters (RFC 5321's path limit; the column's size)."""
MAX_LOCAL_LENGTH = 64
"""Longest part before the @, in characters."""
_MAX_LABEL = 63
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
        raise EmailAddressError(
            _('"{address}" is not an e-mail address: {problem}').format(
                address=_shown(address), problem=problem
            )
        )
    return address


def _problem(address: str) -> str | None:
    """Return what is wrong with a stripped, non-empty address, or None."""
    if len(address) > MAX_EMAIL_LENGTH:
        return _("it has {length} characters, at most {maximum}").format(
            length=len(address), maximum=MAX_EMAIL_LENGTH
        )
    for char in address:
        category = unicodedata.category(char)
        if char.isspace() or category.startswith("Z"):
            return _("it contains a space or line break; give one address, like name@example.org")
        if category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return _("it contains an invisible character ({code}); type the address again").format(
                code=f"U+{ord(char):04X}"
            )
        if char in _SPECIALS:
            return _(
                '"{char}" cannot be part of an address; give the address alone, like name@example.org'
            ).format(char=char)
    ats = address.count("@")
    if ats == 0:
        return _("it needs an @ between the name and the domain, like name@example.org")
    if ats > 1:
        return _("it has {count} @ signs; an address has exactly one, like name@example.org").format(
            count=ats
        )
    local, domain = address.split("@")
    return _local_problem(local) or _domain_problem(domain)


def _local_problem(local: str) -> str | None:
    if not local:
        return _("nothing comes before the @, like name@example.org")
    if len(local) > MAX_LOCAL_LENGTH:
        return _("the part before @ has {length} characters, at most {maximum}").format(
            length=len(local), maximum=MAX_LOCAL_LENGTH
        )
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return _("the part before @ cannot start or end with a dot or have two dots in a row")
    return None


def _domain_problem(domain: str) -> str | None:
    if not domain:
        return _("nothing comes after the @, like name@example.org")
    if "." not in domain:
        return _("the part after @ needs a dot, like name@example.org")
    if domain.startswith(".") or domain.endswith(".") or ".." in domain:
        return _("the part after @ cannot start or end with a dot or have two dots in a row")
    for label in domain.split("."):
        for char in label:
            # Letters and digits of any script, with their combining marks
            # (Devanagari or Thai domains need them), and hyphens.
            if char != "-" and unicodedata.category(char)[0] not in "LMN":
                return _(
                    '"{char}" cannot be part of the domain (after @): only letters, digits, hyphens and dots'
                ).format(char=char)
        if label.startswith("-") or label.endswith("-"):
            return _('the part "{label}" of the domain cannot start or end with a hyphen').format(label=label)
        if len(label) > _MAX_LABEL:
            return _("a part of the domain has {length} characters, at most {maximum}").format(
                length=len(label), maximum=_MAX_LABEL
            )
    return None


def _shown(address: str) -> str:
    """Return the address as a message quotes it: short, and on one line."""
    shown = address if len(address) <= _SHOWN else address[: _SHOWN - 1] + "…"
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in shown)
