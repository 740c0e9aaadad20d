"""What a search finds, how it shows it, and that no typed text can break it."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.search import (
    marked,
    match_expression,
    parse_snippet,
    query,
    reindex,
    search,
)
from facilitator.services import events, outcomes, participants
from tests.search.index_damage import break_index


@pytest.mark.parametrize(
    ("text", "kind", "record"),
    [
        ("kiwi", "event", "old"),
        ("mango", "top_goal", "goal"),
        ("papaya", "participant", "zoe"),
        ("hazelnut", "outcome", "outcome"),
        ("lychee", "pattern", "pattern"),
        ("plums", "boundary", "boundary"),
        ("apricot", "agreement", "agreement"),
        ("melon", "support_item", "item"),
        ("pomelo", "status_change", "change"),
    ],
)
def test_each_kind_of_record_is_found_with_its_event(world, find, text, kind, record):
    # The new event starts with the old goal; a status note is also the agreement's reason.
    (hit,) = [h for h in find(text) if h.record_id == getattr(world, record)]
    assert hit.kind == kind
    assert hit.record_id == getattr(world, record)
    assert hit.coalitions == ("Checkout",)
    if kind == "pattern":  # opens in the latest event that presented it
        assert (hit.event_id, hit.event_title, hit.event_date) == (
            world.new,
            "Autumn event",
            dt.date(2025, 9, 1),
        )
    else:
        assert (hit.event_id, hit.event_title, hit.event_date) == (
            world.old,
            "Spring kiwi event",
            dt.date(2025, 3, 1),
        )


def test_accents_fold_for_stored_accents(world, found_ids):
    for text in ["zoe", "Zoë", "ZOË", "zoë lefevre", "LEFÈVRE"]:
        assert world.zoe in found_ids(text), text
    # Letters unicode61 keeps as they are (ø, ł …) are folded by the index too.
    for text in ["soren", "Søren", "odegard", "ødegård", "SØREN ØDEGÅRD"]:
        assert found_ids(text) == {world.sven}, text


def test_accents_fold_for_typed_accents(db, found_ids):
    with db.transaction() as s:
        event = events.plan_event(s, coalitions=["Plain"], date=dt.date(2025, 1, 1))
        zoe = participants.add_participant(s, event.id, "Zoe Lefevre", "Lukasz team")
    assert found_ids("zoë lefèvre") == {zoe.id}
    assert found_ids("Łukasz") == {zoe.id}


def test_the_last_word_matches_as_a_prefix_and_all_words_must_match(world, found_ids):
    assert found_ids("lyc") == {world.pattern}
    assert found_ids("hazel") == {world.outcome}
    assert found_ids("walnut hazel") == {world.outcome}
    assert found_ids("walnut apricot") == set()
    assert found_ids("walnut haz") == {world.outcome}
    assert found_ids("hazel walnut") == set()  # only the last word is a prefix


def test_snippet_marks_the_matching_words_in_context(db, world, find):
    (hit,) = find("apric")
    rest = " support · Check in after the cherry sprint · Started the pomelo rollout"
    assert hit.snippet == (("No weekend ", False), ("apricot", True), (rest, False))
    assert marked(hit.snippet) == f"No weekend [apricot]{rest}"
    assert hit.snippet_text.startswith("No weekend apricot")
    (hit,) = find("soren")
    assert marked(hit.snippet) == "[Søren] Ødegård · Search"
    with db.transaction() as s:
        long = " ".join(f"filler{i}" for i in range(40))
        outcomes.add_outcome(s, world.old, "success", "Numbat", f"{long} numbat {long}")
    (hit,) = find("numbat")
    assert hit.snippet_text.startswith("Numbat") and hit.snippet_text.endswith("…")
    (hit,) = find("numbat filler39")
    assert hit.snippet_text.startswith("…") and hit.snippet_text.endswith("…")


def test_a_record_holding_the_snippet_marks_cannot_fake_a_match(db, find):
    with db.transaction() as s:
        event = events.plan_event(s, coalitions=["Marks"], date=dt.date(2025, 1, 1))
        participants.add_participant(s, event.id, "Quokka \ue000fake\ue001 mark", "")
    (hit,) = find("quokka")
    assert marked(hit.snippet) == "[Quokka] fake mark"


HOSTILE = [
    '"',
    '""',
    '"quince',
    'quince"',
    "NEAR(quince walnut)",
    "quince NEAR walnut",
    "*",
    "quin*",
    "^quince",
    "body:quince",
    "body : quince",
    "(quince",
    "quince)",
    "quince OR walnut",
    "quince AND",
    "AND",
    "NOT quince",
    "-quince",
    "+quince",
    "{body}: quince",
    "quince\x00walnut",
    "\x00",
    "'; DROP TABLE search_docs; --",
    "ק\u200fוּנס",
    "مرحبا quince",
    "🍐 quince 🍐",
    "🍐",
    "quince" + "\u0301" * 50,
    "\ue000quince\ue001",
    "x" * 10_000,
    "quince " * 2_000,
    "\\",
    "%_%",
    " \t\n ",
    "",
    "!!! ??? ...",
    "—",
    "\u200b",
]


def test_hostile_queries_never_raise(world, find):
    """One database for every input: each failure is named in the message."""
    failures = []
    for text in HOSTILE:
        try:
            assert isinstance(find(text), list)
        except Exception as exc:
            failures.append(f"{text[:40]!r}: {exc!r}")
    assert failures == []
    for text in ["quince\x00walnut", "🍐 quince 🍐", "\ue000quince\ue001", "quince\u200b"]:
        assert [h.record_id for h in find(text)] == [world.outcome], text


def test_queries_with_nothing_to_search_return_nothing(world, find):
    for text in ["", "   ", "\t\n", "!!! ...", "—", "🍐", '"', "*", "()", "\x00"]:
        assert match_expression(text) is None, text
        assert find(text) == [], text


def test_search_syntax_is_only_text(world, found_ids):
    for text in ["quince*", '"quince"', '"quince', "^quince", "(quince)", "-quince", "quince:"]:
        assert found_ids(text) == {world.outcome}, text
    for text in ["NEAR(quince walnut)", "body:quince", "quince OR apricot"]:
        assert found_ids(text) == set(), text  # "near", "body" and "or" are in no record


def test_match_expression_quotes_every_word_and_prefixes_the_last():
    assert match_expression('say "hi" now') == '"say" AND """hi""" AND "now"*'
    assert match_expression("Łódź") == '"Lódź"*'  # FTS5 folds the ó and ź itself
    assert match_expression("a") == '"a"'  # one letter would match nearly everything
    assert match_expression(" ".join(f"w{i}" for i in range(40))).count(" AND ") == query.MAX_TERMS - 1


def test_limit_caps_the_hits(world, find):
    assert len(find("the")) > 2
    assert len(find("the", limit=2)) == 2
    assert find("the", limit=0) == []


def test_few_matches_are_ranked_many_are_newest_first(db, find, monkeypatch):
    with db.transaction() as s:
        first = events.plan_event(s, coalitions=["R"], date=dt.date(2025, 1, 1), title="wombat")
        second = events.plan_event(
            s, coalitions=["R"], date=dt.date(2025, 2, 1), title="wombat wombat wombat wombat"
        )
        third = events.plan_event(s, coalitions=["R"], date=dt.date(2025, 3, 1), title="wombat")
    # bm25 puts the densest first; equally relevant ones come newest first.
    assert [h.record_id for h in find("wombat")] == [second.id, third.id, first.id]
    reindex(db)
    assert [h.record_id for h in find("wombat")] == [second.id, third.id, first.id]
    monkeypatch.setattr(query, "RANK_LIMIT", 2)
    assert [h.record_id for h in find("wombat")] == [third.id, second.id, first.id]


def test_a_pattern_in_no_event_and_a_boundary_without_event(db, world, find):
    with db.transaction() as s:
        events.delete_event(s, world.new)
    (hit,) = find("lychee")
    assert hit.event_id == world.old  # still presented at the old event
    with db.transaction() as s:
        events.delete_event(s, world.old)
    (hit,) = find("lychee")
    assert (hit.event_id, hit.event_title, hit.event_date) == (None, "", None)
    assert hit.coalitions == ("Checkout",)  # the pattern's own coalition
    (hit,) = find("plums")
    assert hit.kind == "boundary" and hit.event_id is None


def test_search_without_an_index_says_how_to_rebuild_it(db, world):
    from facilitator.services.errors import ServiceError

    with db.engine.begin() as conn:
        break_index(conn)
    with db.transaction() as s, pytest.raises(ServiceError, match="db reindex"):
        search(s, "quince")


def test_parse_snippet_joins_fields_and_merges_pieces():
    raw = "\ue000Zoë\ue001 Lefèvre\n\nno team\n"  # an empty middle field leaves two newlines
    assert parse_snippet(raw) == (("Zoë", True), (" Lefèvre · no team", False))
    assert parse_snippet("\ue000a\ue001\ue000b\ue001") == (("ab", True),)
    assert parse_snippet("") == ()
