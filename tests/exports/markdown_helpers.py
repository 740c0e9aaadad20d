"""Reading the Markdown export back: two real renderers, and what their HTML holds.

The Markdown is rendered by GitHub's own cmark-gfm (its GitHub extensions,
footnotes, raw HTML let through so nothing of ours or the user's is hidden)
and by markdown-it (the CommonMark parser many wikis build on, with tables and
strikethrough). The HTML is then read with the standard library's parser.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options
from markdown_it import MarkdownIt

from facilitator.domain import (
    AgreementStatus,
    BoundaryKind,
    FitAnswerKind,
    OutcomeKind,
    ParticipantRole,
    SupportType,
)
from facilitator.services import agreements, events, fit, outcomes, participants, patterns

_MARKDOWN_IT = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def gfm_html(markdown: str) -> str:
    """Render as GitHub does (table, autolink, tagfilter, strikethrough, tasklist, footnotes)."""
    options = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=options)


def markdown_it_html(markdown: str) -> str:
    """Render as a markdown-it based wiki does (CommonMark, raw HTML on, tables, strikethrough)."""
    return _MARKDOWN_IT.render(markdown)


RENDERERS = {"cmark-gfm": gfm_html, "markdown-it": markdown_it_html}

# Where a user's text shows: block elements, and our own bold and italic words.
TEXT_TAGS = frozenset({"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em"})


@dataclass
class Page:
    """What an HTML page holds: every tag, the text of each block, the tables, the comments."""

    tags: list[str] = field(default_factory=list)
    blocks: list[tuple[str, str]] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    def texts(self, *tags: str) -> list[str]:
        """Return the text of every element of the given tags, in document order."""
        return [text for tag, text in self.blocks if tag in tags]

    def table(self, header: tuple[str, ...]) -> list[list[str]]:
        """Return the body rows of every table with this header, one after the other."""
        tables = [table for table in self.tables if tuple(table[0]) == header]
        assert tables, f"no table {header}"
        return [row for table in tables for row in table[1:]]

    def section(self, title: str) -> list[tuple[str, str]]:
        """Return the blocks after the ``##`` heading ``title``, up to the next ``##``."""
        start = self.blocks.index(("h2", title)) + 1
        end = next((i for i in range(start, len(self.blocks)) if self.blocks[i][0] in ("h1", "h2")), None)
        return self.blocks[start:end]


