"""File names for exported documents: safe on every common file system, readable."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from exports.values import reader_language
from facilitator.dates import iso
from facilitator.i18n import _, speaking

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; a file name only reads them
    from facilitator.domain import Event, Participant

MAX_CHARS = 120  # whole name, ".pdf" included
MAX_BYTES = 240  # UTF-8 bytes; most file systems allow 255
SUFFIX = ".pdf"

# Reserved on Windows (or macOS), plus anything that is not a visible character.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f]')
_SPACES = re.compile(r"\s+")
# Device names Windows will not create as files, whatever the extension.
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{n}" for n in range(1, 10)),
    *(f"LPT{n}" for n in range(1, 10)),
}


def safe_stem(value: str) -> str:
    """Return ``value`` with unsafe characters replaced, spaces collapsed, ends trimmed."""
    text = unicodedata.normalize("NFC", value)
    text = _UNSAFE.sub("_", text)
    # Format, private-use, unassigned and surrogate code points: invisible or unportable.
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
    text = _SPACES.sub(" ", text)
    # Windows drops trailing dots and spaces; leading ones hide files or confuse shells.
    return text.strip(" .-_")


def _cut(stem: str, chars: int, utf8_bytes: int) -> str:
    """Return ``stem`` cut to ``chars`` characters and ``utf8_bytes`` UTF-8 bytes."""
    stem = stem[:chars]
    while len(stem.encode("utf-8")) > utf8_bytes:
        stem = stem[:-1]
    return stem.rstrip(" .-_")


def _fit(stem: str, tail: str) -> str:
    """Return ``stem + tail + SUFFIX``, cutting ``stem`` to the length limits."""
    room = len(tail) + len(SUFFIX)
    return _cut(stem, MAX_CHARS - room, MAX_BYTES - len(tail.encode("utf-8")) - len(SUFFIX)) + tail + SUFFIX


def safe_file_name(text: str, extension_room: int = 10) -> str:
    """Return ``text`` as a safe, readable file name *without* extension.

    Leaves ``extension_room`` characters (and bytes) under the limits for the
    extension the caller adds; an empty result becomes "export".
    """
    stem = _cut(safe_stem(text), MAX_CHARS - extension_room, MAX_BYTES - extension_room)
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"_{stem}"
    return stem or "export"


def adopter_file_name(event: Event, participant: Participant, taken: set[str]) -> str:
    """Return a file name for ``participant``'s agreement, unique within ``taken``.

    Looks like ``2026-05-14 Agreement - Ana Núñez (Payments).pdf``, the word in
    the agreement's language (``… Vereinbarung - …`` in German): the event
    date first so a folder sorts by event, then the person and their team.
    Characters Windows, macOS or Linux refuse become ``_``; names longer than
    120 characters are cut; a clash (compared case-insensitively, as on Windows
    and macOS) gets " (2)", " (3)", ... The chosen name is added to ``taken``.
    """
    # The word in the language the agreement itself is written in.
    with speaking(reader_language(event, participant)):
        # Translators: in an agreement PDF's file name: "2026-05-14 Agreement - Ana Núñez (Payments).pdf"
        word = safe_stem(_("Agreement"))
        person = safe_stem(participant.display_name) or safe_stem(_("adopter"))
    stem = f"{iso(event.date)} {word} - {person}"
    used = {name.casefold() for name in taken}
    name = _fit(stem, "")
    number = 1
    while name.casefold() in used:
        number += 1
        name = _fit(stem, f" ({number})")
    taken.add(name)
    return name
