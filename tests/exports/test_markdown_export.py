"""The event summary as Markdown, read back through cmark-gfm (GitHub) and markdown-it (wikis).

Every record must come out exactly as typed, in the order of the PDF summary,
and text that looks like Markdown or HTML must stay text: no link, image,
script, emphasis, code, heading, list, quote or table cell of the user's.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from markdown_helpers import (
    MARKDOWN_HOSTILE,
    RENDERERS,
    Page,
    gfm_html,
    markdown_hostile_event,
    read_html,
    shown,
    shown_line,
)
from pdf_helpers import loaded_event

from exports.errors import ExportError
from exports.formats import write_document
from exports.markdown import render_summary_markdown, write_markdown_summary
from exports.values import amount_text, coalition_names, date_text, event_name, person_text, status_text
from facilitator.domain import BoundaryKind, OutcomeKind, ParticipantRole
from facilitator.services.fit import at_risk, risks
from facilitator.services.readiness import open_items_of

SECTIONS = [
    "Participants",
    "TOP Goal",
    "Outcomes & Patterns",
    "Context & Boundaries",
    "Follow-Up Support",
    "Left open",
    "Next steps",
]
# Our own words in bold or italics; no user text is ever put in either.
OUR_EMPHASIS = {
    "Scale Across · event summary",
    "Coalition:",
    "Coalitions:",
    "Date:",
    "Facilitator:",
    "Trigger:",
    "Recorded:",
    "✓ Success pattern",
    "✗ Failure pattern",
    "How to reproduce:",
    "What to avoid:",
    "Learned from:",
    "Works when",
    "Breaks when",
    "Prerequisites",
    "None recorded.",
    "No evidence recorded.",
    "No pattern named.",
    "No support agreed.",
    "Nothing stated.",
    "At risk",
}
OUR_SUBHEADINGS = {
    "Patterns",
    "Agreements",
    "Support",
    "Not included",
    "Notes",
    "Fit check",
    "Main track",
    "Adoption track",
    "Shared event",
}
# Everything the summary's HTML may hold: nothing else (no a, img, script, code, pre, blockquote,
# ol, hr, del, input, sup, section...) can come from a user's text.
ALLOWED_TAGS = {"h1", "h2", "h3", "h4", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td"}
ALLOWED_TAGS |= {"strong", "em", "br"}

PARTICIPANTS = ("Role", "Name", "Team")
OUTCOMES = ("Outcome", "What happened", "Evidence")
AGREEMENTS = ("#", "Adopter", "Adopts", "Sponsor", "Check-in", "Status")
SUPPORT = ("#", "Adopter", "Type", "Amount", "Owner", "Scope", "Limits")
NOT_INCLUDED = ("#", "Adopter", "Not included")
NOTES = ("#", "Adopter", "Notes")


@pytest.fixture(scope="module")
def md_hostile(tmp_path_factory):
    """An event whose every typed field holds Markdown, HTML or an autolink."""
    return loaded_event(tmp_path_factory, markdown_hostile_event)


@pytest.fixture(params=sorted(RENDERERS))
def render(request):
    """Render an event's Markdown with one renderer and read the HTML."""

    def rendered(event, **options) -> Page:
        return read_html(RENDERERS[request.param](render_summary_markdown(event, **options)))

    return rendered


def person(participant) -> str:
    return shown(person_text(participant))


# What each section must hold, from the stored records ------------------------


def expected_pattern_blocks(pattern) -> list[tuple[str, str]]:
    failure = pattern.kind == OutcomeKind.FAILURE
    kind = "✗ Failure pattern" if failure else "✓ Success pattern"
    blocks = [("h4", shown_line(pattern.name)), ("p", kind), ("em", kind)]
    if pattern.summary:
        blocks.append(("p", shown(pattern.summary)))
    if pattern.guidance:
        label = "What to avoid:" if failure else "How to reproduce:"
        blocks += [("p", f"{label} {shown(pattern.guidance)}"), ("strong", label)]
    if pattern.outcomes:
        blocks += [("p", "Learned from:"), ("strong", "Learned from:")]
        blocks += [("li", shown(outcome.title)) for outcome in pattern.outcomes]
    return blocks


def expected_boundary_blocks(pattern) -> list[tuple[str, str]]:
    blocks = [("h3", shown_line(pattern.name))]
    for kind, label in (
        (BoundaryKind.WORKS_WHEN, "Works when"),
        (BoundaryKind.BREAKS_WHEN, "Breaks when"),
        (BoundaryKind.PREREQUISITE, "Prerequisites"),
    ):
        blocks += [("p", label), ("strong", label)]
        conditions = pattern.conditions(kind)
        if conditions:
            blocks += [("li", shown(condition.text)) for condition in conditions]
        else:
            blocks += [("p", "None recorded."), ("em", "None recorded.")]
    return blocks


def adoption_sentence(agreement) -> str:
    names = ", ".join(p.name for p in agreement.patterns) or "no pattern named"
    sentence = f"{person_text(agreement.adopter)} adopts {names}. Check-in {date_text(agreement.check_in)}"
    if agreement.sponsor is not None:
        sentence += f", sponsor {person_text(agreement.sponsor)}"
    return shown(sentence + ".")


