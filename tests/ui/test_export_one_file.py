"""One-file exports run off the GUI thread: the summary, one adopter's agreement, the event file.

The window keeps handling events while they run, the panel shows how far
they got, what would conflict waits and says why (the Review page's Close
button too), Cancel leaves no file behind, and errors reach the banner.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from held_work import LONG, hold
from helpers import answer_save_dialog, show_active
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

import exports.pdf
import exports.pdf.report
import facilitator.eventfile.export
from facilitator.demo import create_demo_event
from facilitator.eventfile import read_event_file
from ui.actions import SPECS, Act
from ui.main_window import MainWindow
from ui.views import REVIEW

CTRL = Qt.KeyboardModifier.ControlModifier
SUMMARY_HELD = "Not now: “Event summary” is being written. Wait for it, or cancel it."


@pytest.fixture
def demo_id(db):
    with db.transaction() as session:
        return create_demo_event(session, date=dt.date(2026, 11, 3)).id


@pytest.fixture
def window(qtbot, db, demo_id):
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    show_active(qtbot, win)
    win.open_event(demo_id, view=2)
    return win


def _steps(window) -> list[tuple[int, int]]:
    """Collect every (done, total) the next task reports, in the GUI thread."""
    steps: list[tuple[int, int]] = []
    window.tasks.started.connect(lambda task: task.progressed.connect(lambda d, t: steps.append((d, t))))
    return steps


def _text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def _tip(act: Act) -> str:
    spec = SPECS[act]
    return spec.tip or spec.text.replace("&", "")


def test_the_summary_is_written_while_the_window_keeps_handling_events(
    qtbot, window, tmp_path, monkeypatch, opened, gate
):
    hold(monkeypatch, exports.pdf, "render_summary", gate)
    steps = _steps(window)
    target = tmp_path / "summary.pdf"
    answer_save_dialog(monkeypatch, target)
    field = QApplication.focusWidget()
    seen = []

    def from_the_event_loop():
        # Runs only if the GUI thread gets back to its event loop while the worker
        # is held: were the summary rendered in the slot, the worker would wait in vain.
        action = window.actions_[Act.EXPORT_SUMMARY]
        row = window.progress_panel.row("summary")
        seen.append((row is not None, action.isEnabled(), action.toolTip()))
        gate.open.set()

    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
        QTimer.singleShot(0, from_the_event_loop)  # queued after the export started

    assert seen == [(True, False, SUMMARY_HELD)]
    assert gate.in_gui_thread == [False]  # rendered in a pool thread
    assert ended.args[0].outcome == "done"
    assert steps == [(0, 2), (1, 2), (2, 2)]  # laid out, made, written: the total is reached
    # What the room left open comes from the worker's own copy of the event.
    assert "Left open" in _text(target) and "6 fit questions not answered" in _text(target)
    assert opened == [str(target)] and not window.progress_panel.isVisible()
    assert window.actions_[Act.EXPORT_SUMMARY].isEnabled()
    assert window.actions_[Act.EXPORT_SUMMARY].toolTip() == _tip(Act.EXPORT_SUMMARY)
    assert QApplication.focusWidget() is field  # the panel never took the keyboard


def test_cancel_leaves_the_old_summary_and_no_temporary_file(
    qtbot, window, tmp_path, monkeypatch, opened, gate
):
    hold(monkeypatch, exports.pdf, "render_summary", gate)
    folder = tmp_path / "summaries"
    folder.mkdir()
    target = folder / "summary.pdf"
    target.write_bytes(b"last week's summary")
    answer_save_dialog(monkeypatch, target)
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        window.actions_[Act.EXPORT_SUMMARY].trigger()
        row = window.progress_panel.row("summary")
        qtbot.waitUntil(lambda: row.label.text() == "Laying out the event summary", timeout=LONG)
        assert row.cancel_button.isVisible()
        qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
        assert row.label.text() == "Event summary: cancelling…"
        gate.open.set()

    assert ended.args[0].outcome == "cancelled"
    assert [p.name for p in folder.iterdir()] == ["summary.pdf"]  # no temporary file either
    assert target.read_bytes() == b"last week's summary"
    assert window.statusBar().currentMessage() == "Cancelled: the summary was not written"
    assert opened == [] and not window.banner.isVisible()
    assert window.actions_[Act.EXPORT_SUMMARY].isEnabled() and window.actions_[Act.CLOSE_EVENT].isEnabled()


def test_an_error_inside_the_summary_worker_reaches_the_banner(qtbot, window, tmp_path, monkeypatch, opened):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    answer_save_dialog(monkeypatch, blocker / "summary.pdf")
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert ended.args[0].outcome == "failed"
    assert window.banner.isVisible()
    target = blocker / "summary.pdf"
    assert window.banner.label.text() == (
        f"The summary was not written: cannot write {target}: {blocker} is a file, not a folder."
    )
    assert opened == [] and blocker.read_text() == "not a folder"


def test_a_bug_in_the_summary_worker_goes_to_the_crash_handler(qtbot, window, tmp_path, monkeypatch):
    def broken(*_args, **_options):
        raise RuntimeError("a bug in the summary")

    monkeypatch.setattr(exports.pdf, "render_summary", broken)
    hooked = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: hooked.append((kind, str(exc))))
    folder = tmp_path / "summaries"
    answer_save_dialog(monkeypatch, folder / "summary.pdf")
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG):
        qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert hooked == [(RuntimeError, "a bug in the summary")]
    assert not folder.exists() and not window.banner.isVisible()


def test_the_review_pages_close_button_waits_while_the_summary_is_written(
    qtbot, window, tmp_path, monkeypatch, opened, gate
):
    hold(monkeypatch, exports.pdf, "render_summary", gate)
    answer_save_dialog(monkeypatch, tmp_path / "summary.pdf")
    close_event = window.actions_[Act.CLOSE_EVENT]
    window.show_view(REVIEW)
    page = window.screen_.review
    assert page.close_button.isEnabled() and page.close_button.toolTip() == ""
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG):
        window.actions_[Act.EXPORT_SUMMARY].trigger()
        assert not close_event.isEnabled() and close_event.toolTip() == SUMMARY_HELD
        assert not page.close_button.isEnabled() and page.close_button.toolTip() == SUMMARY_HELD
        page.refresh()  # any stored edit redraws the page: the button stays held
        assert not page.close_button.isEnabled() and page.close_button.toolTip() == SUMMARY_HELD
        # An event opened while the export runs shows its button held too.
        window.open_event(window.editor.event_id, view=REVIEW)
        page = window.screen_.review
        assert not page.close_button.isEnabled() and page.close_button.toolTip() == SUMMARY_HELD
        gate.open.set()

    assert close_event.isEnabled() and close_event.toolTip() == _tip(Act.CLOSE_EVENT)
    assert page.close_button.isEnabled() and page.close_button.toolTip() == ""
    assert page.close_button.text() == "Close event"


def test_a_summary_started_while_the_report_renders_waits_in_its_worker(
    qtbot, window, figures, demo_id, tmp_path, monkeypatch, opened, gate
):
    real = exports.pdf.report.render_report

    def render(report, *, page_size, progress):
        def held(done, total):
            progress(done, total)
            # Inside the build, holding the PDF lock every document takes in turn.
            if not gate.open.is_set():
                gate.wait()

        return real(report, page_size=page_size, progress=held)

    monkeypatch.setattr(exports.pdf.report, "render_report", render)
    answer_save_dialog(monkeypatch, tmp_path / "report.pdf")
    report = figures.export_report()
    qtbot.waitUntil(lambda: report.total > 0, timeout=LONG)  # the report holds the lock now

    window.open_event(demo_id)
    answer_save_dialog(monkeypatch, tmp_path / "summary.pdf")
    summary = window.exporter.export_summary()
    ran = []
    # The summary waits for the lock in its worker; the GUI thread goes on and runs this.
    QTimer.singleShot(0, lambda: (ran.append(summary.outcome), gate.open.set()))
    qtbot.waitUntil(lambda: bool(report.outcome and summary.outcome), timeout=LONG)

    assert ran == [""]  # the summary was still running when the GUI thread got here
    assert (report.outcome, summary.outcome) == ("done", "done")
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_one_adopters_agreement_is_written_in_the_background_and_its_entries_wait(
    qtbot, window, tmp_path, monkeypatch, opened, gate
):
    hold(monkeypatch, exports.pdf, "render_agreement", gate)
    folder = tmp_path / "new folder"
    answer_save_dialog(monkeypatch, folder / "ana")
    exporter, menu = window.exporter, window.adopter_menu
    exporter.fill_adopter_menu(menu)
    entry = next(a for a in menu.actions() if a.text().startswith("Ana Núñez"))
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        entry.trigger()
        held = "Not now: “Agreement of Ana Núñez” is being written. Wait for it, or cancel it."
        exporter.fill_adopter_menu(menu)  # the menu is filled again each time it opens
        assert all(not a.isEnabled() and a.toolTip() == held for a in menu.actions())
        assert window.actions_[Act.CLOSE_EVENT].toolTip() == held
        assert window.actions_[Act.EXPORT_SUMMARY].isEnabled()  # another document may start
        row = window.progress_panel.row("agreement")
        qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
        gate.open.set()
    assert ended.args[0].outcome == "cancelled" and not folder.exists()  # not even the folder
    assert window.statusBar().currentMessage() == "Cancelled: the agreement was not written"

    exporter.fill_adopter_menu(menu)
    entry = next(a for a in menu.actions() if a.text().startswith("Ana Núñez"))
    assert entry.isEnabled()
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        entry.trigger()
    assert ended.args[0].outcome == "done" and ended.args[0].done == ended.args[0].total == 2
    assert [p.name for p in folder.iterdir()] == ["ana.pdf"]
    assert "Ana Núñez" in _text(folder / "ana.pdf") and opened == [str(folder / "ana.pdf")]


def test_the_event_file_is_written_in_the_background_and_cancel_leaves_none(
    qtbot, window, tmp_path, monkeypatch, opened, gate
):
    hold(monkeypatch, facilitator.eventfile.export, "dump_event_document", gate)
    steps = _steps(window)
    folder = tmp_path / "files"
    folder.mkdir()
    target = folder / "event.yaml"
    answer_save_dialog(monkeypatch, target)
    action = window.actions_[Act.EXPORT_EVENT_FILE]
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        action.trigger()
        row = window.progress_panel.row("event file")
        qtbot.waitUntil(lambda: row.task.done == 1, timeout=LONG)
        assert not action.isEnabled() and action.toolTip().startswith("Not now: “Event file”")
        qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
        gate.open.set()
    assert ended.args[0].outcome == "cancelled" and list(folder.iterdir()) == []  # no temporary file either
    assert window.statusBar().currentMessage() == "Cancelled: the event file was not written"

    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        action.trigger()
    assert ended.args[0].outcome == "done" and steps[-1] == (3, 3)
    document = read_event_file(target)
    assert [p.name for p in document.participants][0] == window.editor.event.participants[0].name
    assert window.statusBar().currentMessage().startswith("Exported event file: event.yaml")
    assert opened == []  # an event file is for another facilitator, not for opening here
    assert action.isEnabled() and action.toolTip() == _tip(Act.EXPORT_EVENT_FILE)
