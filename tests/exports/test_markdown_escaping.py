"""The Markdown escaping road: any text, rendered by real renderers, gives back the text and no markup.

``exports.markdown.text`` promises that a value renders exactly as typed after
the documented normalisation (``markdown_helpers.shown``: line breaks
normalised, control characters and lone surrogates removed, tabs made spaces,
each line's edges trimmed of spaces, empty lines at the start and end
dropped), in a paragraph, a list item, a table cell and a heading.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_helpers import RENDERERS, gfm_html, read_html, shown, shown_line

from exports.markdown.text import block, cell, escape_line, inline, lines

# 300 examples, the same each run; MARKDOWN_ESCAPING_EXAMPLES=5000 hunts with that
# many fresh examples per test instead.
_HUNT = os.environ.get("MARKDOWN_ESCAPING_EXAMPLES")
PROPERTY = settings(derandomize=not _HUNT, max_examples=int(_HUNT or 300), deadline=None, database=None)

# Pieces that mean something to CommonMark, GFM or HTML, so that generated text
# meets them far more often than random characters would.
TOKENS = [
    "www.",
    "WWW.",
    "http://",
    "https://",
    "HTTP://",
    "ftp://",
    "mailto:",
    "xmpp:",
    "@",
    "a@b.org",
    ".com",
    "<!--",
    "-->",
    "<br>",
    "<script>",
    "<a href='x'>",
    "&amp;",
    "&#60;",
    "&#x3C;",
    "&copy;",
    "&",
    ";",
    "< ",
    "<3",
    "1.",
    "2)",
    "12. ",
    "3.5",
    "# ",
    "#",
    " ##",
    "> ",
    "- ",
    "* ",
    "+ ",
    "---",
    "===",
    ":-",
    "-:",
    "\n:--:",
    "```",
    "~~",
    "**",
    "__",
    "_",
    "a_b",
    "[^1]",
    "[x]: ",
    "](",
    "![",
    "!",
    "]",
    "(",
    ")",
    "|",
    "\\",
    "\\|",
    "    ",
    "\t",
    "$",
    ":rocket:",
]
CHARACTERS = (
    string.ascii_letters
    + string.digits
    + string.punctuation
    + " \t\n\r\x0b\x0c"
    + "\x00\x07\x1b\x7f\x85\x9f\ud800\udfff"  # control characters and lone surrogates
    + "\u00a0\u2003\u3000\u2028\u2029\ufeff"  # other spaces and separators
    + "éßÆŁ日本語한ЖΩ🚀"
    + "שלוםمرحبا\u200e\u200f\u202e\u2066\u061c"  # right-to-left letters and marks
)
texts = st.lists(st.sampled_from(TOKENS) | st.text(alphabet=CHARACTERS, max_size=8), max_size=12).map("".join)

PARAGRAPH_TAGS = {"p", "br"}
LIST_TAGS = {"ul", "li", "br"}
TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td", "br"}
HEADING_TAGS = {"h2"}


def check(markdown: str, renderer, allowed: set[str], tag: str, expected: str) -> None:
    page = read_html(RENDERERS[renderer](markdown))
    assert set(page.tags) <= allowed, (markdown, page.tags)
    assert set(page.comments) <= {" "}, markdown
    # An empty value is an empty paragraph, which renders as nothing at all.
    assert page.texts(tag) == ([expected] if expected or tag != "p" else []), markdown


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@PROPERTY
@given(value=texts)
def test_a_paragraph_shows_the_text_as_typed(renderer, value):
    check(block(value), renderer, PARAGRAPH_TAGS, "p", shown(value))


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@PROPERTY
@given(value=texts)
def test_a_table_cell_shows_the_text_as_typed(renderer, value):
    markdown = f"| head | other |\n|---|---|\n| {cell(value)} | x |"
    page = read_html(RENDERERS[renderer](markdown))
    assert set(page.tags) <= TABLE_TAGS, (markdown, page.tags)
    assert set(page.comments) <= {" "}, markdown
    assert page.tables == [[["head", "other"], [shown(value), "x"]]], markdown


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@PROPERTY
@given(value=texts)
def test_a_list_item_shows_the_text_as_typed(renderer, value):
    markdown = f"- {block(value, indent='  ')}\n- next"
    page = read_html(RENDERERS[renderer](markdown))
    assert set(page.tags) <= LIST_TAGS, (markdown, page.tags)
    assert page.texts("li") == [shown(value), "next"], markdown


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@PROPERTY
@given(value=texts)
def test_a_heading_shows_the_text_on_one_line(renderer, value):
    check(f"## {inline(value)}", renderer, HEADING_TAGS, "h2", shown_line(value))


# Where the summary puts user text next to markup of ours ----------------------


@dataclass(frozen=True)
class Context:
    """User text in the summary's own markup: the Markdown, the tags allowed, the blocks expected."""

    markdown: Callable[[object], str]
    tags: frozenset[str]
    blocks: Callable[[object], list[tuple[str, str]]]


