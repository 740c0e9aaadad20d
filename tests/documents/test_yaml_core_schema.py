"""Unquoted YAML values get the types of the YAML 1.2 core schema, plus dates."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from facilitator.documents import DocumentError, parse_document, to_plain


def value_of(text: str) -> object:
    return to_plain(parse_document(f"v: {text}\n".encode(), "doc.yaml"))["v"]  # type: ignore[index]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Yes/no: only true and false, in the three spellings the core schema has.
        *((word, True) for word in ("true", "True", "TRUE")),
        *((word, False) for word in ("false", "False", "FALSE")),
        # Empty.
        *((word, None) for word in ("null", "Null", "NULL", "~", "")),
        # Whole numbers: decimal, 0o octal, 0x hexadecimal.
        ("42", 42),
        ("-7", -7),
        ("+7", 7),
        ("0", 0),
        ("0777", 777),
        ("0o17", 15),
        ("0x1F", 31),
        # Decimals.
        ("1.5", 1.5),
        ("-.5", -0.5),
        ("1.", 1.0),
        ("1e3", 1000.0),
        ("6.02E+23", 6.02e23),
        # Dates stay dates: event files rely on them (a deliberate extension).
        ("2026-06-01", dt.date(2026, 6, 1)),
        ("2026-06-01T10:00:00", dt.datetime(2026, 6, 1, 10, 0)),
    ],
)
def test_core_schema_values(text: str, expected: object) -> None:
    value = value_of(text)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(
    "text",
    [
        # YAML 1.1 yes/no words.
        "No",
        "no",
        "NO",
        "yes",
        "Yes",
        "y",
        "n",
        "on",
        "On",
        "off",
        "OFF",
        # YAML 1.1 base 60, binary, digit separators; a hex without digits.
        "1:30",
        "190:20:30",
        "-1:30",
        "1:30.5",
        "0b101",
        "1_000",
        "1_000.5",
        "0x",
        "0o8",
        # Other words that look like something.
        "nULL",
        "tRUE",
        ".Inf.",
        "inf",
        "nan",
        "=",
        "0xG",
    ],
)
def test_other_words_are_text(text: str) -> None:
    assert value_of(text) == text


def test_infinity_and_not_a_number() -> None:
    assert value_of(".inf") == math.inf and value_of("-.Inf") == -math.inf
    assert math.isnan(value_of(".NaN"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("!!int 0777", 777),
        ("!!int 0x10", 16),
        ("!!float 1", 1.0),
        ("!!bool TRUE", True),
        ("!!null ~", None),
        ("!!str true", "true"),
        ("!!str 1:30", "1:30"),
    ],
)
def test_explicit_tags_follow_the_core_schema_too(text: str, expected: object) -> None:
    assert value_of(text) == expected


@pytest.mark.parametrize(
    "text, problem",
    [
        ("!!int 1:30", '"1:30" is not a valid whole number (put it in quotes if it is text)'),
        ("!!int 1_000", '"1_000" is not a valid whole number (put it in quotes if it is text)'),
        ("!!float 1:30", '"1:30" is not a valid number (put it in quotes if it is text)'),
        ("!!bool yes", '"yes" is not a valid yes/no value'),
    ],
)
def test_explicit_tags_refuse_yaml_1_1_forms(text: str, problem: str) -> None:
    with pytest.raises(DocumentError) as caught:
        value_of(text)
    assert str(caught.value) == f"doc.yaml:1:4: {problem}"


def test_json_is_unaffected() -> None:
    assert to_plain(parse_document(b'{"a": "No", "b": 1e3}', "doc.json", is_json=True)) == {
        "a": "No",
        "b": 1000.0,
    }