def check_records(page: Page, event) -> None:
    """Assert that every record of ``event`` is on the page exactly as typed, where it belongs."""
    assert page.texts("h1") == [shown_line(event_name(event))]
    assert page.texts("h2") == SECTIONS

    assert page.table(PARTICIPANTS) == [
        [role.label, shown(p.name), shown(p.team)]
        for role in ParticipantRole
        for p in event.participants
        if p.role == role
    ]

    goals = page.section("TOP Goal")
    if len(event.coalitions) > 1:
        assert goals == [
            block
            for c in event.coalitions
            for block in (("h3", shown_line(c.name)), ("p", shown(event.goal_for(c))))
        ]
    else:
        assert goals == [("p", shown(event.goal_for(event.coalitions[0])))]

    assert page.table(OUTCOMES) == [
        [shown(o.title), shown(o.what_happened), shown(o.evidence) or "No evidence recorded."]
        for kind in (OutcomeKind.SUCCESS, OutcomeKind.FAILURE)
        for o in event.outcomes
        if o.kind == kind
    ]
    outcomes_section = page.section("Outcomes & Patterns")
    after = outcomes_section.index(("h3", "Patterns")) + 1
    assert outcomes_section[after:] == [b for p in event.patterns for b in expected_pattern_blocks(p)]

    boundaries = page.section("Context & Boundaries")
    assert boundaries[1:] == [b for p in event.patterns for b in expected_boundary_blocks(p)]

    numbered = list(enumerate(event.agreements, start=1))
    assert page.table(AGREEMENTS) == [
        [
            str(n),
            person(a.adopter),
            "\n".join(shown(p.name) for p in a.patterns) or "No pattern named.",
            person(a.sponsor),
            date_text(a.check_in),
            shown(status_text(a)) + ("\nAt risk" if at_risk(a) else ""),
        ]
        for n, a in numbered
    ]
    support = []
    for n, a in numbered:
        support += [
            [
                str(n),
                person(a.adopter),
                item.type.label,
                shown(amount_text(item.amount, item.unit)) or "not set",
                person(item.owner),
                shown(item.description) or "—",
                shown(item.limits) or "none stated",
            ]
            for item in a.support_items
        ] or [[str(n), person(a.adopter), "No support agreed.", "—", "—", "—", "—"]]
    assert page.table(SUPPORT) == support
    assert page.table(NOT_INCLUDED) == [
        [str(n), person(a.adopter), shown(a.limits) or "Nothing stated."] for n, a in numbered
    ]
    notes = [[str(n), person(a.adopter), shown(a.notes)] for n, a in numbered if a.notes]
    if notes:
        assert page.table(NOTES) == notes
    follow_up = page.section("Follow-Up Support")
    for agreement in event.agreements:
        for reason in risks(agreement):
            assert ("li", shown(reason)) in follow_up
        if agreement.risk_acceptance is not None and agreement.risk_acceptance.note:
            assert ("p", shown(agreement.risk_acceptance.note)) in follow_up

    ordered = sorted(
        event.agreements, key=lambda a: (a.check_in is None, a.check_in or event.date, a.position)
    )
    next_steps = page.section("Next steps")
    assert [text for tag, text in next_steps if tag == "li"] == [adoption_sentence(a) for a in ordered]
    main_track = next_steps[next_steps.index(("h3", "Main track")) + 1]
    assert main_track[1].startswith(shown_line(coalition_names(event)) + " continues with")


# The demo event --------------------------------------------------------------


def test_every_record_of_the_demo_event_is_there_as_typed(demo_event, render):
    check_records(render(demo_event), demo_event)


def test_title_and_facts_come_first(demo_event, render):
    page = render(demo_event)
    before_sections = page.blocks[: page.blocks.index(("h2", "Participants"))]
    facts = [text for tag, text in before_sections if tag == "li"]
    assert before_sections[0] == ("h1", "Scale Across — checkout delivery patterns")
    assert facts == [
        "Coalition: Checkout Reliability Coalition",
        f"Date: {date_text(demo_event.date)}",
        "Facilitator: Zoë Lefèvre",
        "Trigger: Pattern discovery",
        "Recorded: 3 outcomes · 3 patterns · 4 agreements",
    ]


def test_the_sections_follow_the_scale_across_agenda(demo_event):
    markdown = render_summary_markdown(demo_event)
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [f"## {title}" for title in SECTIONS]


def test_the_demo_event_uses_only_our_markup(demo_event, render):
    page = render(demo_event)
    assert set(page.tags) <= ALLOWED_TAGS
    assert {text for tag, text in page.blocks if tag in ("strong", "em")} <= OUR_EMPHASIS
    assert page.comments == []  # no e-mail address in the demo: nothing to split


def test_left_open_defaults_to_what_the_event_leaves_open(demo_event):
    items = [item.text for item in open_items_of(demo_event)]
    assert items  # the demo leaves one agreement's fit questions unanswered
    assert render_summary_markdown(demo_event) == render_summary_markdown(demo_event, left_open=items)
    page = read_html(gfm_html(render_summary_markdown(demo_event)))
    assert [text for tag, text in page.section("Left open") if tag == "li"] == [shown(i) for i in items]


