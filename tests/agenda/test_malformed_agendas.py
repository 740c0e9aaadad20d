"""Every malformed agenda file gets one exact `file:line:column: problem`."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.agenda import DocumentError, load_agenda

VALID = """\
format: scale-across-agenda
version: 1
id: test
title: Test agenda
steps:
  - id: one
    title: One
    question: First?
    timebox_minutes: 5
    captures: [top_goal]
  - id: two
    title: Two
    question: Second?
    timebox_minutes: 10
    captures: []
"""

ALL_CAPTURES = "top_goal, participants, outcomes, patterns, boundaries, agreements, capacity, adoption_review"
STEP_KEYS = "captures, id, notes, prompts, question, timebox_minutes, title"


def variant(old: str, new: str) -> str:
    assert VALID.count(old) == 1, old
    return VALID.replace(old, new)


CASES = {
    "unknown key": (
        variant("    timebox_minutes: 10\n", "    timebox: 10\n"),
        f'14:5: steps[2]: unknown key "timebox" (did you mean "timebox_minutes"?); allowed keys: {STEP_KEYS}',
    ),
    "duplicate key": (
        variant("    title: Two\n", "    title: Two\n    title: Again\n"),
        '13:5: duplicate key "title" (first given on line 12)',
    ),
    "title False": (
        variant("title: Test agenda", "title: False"),
        "4:8: title: expected text but YAML read a yes/no value (false); put the text in quotes",
    ),
    "title number": (
        variant("title: Test agenda", "title: 1.5"),
        "4:8: title: expected text but YAML read a number (1.5); put the text in quotes",
    ),
    "timebox zero": (
        variant("timebox_minutes: 10", "timebox_minutes: 0"),
        "14:22: steps[2].timebox_minutes: must be a positive whole number of minutes, got 0",
    ),
    "timebox negative": (
        variant("timebox_minutes: 10", "timebox_minutes: -5"),
        "14:22: steps[2].timebox_minutes: must be a positive whole number of minutes, got -5",
    ),
    "timebox text": (
        variant("timebox_minutes: 10", "timebox_minutes: ten"),
        '14:22: steps[2].timebox_minutes: must be a positive whole number of minutes, got the text "ten"',
    ),
    "timebox in hours and minutes (YAML 1.1 read 1:30 as 90)": (
        variant("timebox_minutes: 10", "timebox_minutes: 1:30"),
        '14:22: steps[2].timebox_minutes: must be a positive whole number of minutes, got the text "1:30"',
    ),
    "timebox with a leading zero is decimal (YAML 1.1 read 0300 as octal 192)": (
        variant("timebox_minutes: 10", "timebox_minutes: 0300"),
        "14:22: steps[2].timebox_minutes: must be at most 240 minutes, got 300",
    ),
    "timebox with a digit separator": (
        variant("timebox_minutes: 10", "timebox_minutes: 1_0"),
        '14:22: steps[2].timebox_minutes: must be a positive whole number of minutes, got the text "1_0"',
    ),
    "timebox boolean": (
        variant("timebox_minutes: 10", "timebox_minutes: true"),
        "14:22: steps[2].timebox_minutes: must be a positive whole number of minutes, "
        "got a yes/no value (true)",
    ),
    "timebox too long": (
        variant("timebox_minutes: 10", "timebox_minutes: 300"),
        "14:22: steps[2].timebox_minutes: must be at most 240 minutes, got 300",
    ),
    "duplicate step id": (
        variant("  - id: two", "  - id: one"),
        '11:9: steps[2].id: duplicate step id "one" (first used on line 6)',
    ),
    "unknown capture kind": (
        variant("captures: [top_goal]", "captures: [top_goal, outcome]"),
        f'10:26: steps[1].captures[2]: must be one of: {ALL_CAPTURES}; got "outcome"',
    ),
    "capture listed twice": (
        variant("captures: [top_goal]", "captures: [top_goal, top_goal]"),
        '10:26: steps[1].captures[2]: "top_goal" is listed twice',
    ),
    "missing captures": (
        variant("    captures: []\n", ""),
        '11:5: steps[2]: missing required key "captures"',
    ),
    "missing steps": (
        VALID.split("steps:")[0],
        '1:1: missing required key "steps"',
    ),
    "empty steps": (
        VALID.split("steps:")[0] + "steps: []\n",
        "5:8: steps: must have at least 1 step, got 0",
    ),
    "too many steps": (
        VALID.split("steps:")[0]
        + "steps:\n"
        + "".join(
            f"  - {{id: s{n}, title: S, question: Why, timebox_minutes: 1, captures: []}}\n"
            for n in range(31)
        ),
        "6:3: steps: must have at most 30 steps, got 31",
    ),
    "step is not a mapping": (
        VALID + "  - just a sentence\n",
        "16:5: steps[3]: expected a mapping of keys and values (like 'key: value'), got \"just a sentence\"",
    ),
    "wrong format": (
        variant("format: scale-across-agenda", "format: scale-across-event"),
        '1:9: format: must be "scale-across-agenda", got "scale-across-event"',
    ),
    "missing format": (
        variant("format: scale-across-agenda\n", ""),
        '1:1: missing required key "format"; an agenda file starts with "format: scale-across-agenda"',
    ),
    "wrong version": (
        variant("version: 1", "version: 2"),
        "2:10: version: unsupported agenda version 2 (this app reads version 1)",
    ),
    "version as text": (
        variant("version: 1", "version: one"),
        '2:10: version: must be a whole number, got the text "one"',
    ),
    "bad id slug": (
        variant("id: test", "id: Test Agenda"),
        "3:5: id: must be lowercase letters, digits and hyphens, starting with a letter "
        'or digit (like "top-goal"), got "Test Agenda"',
    ),
    "step missing question": (
        variant("    question: Second?\n", ""),
        '11:5: steps[2]: missing required key "question"',
    ),
    "empty prompt": (
        variant("    question: First?\n", "    question: First?\n    prompts: [Ask, '']\n"),
        "9:20: steps[1].prompts[2]: must not be empty",
    ),
    "top level is a list": (
        "- id: one\n",
        "1:1: the file must contain keys and values (like 'key: value'), got a list",
    ),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_malformed_agenda_message(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "agenda.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        load_agenda(path)
    assert str(caught.value) == f"{path}:{expected}"


def test_the_valid_base_loads(tmp_path: Path) -> None:
    path = tmp_path / "agenda.yaml"
    path.write_text(VALID, encoding="utf-8")
    agenda = load_agenda(path)
    assert agenda.id == "test"
    assert [step.id for step in agenda.steps] == ["one", "two"]
    assert agenda.steps[1].captures == ()
    assert agenda.total_minutes == 15


def test_agenda_file_over_256_kb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "agenda.yaml"
    path.write_text(VALID + "#" * (256 * 1024), encoding="utf-8")
    with pytest.raises(DocumentError, match=r":1:1: the file is too large .* is 256 KB$"):
        load_agenda(path)
