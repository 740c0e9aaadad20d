"""The document loader refuses hostile or broken input with a located error."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.documents import DocumentError, load_document, parse_document

LIMIT = 256 * 1024


def error_for(text: str | bytes, *, is_json: bool = False) -> DocumentError:
    data = text.encode() if isinstance(text, str) else text
    source = "doc.json" if is_json else "doc.yaml"
    with pytest.raises(DocumentError) as caught:
        parse_document(data, source, is_json=is_json, max_bytes=LIMIT)
    return caught.value


def test_error_text_is_path_line_column_problem() -> None:
    error = DocumentError("a.yaml", 3, 7, "something is wrong")
    assert str(error) == "a.yaml:3:7: something is wrong"
    assert (error.path, error.line, error.column, error.problem) == (
        "a.yaml",
        3,
        7,
        "something is wrong",
    )
    assert isinstance(error, ValueError)


def test_python_object_tag_is_refused() -> None:
    error = error_for('cmd: !!python/object/apply:os.system ["echo hacked"]\n')
    assert str(error) == ("doc.yaml:1:6: the tag !!python/object/apply:os.system is not allowed; remove it")


def test_custom_tag_is_refused() -> None:
    assert str(error_for("a: 1\nb: !include other.yaml\n")) == (
        "doc.yaml:2:4: the tag !include is not allowed; remove it"
    )


def test_core_tags_are_allowed() -> None:
    assert parse_document(b"a: !!str No\nb: !!int '7'\n", "doc.yaml") == {"a": "No", "b": 7}


def test_alias_bomb_is_refused_at_the_first_alias() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        refs = ",".join([f"*{previous}"] * 9)
        lines.append(f"{name}: &{name} [{refs}]")
    # Refused at the very first `*a` (line 2), so nothing was ever expanded:
    # the cost does not depend on how far the bomb would have gone.
    error = error_for("\n".join(lines) + "\n")
    assert str(error) == "doc.yaml:2:8: aliases are not allowed (*a); write the value out in full"


@pytest.mark.parametrize("opening, closing", [("[", "]"), ("{a: ", "}")])
def test_deep_nesting_is_refused_without_recursion_error(opening: str, closing: str) -> None:
    error = error_for(opening * 200 + "1" + closing * 200)
    assert error.line == 1
    assert error.problem == "the data is nested more than 32 levels deep"


def test_very_deep_nesting_is_refused_for_yaml_and_json() -> None:
    for is_json in (False, True):
        error = error_for("[" * 200_000, is_json=is_json)
        assert (error.line, error.column) == (1, 33)


def test_thirty_two_levels_are_fine() -> None:
    value = parse_document(("[" * 32 + "]" * 32).encode(), "doc.yaml")
    assert len(value) == 1  # type: ignore[arg-type]


def test_duplicate_yaml_key_points_at_second_occurrence() -> None:
    text = "title: One\nsteps:\n  - id: a\ntitle: Two\n"
    assert str(error_for(text)) == 'doc.yaml:4:1: duplicate key "title" (first given on line 1)'


def test_duplicate_json_key_points_at_second_occurrence() -> None:
    text = '{\n  "title": "One",\n  "nested": {"a": 1, "a": 2}\n}'
    assert str(error_for(text, is_json=True)) == ('doc.json:3:22: duplicate key "a" (first given on line 3)')


def test_byte_order_mark_is_refused() -> None:
    assert str(error_for(b"\xef\xbb\xbftitle: x\n")) == (
        "doc.yaml:1:1: the file starts with a byte-order mark (BOM); "
        "save it as UTF-8 without a byte-order mark"
    )


def test_utf16_is_refused() -> None:
    assert "save it as UTF-8" in str(error_for("title: x\n".encode("utf-16")))


def test_tab_indentation_is_refused() -> None:
    assert str(error_for("steps:\n\t- id: a\n")) == (
        "doc.yaml:2:1: a tab is used for indentation; YAML needs spaces"
    )


def test_invalid_utf8_reports_line_and_character_column() -> None:
    data = "title: x\nname: Łukasz ".encode() + b"\xff" + b"\n"
    error = error_for(data)
    assert (error.line, error.column) == (2, 14)
    assert error.problem == "the file is not valid UTF-8 (byte 0xFF here); save it as UTF-8"


def test_control_character_in_yaml_is_located() -> None:
    assert str(error_for("a: 1\nb: x\x00y\n")) == (
        "doc.yaml:2:5: the file contains a control character (U+0000) that is not allowed; remove it"
    )


def test_huge_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: costs no disk

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    # The size alone refuses it: the file is never opened, let alone read.
    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(DocumentError) as caught:
        load_document(path, max_bytes=LIMIT)
    assert str(caught.value) == (
        f"{path}:1:1: the file is too large (50.0 MB); the limit for this kind of file is 256 KB"
    )


def test_data_over_limit_is_refused() -> None:
    with pytest.raises(DocumentError, match=r"too large \(2 KB\).*is 1 KB"):
        parse_document(b"a: 1\n" * 400, "doc.yaml", max_bytes=1024)


def test_missing_file_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "gone.yaml"
    with pytest.raises(DocumentError) as caught:
        load_document(path, max_bytes=LIMIT)
    assert str(caught.value) == f"{path}:1:1: cannot read file: No such file or directory"


def test_folder_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="this is a folder, not a file"):
        load_document(tmp_path, max_bytes=LIMIT)


@pytest.mark.parametrize("text", ["", "   \n\n", "# just a comment\n", "---\n"])
def test_empty_document(text: str) -> None:
    assert str(error_for(text)) == "doc.yaml:1:1: the file is empty"


def test_empty_json_document() -> None:
    assert str(error_for(" \n", is_json=True)) == "doc.json:1:1: the file is empty"


def test_two_documents_are_refused() -> None:
    assert str(error_for("a: 1\n---\nb: 2\n")) == (
        "doc.yaml:2:1: the file contains more than one YAML document (a second '---'); "
        "keep one document per file"
    )


def test_json_syntax_error_position() -> None:
    assert str(error_for('{\n  "a": 1,\n  "b": \n}', is_json=True)) == (
        "doc.json:4:1: invalid JSON: Expecting value"
    )


def test_json_nan_is_refused() -> None:
    assert str(error_for('{"a": [1, NaN]}', is_json=True)) == (
        "doc.json:1:11: NaN is not a valid JSON number"
    )


@pytest.mark.parametrize(
    "text, problem",
    [
        ("1: one\n", 'the key "1" must be text, but YAML read it as a number; put the key in quotes'),
        (
            "true: 1\n",
            'the key "true" must be text, but YAML read it as a yes/no value; put the key in quotes',
        ),
        ("? [a, b]\n: 1\n", "a key must be plain text, not a list or mapping"),
        ("<<: {a: 1}\n", "merge keys (<<) are not allowed"),
    ],
)
def test_non_text_keys_are_refused(text: str, problem: str) -> None:
    assert error_for(text).problem == problem


def test_invalid_date_is_located() -> None:
    assert str(error_for("when: 2025-02-30\n")) == (
        'doc.yaml:1:7: "2025-02-30" is not a valid date (write dates as YYYY-MM-DD)'
    )


def test_yaml_syntax_error_uses_problem_mark() -> None:
    error = error_for("title: Goal: grow\n")
    assert (error.line, error.column) == (1, 12)
    assert "put it in quotes" in error.problem