def test_nothing_left_open_is_said_so(demo_event, render):
    left_open = render(demo_event, left_open=[]).section("Left open")
    assert left_open == [("p", "Nothing was left open: every agreement was complete when the room left.")]


def test_left_open_items_are_user_text_too(demo_event, render):
    items = ["<img src=x onerror=alert(1)> is open", "1. [x](https://evil.example)"]
    page = render(demo_event, left_open=items)
    assert [text for tag, text in page.section("Left open") if tag == "li"] == items
    assert set(page.tags) <= ALLOWED_TAGS


# Hostile text ----------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["md_hostile", "hostile"])
def test_markdown_and_html_in_every_field_stay_text(fixture, render, request):
    event = request.getfixturevalue(fixture)
    page = render(event)
    assert set(page.tags) <= ALLOWED_TAGS, sorted(set(page.tags) - ALLOWED_TAGS)
    assert set(page.comments) <= {" "}, "only our empty comment, which splits e-mail autolinks"
    assert {text for tag, text in page.blocks if tag in ("strong", "em")} <= OUR_EMPHASIS
    names = {shown_line(n) for n in [*(p.name for p in event.patterns), *(c.name for c in event.coalitions)]}
    counts = {
        f"{title} ({sum(o.kind == kind for o in event.outcomes)})"
        for kind, title in ((OutcomeKind.SUCCESS, "Successes"), (OutcomeKind.FAILURE, "Failures"))
    }
    assert set(page.texts("h3", "h4")) <= names | OUR_SUBHEADINGS | counts
    assert not page.texts("h5", "h6")
    for table in page.tables:
        assert {len(row) for row in table} == {len(table[0])}, table
    check_records(page, event)


def test_each_hostile_string_shows_exactly_as_typed(md_hostile, render):
    page = render(md_hostile)
    texts = {text for tag, text in page.blocks if tag not in ("strong", "em")}
    for value in MARKDOWN_HOSTILE:
        assert shown(value) in texts, value


def test_hostile_strings_keep_their_characters(md_hostile):
    # The normalisation trims the edges of lines; everything a reader reads stays.
    assert shown("first line\n    indented code?") == "first line\nindented code?"
    assert shown("a\u00a0\u00a0b\tc  d") == "a\u00a0\u00a0b c  d"
    markdown = render_summary_markdown(md_hostile)
    # Without its escaped characters, the text holds no "<" and "&" but those of our own markup.
    unescaped = re.sub(r"\\[!-/:-@\[-`{-~]", "", markdown)
    assert set(re.findall(r"<[^>]*>?", unescaped)) == {"<br>", "<!-- -->"}
    assert "&" not in unescaped.replace("Outcomes & Patterns", "").replace("Context & Boundaries", "")
    assert "mail<!-- -->@evil.example" in markdown
    assert "www\\.evil.example" in markdown and "https\\://evil.example" in markdown


# Files -----------------------------------------------------------------------


def test_writing_creates_missing_folders_and_writes_utf8(demo_event, tmp_path):
    path = tmp_path / "wiki" / "events" / "summary.md"
    assert write_markdown_summary(demo_event, path) == path
    data = path.read_bytes()
    assert data.decode("utf-8") == render_summary_markdown(demo_event)
    assert not data.startswith(b"\xef\xbb\xbf")
    assert "Łukasz Wróblewski".encode() in data and "田中 愛子".encode() in data
    assert [p.name for p in path.parent.iterdir()] == ["summary.md"]  # no temporary file left


def test_the_export_menu_and_command_line_write_the_same_file(demo_event, tmp_path):
    path = write_document(demo_event, "md", tmp_path / "via-formats.md", left_open=[])
    assert path.read_text(encoding="utf-8") == render_summary_markdown(demo_event, left_open=[])


def test_a_folder_in_the_way_is_one_clear_error(demo_event, tmp_path):
    (tmp_path / "summary.md").mkdir()
    with pytest.raises(ExportError, match=r"cannot write .*summary\.md: it is a folder"):
        write_markdown_summary(demo_event, tmp_path / "summary.md")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="is a file, not a folder"):
        write_markdown_summary(demo_event, blocker / "summary.md")


def test_rendering_markdown_loads_neither_reportlab_nor_qt(tmp_path):
    # A fresh interpreter: the suite itself has long imported both.
    script = (
        "import datetime as dt, sys\n"
        "from facilitator.demo import create_demo_event\n"
        "from facilitator.services.events import load_event\n"
        "from facilitator.storage import open_database\n"
        "from exports.markdown import render_summary_markdown\n"
        f"database = open_database({str(tmp_path / 'events.sqlite3')!r})\n"
        "with database.transaction() as session:\n"
        "    event_id = create_demo_event(session, date=dt.date(2026, 5, 14)).id\n"
        "with database.transaction() as session:\n"
        "    assert '## Follow-Up Support' in render_summary_markdown(load_event(session, event_id))\n"
        "database.close()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'PySide6'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
