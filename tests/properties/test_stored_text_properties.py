"""The one text rule: idempotent, complete, and applied alike by the services and the readers."""

from __future__ import annotations

import json

from handwritten_files import yaml_quoted
from hypothesis import given
from hypothesis import strategies as st
from property_support import PASTED, settings_for

from facilitator.documents import TextNotice, parse_document, to_plain
from facilitator.services.common import clean_text
from facilitator.stored_text import _LINE_ENDS, _SPECIAL, clean, why_dropped

ANY_TEXT = st.lists(
    st.one_of(st.sampled_from(PASTED), st.characters(exclude_categories=())), max_size=40
).map("".join)


@settings_for(300)
@given(ANY_TEXT)
def test_clean_is_idempotent_and_leaves_nothing_to_drop(text):
    result = clean(text)
    again = clean(result.text)
    assert again.text == result.text and again.dropped == ()
    assert not any(why_dropped(ch) for ch in result.text)
    assert not set(result.text) & (_LINE_ENDS - {"\n"})
    assert result.text == result.text.strip()


@settings_for(300)
@given(ANY_TEXT)
def test_dropped_characters_are_reported_where_they_were(text):
    result = clean(text)
    for dropped in result.dropped:
        single = text[dropped.offset]
        # A character beyond U+FFFF may have been given as a surrogate pair.
        pair = text[dropped.offset : dropped.offset + 2].encode("utf-16-le", "surrogatepass")
        assert dropped.char in (single, pair.decode("utf-16-le", "ignore"))
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    ordinary = "".join(ch for ch in joined if not _SPECIAL.match(ch) and ch != "\n")
    assert ordinary.strip() in result.text.replace("\n", "")  # only what the rule names goes


@settings_for(300)
@given(ANY_TEXT)
def test_services_store_what_clean_gives(text):
    assert clean_text(text, "Field", max_length=10_000) == clean(text).text


@settings_for(200)
@given(ANY_TEXT)
def test_yaml_and_json_readers_store_what_clean_gives(text):
    expected = clean(text)
    document = {"a": text}
    yaml_source = f"a: {yaml_quoted(text)}\r\n"
    json_source = "".join(
        f"\\u{ord(ch):04x}" if "\ud800" <= ch <= "\udfff" else ch
        for ch in json.dumps(document, ensure_ascii=False)
    )
    for source, is_json in ((yaml_source, False), (json_source, True)):
        notices: list[TextNotice] = []
        value = parse_document(source.encode(), "x", is_json=is_json, notices=notices)
        assert to_plain(value) == {"a": expected.text}
        assert sum(n.count for n in notices) == len(expected.dropped)
