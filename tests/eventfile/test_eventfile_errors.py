"""Malformed event files are refused at the exact line and column, before any write."""

from __future__ import annotations

import pytest
from eventfile_builders import row_counts

from facilitator.documents import DocumentError
from facilitator.eventfile import MAX_FILE_BYTES, import_event_file, read_event_file

HEAD = """\
format: scale-across-event
version: 1
event:
  date: 2026-11-21
coalitions:
  - name: Checkout Reliability Coalition
"""

PEOPLE = """\
participants:
  - {id: ana, name: Ana Núñez}
  - {id: zoe, name: Zoë Lefèvre}
patterns:
  - {id: flags, name: Feature flags}
"""

CASES = [
    (
        "unknown key",
        ".yaml",
        HEAD.replace("  date: 2026-11-21\n", "  date: 2026-11-21\n  titel: Oops\n"),
        5,
        3,
        'event: unknown key "titel" (did you mean "title"?)',
    ),
    (
        "duplicate key in YAML",
        ".yaml",
        HEAD.replace("  date: 2026-11-21\n", "  date: 2026-11-21\n  date: 2026-11-22\n"),
        5,
        3,
        'duplicate key "date" (first given on line 4)',
    ),
    (
        "duplicate key in JSON",
        ".json",
        '{\n  "format": "scale-across-event",\n  "version": 1,\n'
        '  "event": {"date": "2026-11-21"},\n  "version": 1\n}\n',
        5,
        3,
        'duplicate key "version" (first given on line 3)',
    ),
    (
        "JSON syntax error",
        ".json",
        '{\n  "format": "scale-across-event",\n  "version": 1,\n}\n',
        4,
        1,
        "invalid JSON",
    ),
    (
        "title: false is a yes/no value",
        ".yaml",
        HEAD.replace("  date: 2026-11-21\n", "  date: 2026-11-21\n  title: false\n"),
        5,
        10,
        "event.title: expected text but YAML read a yes/no value (false); put the text in quotes",
    ),
    (
        "unknown trigger",
        ".yaml",
        HEAD.replace("  date: 2026-11-21\n", "  date: 2026-11-21\n  trigger: big_win\n"),
        5,
        12,
        "event.trigger: must be one of: significant_progress, pattern_discovery, "
        "relevant_learnings, quarterly_cadence",
    ),
    (
        "impossible date",
        ".yaml",
        HEAD.replace("2026-11-21", "2026-02-30"),
        4,
        9,
        '"2026-02-30" is not a valid date',
    ),
    (
        "date in another notation",
        ".yaml",
        HEAD.replace("2026-11-21", "21.11.2026"),
        4,
        9,
        "event.date: must be a date like 2025-03-14",
    ),
    (
        "duplicate participant key",
        ".yaml",
        HEAD + PEOPLE.replace("{id: zoe,", "{id: ana,"),
        9,
        10,
        'participants[2].id: the id "ana" is already used by participants[1] (line 8)',
    ),
    (
        "agreement adopter unknown",
        ".yaml",
        HEAD + PEOPLE + "agreements:\n  - adopter: anna\n",
        13,
        14,
        'agreements[1].adopter: no participant has the id "anna" (did you mean "ana"?)',
    ),
    (
        "agreement pattern not listed in patterns",
        ".yaml",
        HEAD + PEOPLE + "agreements:\n  - adopter: ana\n    patterns: [flags, contracts]\n",
        14,
        23,
        'agreements[1].patterns[2]: no pattern has the id "contracts"',
    ),
    (
        "negative support amount",
        ".yaml",
        HEAD + PEOPLE + "agreements:\n  - adopter: ana\n    support:\n"
        "      - {type: coaching, amount: -3, owner: zoe}\n",
        15,
        34,
        "agreements[1].support[1].amount: must be zero or a positive amount, got -3",
    ),
    (
        "negative capacity",
        ".yaml",
        HEAD + "participants:\n  - name: Zoë\n    capacity_hours: -1\n",
        9,
        21,
        "participants[1].capacity_hours: must be zero or a positive number of hours",
    ),
    (
        "newer version",
        ".yaml",
        HEAD.replace("version: 1", "version: 2"),
        2,
        10,
        "version 2 is newer than this app reads",
    ),
    (
        "missing coalitions",
        ".yaml",
        HEAD.split("coalitions:")[0],
        1,
        1,
        'missing required key "coalitions"',
    ),
    (
        "empty coalitions",
        ".yaml",
        HEAD.split("coalitions:")[0] + "coalitions: []\n",
        5,
        13,
        "coalitions: must have at least 1 coalition, got 0",
    ),
    (
        "missing participant name",
        ".yaml",
        HEAD + "participants:\n  - {id: ana, team: Payments}\n",
        8,
        5,
        'participants[1]: missing required key "name"',
    ),
    (
        "outcome without kind",
        ".yaml",
        HEAD + "outcomes:\n  - title: Faster\n",
        8,
        5,
        'outcomes[1]: missing required key "kind"',
    ),
    (
        "pattern names an unknown outcome",
        ".yaml",
        HEAD + "outcomes:\n  - {id: o1, kind: success, title: Faster}\n"
        "patterns:\n  - name: Flags\n    outcomes: [o2]\n",
        11,
        16,
        'patterns[1].outcomes[1]: no outcome has the id "o2"; it must be the id of one of the outcomes',
    ),
    (
        "pattern owner is not a coalition of the file",
        ".yaml",
        HEAD + "patterns:\n  - name: Flags\n    coalition: Search Guild\n",
        9,
        16,
        'patterns[1].coalition: no coalition in this file has the id or name "Search Guild"',
    ),
    (
        "id that is neither a UUID nor a key",
        ".yaml",
        HEAD + "participants:\n  - {id: 1st person, name: Ana}\n",
        8,
        10,
        "participants[1].id: must be a UUID",
    ),
    (
        "abandoned without a reason",
        ".yaml",
        HEAD + PEOPLE + "agreements:\n  - adopter: ana\n    status: abandoned\n",
        14,
        13,
        "agreements[1].status: an abandoned agreement needs a status_reason saying why",
    ),
    (
        "closing time on an event that is not closed",
        ".yaml",
        HEAD.replace("  date: 2026-11-21\n", "  date: 2026-11-21\n  closed_at: 2026-11-21T12:00\n"),
        5,
        14,
        'event.closed_at: only a closed event has a closing time, but status is "planned"',
    ),
    (
        "history out of order",
        ".yaml",
        HEAD + PEOPLE + "agreements:\n  - adopter: ana\n    status: in_progress\n    history:\n"
        "      - {to: agreed, at: 2026-11-21T10:00:00}\n"
        "      - {to: in_progress, at: 2026-11-20T10:00:00}\n",
        17,
        31,
        "agreements[1].history[2].at: is earlier than the change before it",
    ),
    (
        "text where a number belongs",
        ".yaml",
        HEAD + "participants:\n  - name: Zoë\n    capacity_hours: lots\n",
        9,
        21,
        'participants[1].capacity_hours: must be zero or a positive number of hours, got the text "lots"',
    ),
    (
        "hours and minutes where a number belongs (YAML 1.2 has no base 60)",
        ".yaml",
        HEAD + "participants:\n  - name: Zoë\n    capacity_hours: 1:30\n",
        9,
        21,
        'participants[1].capacity_hours: must be zero or a positive number of hours, got the text "1:30"',
    ),
    (
        "not an event file",
        ".yaml",
        "id: scale-across\ntitle: Scale Across\nsteps: []\n",
        1,
        1,
        'missing "format: scale-across-event" at the top; is this a Scale Across event file?',
    ),
    (
        "unknown top-level key",
        ".yaml",
        HEAD + "coalitions_extra: 1\n",
        7,
        1,
        'unknown key "coalitions_extra"',
    ),
]


