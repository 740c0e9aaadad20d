"""The Export menu: PDFs for participants and event files, written where asked."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import show_active
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from facilitator.demo import create_demo_event
from facilitator.eventfile import export_event
from facilitator.storage import open_database
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LONG = 120_000  # ms: the PDFs are written in the background; a loaded machine may take a while


@pytest.fixture
def window(qtbot, db):
    with db.transaction() as session:
        event_id = create_demo_event(session, date=dt.date(2026, 11, 3)).id
    win = MainWindow(db)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    win.open_event(event_id, view=2)
    return win


def _text(path):
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def test_summary_is_written_where_asked_and_opened(qtbot, window, tmp_path, monkeypatch, opened):
    target = tmp_path / "Zusammenfassung"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF documents (*.pdf)")
    )
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG):  # written in the background
        qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    pdf = tmp_path / "Zusammenfassung.pdf"
    assert pdf.exists()
    text = _text(pdf)
    assert "Checkout Reliability Coalition" in text and "Łukasz Wróblewski" in text
    # What the room left open, as the Review step lists it.
    assert "Left open" in text and "6 fit questions not answered" in text
    assert "not checked" not in text
    assert opened == [str(pdf)]
    assert "Exported summary" in window.statusBar().currentMessage()


def test_agreements_for_all_adopters_go_into_the_chosen_folder(qtbot, window, tmp_path, monkeypatch, opened):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG):  # written in the background
        qtbot.keyClick(window, Qt.Key.Key_A, CTRL | SHIFT)
    files = sorted(tmp_path.glob("*.pdf"))
    assert len(files) == 4
    texts = [_text(f) for f in files]
    for name in ("Ana Núñez", "Søren Ødegård", "Çağla Yıldız", "Łukasz Wróblewski"):
        assert any(name in t for t in texts)
    assert opened == [str(tmp_path)]


def test_one_adopter_from_the_submenu_on_letter_paper(qtbot, window, tmp_path, monkeypatch, opened):
    letter = next(a for a in window.paper_group.actions() if a.data() == "Letter")
    letter.trigger()
    target = tmp_path / "ana.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.exporter.fill_adopter_menu(window.adopter_menu)
    entry = next(a for a in window.adopter_menu.actions() if a.text().startswith("Ana Núñez"))
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG):
        entry.trigger()
    reader = PdfReader(target)
    assert round(float(reader.pages[0].mediabox.width)) == 612  # US Letter, in points
    assert "Ana Núñez" in _text(target) and "Søren Ødegård" not in _text(target)


def test_an_unwritable_place_is_reported_in_the_window(qtbot, window, tmp_path, monkeypatch, opened):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(blocker / "x.pdf"), ""))
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG):
        qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert window.banner.isVisible()
    assert str(blocker / "x.pdf") in window.banner.label.text()
    assert opened == []


def test_cancelling_the_dialog_writes_nothing(qtbot, window, tmp_path, monkeypatch, opened):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert window.tasks.tasks() == []  # nothing was started
    assert list(tmp_path.glob("*.pdf")) == [] and opened == []


def test_an_event_file_from_another_facilitator_is_imported_and_opened(qtbot, tmp_path, monkeypatch, opened):
    other = open_database(tmp_path / "other.sqlite3")
    with other.transaction() as session:
        event_id = create_demo_event(session).id
        export_event(session, event_id, tmp_path / "event.yaml")
    other.close()
    mine = open_database(tmp_path / "mine.sqlite3")
    win = MainWindow(mine)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "event.yaml"), ""))
    with qtbot.waitSignal(win.tasks.ended, timeout=LONG):  # read and stored in the background
        qtbot.keyClick(win, Qt.Key.Key_I, CTRL)
    assert win.editor is not None and win.editor.event_id == event_id
    assert [p.name for p in win.editor.event.participants][0] == "Zoë Lefèvre"
    # The same file again is refused with a clear message, and nothing changes.
    win.show_start()
    with qtbot.waitSignal(win.tasks.ended, timeout=LONG):
        qtbot.keyClick(win, Qt.Key.Key_I, CTRL)
    assert "already in this database" in win.banner.label.text()
    win.close()
    mine.close()


def test_a_broken_event_file_is_named_with_its_line_not_as_a_typing_problem(qtbot, tmp_path, monkeypatch, db):
    broken = tmp_path / "plan.yaml"
    broken.write_text("format: scale-across-event\nversion: 1\nevent: {date: 2026-02-30}\n", encoding="utf-8")
    win = MainWindow(db)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    with qtbot.waitSignal(win.tasks.ended, timeout=LONG):
        qtbot.keyClick(win, Qt.Key.Key_I, CTRL)
    text = win.banner.label.text()
    assert text.startswith(f"The event file was not imported: {broken}:3:")
    assert "typed" not in text and "Not saved" not in text
    assert win.editor is None


def test_importing_pasted_text_shows_what_was_dropped_over_the_opened_event(qtbot, tmp_path, monkeypatch, db):
    from PySide6.QtWidgets import QApplication

    from ui.import_notices import DroppedCharactersDialog

    prepared = tmp_path / "prepared.yaml"
    people = "".join(f"  - name: Person{n}\x07\r\n" for n in range(47))
    prepared.write_bytes(
        (
            "format: scale-across-event\r\nversion: 1\r\nevent: {date: 2026-11-21, title: No}\r\n"
            "coalitions: [{name: Checkout}]\r\nparticipants:\r\n" + people
        ).encode()
    )
    win = MainWindow(db)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(prepared), ""))

    with qtbot.waitSignal(win.tasks.ended, timeout=LONG):
        qtbot.keyClick(win, Qt.Key.Key_I, CTRL)

    assert win.editor is not None and win.editor.event.title == "No"
    assert [p.name for p in win.editor.event.participants][:2] == ["Person0", "Person1"]
    box = QApplication.activeModalWidget()
    assert isinstance(box, DroppedCharactersDialog)
    assert box.summary.text().startswith("Imported prepared.yaml. 47 invisible characters were dropped")
    lines = box.lines()
    assert lines[0] == "line 6, column 18, participants[1].name: U+0007 (control character)"
    assert len(lines) == 47 and lines[-1].startswith("line 52, column 19")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # OK has the focus: Enter closes it
    assert QApplication.activeModalWidget() is None
    win.close()


@pytest.fixture
def no_viewer(monkeypatch):
    """A machine with no program for the file: openUrl returns False, as Qt's does then."""
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) and False)
    return urls


