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
from facilitator.i18n import N_, _
from ui.csv_dialog import ask_csv_path
from ui.settings import Settings

# Translators: a button that writes the rows of a table as a CSV file
BUTTON_TEXT = N_("Export &CSV…")


def export_button(tooltip: str) -> QPushButton:
    """Return the "Export CSV…" button a follow-up page puts beside its count (``tooltip`` translated)."""
    button = QPushButton(_(BUTTON_TEXT))
    button.setToolTip(tooltip)
    button.setAccessibleName(_("Export the rows shown as CSV"))
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
    failed: str,
    done: Callable[[int], str],
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
) -> Path | None:
    """Ask where to write ``rows`` as CSV, write them, and say how it went; return the path or None.

    Args:
        page: The page asking (the dialog's parent; its window shows the outcome).
        problem: The page's signal to the window's banner.
        settings: Where the export folder is read and remembered.
        title: The dialog's title (translated).
        file_name: The suggested file name, in the last export folder.
        failed: The banner's message when writing fails, translated, with
            ``{error}``: "the agreements were not written: {error}".
        done: Returns the status bar's message for so many rows, translated:
            "Exported 1,234 agreements".
        header: The column names (ids that spreadsheets read, never translated).
        rows: The values, as ``exports.csv_export`` lays them out.
    """
    from exports.csv_export import write_csv

    chosen = ask_csv_path(page, title, settings.export_folder() / file_name)
    if chosen is None:
        return None
    path, bom = chosen
    count = len(rows)
    return write_reported(
        page,
        problem,
        settings,
        lambda: write_csv(path, header, rows, bom=bom),
        failed=failed,
        done=done(count),
    )


def write_reported(
    page: QWidget,
    problem: SignalInstance,
    settings: Settings,
    write: Callable[[], Path],
    *,
    failed: str,
    done: str,
) -> Path | None:
    """Run ``write`` under a wait cursor and say how it went; return the file written, or None.

    A failure goes to the window's banner (``failed``, translated, with
    ``{error}``); success remembers the folder and says "<done>: <file>
    (<time>)" in the status bar. The follow-up pages' exports (CSV, the
    calendar feed) share it.
    """
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = write()
    except ExportError as exc:
        problem.emit(failed.format(error=exc))
        return None
    finally:
        QApplication.restoreOverrideCursor()
    settings.set("export_folder", str(written.parent))
    # Translators: in the status bar after an export: what was done, the file, the time ("14:32")
    said = _("{done}: {file} ({time})")
    say(page, said.format(done=done, file=written.name, time=clock(dt.datetime.now())))
    return written


def say(page: QObject, message: str) -> None:
    """Show ``message`` in the status bar of the page's main window (none when the page stands alone)."""
    # A page stands alone in tests; in the app its window is the main window.
    window = page.window() if isinstance(page, QWidget) else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, 10000)
