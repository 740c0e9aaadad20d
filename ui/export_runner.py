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
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from PySide6.QtCore import QObject

from facilitator import numbers
from facilitator.dates import clock
from facilitator.i18n import N_, _, ngettext
from ui.export_tasks import expected_errors

if TYPE_CHECKING:
    from facilitator.progress import Progress
    from ui.background import Task
    from ui.main_window import MainWindow

# What a write returns: one file, or the files of several adopters.
_Written = TypeVar("_Written", Path, list[Path])


class Wording(NamedTuple):
    """What the window says about one kind of export, marked with ``N_`` and translated when said.

    Each is a whole sentence: in German "the summary" and "the agreements"
    change the words around them. The kinds that only write at once (Markdown,
    CSV) are never still running nor cancelled: theirs are "".
    """

    #: In the banner when the write failed, with ``{error}``.
    failed: str
    #: In the status line when it is done, with ``{files}`` (a name, or "4 files into …") and ``{time}``.
    exported: str
    #: In the status line when it was asked for while one runs.
    still_running: str = ""
    #: In the status line when Cancel stopped it.
    cancelled: str = ""


#: Every export's words, by its kind (the background task's kind, ui/window_menus.py).
WORDINGS: dict[str, Wording] = {
    "summary": Wording(
        N_("the summary was not written: {error}"),
        N_("Exported summary: {files} ({time})"),
        N_("The summary is still being written"),
        N_("Cancelled: the summary was not written"),
    ),
    "agreements": Wording(
        N_("the agreements were not written: {error}"),
        N_("Exported agreements: {files} ({time})"),
        N_("The agreements are still being written"),
        N_("Cancelled: no agreements were written"),
    ),
    "agreement": Wording(
        N_("the agreement was not written: {error}"),
        N_("Exported agreement: {files} ({time})"),
        N_("The agreement is still being written"),
        N_("Cancelled: the agreement was not written"),
    ),
    "mail drafts": Wording(
        N_("the mail drafts were not written: {error}"),
        N_("Exported mail drafts: {files} ({time})"),
        N_("The mail drafts are still being written"),
        N_("Cancelled: no mail drafts were written"),
    ),
    "event file": Wording(
        N_("the event file was not written: {error}"),
        N_("Exported event file: {files} ({time})"),
        N_("The event file is still being written"),
        N_("Cancelled: the event file was not written"),
    ),
    "check-ins": Wording(
        N_("the check-ins were not written: {error}"),
        N_("Exported check-ins: {files} ({time})"),
        N_("The check-ins are still being written"),
        N_("Cancelled: no check-ins were written"),
    ),
    "summary (Markdown)": Wording(
        N_("the summary (Markdown) was not written: {error}"),
        N_("Exported summary (Markdown): {files} ({time})"),
    ),
    "agreements (CSV)": Wording(
        N_("the agreements (CSV) were not written: {error}"),
        N_("Exported agreements (CSV): {files} ({time})"),
    ),
    "support items (CSV)": Wording(
        N_("the support items (CSV) were not written: {error}"),
        N_("Exported support items (CSV): {files} ({time})"),
    ),
}


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
        """Write now; ``what`` is the export's kind in ``WORDINGS``."""
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
        wording = WORDINGS[what]
        if self._window.tasks.running(what) is not None:
            # The action is disabled while one runs; a shortcut pressed before the menus caught up lands here.
            self._window.statusBar().showMessage(_(wording.still_running), 8000)
            return None

        def written(result: _Written) -> None:
            self._written(result, folder, what, open_after=open_after)
            on_written(result)

        return self._window.tasks.start(
            what,
            title,
            work,
            describe=describe,
            on_done=written,
            on_error=lambda exc: self._not_written(what, exc),
            expected=expected_errors(),
            on_cancel=lambda: self._window.statusBar().showMessage(_(wording.cancelled), 10000),
            cancellable=cancellable,
        )

    def _not_written(self, what: str, exc: BaseException) -> None:
        self._window.banner.show_message(_(WORDINGS[what].failed).format(error=exc))

    def _written(self, result: Path | list[Path], folder: Path, what: str, *, open_after: bool) -> None:
        self._remember(folder)
        paths = result if isinstance(result, list) else [result]
        if len(paths) == 1:
            shown = paths[0].name
        else:
            shown = ngettext("{count} file into {folder}", "{count} files into {folder}", len(paths)).format(
                count=numbers.integer(len(paths)), folder=folder
            )
        said = _(WORDINGS[what].exported).format(files=shown, time=clock(dt.datetime.now()))
        self._window.statusBar().showMessage(said, 10000)
        if open_after and self._settings.get("open_after_export"):
            target = paths[0] if len(paths) == 1 and what != "agreements" else folder
            if target != folder:
                written = wrote(paths[0])
            else:
                count = len(paths)
                written = ngettext("Wrote {count} PDF file", "Wrote {count} PDF files", count).format(
                    count=numbers.integer(count)
                )
            self._open(target, folder, written)

    def _open(self, target: Path, folder: Path, written: str) -> None:
        """Open what was written; when no program can, say where it is and offer its folder."""
        from ui.opening import not_opened, open_path

        if open_path(target):
            return
        # A folder that could not be opened cannot be shown either: the message names it.
        action = (_("Show folder"), lambda: open_path(folder)) if target != folder else None
        self._window.banner.show_message(not_opened(written, target), action)


def wrote(path: Path) -> str:
    """Say that a file was written, without a full stop: "Wrote summary.pdf"."""
    return _("Wrote {file}").format(file=path.name)


def one_file(laying_out: str, saving: str, done: int) -> str:
    """Return what the panel says while a one-file export is at ``done`` (ui/export_tasks.py's units).

    Args:
        laying_out: The words while the document is made ("Laying out the event summary").
        saving: The words while it is written ("Saving the event summary").
        done: The units done.
    """
    return laying_out if done == 0 else saving
