"""Loaded values keep YAML's scalar types and the position of everything."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.documents import (
    LocatedMapping,
    LocatedSequence,
    Mark,
    load_document,
    parse_document,
    to_plain,
)

YAML_TEXT = """\
title: No
count: 3
ratio: 1.5
when: 2025-03-14
empty:
steps:
  - id: a
    tags: [x, "y"]
"""


def test_yaml_scalars_resolve_by_the_yaml_1_2_core_schema() -> None:
    value = parse_document(YAML_TEXT.encode(), "doc.yaml")
    assert to_plain(value) == {
        "title": "No",  # YAML 1.1 read False
        "count": 3,
        "ratio": 1.5,
        "when": dt.date(2025, 3, 14),
        "empty": None,
        "steps": [{"id": "a", "tags": ["x", "y"]}],
    }


def test_marks_of_keys_values_and_items() -> None:
    doc = parse_document(YAML_TEXT.encode(), "doc.yaml")
    assert isinstance(doc, LocatedMapping)
    assert doc.source == "doc.yaml"
    assert doc.mark == Mark(1, 1)
    assert list(doc) == ["title", "count", "ratio", "when", "empty", "steps"]
    assert doc.key_mark("count") == Mark(2, 1)
    assert doc.value_mark("count") == Mark(2, 8)
    steps = doc["steps"]
    assert isinstance(steps, LocatedSequence)
    assert steps.mark == Mark(7, 3)
    assert steps.item_mark(0) == Mark(7, 5)
    step = steps[0]
    assert isinstance(step, LocatedMapping)
    tags = step["tags"]
    assert isinstance(tags, LocatedSequence)
    assert tags == ["x", "y"]
    assert tags.item_mark(1) == Mark(8, 15)


def test_located_mapping_is_read_only() -> None:
    doc = parse_document(b"a: 1\n", "doc.yaml")
    with pytest.raises(TypeError):
        doc["a"] = 2  # type: ignore[index]


def test_json_values_and_marks(tmp_path: Path) -> None:
    path = tmp_path / "event.json"
    path.write_text('{\n  "title": "No",\n  "n": 1e3,\n  "items": [true, null, "\\ud83d\\ude00"]\n}')
    doc = load_document(path, max_bytes=1024)
    assert isinstance(doc, LocatedMapping)
    # JSON rules, not YAML 1.1: "No" stays text and 1e3 is a number.
    assert to_plain(doc) == {"title": "No", "n": 1000.0, "items": [True, None, "😀"]}
    assert doc.source == str(path)
    assert doc.key_mark("title") == Mark(2, 3)
    assert doc.value_mark("title") == Mark(2, 12)
    items = doc["items"]
    assert isinstance(items, LocatedSequence)
    assert items.item_mark(2) == Mark(4, 25)


def test_json_accepts_what_yaml_flow_would_not() -> None:
    long_key = "k" * 2000
    text = '{"' + long_key + '"\n: 1}'
    assert to_plain(parse_document(text.encode(), "doc.json", is_json=True)) == {long_key: 1}


def test_yaml_suffix_variants_are_yaml(tmp_path: Path) -> None:
    path = tmp_path / "agenda.yml"
    path.write_text("a: true\n")
    assert load_document(path, max_bytes=1024) == {"a": True}
