"""Participants' e-mail addresses in event files: read, checked at their place, written, kept."""

from __future__ import annotations

import datetime as dt
import string
import tempfile
from pathlib import Path

import pytest
from eventfile_builders import document_of, row_counts
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.documents import DocumentError
from facilitator.domain.email_address import MAX_EMAIL_LENGTH, normalise_email
from facilitator.eventfile import dump_event_document, export_event, import_event_file, read_event_file
from facilitator.services import events, participants

HEAD = """\
format: scale-across-event
version: 1
event:
  date: 2026-11-21
coalitions:
  - name: Checkout Reliability Coalition
participants:
"""

# Addresses YAML would misread unquoted (a leading # or &, a colon-free
# "yes"), and non-ASCII ones.
ADDRESSES = {
    "Zoë Lefèvre": "zoë@bücher.de",
    "Chloé Dubois": "#chloe+no@example.org",
    "Ana Núñez": "&ana@example.org",
    "محمد علي": "محمد@مثال.عرب",
    "Søren Ødegård": "",
}


def _build(db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout"], date=dt.date(2026, 11, 21))
        for name, email in ADDRESSES.items():
            participants.add_participant(session, event.id, name, email=email)
        return event.id


def _export(db, event_id, path):
    with db.transaction() as session:
        export_event(session, event_id, path)
    return path.read_bytes()


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_addresses_travel_and_the_file_comes_back_byte_for_byte(db, other_db, tmp_path, suffix):
    event_id = _build(db)
    first = _export(db, event_id, tmp_path / f"first{suffix}")

    imported = import_event_file(other_db, tmp_path / f"first{suffix}")

    assert _export(other_db, imported, tmp_path / f"second{suffix}") == first
    people = document_of(other_db, imported)["participants"]
    assert {p["name"]: p.get("email", "") for p in people} == ADDRESSES
    # Written only for people who have one.
    assert ["email" in p for p in people] == [bool(e) for e in ADDRESSES.values()]


def test_the_key_is_written_after_the_role(db, tmp_path):
    text = _export(db, _build(db), tmp_path / "event.yaml").decode()

    zoe = text.split("participants:\n", 1)[1].split("\n- ", 1)[0]
    assert zoe.index("role:") < zoe.index("email: zoë@bücher.de") < zoe.index("capacity_hours:")
    # Quoted: unquoted, YAML would read the rest of the line after # as a comment.
    assert "email: '#chloe+no@example.org'" in text


def test_a_hand_written_address_is_trimmed_and_null_means_none(tmp_path):
    path = tmp_path / "event.yaml"
    path.write_text(
        HEAD
        + "  - {name: Zoë, email: '  zoe@example.org  '}\n  - {name: Ana, email: null}\n  - {name: Bo}\n",
        encoding="utf-8",
    )

    assert [p.email for p in read_event_file(path).participants] == ["zoe@example.org", "", ""]


@pytest.mark.parametrize(
    ("suffix", "content", "line", "column", "phrase"),
    [
        (
            ".yaml",
            HEAD + "  - name: Zoë\n  - name: Ana\n    email: zoe@example\n",
            10,
            12,
            'participants[2].email: "zoe@example" is not an e-mail address: '
            "the part after @ needs a dot, like name@example.org",
        ),
        (
            ".yaml",
            HEAD + "  - {name: Zoë, email: 'Zoë <zoe@example.org>'}\n",
            8,
            24,
            'participants[1].email: "Zoë <zoe@example.org>" is not an e-mail address: it contains a space',
        ),
        (
            ".yaml",
            HEAD + "  - name: Zoë\n    email: zoe@@example.org\n",
            9,
            12,
            'participants[1].email: "zoe@@example.org" is not an e-mail address: it has 2 @ signs',
        ),
        (
            ".yaml",
            HEAD + "  - name: Zoë\n    email: 42\n",
            9,
            12,
            "participants[1].email: expected text but YAML read a number (42); put the text in quotes",
        ),
        (
            ".json",
            '{"format": "scale-across-event", "version": 1,\n'
            ' "event": {"date": "2026-11-21"}, "coalitions": [{"name": "C"}],\n'
            ' "participants": [\n'
            '  {"name": "Zoë", "email": "zoe@example.org."}\n'
            "]}\n",
            4,
            28,
            'participants[1].email: "zoe@example.org." is not an e-mail address: '
            "the part after @ cannot start or end with a dot",
        ),
    ],
    ids=["no dot", "display name", "two at signs", "a number", "json trailing dot"],
)
def test_a_bad_address_is_refused_at_its_line_and_column(tmp_path, suffix, content, line, column, phrase):
    path = tmp_path / f"event{suffix}"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(DocumentError) as caught:
        read_event_file(path)

    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:{column}: {phrase}"), message


def test_a_file_with_a_bad_address_imports_nothing(db, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(HEAD + "  - name: Zoë\n    email: zoe@example.org\n  - name: Ana\n    email: ana@\n")
    before = row_counts(db)

    with pytest.raises(DocumentError, match="nothing comes after the @"):
        import_event_file(db, path)

    assert row_counts(db) == before


# Every character an address may hold before the @, with those YAML reads
# as syntax at the start of a value (# & * ! | > ' % ` { } ? -) and some letters.
_LOCAL = st.text(string.ascii_letters + string.digits + "!#$%&'*+-/=?^_`{|}~.éßŁ日", min_size=1, max_size=30)
_LABEL = st.from_regex(r"[a-zA-Z0-9ÿü例]([a-zA-Z0-9ÿü例-]{0,8}[a-zA-Z0-9ÿü例])?", fullmatch=True)


@settings(derandomize=True, max_examples=80, deadline=None, database=None)
@given(_LOCAL, st.lists(_LABEL, min_size=2, max_size=4))
def test_any_accepted_address_reads_back_from_yaml_and_json(local, labels):
    address = f"{local}@{'.'.join(labels)}"
    try:
        normalise_email(address)
    except ValueError:
        return  # a dot at an end of the local part, or two in a row: refused anyway
    assert len(address) <= MAX_EMAIL_LENGTH
    document = {
        "format": "scale-across-event",
        "version": 1,
        "event": {"date": "2026-11-21"},
        "coalitions": [{"name": "C"}],
        "participants": [{"name": "Zoë", "email": address}],
    }
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("yaml", "json"):
            path = Path(folder) / f"event.{fmt}"
            path.write_bytes(dump_event_document(document, fmt))
            assert read_event_file(path).participants[0].email == address
