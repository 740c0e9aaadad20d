"""The window's start refuses a file it must not open, leaving it byte-for-byte untouched.

``run_gui`` runs in-process the way ``scale-across`` starts it; its "Cannot
open the database" box is replaced by a recorder, so nothing blocks.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from refused_files import FILE_NAME, KINDS, MODES, make_refused, snapshot

from facilitator import paths
from facilitator.storage import open_database
from facilitator.storage.session_markers import previous_session_unclean
from ui.app import run_gui


@pytest.fixture
def boxes(monkeypatch):
    """Record every message box instead of showing it."""
    shown = []
    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(
            QMessageBox,
            name,
            lambda *args, name=name: shown.append((name, args[2])) or QMessageBox.StandardButton.Ok,
        )
    return shown


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", KINDS)
def test_the_window_refuses_the_file_and_leaves_it_untouched(
    qapp, tmp_path, isolated_data_dir, boxes, capsys, kind, mode
):
    place = tmp_path / "place"
    path = make_refused(kind, mode, place, isolated_data_dir)
    before = snapshot(place)

    assert run_gui(str(path)) == 1

    [(box, text)] = boxes
    assert box == "critical" and text.startswith("Cannot open the database.") and KINDS[kind] in text
    assert KINDS[kind] in capsys.readouterr().err
    assert snapshot(place) == before
    assert not paths.damaged_dir().exists()
    assert not previous_session_unclean(path)  # refused is a clean end: no check next time


@pytest.mark.parametrize("new", [False, True], ids=["existing file", "new file"])
def test_a_folder_that_cannot_be_written_is_named_before_any_window(
    qapp, tmp_path, boxes, immutable_folder, new, monkeypatch
):
    monkeypatch.setattr("ui.new_database.ask_to_create", lambda *_: True)  # a new file: yes, create it
    place = tmp_path / "place"
    place.mkdir()
    path = place / FILE_NAME
    if not new:
        open_database(path).close()
    before = snapshot(place)
    immutable_folder(place)

    assert run_gui(str(path)) == 1

    what = "the database file and its journal files" if new else "its journal files"
    assert boxes == [
        (
            "critical",
            f"Cannot open the database.\n\ncannot open {path}: the folder {place} cannot be written "
            f"(SQLite needs to create {what} there); make the folder writable, or choose another "
            f"place with --db",
        )
    ]
    assert snapshot(place) == before
