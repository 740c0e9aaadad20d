"""Whatever text the app stores, an event file carries unchanged; a file stores what typing would.

(a) services → export (YAML and JSON) → import into a fresh database: every
    text field holds the same value;
(b) a hand-written event file (CR LF line ends, control characters raw or
    escaped, surrogates escaped) stores exactly what the services store for
    the same typed text, and every character it drops is reported at the
    spot where it is written.
"""

from __future__ import annotations

from handwritten_files import file_values, handwritten, handwritten_json, handwritten_yaml
from hypothesis import given
from property_support import (
    FIELDS,
    TYPED,
    build_event,
    event_texts,
    expected,
    fresh_databases,
    settings_for,
    snapshot,
    text_columns,
)

from facilitator.documents import TextNotice
from facilitator.eventfile import export_event, import_event_file
from facilitator.stored_text import clean


def test_every_text_column_is_covered():
    """A text column added to the models must be added to FIELDS (and so to the properties)."""
    assert set(FIELDS) == text_columns()
    assert set(TYPED) | {f.same_as for f in FIELDS.values() if f.same_as} == set(TYPED)


@settings_for(8)
@given(typed=event_texts())
def test_stored_text_survives_export_and_import(template_db, typed):
    with fresh_databases(template_db, 3) as (folder, (source, from_yaml, from_json)):
        event_id = build_event(source, typed)
        stored = snapshot(source, event_id)
        assert stored == expected(typed)

        for suffix, target in ((".yaml", from_yaml), (".json", from_json)):
            path = folder / f"event{suffix}"
            with source.transaction() as session:
                export_event(session, event_id, path)
            notices: list[TextNotice] = []
            imported = import_event_file(target, path, notices=notices)
            assert notices == []  # stored text has nothing left to drop
            assert snapshot(target, imported) == stored


def _written_at(text: str, line_break: str, notice: TextNotice) -> str:
    line = text.split(line_break)[notice.mark.line - 1]
    return line[notice.mark.column - 1]


@settings_for(8)
@given(typed=event_texts())
def test_handwritten_file_stores_what_typing_stores(template_db, typed):
    document = handwritten(typed)
    dropped = sum(len(clean(value).dropped) for value in file_values(document))
    with fresh_databases(template_db, 3) as (folder, (typed_db, from_yaml, from_json)):
        stored = snapshot(typed_db, build_event(typed_db, typed))

        for name, text, target, line_break in (
            ("prepared.yaml", handwritten_yaml(document), from_yaml, "\r\n"),
            ("prepared.json", handwritten_json(document), from_json, "\n"),
        ):
            path = folder / name
            path.write_bytes(text.encode("utf-8"))
            notices: list[TextNotice] = []
            imported = import_event_file(target, path, notices=notices)

            assert snapshot(target, imported) == stored
            assert sum(notice.count for notice in notices) == dropped
            for notice in notices:
                # The character itself, or the backslash of its escape.
                assert _written_at(text, line_break, notice) in (notice.dropped.char, "\\")
