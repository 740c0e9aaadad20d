"""Typed text is text: markup-like input stays visible, links nothing and reads no file."""

from __future__ import annotations

import contextlib
import sys
import unicodedata
from pathlib import Path

import pytest
from pdf_helpers import HOSTILE, flat, pdf_text, reader
from reportlab.platypus import Paragraph, SimpleDocTemplate

from exports.pdf import adopters, render_agreement, render_summary
from exports.pdf.bidi import shape_arabic, visual_order
from exports.pdf.fonts import (
    CJK,
    CJK_EXTRA,
    CJK_RARE,
    FALLBACKS,
    HANGUL,
    REGULAR,
    SYMBOLS,
    font_dir,
    font_for,
)
from exports.pdf.markup import REPLACEMENT, text

# An audit hook cannot be removed, so one hook records only while a test asks it to.
_recording: list[tuple[str, tuple]] | None = None
_WATCHED = {
    "open",
    "os.listdir",
    "os.scandir",
    "urllib.Request",
    "socket.connect",
    "subprocess.Popen",
    "os.system",
}


def _audit(event: str, args: tuple) -> None:
    if _recording is not None and event in _WATCHED:
        _recording.append((event, args))


_installed = False


def _record(action) -> list[tuple[str, tuple]]:
    global _recording, _installed
    if not _installed:
        sys.addaudithook(_audit)
        _installed = True
    _recording = []
    try:
        action()
        return _recording
    finally:
        _recording = None


def _opened_paths(events) -> list[str]:
    return [str(args[0]) for name, args in events if name == "open"]


@pytest.fixture(scope="module")
def documents(hostile):
    adopter = adopters(hostile)[0]
    return render_summary(hostile), render_agreement(hostile, adopter.id)


def test_typed_markup_and_every_script_come_out_exactly_as_typed(documents):
    for pdf in documents:
        extracted = pdf_text(pdf)
        assert [h for h in HOSTILE if flat(h) not in extracted] == []


def test_no_page_has_a_link_or_annotation(documents):
    for pdf in documents:
        assert all("/Annots" not in page for page in reader(pdf).pages)
        assert b"/URI" not in pdf and b"/Launch" not in pdf and b"/XObject" not in pdf


def test_rendering_opens_no_file_but_the_shipped_fonts(hostile):
    adopter = adopters(hostile)[0]

    def render_both():
        render_summary(hostile)
        render_agreement(hostile, adopter.id, page_size="Letter")

    render_both()  # warm caches: lazy imports and font registration open files legitimately
    events = _record(render_both)
    fonts = Path(str(font_dir())).resolve()
    foreign = [p for p in _opened_paths(events) if fonts not in Path(p).resolve().parents]
    assert foreign == []
    assert [name for name, _ in events if name != "open"] == []


def test_the_audit_hook_would_see_reportlab_read_a_file(tmp_path):
    # The control: raw markup (what the renderers never pass) does make ReportLab open a file.
    image = tmp_path / "probe.png"
    image.write_bytes(b"not an image")

    def render_raw():
        document = SimpleDocTemplate(str(tmp_path / "raw.pdf"))
        # The point is the attempt to read the file, not whether the build succeeds.
        with contextlib.suppress(Exception):
            document.build([Paragraph(f'<img src="{image}" width="10" height="10"/>')])

    assert str(image) in _opened_paths(_record(render_raw))


def test_markup_is_escaped_and_control_characters_removed():
    assert text("<b>unclosed") == "&lt;b&gt;unclosed"
    assert text('a < b & c <a href="x">') == 'a &lt; b &amp; c &lt;a href="x"&gt;'
    assert text("a\x00b\x07c\x1bd\x7fe\x9bf") == "abcdef"
    assert text("one\ntwo\r\nthree\rfour\u2028five") == "one<br/>two<br/>three<br/>four<br/>five"
    assert text("tab\there") == "tab here"
    assert text(None) == ""


def test_characters_go_to_the_font_that_has_them():
    assert text("Zoë Łukasz Ωμέγα Привет") == "Zoë Łukasz Ωμέγα Привет"
    assert text("田中 愛子") == f'<font face="{CJK}">田中 愛子</font>'
    assert text("go 🚀 now") == f'go <font face="{SYMBOLS}">🚀 </font>now'


def test_a_character_no_font_has_becomes_a_replacement_or_disappears():
    nothing_has = next(chr(c) for c in range(0xE000, 0xF8FF) if font_for(chr(c)) is None)
    assert text(f"a{nothing_has}b") == f"a{REPLACEMENT}b"
    invisible = next(
        chr(c)
        for c in [*range(0xFFF0, 0x10000), *range(0xE0000, 0xE0080)]
        if unicodedata.category(chr(c)) == "Cf" and font_for(chr(c)) is None
    )
    assert text(f"a{invisible}b") == "ab"
    assert set(FALLBACKS) == {REGULAR, CJK, CJK_EXTRA, CJK_RARE, HANGUL, SYMBOLS}


def test_right_to_left_runs_are_put_in_display_order():
    assert visual_order("abc 123") == "abc 123"
    assert visual_order("שלום") == "םולש"
    assert visual_order("Dana שלום עולם!") == "Dana םלוע םולש!"
    assert visual_order("א 12 ב") == "ב 12 א"
    assert visual_order("א (ב)") == "(ב) א"


def test_arabic_letters_take_their_joined_forms():
    assert shape_arabic("مريم") == "\ufee3\ufeae\ufef3\ufee2"
    assert shape_arabic("لا") == "\ufefb"
    assert shape_arabic("abc") == "abc"
