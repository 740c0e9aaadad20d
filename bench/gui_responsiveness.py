"""Benchmark: how long each long task in the window takes, and how long the GUI thread went deaf meanwhile.

For each task the window runs in the background, the task is started the way
the menu or button starts it (file dialogs answered) and a 5 ms timer on the
GUI thread records the longest gap between two of its ticks until the task
ends: the longest the window went without handling events (painting, the step
timer, a click). Target: under 100 ms. A benchmark, not a test: nothing fails.

Tasks: all agreement PDFs and all mail drafts of a large event (30 outcomes,
20 patterns, 60 agreements, 25 adopters: bench/export_pdf.py's), and the
leadership report of a history (``--history FILE`` from bench/make_history.py;
by default 300 generated events).

Run: .venv/bin/python bench/gui_responsiveness.py [--history FILE]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 100.0
TICK_MS = 5


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--history", type=Path, help="a history made by bench/make_history.py")
    parser.add_argument("--events", type=int, default=300, help="events to generate without --history (300)")
    args = parser.parse_args()
    if args.history is not None and not args.history.is_file():
        parser.error(f"{args.history}: no such file; make one with bench/make_history.py")
    return args


class Watch:
    """Records the longest gap between ticks of a GUI-thread timer while a task runs."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def run(self, app, start, tasks) -> tuple[float, float]:
        """Start the task with ``start()`` and spin the event loop until it ends; return (seconds, gap)."""
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        ended: list[object] = []
        tasks.ended.connect(lambda task: (ended.append(task), loop.quit()))
        self.longest, self._last = 0.0, time.perf_counter()
        self._timer.start()
        began = time.perf_counter()
        start()
        if not ended:
            loop.exec()
        took = time.perf_counter() - began
        self._timer.stop()
        tasks.ended.disconnect()
        outcome = getattr(ended[0], "outcome", "?")
        if outcome != "done":
            raise SystemExit(f"the task ended {outcome!r}; see the window's banner")
        return took, self.longest


def _history(args: argparse.Namespace, folder: Path) -> Path:
    path = folder / "history.sqlite3"
    if args.history is not None:
        shutil.copyfile(args.history, path)
        return path
    print(f"generating {args.events} events ...", flush=True)
    command = [sys.executable, str(ROOT / "bench" / "make_history.py"), "--events", str(args.events)]
    subprocess.run([*command, "--db", str(path)], check=True, capture_output=True)
    return path


def main() -> int:
    args = _arguments()
    folder = Path(tempfile.mkdtemp(prefix="gui-bench-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    history = _history(args, folder)

    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QApplication, QFileDialog

    app = QApplication.instance() or QApplication([])
    from export_pdf import build_event

    from facilitator.storage import open_database
    from ui.actions import Act
    from ui.main_window import MainWindow

    QDesktopServices.openUrl = staticmethod(lambda url: True)  # nothing to launch here
    event_id = build_event(folder / "event.sqlite3").id
    window = MainWindow(open_database(folder / "event.sqlite3"))
    window.resize(1280, 720)
    window.show()
    window.open_event(event_id)
    app.processEvents()
    watch = Watch()
    rows = []

    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: str(folder / "agreements"))
    export = window.actions_[Act.EXPORT_AGREEMENTS].trigger
    rows.append(("all agreement PDFs, 25 adopters", *watch.run(app, export, window.tasks)))
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: str(folder / "drafts"))
    send = window.actions_[Act.SEND_AGREEMENTS].trigger
    rows.append(("mail drafts, 25 adopters", *watch.run(app, send, window.tasks)))
    window.close()

    other = MainWindow(open_database(history))
    other.resize(1280, 720)
    other.show()
    other.show_followup(Act.FIGURES)
    app.processEvents()
    page = other.followup._page(Act.FIGURES)  # the page the Figures tab shows, made when first shown
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(folder / "report.pdf"), ""))
    label = f"leadership report, {args.events if args.history is None else 'given'} events"
    rows.append((label, *watch.run(app, page.export_report, other.tasks)))
    other.close()

    print(f"\n{'task':<36} {'duration':>10} {'longest GUI gap':>16} {'target':>9}  met")
    for name, took, gap in rows:
        met = "yes" if gap * 1000 < TARGET_MS else "NO"
        print(f"{name:<36} {took:>9.2f}s {gap * 1000:>13.1f} ms {'< 100 ms':>9}  {met}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
