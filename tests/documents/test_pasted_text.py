"""Text pasted from mail and Office: cleaned as the app stores it, and each drop located."""

from __future__ import annotations

import pytest

from facilitator.documents import DocumentError, TextNotice, parse_document, to_plain


def read(data: str, *, is_json: bool = False) -> tuple[object, list[str]]:
    notices: list[TextNotice] = []
    source = "doc.json" if is_json else "doc.yaml"
    value = parse_document(data.encode(), source, is_json=is_json, notices=notices)
    return to_plain(value), [str(notice) for notice in notices]


def test_windows_line_ends_and_separators_become_newlines_silently() -> None:
    text = 'a: "one\\r\\ntwo\\rthree\\vfour\\ffive\\Nsix\\Lseven\\Peight"\r\nb: |\r\n  x\r\n  y\r\n'
    value, notices = read(text)
    assert value == {"a": "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight", "b": "x\ny"}
    assert notices == []


def test_raw_control_characters_are_dropped_where_they_stand() -> None:
    text = "event:\n  title: Bell\x07 and\x1b[31m escape\n  facilitator: Zo\u200bë\n"
    value, notices = read(text)
    assert value == {"event": {"title": "Bell and[31m escape", "facilitator": "Zoë"}}
    assert notices == [
        "doc.yaml:2:14: dropped U+0007 (control character) in event.title",
        "doc.yaml:2:19: dropped U+001B (control character) in event.title",
        "doc.yaml:3:18: dropped U+200B (zero-width space) in event.facilitator",
    ]


def test_escapes_in_double_quotes_point_at_their_backslash() -> None:
    value, notices = read('items:\n  - "a\\x07b"\n  - "\\ufeffc\\u00add\\ud83d\\ude80"\n')
    assert value == {"items": ["ab", "cd🚀"]}
    assert notices == [
        "doc.yaml:2:7: dropped U+0007 (control character) in items[1]",
        "doc.yaml:3:6: dropped U+FEFF (byte-order mark) in items[2]",
        "doc.yaml:3:13: dropped U+00AD (soft hyphen) in items[2]",
    ]


def test_characters_in_block_and_folded_scalars_are_located_on_their_line() -> None:
    text = "notes: >-\n  first\n  sec\x02ond\n  third\x7f\nother: |  # a \x03 in a comment\n  x\n"
    value, notices = read(text)
    assert value == {"notes": "first second third", "other": "x"}
    assert notices == [
        "doc.yaml:3:6: dropped U+0002 (control character) in notes",
        "doc.yaml:4:8: dropped U+007F (control character) in notes",
    ]


def test_a_run_of_the_same_character_is_one_notice() -> None:
    _, notices = read("title: a\x07\x07\x07b\u200b\n")
    assert notices == [
        "doc.yaml:1:9: dropped U+0007 (control character) 3 times in title",
        "doc.yaml:1:13: dropped U+200B (zero-width space) in title",
    ]


def test_json_escapes_and_raw_control_characters() -> None:
    text = '{\n  "a": "x\\u0007y",\n  "b": ["\\ud83d\\ude00\\ud800", "tab\tand\u000bvt\u0001"]\n}'
    value, notices = read(text, is_json=True)
    assert value == {"a": "xy", "b": ["😀", "tab\tand\nvt"]}
    assert notices == [
        "doc.json:2:10: dropped U+0007 (control character) in a",
        "doc.json:3:22: dropped U+D800 (lone surrogate) in b[1]",
        "doc.json:3:42: dropped U+0001 (control character) in b[2]",
    ]


def test_keys_are_cleaned_too() -> None:
    value, notices = read('steps:\n  "  top\\u200bgoal  ": "  value \\u200b "\n')
    assert value == {"steps": {"topgoal": "value"}}
    assert notices == [
        "doc.yaml:2:9: dropped U+200B (zero-width space) in a key of steps",
        "doc.yaml:2:33: dropped U+200B (zero-width space) in steps.topgoal",
    ]
    _, notices = read('{"a\\u0007": 1}', is_json=True)
    assert notices == ["doc.json:1:4: dropped U+0007 (control character) in a key"]


def test_numbers_dates_and_empty_values_are_not_text() -> None:
    value, notices = read("n: 3\nd: 2026-06-01\ne:\n")
    assert value["n"] == 3 and value["e"] is None and notices == []  # type: ignore[index]


def test_a_nul_in_a_yaml_file_is_refused_even_when_dropping() -> None:
    # PyYAML reads NUL as the end of the stream: it would cut the file short.
    with pytest.raises(DocumentError) as caught:
        read("a: 1\nb: x\x00y\nc: 2\n")
    assert str(caught.value) == (
        "doc.yaml:2:5: the file contains a control character (U+0000) that is not allowed; remove it"
    )


def test_without_a_notices_list_the_first_drop_is_refused() -> None:
    with pytest.raises(DocumentError) as caught:
        parse_document(b'{"steps": [{"title": "a\\u200bb"}]}', "a.json", is_json=True)
    assert str(caught.value) == (
        "a.json:1:24: steps[1].title: contains U+200B (zero-width space), which is not allowed; remove it"
    )


def test_a_file_full_of_control_characters_lists_the_first_thousand_then_counts():
    # A hostile file must not cost a notice (and memory) per character.
    value, notices = read("a: " + "x\x07" * 1200 + '\nb: "\\a\\a"\n')
    assert value == {"a": "x" * 1200, "b": ""}
    assert len(notices) == 1001
    assert notices[999] == "doc.yaml:1:2003: dropped U+0007 (control character) in a"
    assert notices[1000] == (
        "doc.yaml:1:2005: dropped 202 more invisible characters from here on "
        "(only the first 1,000 are listed one by one)"
    )