@pytest.mark.parametrize(
    ("suffix", "content", "line", "column", "phrase"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_malformed_file_is_refused_at_its_position(tmp_path, suffix, content, line, column, phrase):
    path = tmp_path / f"event{suffix}"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(DocumentError) as caught:
        read_event_file(path)

    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:{column}: "), message
    assert phrase in message


def test_file_over_ten_mebibytes_is_refused_unread(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(HEAD.encode() + b"#" * MAX_FILE_BYTES)

    with pytest.raises(DocumentError) as caught:
        read_event_file(path)

    assert str(caught.value).startswith(f"{path}:1:1: the file is too large")


def test_refused_file_leaves_the_database_unchanged(db, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(HEAD + PEOPLE + "agreements:\n  - adopter: nobody\n", encoding="utf-8")
    before = row_counts(db)

    with pytest.raises(DocumentError):
        import_event_file(db, path)

    assert row_counts(db) == before


def test_every_example_case_is_distinct():
    assert len({case[0] for case in CASES}) == len(CASES) >= 10


def test_valid_head_alone_is_accepted(tmp_path):
    path = tmp_path / "minimal.yaml"
    path.write_text(HEAD, encoding="utf-8")

    doc = read_event_file(path)

    assert doc.event.date.isoformat() == "2026-11-21"
    assert doc.participants == () and doc.agreements == ()
