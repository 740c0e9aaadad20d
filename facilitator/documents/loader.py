"""Read a YAML or JSON document strictly, keeping the position of every value.

Files come from users (hand-edited agendas, event files from colleagues), so
everything here assumes hostile input: size is capped before reading, the
encoding must be plain UTF-8, and the YAML and JSON readers refuse anything
beyond plain data. Every refusal is a :class:`DocumentError` pointing at a
line and column; nothing else escapes.

Typical use::

    document = load_document(path, max_bytes=256 * 1024)
    mapping = expect_mapping(document, "", source=str(path))   # see schema.py
"""

from __future__ import annotations

import codecs
import stat
from pathlib import Path

from facilitator.documents._json import parse_json
from facilitator.documents._yaml import MAX_DEPTH, parse_yaml
from facilitator.documents.errors import DocumentError
from facilitator.documents.located import (
    START,
    LocatedMapping,
    LocatedSequence,
    Mark,
    error_at,
    to_plain,
)
from facilitator.documents.notices import TextNotice
from facilitator.file_size import describe_size
from facilitator.i18n import _

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_DEPTH",
    "LocatedMapping",
    "LocatedSequence",
    "Mark",
    "load_document",
    "parse_document",
    "to_plain",
]

DEFAULT_MAX_BYTES = 1024 * 1024
"""Size limit for :func:`parse_document` when the caller gives none."""

_OTHER_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def load_document(path: Path | str, *, max_bytes: int, notices: list[TextNotice] | None = None) -> object:
    """Read the file at ``path`` and return its content as located values.

    The file is JSON when its name ends in ``.json``, YAML otherwise. Every
    text value comes back as the app stores text (``facilitator.stored_text``):
    line ends normalised, invisible characters dropped, surrounding whitespace
    removed.

    Args:
        path: The file to read.
        max_bytes: Larger files are refused before any of their content is
            read, so a huge file costs nothing.
        notices: Receives a :class:`TextNotice` for every character dropped
            from a text value. Without it, such a character is refused with
            a :class:`DocumentError` at its line and column.

    Returns:
        A :class:`LocatedMapping`, :class:`LocatedSequence` or plain scalar
        (``str``, ``int``, ``float``, ``bool``, ``None``, ``date``,
        ``datetime``).

    Raises:
        DocumentError: If the file cannot be read or is not acceptable.
    """
    path = Path(path)
    source = str(path)
    data = _read_capped(path, source, max_bytes)
    is_json = path.suffix.lower() == ".json"
    return parse_document(data, source, is_json=is_json, max_bytes=max_bytes, notices=notices)


def parse_document(
    data: bytes,
    source: str,
    *,
    is_json: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    notices: list[TextNotice] | None = None,
) -> object:
    """Parse ``data`` like :func:`load_document` parses a file's content.

    Args:
        data: The raw bytes; must be UTF-8 without a byte-order mark.
        source: Name used in error messages (normally the file path).
        is_json: Parse as JSON instead of YAML.
        max_bytes: Larger data is refused.
        notices: As for :func:`load_document`.

    Raises:
        DocumentError: If the data is not acceptable.
    """
    if len(data) > max_bytes:
        raise _too_large(source, describe_size(len(data)), max_bytes)
    text = _decode(data, source)
    if not text.strip(" \t\r\n"):
        raise error_at(source, START, _("the file is empty"))
    value = parse_json(text, source, notices) if is_json else parse_yaml(text, source, notices)
    if value is None and not is_json:
        # Only comments, or a bare '---': nothing a caller could use.
        raise error_at(source, START, _("the file is empty"))
    return value


def _read_capped(path: Path, source: str, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise error_at(source, START, _("this is a folder, not a file"))
        if not stat.S_ISREG(info.st_mode):
            # Pipes and devices could block or never end.
            raise error_at(source, START, _("this is not a regular file"))
        if info.st_size > max_bytes:
            raise _too_large(source, describe_size(info.st_size), max_bytes)
        with path.open("rb") as file:
            # Read one byte past the limit in case the file grew meanwhile.
            data = file.read(max_bytes + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        raise error_at(source, START, _("cannot read file: {reason}").format(reason=reason)) from None
    if len(data) > max_bytes:
        raise _too_large(source, _("more than {size}").format(size=describe_size(max_bytes)), max_bytes)
    return data


def _too_large(source: str, size: str, max_bytes: int) -> DocumentError:
    return error_at(
        source,
        START,
        _("the file is too large ({size}); the limit for this kind of file is {limit}").format(
            size=size, limit=describe_size(max_bytes)
        ),
    )


def _decode(data: bytes, source: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        raise error_at(
            source,
            START,
            _("the file starts with a byte-order mark (BOM); save it as UTF-8 without a byte-order mark"),
        )
    for bom, encoding in _OTHER_BOMS:
        if data.startswith(bom):
            raise error_at(
                source,
                START,
                _("the file is saved as {encoding}; save it as UTF-8").format(encoding=encoding),
            )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise error_at(
            source,
            _byte_position(data, error.start),
            _("the file is not valid UTF-8 (byte {byte} here); save it as UTF-8").format(
                byte=f"0x{data[error.start]:02X}"
            ),
        ) from None


def _byte_position(data: bytes, offset: int) -> Mark:
    """Line and character column of byte ``offset``; all bytes before it are valid."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8")) + 1
    return Mark(data.count(b"\n", 0, offset) + 1, column)
