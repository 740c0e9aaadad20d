"""The error for event-file problems that have no line and column."""

from __future__ import annotations


class EventFileError(OSError):
    """An event file cannot be written; the message names the file and the reason.

    Problems *inside* a file are :class:`facilitator.documents.DocumentError`
    (``path:line:column: problem``). This error is an ``OSError`` because it
    is one — a folder that cannot be written, a full disk — so callers that
    already report file-system errors report it too.
    """
