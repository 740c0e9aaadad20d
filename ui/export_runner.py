"""How the window runs an export and reports its end: the status line, the banner, the file opened.

Every export of the Export menu (ui/exporting.py) goes through here, whether
it writes on the GUI thread in a moment (Markdown, CSV) or runs in the
window's background tasks (the PDFs, the event file, the calendar): the
facilitator sees the same messages either way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject

from facilitator.dates import clock
from ui.export_tasks import expected_errors

if TYPE_CHECKING:
    from facilitator.progress import Progress
    from ui.background import Task
    from ui.main_window import MainWindow

# What a write returns: one file, or the files of several adopters.
_Written = TypeVar("_Written", Path, list[Path])


class ExportRunner(QObject):
    """Writes (now, or in the background), reports, remembers the folder, and opens the result if wished."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._settings = window.settings

    # -- where -------------------------------------------------------------
    def _folder(self) -> Path:
        return self._settings.export_folder()

    def _remember(self, folder: Path) -> None:
        self._settings.set("export_folder", str(folder))

    # -- writing -------------------------------------------------------------
    def _write(
        self, write: Callable[[], _Written], folder: Path, what: str, *, open_after: bool = True
    ) -> _Written | None:
        try:
            result = write()
        except expected_errors() as exc:
            self._not_written(what, exc)
            return None
        self._written(result, folder, what, open_after=open_after)
        return result

    def _start(
        self,
        what: str,
        title: str,
        work: Callable[[Progress], _Written],
        describe: Callable[[int, int], str],
        folder: Path,
        *,
        on_written: Callable[[_Written], object] = lambda _result: None,
        open_after: bool = True,
        cancellable: bool = True,
    ) -> Task | None:
        """Run ``work`` as the window's background task of kind ``what``; report its end as ``_write`` does.

        ``work`` writes one file or several and returns what it wrote; a
        Cancel leaves nothing behind (the files are written atomically, after
        the last point at which the work may stop).
        """
        plural = what.endswith("s")
        if self._window.tasks.running(what) is not None:
            # The action is disabled while one runs; a shortcut pressed before the menus caught up lands here.
            verb = "are" if plural else "is"
            self._window.statusBar().showMessage(f"The {what} {verb} still being written", 8000)
            return None

        def written(result: _Written) -> None:
            self._written(result, folder, what, open_after=open_after)
            on_written(result)

        cancelled = (
            f"Cancelled: no {what} were written" if plural else f"Cancelled: the {what} was not written"
        )
        return self._window.tasks.start(
            what,
            title,
            work,
            describe=describe,
            on_done=written,
            on_error=lambda exc: self._not_written(what, exc),
            expected=expected_errors(),
            on_cancel=lambda: self._window.statusBar().showMessage(cancelled, 10000),
            cancellable=cancellable,
        )

    def _not_written(self, what: str, exc: BaseException) -> None:
        verb = "were" if what.endswith("s") else "was"
        self._window.banner.show_message(f"the {what} {verb} not written: {exc}")

    def _written(self, result: Path | list[Path], folder: Path, what: str, *, open_after: bool) -> None:
        self._remember(folder)
        paths = result if isinstance(result, list) else [result]
        shown = paths[0].name if len(paths) == 1 else f"{len(paths)} files into {folder}"
        self._window.statusBar().showMessage(f"Exported {what}: {shown} ({clock(dt.datetime.now())})", 10000)
        if open_after and self._settings.get("open_after_export"):
            target = paths[0] if len(paths) == 1 and what != "agreements" else folder
            written = f"Wrote {paths[0].name}" if target != folder else f"Wrote {len(paths)} PDF files"
            self._open(target, folder, written)

    def _open(self, target: Path, folder: Path, written: str) -> None:
        """Open what was written; when no program can, say where it is and offer its folder."""
        from ui.opening import not_opened, open_path

        if open_path(target):
            return
        # A folder that could not be opened cannot be shown either: the message names it.
        action = ("Show folder", lambda: open_path(folder)) if target != folder else None
        self._window.banner.show_message(not_opened(written, target), action)


def one_file(document: str, done: int) -> str:
    """Return what the panel says while a one-file export is at ``done`` (ui/export_tasks.py's units)."""
    return f"Laying out {document}" if done == 0 else f"Saving {document}"