def _after(words: str, text: str) -> str:
    return f"{words} {text}" if text else words


LABEL = "How to reproduce:"
OUR_SENTENCE = "continues with its regular TOP Cycle activities: running SAM."
CONTEXTS = {
    "paragraph": Context(
        lambda v: block(v),
        frozenset(PARAGRAPH_TAGS),
        lambda v: [("p", shown(v))] if shown(v) else [],
    ),
    "list item": Context(
        lambda v: f"- {block(v, indent='  ')}\n- next",
        frozenset(LIST_TAGS),
        lambda v: [("li", shown(v)), ("li", "next")],
    ),
    # Two cells of one row, the second with our bold remark after a <br> (the agreements' status).
    "table cells": Context(
        lambda v: f"| head | other |\n|---|---|\n| {cell(v)} | {cell(v)}<br>**At risk** |",
        frozenset(TABLE_TAGS | {"strong"}),
        lambda v: [
            ("th", "head"),
            ("th", "other"),
            ("td", shown(v)),
            ("td", shown(v) + "\nAt risk"),
            ("strong", "At risk"),
        ],
    ),
    "heading": Context(
        lambda v: f"## {inline(v)}",
        frozenset(HEADING_TAGS),
        lambda v: [("h2", shown_line(v))],
    ),
    # A pattern's guidance after our bold label.
    "after a label": Context(
        lambda v: f"**{LABEL}** {block(v)}",
        frozenset(PARAGRAPH_TAGS | {"strong"}),
        lambda v: [("p", _after(LABEL, shown(v))), ("strong", LABEL)],
    ),
    # A fact of the title block: a list item, our label, the value on one line.
    "fact": Context(
        lambda v: f"- **Date:** {inline(v)}\n- **Recorded:** 3 outcomes",
        frozenset({"ul", "li", "strong"}),
        lambda v: [
            ("li", _after("Date:", shown_line(v))),
            ("strong", "Date:"),
            ("li", "Recorded: 3 outcomes"),
            ("strong", "Recorded:"),
        ],
    ),
    # The main track: the coalitions' names, then our sentence.
    "before our words": Context(
        lambda v: f"{inline(v)} {OUR_SENTENCE}",
        frozenset({"p"}),
        lambda v: [("p", f"{shown_line(v)} {OUR_SENTENCE}".lstrip())],
    ),
}
OUR_MARKUP = ["after a label", "fact", "before our words"]


def check_in(context: str, renderer: str, value: object) -> None:
    """Assert that ``value`` in ``context`` renders as typed, with no tag of its own."""
    where = CONTEXTS[context]
    markdown = where.markdown(value)
    page = read_html(RENDERERS[renderer](markdown))
    assert set(page.tags) <= where.tags, (markdown, page.tags)
    assert set(page.comments) <= {" "}, markdown
    assert page.blocks == where.blocks(value), markdown


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@pytest.mark.parametrize("context", OUR_MARKUP)
@PROPERTY
@given(value=texts)
def test_text_next_to_our_markup_shows_as_typed(context, renderer, value):
    check_in(context, renderer, value)


