"""The window creates a database only where the facilitator asks for one.

``run_gui`` runs in-process as ``scale-across`` starts it; message boxes are
recorded instead of shown, and ``app.exec`` returns at once, so a window
that opens is closed again without waiting on anything.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.storage.session_markers import previous_session_unclean
from ui import new_database
from ui.app import run_gui


@pytest.fixture
def boxes(monkeypatch):
    """Record every static message box instead of showing it."""
    shown = []
    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(
            QMessageBox,
            name,
            lambda *args, name=name: shown.append((name, args[2])) or QMessageBox.StandardButton.Ok,
        )
    return shown


@pytest.fixture
def answer(monkeypatch):
    """Answer the "create a new database?" question; record that it was asked."""
    asked = []

    def set_answer(create: bool) -> list:
        def ask(path, where_from):
            asked.append((path, where_from))
            return create

        monkeypatch.setattr(new_database, "ask_to_create", ask)
        return asked

    return set_answer


@pytest.fixture
def no_event_loop(monkeypatch, qapp):
    """Let run_gui return as soon as its window is shown."""
    monkeypatch.setattr(QApplication, "exec", lambda *_: 0)
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()


def test_a_missing_folder_is_named_and_nothing_is_created(
    qapp, tmp_path, boxes, answer, capsys, isolated_data_dir
):
    asked = answer(True)
    path = tmp_path / "nonexist" / "dir" / "x.db"

    assert run_gui(str(path)) == 1

    assert boxes == [
        (
            "critical",
            f"Cannot create a database at {path}.\n\nThe folder {path.parent} does not exist. "
            f"The path was given with --db: check it, or create the folder first.",
        )
    ]
    assert asked == []  # no question whose answer cannot be carried out
    assert capsys.readouterr().err == (
        f"scale-across: error: cannot create a database at {path}: the folder {path.parent} "
        f"does not exist; create the folder first, or check the path (given with --db)\n"
    )
    assert not (tmp_path / "nonexist").exists()
    assert os.listdir(isolated_data_dir) == []  # not even a lock or a session marker


def test_cancel_creates_nothing(qapp, tmp_path, boxes, answer, capsys, isolated_data_dir):
    asked = answer(False)
    path = tmp_path / "new.sqlite3"

    assert run_gui(str(path)) == 1

    assert asked == [(path, "given with --db")]
    assert boxes == []
    assert capsys.readouterr().err == f"scale-across: no database at {path}; nothing was created\n"
    assert os.listdir(tmp_path) == []
    assert os.listdir(isolated_data_dir) == []


def test_create_opens_a_new_database_there(qapp, tmp_path, boxes, answer, no_event_loop):
    asked = answer(True)
    path = tmp_path / "new.sqlite3"

    assert run_gui(str(path)) == 0

    assert len(asked) == 1 and boxes == []
    assert path.is_file()
    assert not previous_session_unclean(path)


def test_an_existing_database_opens_without_a_question(qapp, db, db_path, boxes, answer, no_event_loop):
    db.close()
    asked = answer(False)
    assert run_gui(str(db_path)) == 0
    assert asked == [] and boxes == []


def test_the_first_start_creates_the_default_database_without_a_question(
    qapp, tmp_path, monkeypatch, boxes, answer, no_event_loop
):
    data = tmp_path / "fresh" / "scale-across"
    monkeypatch.setenv("SCALE_ACROSS_DATA_DIR", str(data))
    asked = answer(False)

    assert run_gui(None) == 0

    assert asked == [] and boxes == []
    assert (data / "scale-across.sqlite3").is_file()


def test_a_path_from_the_environment_is_asked_about_too(qapp, tmp_path, monkeypatch, boxes, answer):
    path = tmp_path / "shared.sqlite3"
    monkeypatch.setenv("SCALE_ACROSS_DB", str(path))
    asked = answer(False)
    assert run_gui(None) == 1
    assert asked == [(path, "named by SCALE_ACROSS_DB")]
    assert not path.exists()


def test_the_question_names_the_path_and_its_buttons_say_what_they_do(qapp, tmp_path):
    path = tmp_path / "new.sqlite3"
    box = new_database.creation_question(path, "given with --db")

    assert box.text() == f"There is no database at\n{path}"
    assert "given with --db" in box.informativeText()
    assert sorted(b.text() for b in box.buttons()) == ["Cancel", "Create database"]
    assert box.defaultButton().text() == "Create database"
    assert box.escapeButton().text() == "Cancel"
    box.deleteLater()
