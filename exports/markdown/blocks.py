"""The Markdown blocks a document is built of: headings, tables, bullet lists, labels.

Each takes :class:`~exports.markdown.text.Markdown` (user text already escaped
by ``exports.markdown.text``, or our own words) and returns Markdown; the
blocks of a document are joined by one empty line (:func:`document`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from exports.markdown.text import Markdown, block


def document(blocks: Iterable[Markdown]) -> str:
    """Return the blocks as one Markdown text, an empty line between blocks, ending in a newline."""
    return "\n\n".join(b for b in blocks if b) + "\n"


def heading(level: int, content: Markdown) -> Markdown:
    """Return an ATX heading (``## content``); ``content`` must be one line."""
    return Markdown(f"{'#' * level} {content}")


def label(words: str) -> Markdown:
    """Return our own words in bold (never user text: its delimiters would meet the user's)."""
    return Markdown(f"**{words}**")


def note(words: str) -> Markdown:
    """Return our own remark in italics ("None recorded.")."""
    return Markdown(f"*{words}*")


def table(header: Sequence[str], rows: Iterable[Sequence[Markdown]]) -> Markdown:
    """Return a GFM table: our header words, then one row per record.

    Every cell comes from ``text.cell`` (or is ours), so it holds no unescaped
    ``|`` and no line break, and every row has the header's number of cells.
    """
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        if len(row) != len(header):  # a bug of ours, not a user's text
            raise ValueError(f"a row of {len(row)} cells in a table of {len(header)} columns")
        lines.append("| " + " | ".join(row) + " |")
    return Markdown("\n".join(lines))


def bullets(items: Iterable[Markdown], empty: str = "") -> Markdown:
    """Return a bullet list, one item per entry, or our ``empty`` remark in italics.

    Items that span lines must come from ``block(value, indent="  ")`` so their
    later lines stay inside the item (see :func:`bullet_items`).
    """
    entries = [f"- {item}" for item in items]
    if not entries:
        return note(empty) if empty else Markdown("")
    return Markdown("\n".join(entries))


def bullet_items(values: Iterable[object]) -> list[Markdown]:
    """Return user texts as list items: each escaped, its later lines indented into the item."""
    return [block(value, indent="  ") for value in values]
