"""Schema helpers return clean values or raise at the right spot."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.documents import DocumentError, LocatedMapping, parse_document
from facilitator.documents.schema import (
    at_index,
    at_key,
    check_keys,
    expect_mapping,
    get_bool,
    get_date,
    get_enum,
    get_int,
    get_sequence,
    get_slug,
    get_text,
    get_text_list,
)


def doc(text: str) -> LocatedMapping:
    value = parse_document(text.encode(), "doc.yaml")
    assert isinstance(value, LocatedMapping)
    return value


def message(call) -> str:
    with pytest.raises(DocumentError) as caught:
        call()
    return str(caught.value)


def test_paths() -> None:
    assert at_key("", "title") == "title"
    assert at_key("steps[2]", "title") == "steps[2].title"
    assert at_index("steps", 0) == "steps[1]"


def test_expect_mapping_on_a_list() -> None:
    value = parse_document(b"- a\n", "doc.yaml")
    assert message(lambda: expect_mapping(value, "", source="doc.yaml")) == (
        "doc.yaml:1:1: the file must contain keys and values (like 'key: value'), got a list"
    )


def test_check_keys_unknown_and_missing() -> None:
    mapping = doc("a: 1\nsep: 2\n")
    assert (
        message(lambda: check_keys(mapping, "step", required={"a", "step"}, optional={"b"}))
        == 'doc.yaml:2:1: step: unknown key "sep" (did you mean "step"?); allowed keys: a, b, step'
    )
    assert message(lambda: check_keys(doc("b: 1\n"), "", required={"a", "c"})) == (
        'doc.yaml:1:1: unknown key "b"; allowed keys: a, c'
    )
    assert message(lambda: check_keys(doc("x: 1\n"), "", required={"a", "c"}, optional={"x"})) == (
        'doc.yaml:1:1: missing required keys "a", "c"'
    )


def test_get_text_strips_and_validates() -> None:
    mapping = doc('a: "  hi  "\nb: |\n  line one\n  line two\nc: ""\n')
    assert get_text(mapping, "a", "") == "hi"
    assert get_text(mapping, "b", "") == "line one\nline two"
    assert get_text(mapping, "c", "", allow_empty=True) == ""
    assert get_text(mapping, "zzz", "", required=False, default="d") == "d"
    assert message(lambda: get_text(mapping, "c", "")) == "doc.yaml:5:4: c: must not be empty"
    assert message(lambda: get_text(mapping, "b", "", single_line=True)) == (
        "doc.yaml:2:4: b: must be a single line"
    )
    assert message(lambda: get_text(mapping, "a", "", max_length=1)) == (
        "doc.yaml:1:4: a: is too long (2 characters; at most 1)"
    )


@pytest.mark.parametrize(
    "value, problem",
    [
        ("false", "expected text but YAML read a yes/no value (false); put the text in quotes"),
        ("TRUE", "expected text but YAML read a yes/no value (true); put the text in quotes"),
        ("1.5", "expected text but YAML read a number (1.5); put the text in quotes"),
        ("2024-01-02", "expected text but YAML read a date (2024-01-02); put the text in quotes"),
        ("[a]", "expected text, got a list"),
    ],
)
def test_get_text_refuses_non_text(value: str, problem: str) -> None:
    mapping = doc(f"title: {value}\n")
    assert message(lambda: get_text(mapping, "title", "")) == f"doc.yaml:1:8: title: {problem}"


def test_words_yaml_1_1_took_for_yes_no_values_are_text() -> None:
    mapping = doc("a: No\nb: yes\nc: off\nd: On\ne: y\n")
    assert [get_text(mapping, key, "") for key in "abcde"] == ["No", "yes", "off", "On", "y"]


def test_a_control_character_in_an_agenda_is_refused_where_it_stands() -> None:
    # Without a notices list (agendas) the reader refuses what event files drop.
    assert message(lambda: doc('title: "a\\x07b"\n')) == (
        "doc.yaml:1:10: title: contains U+0007 (control character), which is not allowed; remove it"
    )


def test_a_key_with_an_invisible_character_is_refused_by_check_text() -> None:
    from facilitator.documents import Mark
    from facilitator.documents.schema import check_text

    assert message(
        lambda: check_text("top\u200bgoal", "step_seconds", source="doc.yaml", mark=Mark(3, 5))
    ) == ("doc.yaml:3:5: step_seconds: contains U+200B (zero-width space) at character 4; remove it")


def test_get_text_keeps_newline_and_tab() -> None:
    assert get_text(doc('a: "x\\ty\\nz"\n'), "a", "") == "x\ty\nz"


def test_get_int() -> None:
    mapping = doc("n: 5\nb: true\nf: 1.5\ns: '7'\n")
    assert get_int(mapping, "n", "s[1]", minimum=1) == 5
    for key, got in (("b", "a yes/no value (true)"), ("f", "1.5"), ("s", 'the text "7"')):
        assert message(lambda key=key: get_int(mapping, key, "", minimum=0)).endswith(
            f"{key}: must be zero or a positive whole number, got {got}"
        )
    assert message(lambda: get_int(mapping, "n", "", maximum=4, unit="minutes")) == (
        "doc.yaml:1:4: n: must be at most 4 minutes, got 5"
    )
    assert message(lambda: get_int(mapping, "n", "", minimum=6)) == (
        "doc.yaml:1:4: n: must be a whole number, at least 6, got 5"
    )


def test_get_bool_date_enum_slug() -> None:
    mapping = doc(
        "flag: True\nword: yes\nd1: 2025-03-14\nd2: '2025-03-15'\nd3: 14.3.2025\n"
        "kind: coaching\nid: Top Goal\n"
    )
    assert get_bool(mapping, "flag", "") is True
    # YAML 1.2: `yes` is a word, not a yes/no value.
    assert message(lambda: get_bool(mapping, "word", "")).endswith('word: must be true or false, got "yes"')
    assert get_date(mapping, "d1", "") == dt.date(2025, 3, 14)
    assert get_date(mapping, "d2", "") == dt.date(2025, 3, 15)
    assert get_date(mapping, "none", "", required=False) is None
    assert message(lambda: get_date(mapping, "d3", "")).endswith(
        'd3: must be a date like 2025-03-14, got "14.3.2025"'
    )
    assert get_enum(mapping, "kind", "", ["time", "coaching"]) == "coaching"
    assert message(lambda: get_enum(mapping, "kind", "", ["time", "artifacts"])) == (
        'doc.yaml:6:7: kind: must be one of: time, artifacts; got "coaching"'
    )
    assert message(lambda: get_slug(mapping, "id", "")).startswith(
        "doc.yaml:7:5: id: must be lowercase letters, digits and hyphens"
    )


def test_yes_no_on_off_are_plain_keys() -> None:
    # YAML 1.1 read `on:` as a yes/no key; YAML 1.2 reads the word.
    assert list(doc("on: 1\nyes: 2\nNo: 3\n")) == ["on", "yes", "No"]


def test_sequences_and_text_lists() -> None:
    mapping = doc("empty:\nitems: [a, '', c]\nmany: [a, b, c]\n")
    assert len(get_sequence(mapping, "empty", "")) == 0
    assert get_text_list(mapping, "absent", "", required=False) == ()
    assert message(lambda: get_text_list(mapping, "items", "x")) == (
        "doc.yaml:2:12: x.items[2]: must not be empty"
    )
    assert message(lambda: get_sequence(mapping, "many", "", max_items=2)) == (
        "doc.yaml:3:7: many: must have at most 2 items, got 3"
    )
