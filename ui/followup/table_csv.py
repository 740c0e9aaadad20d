"""Writing what a follow-up table lists to a CSV file: asked where, written atomically, reported.

The tracker and the History page share this; the rows and columns come from
``exports.csv_export``, the dialog from ``ui.csv_dialog``. As the window's own
exports do (``ui.exporting.ExportController._write``), the folder is
remembered, success is said in the status bar and failure in the window's
banner (through the page's ``problem`` signal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QWidget

from exports.errors import ExportError
from facilitator.dates import clock
from ui.csv_dialog import ask_csv_path
from ui.settings import Settings

BUTTON_TEXT = "Export &CSV…"


def export_button(tooltip: str) -> QPushButton:
    """Return the "Export CSV…" button a follow-up page puts beside its count."""
    button = QPushButton(BUTTON_TEXT)
    button.setToolTip(tooltip)
    button.setAccessibleName("Export the rows shown as CSV")
    # Never the default button: Enter in a filter opens the selected row.
    button.setAutoDefault(False)
    return button


def export_rows(
    page: QWidget,
    problem: SignalInstance,
    settings: Settings,
    *,
    title: str,
    file_name: str,
    what: str,
    one: str,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
) -> Path | None:
    """Ask where to write ``rows`` as CSV, write them, and say how it went; return the path or None.

    Args:
        page: The page asking (the dialog's parent; its window shows the outcome).
        problem: The page's signal to the window's banner.
        settings: Where the export folder is read and remembered.
        title: The dialog's title.
        file_name: The suggested file name, in the last export folder.
        what: What the rows are, plural ("agreements"), for the messages.
        one: The same, singular ("agreement").
        header: The column names.
        rows: The values, as ``exports.csv_export`` lays them out.
    """
    from exports.csv_export import write_csv

    chosen = ask_csv_path(page, title, settings.export_folder() / file_name)
    if chosen is None:
        return None
    path, bom = chosen
    noun = one if len(rows) == 1 else what
    return write_reported(
        page,
        problem,
        settings,
        lambda: write_csv(path, header, rows, bom=bom),
        what=what,
        done=f"Exported {len(rows):,} {noun}",
    )


def write_reported(
    page: QWidget,
    problem: SignalInstance,
    settings: Settings,
    write: Callable[[], Path],
    *,
    what: str,
    done: str,
) -> Path | None:
    """Run ``write`` under a wait cursor and say how it went; return the file written, or None.

    A failure goes to the window's banner ("the <what> were not written: …");
    success remembers the folder and says "<done>: <file> (<time>)" in the
    status bar. The follow-up pages' exports (CSV, the calendar feed) share it.
    """
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = write()
    except ExportError as exc:
        problem.emit(f"the {what} were not written: {exc}")
        return None
    finally:
        QApplication.restoreOverrideCursor()
    settings.set("export_folder", str(written.parent))
    say(page, f"{done}: {written.name} ({clock(dt.datetime.now())})")
    return written


def say(page: QObject, message: str) -> None:
    """Show ``message`` in the status bar of the page's main window (none when the page stands alone)."""
    # A page stands alone in tests; in the app its window is the main window.
    window = page.window() if isinstance(page, QWidget) else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, 10000)
