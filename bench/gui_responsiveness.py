"""Benchmark: how long each long task in the window takes, and how long the GUI thread went deaf meanwhile.

For each task the window runs in the background, the task is started the way
the menu or button starts it (file dialogs answered) and a 5 ms timer on the
GUI thread records the longest gap between two of its ticks until the task
ends: the longest the window went without handling events (painting, the step
timer, a click). Target: under 100 ms. A benchmark, not a test: nothing fails.

Tasks: all agreement PDFs, all mail drafts, the summary PDF and an import of
the event file of a large event (30 outcomes, 20 patterns, 60 agreements,
25 adopters: bench/export_pdf.py's), the
leadership report of a history (``--history FILE`` from bench/make_history.py;
by default 300 generated events), and the first start after an update on a
copy of that history taken back to the schema before search (backup,
migration, index build, backup at start: ``start_window`` to a usable
window), with how long the window took to appear.

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
        # The gap since the last tick counts too: handling the end (opening an imported event) is in it.
        self.longest = max(self.longest, time.perf_counter() - self._last)
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


def _first_start_after_update(app, history: Path, folder: Path) -> tuple[float, float, float]:
    """Start the window on an older copy of ``history``; return (s to shown, s to usable, longest gap)."""
    from alembic import command
    from PySide6.QtCore import QEventLoop
    from sqlalchemy import create_engine

    from facilitator.storage.migrate import alembic_config
    from ui.app import start_window

    older = folder / "older.sqlite3"
    shutil.copyfile(history, older)
    engine = create_engine(f"sqlite:///{older}")
    with engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")  # before the search index: the update builds it
        connection.commit()
    engine.dispose()
    watch = Watch()
    loop = QEventLoop()
    began = time.perf_counter()
    window = start_window(str(older))
    window.resize(1280, 720)
    window.show()
    shown = time.perf_counter() - began
    # From here the window is on screen: every gap is one the facilitator would see.
    watch.longest, watch._last = 0.0, time.perf_counter()
    watch._timer.start()

    def usable() -> None:
        if window._db is not None and not window.tasks.tasks():
            loop.quit()

    window.tasks.ended.connect(lambda _task: usable())
    loop.exec()
    took = time.perf_counter() - began
    watch.longest = max(watch.longest, time.perf_counter() - watch._last)
    watch._timer.stop()
    if window._db is None:
        raise SystemExit("the update did not open the database; see the window's banner")
    window.close()
    window.close_database()
    return shown, took, watch.longest


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
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(folder / "summary.pdf"), ""))
    summary = window.actions_[Act.EXPORT_SUMMARY].trigger
    rows.append(("summary PDF of that event", *watch.run(app, summary, window.tasks)))
    from facilitator.eventfile import export_event

    with window.db.transaction() as session:
        export_event(session, event_id, folder / "event.yaml")
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

    # Into a new database (the event's own holds it already); the import opens the event when done.
    fresh = MainWindow(open_database(folder / "fresh.sqlite3"))
    fresh.resize(1280, 720)
    fresh.show()
    app.processEvents()
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (str(folder / "event.yaml"), ""))
    imported = fresh.actions_[Act.IMPORT_EVENT_FILE].trigger
    rows.append(("import of that event's file", *watch.run(app, imported, fresh.tasks)))
    fresh.close()

    shown, took, gap = _first_start_after_update(app, history, folder)
    rows.append((f"start after an update (shown {shown:.2f}s)", took, gap))

    print(f"\n{'task':<36} {'duration':>10} {'longest GUI gap':>16} {'target':>9}  met")
    for name, took, gap in rows:
        met = "yes" if gap * 1000 < TARGET_MS else "NO"
        print(f"{name:<36} {took:>9.2f}s {gap * 1000:>13.1f} ms {'< 100 ms':>9}  {met}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
