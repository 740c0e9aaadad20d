"""Long exports run off the GUI thread: the window keeps working, shows progress, and Cancel leaves nothing.

No sleeps: where the test must act while the work runs, the worker is held
at a chosen unit by a threading.Event the test opens (the wait has a long
guard only so a broken build fails instead of hanging).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
from pathlib import Path

import pytest
from held_work import LONG, Gate
from helpers import show_active
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog

import exports.pdf
import exports.pdf.report
from facilitator.demo import create_demo_event
from ui.actions import Act
from ui.main_window import MainWindow

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
ADOPTERS = 4  # in the demo event


@pytest.fixture
def window(qtbot, db):
    with db.transaction() as session:
        event_id = create_demo_event(session, date=dt.date(2026, 11, 3)).id
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    show_active(qtbot, win)
    win.open_event(event_id, view=2)
    return win


def _steps(window) -> list[tuple[int, int]]:
    """Collect every (done, total) the next task reports, in the GUI thread."""
    steps: list[tuple[int, int]] = []
    window.tasks.started.connect(lambda task: task.progressed.connect(lambda d, t: steps.append((d, t))))
    return steps


def _hold_agreements(monkeypatch, module, gate: Gate, at: int) -> list[bool]:
    """Render agreements as usual, holding the worker before the ``at``-th.

    Returns, per agreement rendered, whether it ran in the GUI thread.
    """
    real = exports.pdf.render_agreement
    calls: list[bool] = []

    def render(event, adopter_id, **options):
        calls.append(threading.current_thread() is threading.main_thread())
        if len(calls) == at:
            gate.wait()
        return real(event, adopter_id, **options)

    monkeypatch.setattr(module, "render_agreement", render)
    return calls


def test_agreements_are_written_while_the_window_keeps_handling_events(
    qtbot, window, tmp_path, monkeypatch, opened, gate
):
    calls = _hold_agreements(monkeypatch, exports.pdf, gate, at=1)
    steps = _steps(window)
    field = QApplication.focusWidget()
    seen = []

    def from_the_event_loop():
        # Runs only if the GUI thread gets back to its event loop while the
        # worker is held: were the export run in the slot, this would never run
        # and the worker would wait in vain.
        row = window.progress_panel.row("agreements")
        seen.append((window.progress_panel.isVisible(), row is not None and row.label.text()))
        gate.open.set()

    QTimer.singleShot(0, from_the_event_loop)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG):
        qtbot.keyClick(window, Qt.Key.Key_A, CTRL | SHIFT)
        assert window.tasks.running("agreements") is not None

    assert seen == [(True, "Agreements for all adopters: starting…")]
    assert calls == [False] * ADOPTERS  # every agreement rendered in a pool thread
    assert steps == [(n, ADOPTERS) for n in range(1, ADOPTERS + 1)]
    assert len(list(tmp_path.glob("*.pdf"))) == ADOPTERS and opened == [str(tmp_path)]
    assert not window.progress_panel.isVisible()
    assert QApplication.focusWidget() is field  # the panel never took the keyboard


def test_cancel_in_the_panel_leaves_no_agreement_behind(qtbot, window, tmp_path, monkeypatch, opened, gate):
    _hold_agreements(monkeypatch, exports.pdf, gate, at=2)
    folder = tmp_path / "new folder"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    action = window.actions_[Act.EXPORT_AGREEMENTS]
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        action.trigger()
        row = window.progress_panel.row("agreements")
        qtbot.waitUntil(lambda: row.label.text() == "Writing agreement 1 of 4", timeout=LONG)
        assert (row.bar.value(), row.bar.maximum()) == (1, ADOPTERS)
        # While it runs: the same export and closing the event wait, and say why; the rest works.
        assert not action.isEnabled() and action.toolTip().startswith("Not now:")
        assert not window.actions_[Act.CLOSE_EVENT].isEnabled()
        assert window.actions_[Act.EXPORT_SUMMARY].isEnabled()
        assert window.actions_[Act.SEND_AGREEMENTS].isEnabled()
        qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
        assert row.label.text() == "Agreements for all adopters: cancelling…"
        assert not row.cancel_button.isEnabled()
        gate.open.set()

    assert ended.args[0].outcome == "cancelled"
    assert not folder.exists() and opened == []
    assert window.statusBar().currentMessage() == "Cancelled: no agreements were written"
    assert action.isEnabled() and action.toolTip() == "One agreement PDF per adopter, into a folder"
    assert window.actions_[Act.CLOSE_EVENT].isEnabled() and not window.banner.isVisible()


def test_send_agreements_reports_each_draft_then_opens_them(qtbot, window, tmp_path, monkeypatch, opened):
    steps = _steps(window)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        window.actions_[Act.SEND_AGREEMENTS].trigger()
        assert window.progress_panel.row("mail drafts") is not None

    assert ended.args[0].outcome == "done"
    assert steps[-1] == (ADOPTERS, ADOPTERS) and ended.args[0].text == "Writing mail draft 4 of 4"
    drafts = sorted(tmp_path.glob("*.eml"))
    assert len(drafts) == ADOPTERS and sorted(opened) == [str(d) for d in drafts]


def test_an_unwritable_folder_reaches_the_banner_from_the_worker(
    qtbot, window, tmp_path, monkeypatch, opened
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(blocker))
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG):
        qtbot.keyClick(window, Qt.Key.Key_A, CTRL | SHIFT)
    assert window.banner.isVisible()
    assert window.banner.label.text() == (
        f"The agreements were not written: cannot write {blocker}: it is a file, not a folder."
    )
    assert opened == [] and not window.progress_panel.isVisible()


def test_an_unexpected_error_in_the_worker_goes_to_the_crash_handler(qtbot, window, tmp_path, monkeypatch):
    def broken(*_args, **_options):
        raise RuntimeError("a bug in rendering")

    monkeypatch.setattr(exports.pdf, "render_agreement", broken)
    hooked = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: hooked.append((kind, str(exc), tb)))
    folder = tmp_path / "agreements"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG):
        qtbot.keyClick(window, Qt.Key.Key_A, CTRL | SHIFT)
    # As an exception in a slot: logged and shown by ui/crash.py, with its traceback.
    assert [(kind, text) for kind, text, _tb in hooked] == [(RuntimeError, "a bug in rendering")]
    assert hooked[0][2] is not None
    assert not folder.exists() and not window.banner.isVisible()


def _hold_report(monkeypatch, gate: Gate, *, halfway: bool) -> list[tuple[int, int]]:
    """Render the report as usual, holding the worker at its first report (or at half way)."""
    real = exports.pdf.report.render_report
    reports: list[tuple[int, int]] = []

    def render(report, *, page_size, progress):
        def held(done, total):
            reports.append((done, total))
            # Pass the report on, so the GUI thread shows it, then wait for the test.
            progress(done, total)
            at_hold = done * 2 >= total if halfway else len(reports) == 1
            if at_hold and not gate.open.is_set():
                gate.wait()

        return real(report, page_size=page_size, progress=held)

    # Where export_report looks it up when it runs (it imports it there, off the GUI thread).
    monkeypatch.setattr(exports.pdf.report, "render_report", render)
    return reports


def test_the_report_runs_in_the_windows_panel_and_cancel_keeps_the_old_file(
    qtbot, window, figures, tmp_path, monkeypatch, gate
):
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "report.pdf"
    target.write_bytes(b"last quarter's report")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _hold_report(monkeypatch, gate, halfway=False)
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        qtbot.mouseClick(figures.export_button, Qt.MouseButton.LeftButton)
        row = window.progress_panel.row("report")
        first = "Writing the adoption report: part 1 of"
        qtbot.waitUntil(lambda: row.label.text().startswith(first), timeout=LONG)
        assert not figures.export_button.isEnabled()
        assert figures.export_button.toolTip().startswith("Not now:")
        qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
        gate.open.set()
    assert ended.args[0].outcome == "cancelled"
    assert target.read_bytes() == b"last quarter's report"
    assert [p.name for p in target.parent.iterdir()] == ["report.pdf"]
    assert figures.message.text() == f"Cancelled: the report was not written to {target}"
    assert figures.export_button.isEnabled()


def test_the_report_reaches_its_total_and_the_panel_fits_every_screen_and_zoom(
    qtbot, window, figures, tmp_path, monkeypatch, gate
):
    shots = Path(os.environ.get("SCALE_ACROSS_SHOTS", tmp_path / "shots"))
    shots.mkdir(parents=True, exist_ok=True)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    reports = _hold_report(monkeypatch, gate, halfway=True)
    with qtbot.waitSignal(window.tasks.ended, timeout=LONG) as ended:
        qtbot.mouseClick(figures.export_button, Qt.MouseButton.LeftButton)
        row = window.progress_panel.row("report")
        qtbot.waitUntil(lambda: row.task.total and row.task.done * 2 >= row.task.total, timeout=LONG)
        for width, height in ((1280, 720), (1920, 1080)):
            for zoom in (100, 200):
                window.settings.set("zoom", zoom)
                window.apply_view_settings()
                window.resize(width, height)
                # A zoom relays out in more than one pass (fonts, then heights for the new
                # widths): wait for the condition, not for one round of events.
                qtbot.waitUntil(
                    lambda w=width: window.width() == w and row.label.width() > 0 and _fits(window, row),
                    timeout=LONG,
                )
                window.grab().save(str(shots / f"progress-{width}x{height}-{zoom}.png"))
                _assert_fits(window, row)
        gate.open.set()
    assert ended.args[0].outcome == "done" and target.read_bytes().startswith(b"%PDF")
    done, total = reports[-1]
    assert done == total and ended.args[0].done == total
    assert figures.message.text() == f"Wrote the report to {target}"


def _fits(window, row) -> bool:
    try:
        _assert_fits(window, row)
    except AssertionError:
        return False
    return True


def _assert_fits(window, row) -> None:
    """The text has the lines it needs, and the bar and Cancel lie inside the window."""
    panel = window.progress_panel
    assert row.label.height() >= row.label.heightForWidth(row.label.width())
    for widget in (row.label, row.bar, row.cancel_button):
        top_left = widget.mapTo(window, widget.rect().topLeft())
        bottom_right = widget.mapTo(window, widget.rect().bottomRight())
        assert window.rect().contains(top_left) and window.rect().contains(bottom_right), widget
        assert panel.rect().contains(widget.mapTo(panel, widget.rect().bottomRight())), widget
    assert row.cancel_button.width() >= row.cancel_button.sizeHint().width()