def test_a_pdf_no_program_can_open_is_named_with_its_folder(qtbot, window, tmp_path, monkeypatch, no_viewer):
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    with qtbot.waitSignal(window.tasks.ended, timeout=LONG):
        qtbot.keyClick(window, Qt.Key.Key_E, CTRL)

    assert target.exists() and no_viewer == [str(target)]
    assert window.banner.isVisible()
    assert window.banner.label.text() == (
        f"Wrote summary.pdf. No program to open PDF files was found; the file is in {tmp_path}."
    )
    assert window.banner.action.isVisible() and window.banner.action.text() == "Show folder"
    qtbot.mouseClick(window.banner.action, Qt.MouseButton.LeftButton)
    assert no_viewer == [str(target), str(tmp_path)]


def test_a_folder_no_program_can_show_is_named_without_a_show_folder_button(
    qtbot, window, tmp_path, monkeypatch, no_viewer
):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))

    with qtbot.waitSignal(window.tasks.ended, timeout=LONG):
        qtbot.keyClick(window, Qt.Key.Key_A, CTRL | SHIFT)

    assert no_viewer == [str(tmp_path)]
    assert window.banner.label.text() == (
        f"Wrote 4 PDF files. No program to show folders was found; the files are in {tmp_path}."
    )
    assert not window.banner.action.isVisible()


def test_the_show_folder_button_goes_with_its_message(qtbot, window, tmp_path, monkeypatch, no_viewer):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "s.pdf"), ""))
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG):
        qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert window.banner.action.isVisible()

    window.banner.show_message("the event could not be opened: gone")

    assert not window.banner.action.isVisible()
    window.banner.show_message("again", ("Show folder", lambda: None))
    window.banner.hide()
    window.show_problem("No backup was taken at start.")
    assert window.banner.isVisible() and not window.banner.action.isVisible()
