"""Writing the PDFs: atomic replacement, one clear error, safe and distinct file names."""

from __future__ import annotations

import os
import re

import pytest
from pdf_helpers import make_event, reader

from exports import files
from exports.files import (
    ExportError,
    adopter_file_name,
    export_agreement,
    export_agreements,
    export_summary,
    missing_folder,
    write_atomically,
)
from exports.pdf import adopters
from facilitator.domain import SupportType
from facilitator.services import agreements, participants, patterns
from facilitator.services.events import load_event

UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def test_write_atomically_writes_the_bytes_and_returns_the_path(tmp_path):
    target = tmp_path / "summary.pdf"
    assert write_atomically(target, b"%PDF-new") == target
    assert target.read_bytes() == b"%PDF-new"
    assert os.listdir(tmp_path) == ["summary.pdf"]


@pytest.mark.parametrize(
    "make_target",
    [
        lambda tmp: (tmp / "a-file").touch() or tmp / "a-file" / "summary.pdf",
        lambda tmp: (tmp / "a-file").touch() or tmp / "a-file" / "deeper" / "summary.pdf",
        lambda tmp: (tmp / "folder").mkdir() or tmp / "folder",
    ],
    ids=["parent-is-a-file", "grandparent-is-a-file", "path-is-a-folder"],
)
def test_an_unwritable_target_is_one_clear_error_naming_the_path(tmp_path, make_target):
    target = make_target(tmp_path)
    with pytest.raises(ExportError, match=r"^cannot write .+: .+") as caught:
        write_atomically(target, b"%PDF")
    assert str(target) in str(caught.value)


def test_a_missing_folder_is_created_with_its_parents(tmp_path):
    target = tmp_path / "new" / "deeper" / "summary.pdf"
    assert missing_folder(target) == tmp_path / "new"
    assert write_atomically(target, b"%PDF") == target
    assert target.read_bytes() == b"%PDF" and missing_folder(target) is None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_a_read_only_folder_is_a_clear_error(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            write_atomically(folder / "summary.pdf", b"%PDF")
    finally:
        folder.chmod(0o700)


def test_a_failure_after_writing_leaves_the_old_file_whole_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"%PDF-old complete file")

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="No space left on device") as caught:
        write_atomically(target, b"%PDF-new" * 10_000)
    assert str(target) in str(caught.value)
    assert target.read_bytes() == b"%PDF-old complete file"
    assert os.listdir(tmp_path) == ["summary.pdf"]


def test_export_summary_and_one_agreement_write_readable_pdfs(tmp_path, demo_event):
    summary = export_summary(demo_event, tmp_path / "summary.pdf", page_size="Letter")
    assert len(reader(summary.read_bytes()).pages) >= 3
    adopter = adopters(demo_event)[0]
    single = export_agreement(demo_event, adopter.id, tmp_path / "one.pdf")
    assert reader(single.read_bytes()).metadata.title.endswith(adopter.name)


def test_export_agreements_into_a_missing_folder_creates_it(tmp_path, demo_event):
    folder = tmp_path / "new" / "adopters"
    written = export_agreements(demo_event, folder)
    assert written and all(path.parent == folder for path in written)


def test_export_agreements_into_a_file_is_refused(tmp_path, demo_event):
    (tmp_path / "taken").write_text("x")
    with pytest.raises(ExportError, match="it is a file, not a folder"):
        export_agreements(demo_event, tmp_path / "taken")


def _awkward_adopters(session):
    event = make_event(session)
    pattern = patterns.create_pattern(session, event.id, "Contract tests")
    people = [
        participants.add_participant(session, event.id, "Ana Núñez", "Payments"),
        participants.add_participant(session, event.id, "Ana Núñez", "Payments"),
        participants.add_participant(session, event.id, "ANA NÚÑEZ", "payments"),
        participants.add_participant(session, event.id, 'a/b:c*d?e"f<g>h|i.', ""),
        participants.add_participant(session, event.id, "田中 愛子 🚀 " + "長" * 190, "W" * 100),
        participants.add_participant(session, event.id, "...", ""),
    ]
    for person in people:
        agreement = agreements.add_agreement(session, event.id, person.id, pattern_ids=[pattern.id])
        agreements.add_support_item(session, agreement.id, SupportType.TIME, amount=1)
    return event


def test_export_agreements_gives_every_adopter_a_distinct_safe_readable_file(tmp_path, db):
    with db.transaction() as session:
        event_id = _awkward_adopters(session).id
    with db.transaction() as session:
        event = load_event(session, event_id)
    folder = tmp_path / "agreements"
    folder.mkdir()
    paths = export_agreements(event, folder)

    names = [p.name for p in paths]
    assert len(paths) == 6
    assert len({n.casefold() for n in names}) == 6
    for name in names:
        assert name.endswith(".pdf") and len(name) <= 120
        assert len(name.encode("utf-8")) <= 240
        assert not UNSAFE.search(name), name
        assert not name[:-4].endswith((".", " ")), name
        assert name.startswith("2026-05-14 Agreement - "), name
    assert names[0] == "2026-05-14 Agreement - Ana Núñez (Payments).pdf"
    assert names[1] == "2026-05-14 Agreement - Ana Núñez (Payments) (2).pdf"
    assert names[2] == "2026-05-14 Agreement - ANA NÚÑEZ (payments) (3).pdf"
    assert names[3] == "2026-05-14 Agreement - a_b_c_d_e_f_g_h_i.pdf"
    assert names[4].startswith("2026-05-14 Agreement - 田中 愛子 🚀 長長")
    assert names[5] == "2026-05-14 Agreement - adopter.pdf"
    for path, person in zip(paths, adopters(event), strict=True):
        assert path.exists()
        assert reader(path.read_bytes()).metadata.title.endswith(person.name)
    assert sorted(os.listdir(folder)) == sorted(names)


def test_adopter_file_names_are_unique_case_insensitively_within_taken(demo_event):
    person = adopters(demo_event)[1]
    first = adopter_file_name(demo_event, person, set())
    taken = {first.upper()}
    second = adopter_file_name(demo_event, person, taken)
    assert second.casefold() != first.casefold()
    assert second.endswith(" (2).pdf")
    assert second in taken


def test_the_files_module_offers_the_documented_api():
    assert {
        "ExportError",
        "write_atomically",
        "export_summary",
        "export_agreements",
        "export_agreement",
        "adopter_file_name",
    } <= set(files.__all__)


def test_safe_file_name_is_readable_and_leaves_room_for_an_extension():
    from exports.names import safe_file_name

    assert safe_file_name("2026-05-14 Checkout + Search: summary?") == "2026-05-14 Checkout + Search_ summary"
    assert safe_file_name('<>:"/\\|?*') == "export"
    assert safe_file_name("con") == "_con"
    long = safe_file_name("日本" * 200)
    assert len(long) <= 110 and len(long.encode("utf-8")) <= 230


def test_an_event_without_agreements_writes_no_agreement_file(tmp_path, db):
    with db.transaction() as session:
        event_id = make_event(session).id
    with db.transaction() as session:
        event = load_event(session, event_id)
    assert export_agreements(event, tmp_path / "not-needed") == []
    assert not (tmp_path / "not-needed").exists()
