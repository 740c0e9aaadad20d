"""User text to Markdown: the one road every string a user typed takes into a Markdown document.

A value must render exactly as typed (after the normalisation below), and the
Markdown source must still read as plain text: a facilitator pastes it into a
wiki editor. So a backslash goes only before a character that could change
the rendering *where it stands*; commas, full stops, colons, quotes,
parentheses, ``%``, ``/``, ``?``, ``=``, ``+``, ``-``, ``#``, ``>``, ``!`` and
``]`` in ordinary positions stay as typed. (CommonMark lets a backslash escape
any ASCII punctuation character, and an escaped character is always literal
text.) The rule, in order:

1. **Normalise.** Line breaks (``\\r\\n``, ``\\r``, U+2028, U+2029, VT, FF, NEL)
   become ``\\n`` and tabs spaces; other control characters and lone
   surrogates are removed (the same cleaning as the PDF's ``markup.clean``).
2. **Trim.** Each line loses its leading and trailing whitespace
   (:data:`EDGE_SPACE`), and empty lines at the start and end of the value go.
   Renderers drop that whitespace anyway, but not alike (cmark strips spaces
   and tabs, markdown-it every Unicode space), and four leading spaces would
   make an indented code block. Spaces inside a line stay as typed, and so do
   empty lines between lines.
3. **Escape** (:func:`escape_line`, the same for every line wherever it goes):

   * anywhere in a line: ``*`` (emphasis, bullets, breaks), `` ` `` (code),
     ``~`` (strikethrough, fences), ``[`` (links, images, footnotes,
     reference definitions, task boxes: ``![``, ``]``, ``](`` and ``[^1]:``
     mean nothing without it), ``|`` (table cells) and ``$`` (GitHub's math;
     ``\\$`` is its documented escape);
   * ``_`` unless it stands between two letters or digits (``snake_case``),
     where CommonMark never lets it open or close emphasis;
   * ``\\`` before ASCII punctuation (it would escape the next character,
     or one of our escapes) and at the end of a line (it would join our hard
     line break, or escape the ``<`` of our ``<br>``);
   * ``<`` unless a space or a digit follows (``a < b``, ``<4 days``): raw
     HTML, comments and ``<…>`` autolinks all need a letter or ``!``, ``/``,
     ``?`` there;
   * ``&`` where it starts something like an entity or character reference
     (``&amp;``, ``&#60;``, ``&#x3C;``: ``#``, letters or digits, then ``;``);
     ``R&D`` and ``Q & A`` stay;
   * GFM's extended autolinks, which need no ``<``: the ``.`` after ``www``
     and the ``:`` after ``http``, ``https``, ``ftp``, ``mailto`` and
     ``xmpp`` (any case; cmark-gfm links ``HTTP://`` too);
   * at the start of a line, where blocks begin: ``>`` (quote), ``-`` (bullet,
     thematic break, setext underline, table delimiter row), ``=`` (setext
     underline), ``+`` before a space or the end (bullet), a ``#`` run before a
     space or the end (heading), ``:`` in a line of only ``:``, ``-``, ``|``
     and spaces (cmark-gfm takes ``:-`` under a paragraph line for a
     one-column table), and the ``.`` or ``)`` after leading digits before a
     space or the end (ordered list; ``3.5 days`` stays); the other block
     starters (``*``, ``_``, `` ` ``, ``~``, ``[``, ``|``, ``<``) are
     escaped anyway;
   * a run of ``#`` at the end of a line after a space (or the whole line),
     which would close an ATX heading and vanish.

   Letters, digits, spaces and every non-ASCII character stay as typed.
4. **Break e-mail autolinks.** cmark-gfm (GitHub) finds e-mail addresses (and
   ``mailto:``/``xmpp:`` ones) after parsing, in text whose escapes are
   already resolved, so ``a\\@b.org`` would still become a link
   (github/cmark-gfm#278). Every ``@`` that does not start a line gets an empty
   HTML comment of ours before it, which splits the text node there; readers
   see nothing of it. (``www.`` and ``https://`` autolinks are found while
   parsing, where the escaped ``.`` and ``:`` already stop them.)
5. **Join the lines** with *our* markup: a hard line break (backslash, newline)
   in a paragraph or list item, ``<br>`` in a table cell (the only line break
   a GFM table cell has), a space in a heading.

Every line is escaped as if it started a line of Markdown and ended one, so
the same text is safe at the start of a paragraph or list item, after a hard
break, after one of our bold labels, in a table cell and in a heading.

Not covered, because they are not Markdown: GitHub's own filters that run on
the rendered page (emoji shortcodes such as ``:rocket:``, ``@mentions`` and
``#123`` references in issues and pull requests), and markdown-it's optional
``linkify`` (which links bare ``example.com``) and ``typographer`` (which makes
quotes curly and ``(c)`` a ``©``). A renderer with raw HTML turned off shows
our ``<br>`` and ``<!-- -->`` as text.
"""