class _Reader(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.open: list[tuple[str, list[str], int]] = []

    def handle_starttag(self, tag, attrs):
        self.page.tags.append(tag)
        if tag == "br":
            self._text("\n")
        elif tag == "table":
            self.page.tables.append([])
        elif tag == "tr":
            self.page.tables[-1].append([])
        if tag in TEXT_TAGS:
            self.page.blocks.append((tag, ""))
            self.open.append((tag, [], len(self.page.blocks) - 1))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in TEXT_TAGS:
            return
        name, parts, index = self.open.pop()
        assert name == tag, f"<{name}> closed by </{tag}>"
        text = "".join(parts)
        self.page.blocks[index] = (tag, text)
        if tag in ("td", "th"):
            self.page.tables[-1][-1].append(text)

    def handle_data(self, data):
        # Newlines in the HTML are the renderers' layout; a line break in a value is a <br>.
        self._text(data.replace("\n", ""))

    def handle_comment(self, data):
        self.page.comments.append(data)

    def _text(self, text):
        for _, parts, _ in self.open:
            parts.append(text)


def read_html(html: str) -> Page:
    """Return what ``html`` holds."""
    page = Page()
    reader = _Reader(page)
    reader.feed(html)
    reader.close()
    assert not reader.open, f"unclosed {[name for name, _, _ in reader.open]}"
    return page


# The documented normalisation (exports/markdown/text.py), written out again
# independently: what a reader must see of a value.
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
SPACES = "".join(chr(c) for c in range(0x3100) if unicodedata.category(chr(c)) == "Zs") + "\ufeff"


def _removed(char: str) -> bool:
    code = ord(char)
    return char != "\n" and (code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF)


def shown(value: object) -> str:
    """Return a value as the rendered page must show it, lines separated by "\\n"."""
    text = _LINE_BREAKS.sub("\n", str(value)).replace("\t", " ")
    text = "".join(char for char in text if not _removed(char))
    return "\n".join(line.strip(SPACES) for line in text.split("\n")).strip("\n")


def shown_line(value: object) -> str:
    """Return a value as a heading shows it: its lines joined by a space."""
    return shown(value).replace("\n", " ")


# Markdown that must stay text. Each is typed into a field of its own in
# ``markdown_hostile_event``; the services trim a whole value, so the leading
# spaces of an indented line come after a first line.
MARKDOWN_HOSTILE = [
    "# not a heading",
    "| a | b |",
    "[link](https://evil.example)",
    "https://evil.example",
    "www.evil.example",
    "mail@evil.example",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "*not em* _not em_ ~~not del~~ `not code`",
    "1. not a list",
    "> not a quote",
    "---",
    "first line\n    indented code?",
    "&amp; &lt; &#60; &copy;",
    "[^1]",
    "a\\|b",
    "line one\n# two\n- three\n\n===\n> four\n2) five\n```\n<div>six</div>",
    "<!-- hidden -->",
    "[x]: http://evil.example",
    "setext\n===",
    "+ plus * star",
    "<https://evil.example> xmpp:me@evil.example mailto:me@evil.example",
    "![image](/etc/passwd) $x^2$ :rocket: ***",
    "- [ ] not a task",
    "trailing backslash \\",
    "__bold__ **bold** ~strike~",
    "a\u00a0\u00a0b\tc  d",
    "see https://x or http://localhost:8080/ and ftp://evil.example",
    "first\n\u00a0\u3000 spaced\t\nthird",
]


def markdown_hostile_event(session):
    """An event whose every typed field holds text that Markdown would otherwise turn into markup."""
    m = MARKDOWN_HOSTILE
    event = events.plan_event(
        session,
        coalitions=[m[1], m[21]],
        date=dt.date(2026, 5, 14),
        facilitator=m[5],
        title=m[0],
    )
    events.set_top_goal(session, event.id, event.coalitions[0].id, m[16])
    events.set_top_goal(session, event.id, event.coalitions[1].id, m[22])
    adopter = participants.add_participant(session, event.id, m[2], m[3], ParticipantRole.POTENTIAL_ADOPTER)
    owner = participants.add_participant(session, event.id, m[4], m[5], ParticipantRole.COALITION_MEMBER)
    sponsor = participants.add_participant(session, event.id, m[9], m[10], ParticipantRole.SPONSOR)
    other = participants.add_participant(session, event.id, m[14], m[15], ParticipantRole.POTENTIAL_ADOPTER)
    participants.add_participant(session, event.id, m[26], m[17], ParticipantRole.OBSERVER)
    success = outcomes.add_outcome(session, event.id, OutcomeKind.SUCCESS, m[6], m[7], m[8])
    failure = outcomes.add_outcome(session, event.id, OutcomeKind.FAILURE, m[11], m[12], m[13])
    outcomes.add_outcome(session, event.id, OutcomeKind.FAILURE, m[19], m[20], "")
    first = patterns.create_pattern(
        session, event.id, m[8], summary=m[16], guidance=m[17], outcome_ids=[success.id, failure.id]
    )
    second = patterns.create_pattern(
        session, event.id, m[2], kind=OutcomeKind.FAILURE, summary=m[23], guidance=m[24]
    )
    patterns.create_pattern(session, event.id, m[25])
    for kind, texts in [
        (BoundaryKind.WORKS_WHEN, [m[18], m[1]]),
        (BoundaryKind.BREAKS_WHEN, [m[0]]),
        (BoundaryKind.PREREQUISITE, [m[12], m[13]]),
    ]:
        for text in texts:
            patterns.add_boundary(session, first.id, kind, text, event_id=event.id)
    patterns.add_boundary(session, second.id, BoundaryKind.BREAKS_WHEN, m[9], event_id=event.id)
    patterns.add_boundary(session, second.id, BoundaryKind.PREREQUISITE, m[24], event_id=event.id)
    risky = agreements.add_agreement(
        session,
        event.id,
        adopter.id,
        pattern_ids=[first.id, second.id],
        sponsor_id=sponsor.id,
        check_in=dt.date(2026, 7, 1),
        limits=m[3],
        notes=m[16],
    )
    agreements.add_support_item(
        session,
        risky.id,
        SupportType.COACHING,
        amount=3,
        unit="<b>hours</b>",
        owner_id=owner.id,
        description=m[10],
        limits=m[11],
    )
    agreements.add_support_item(
        session, risky.id, SupportType.ARTIFACT, unit="| x |", description=m[27], limits=m[19]
    )
    breaks = next(b for b in first.boundaries if b.kind == BoundaryKind.BREAKS_WHEN)
    fit.set_fit_answer(session, risky.id, breaks.id, FitAnswerKind.HOLDS, note=m[6])
    fit.accept_risk(session, risky.id, sponsor.id, note=m[13])
    abandoned = agreements.add_agreement(session, event.id, other.id, pattern_ids=[second.id], notes=m[28])
    agreements.change_status(session, abandoned.id, AgreementStatus.ABANDONED, m[20])
    return event
