"""The event summary as Markdown, for a team wiki or a code host (CommonMark with GFM tables).

``render_summary_markdown`` returns the text, ``write_markdown_summary``
writes it as UTF-8, atomically. Every user string reaches the text through
``exports.markdown.text`` and shows exactly as typed on GitHub, GitLab and
markdown-it based wikis. No Qt, no ReportLab.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from exports.markdown.summary import render_summary_markdown
from exports.markdown.text import Markdown, block, cell, inline

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; exporting only reads them
    from facilitator.domain import Event

__all__ = [
    "Markdown",
    "block",
    "cell",
    "inline",
    "render_summary_markdown",
    "write_markdown_summary",
]


def write_markdown_summary(event: Event, path: Path, *, left_open: Sequence[str] | None = None) -> Path:
    """Write the event summary as Markdown (UTF-8) to ``path``; return the path.

    The folder is created when missing; the file holds the old content or the
    new, never half.

    Args:
        event: A fully loaded event.
        path: The ``.md`` file to write.
        left_open: What the event leaves open, as for :func:`render_summary_markdown`.

    Raises:
        ExportError: "cannot write <path>: <reason>".
    """
    # exports.files also holds the PDF exports and loads ReportLab; rendering Markdown does not need it.
    from exports.files import write_atomically

    text = render_summary_markdown(event, left_open=left_open)
    return write_atomically(Path(path), text.encode("utf-8"))