from __future__ import annotations

import re
from typing import NewType

Markdown = NewType("Markdown", str)
"""Text that is Markdown already: user text escaped here, or our own words."""

_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
# C0 and C1 controls other than newline (tab is made a space first), and lone surrogates.
_REMOVED = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Where a backslash goes (rule 3 of the module docstring, in its order): before
# the character matched by the group "c" of each pattern.
_ESCAPED = [
    re.compile(r"(?P<c>[*`~\[|$])"),
    # An "_" is escaped unless it stands between two letters or digits.
    re.compile(r"(?P<c>_)(?!(?<=[^\W_]_)[^\W_])"),
    # The 32 ASCII punctuation characters are those CommonMark lets a backslash escape.
    re.compile(r"(?P<c>\\)(?=[!-/:-@\[-`{-~]|\Z)"),
    re.compile(r"(?P<c><)(?![\s0-9])"),
    re.compile(r"(?P<c>&)(?=#?[A-Za-z0-9]+;)"),
    re.compile(r"(?i:www)(?P<c>\.)"),
    re.compile(r"(?i:https?|ftp|mailto|xmpp)(?P<c>:)"),
    re.compile(r"\A(?P<c>[>=-]|\+(?=\s|\Z)|#(?=#*(?:\s|\Z))|:(?=[-:|\s]*\Z))"),
    re.compile(r"\A[0-9]+(?P<c>[.)])(?=\s|\Z)"),
    re.compile(r"(?<!\S)(?P<c>#)#*\Z"),
]
_SPLIT = "<!-- -->"

EDGE_SPACE = (
    " \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff"
)
"""The whitespace trimmed from both ends of each line: every Unicode space separator,
and the byte-order mark (JavaScript's ``trim``, which markdown-it applies)."""

HARD_BREAK = "\\\n"
CELL_BREAK = "<br>"


def lines(value: object) -> list[str]:
    """Return ``value`` as the lines a reader sees: normalised and trimmed (rules 1 and 2).

    ``None`` is no text. What the Markdown renders to is exactly these lines.
    """
    if value is None:
        return []
    text = _LINE_BREAKS.sub("\n", str(value)).replace("\t", " ")
    result = [line.strip(EDGE_SPACE) for line in _REMOVED.sub("", text).split("\n")]
    while result and not result[0]:
        result.pop(0)
    while result and not result[-1]:
        result.pop()
    return result


def escape_line(line: str) -> str:
    """Return one line, already normalised (see :func:`lines`), as literal Markdown text.

    A backslash goes before each character that could change the rendering
    where it stands (rule 3), and our empty comment before each ``@`` after the
    line's start (rule 4); nothing else changes, so ordinary punctuation reads
    as typed. The line may start or end a line of Markdown, follow our bold
    label or sit in a table cell or a heading: the rules hold in all of them.
    """
    marked = {match.start("c") for pattern in _ESCAPED for match in pattern.finditer(line)}
    parts = []
    for index, char in enumerate(line):
        # cmark-gfm looks back from an "@" only within one text node: at a line's
        # start there is nothing to look back at, elsewhere our comment ends the node.
        if char == "@" and index:
            parts.append(_SPLIT)
        if index in marked:
            parts.append("\\")
        parts.append(char)
    return "".join(parts)


def inline(value: object) -> Markdown:
    """Return user text as one line of Markdown (a heading, a sentence): lines joined by a space."""
    return Markdown(" ".join(escape_line(line) for line in lines(value)))


def block(value: object, indent: str = "") -> Markdown:
    """Return user text for a paragraph or a list item: its lines joined by hard line breaks.

    Args:
        value: The text as typed.
        indent: What each line after the first starts with (two spaces in a
            list item, so the line belongs to the item).
    """
    return Markdown((HARD_BREAK + indent).join(escape_line(line) for line in lines(value)))


def cell(value: object) -> Markdown:
    """Return user text for a GFM table cell: its lines joined by ``<br>``."""
    return Markdown(CELL_BREAK.join(escape_line(line) for line in lines(value)))


def ours(words: str) -> Markdown:
    """Mark our own words (headings, labels, sentences) as Markdown written by hand.

    Never pass user text: that goes through :func:`inline`, :func:`block` or
    :func:`cell`.
    """
    return Markdown(words)