# One case per rule of exports.markdown.text, and the traps next to each.
TRAPS = [
    # Inline syntax, anywhere in a line.
    "*em* **strong** _em_ __strong__ ~del~ ~~del~~ `code` ``co`de``",
    "[link](https://evil.example) ![image](/etc/passwd) [ref][x] [^1] [x]",
    "| a | b | and a\\|b",
    "$x^2$ and $$y$$",
    "snake_case_name, a_b_c, _x_, x_, _x, a__b, é_ß, 日_本, 🚀_x_🚀, 1_000",
    # HTML, comments, entities and <...> autolinks.
    "<b>bold</b> <img src=x onerror=alert(1)> </p> <!-- hidden --> <?php ?> <![CDATA[x]]> <!DOCTYPE>",
    "<https://evil.example> <mail@evil.example> <3@evil.example> <4<b>",
    "a < b, a <b, <4 days, <= 5, <\u00a0x>, <",
    "&amp; &lt; &#60; &#x3C; &copy; &notanentity; &#; &x R&D Q & A AT&T;",
    # The backslash: before punctuation, at a line's end (our hard break, our <br>), elsewhere.
    "C:\\Users\\ana, \\n, \\é, \\*, \\\\, \\&amp;, \\<b>, \\@x, \\_x\\_",
    "ends in a backslash \\\nnext \\\n\\",
    # Blocks, at the start of a line.
    "# heading\n## heading\n#\n#tag\n#\u00a0x\n####### seven",
    "> quote\n>\n>>",
    "- bullet\n+ bullet\n* bullet\n-\n+\n+1\n-1\n- [ ] task\n- [x] done",
    "1. ordered\n2) ordered\n2026. a year\n123456789. nine\n1234567890. ten\n1.\n3.5 days\n1.\u00a0x",
    "setext\n===\nsetext\n---\nsetext\n=\nsetext\n-\nsetext\n- -",
    "---\n***\n___\n- - -\n* * *\n_ _ _",
    "```\ncode\n```\n~~~\ncode\n~~~",
    "[x]: https://evil.example\n[^1]: footnote",
    "    indented code?\n\tindented too?",
    # cmark-gfm takes a line of dashes and colons under a paragraph line for a table.
    "header\n:-\nheader\n:---:\nheader\n-:\nheader\n:-|\nheader\n| - |\nheader\n:-) a smile\n:",
    # A closing ATX sequence at the end of a heading.
    "a #\na ##\na\u00a0#\na #b\nC#\nC# #",
    # GFM extended autolinks, which need no "<".
    "www.evil.example (www.evil.example) _www.evil.example_ *www.x.y* ~www.x.y~ WWW.X.Y wwww.x.y",
    "https://evil.example http://localhost:8080/ ftp://evil.example HTTP://X.Y xhttp://x.y http:x",
    "a@b.org mail@evil.example x.y+z-w_v@a.b.c @mention @ a@ @b.c",
    "mailto:me@evil.example xmpp:me@evil.example/x MAILTO:me@x.y mailto:@evil.example",
    # Ordinary prose: nothing to escape.
    "Halve the time in checkout, from 9 days to under 4, by the end of Q2 — no (big) deal?",
    'provider\'s "fit" check: 50% done; a/b = c + d - e! a -> b > c, x ] y { z } ^ 3.5',
]


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@pytest.mark.parametrize("context", sorted(CONTEXTS))
@pytest.mark.parametrize("value", TRAPS)
def test_each_trap_shows_as_typed_everywhere(value, context, renderer):
    for line in value.split("\n"):  # each line alone: at the start, the end and the middle of a value
        check_in(context, renderer, line)
    check_in(context, renderer, value)


# The source: what a reader of the .md file sees ------------------------------

_UNESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
ORDINARY = "abcdefghijklmnqrstuvxyzABCDEFGHIJKLMNQRSTUVXYZéß日本 0123456789,.;:'\"?!%/()]{}^=+-#>"
"""Characters that need no backslash in the middle of a line: letters (but the "o", "p"
and "w" that "mailto:", "ftp:" or "www." need), digits, spaces and ordinary punctuation."""
LETTERS = st.sampled_from("abcXYZé日")


@PROPERTY
@given(value=texts)
def test_the_markdown_is_the_text_and_a_few_backslashes(value):
    # All we add is a backslash before some ASCII punctuation and an empty comment
    # before an "@": reading the escapes as CommonMark does gives back the line.
    for line in lines(value):
        escaped = escape_line(line).replace("<!-- -->@", "@")
        assert _UNESCAPED.sub(r"\1", escaped) == line


@PROPERTY
@given(value=st.tuples(LETTERS, st.text(alphabet=ORDINARY), LETTERS).map("".join))
def test_ordinary_punctuation_stays_as_typed(value):
    assert escape_line(value) == value


@pytest.mark.parametrize(
    ("value", "markdown"),
    [
        (
            "Halve the time in checkout, from 9 days to under 4, by the end of Q2.",
            "Halve the time in checkout, from 9 days to under 4, by the end of Q2.",
        ),
        ("3.5 days", "3.5 days"),
        ("Ana Núñez (Payments)", "Ana Núñez (Payments)"),
        (
            'the provider\'s "fit"? 50% / a = b + c - d! [sic]',
            'the provider\'s "fit"? 50% / a = b + c - d! \\[sic]',
        ),
        ("*a* `b` ~c~ |d| $e$ ![f](g)", "\\*a\\* \\`b\\` \\~c\\~ \\|d\\| \\$e\\$ !\\[f](g)"),
        ("snake_case _em_ a__b", "snake_case \\_em\\_ a\\_\\_b"),
        ("a < b, <4 days, <b>", "a < b, <4 days, \\<b>"),
        ("R&D, Q & A, &amp; &#60; &#x3C;", "R&D, Q & A, \\&amp; \\&#60; \\&#x3C;"),
        ("C:\\Users, \\*, ends in \\", "C:\\Users, \\\\\\*, ends in \\\\"),
        ("www.x.org, WWW.X.ORG", "www\\.x.org, WWW\\.X.ORG"),
        ("https://x.org HTTP://x ftp://x", "https\\://x.org HTTP\\://x ftp\\://x"),
        ("a@b.org", "a<!-- -->@b.org"),
        ("@mention", "@mention"),
        ("mailto:@x.com", "mailto\\:<!-- -->@x.com"),
        ("xmpp:me@x.com", "xmpp\\:me<!-- -->@x.com"),
        (
            "# h\n#tag\n> q\n- b\n+ b\n+1\n===\n:--:\n:-)",
            "\\# h\\\n#tag\\\n\\> q\\\n\\- b\\\n\\+ b\\\n+1\\\n\\===\\\n\\:--:\\\n:-)",
        ),
        ("1. x\n2) y\n2026. z\n3.5 w", "1\\. x\\\n2\\) y\\\n2026\\. z\\\n3.5 w"),
        ("a # b > c - d = e + f\nC# ##", "a # b > c - d = e + f\\\nC# \\##"),
        ("x\r\ny\rz", "x\\\ny\\\nz"),
        ("  # four  \n\n\n", "\\# four"),
        ("tab\there\x00\x1b", "tab here"),
        ("", ""),
        (None, ""),
    ],
)
def test_examples(value, markdown):
    assert block(value) == markdown


def test_lines_in_a_cell_are_our_br_and_in_a_heading_a_space():
    assert cell("one\n\ntwo |") == "one<br><br>two \\|"
    assert inline("one\ntwo") == "one two"
    assert block("one\ntwo", indent="  ") == "one\\\n  two"


@pytest.mark.parametrize(
    "value",
    [
        "a@b.org",
        "mail@evil.example",
        "xmpp:me@evil.example/x",
        "mailto:me@evil.example",
        "mailto:@evil.example",
        "x.y+z-w_v@a.b.c",
    ],
)
def test_email_addresses_are_not_links_on_github(value):
    page = read_html(gfm_html(block(value)))
    assert "a" not in page.tags
    assert page.texts("p") == [value]
