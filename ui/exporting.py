"""Export and import from the window: PDFs for participants, event files for facilitators."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu

from facilitator.dates import clock, iso
from ui.export_tasks import agreements_work, drafts_work, expected_errors

if TYPE_CHECKING:
    from exports.formats import CsvRows, DocumentFormat
    from facilitator.progress import Progress
    from ui.background import Task
    from ui.editing import EventEditor
    from ui.main_window import MainWindow

PAGE_SIZES = (("A4", "A4"), ("Letter", "US Letter"))

# What a write returns: one file, or the files of several adopters.
_Written = TypeVar("_Written", Path, list[Path])


class ExportController(QObject):
    """Asks where to write, writes atomically, reports, and opens the result if wished."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._settings = window.settings

    # -- where -------------------------------------------------------------
    def _folder(self) -> Path:
        return self._settings.export_folder()

    def _remember(self, folder: Path) -> None:
        self._settings.set("export_folder", str(folder))

    def _base_name(self, editor: EventEditor, what: str) -> str:
        from exports.names import safe_file_name

        event = editor.event
        coalitions = " + ".join(c.name for c in event.coalitions)
        return safe_file_name(f"{iso(event.date)} {coalitions} {what}")

    # -- exports -------------------------------------------------------------
    def export_summary(self) -> Path | None:
        """Write the event summary PDF where the facilitator says."""
        editor = self._window.editor
        if editor is None:
            return None
        suggested = self._folder() / f"{self._base_name(editor, 'summary')}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self._window, "Export the event summary", str(suggested), "PDF documents (*.pdf)"
        )
        if not name:
            return None
        path = Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf")
        return self._write(lambda: self._summary(editor, path), path.parent, "summary")

    def export_all_agreements(self) -> Task | None:
        """Write one agreement PDF per adopter into a folder the facilitator picks, in the background.

        Returns the running task (None when nothing was started); the files
        are written when it ends.
        """
        editor = self._window.editor
        if editor is None:
            return None
        from exports.values import adopters  # not exports.pdf: that loads ReportLab on the GUI thread

        if not adopters(editor.event):
            self._window.banner.show_message(
                "this event has no agreements yet, so there is nothing to export"
            )
            return None
        folder = QFileDialog.getExistingDirectory(
            self._window, "Folder for the agreement PDFs", str(self._folder())
        )
        if not folder:
            return None
        page_size = self._settings.get("page_size")
        return self._start(
            "agreements",
            "Agreements for all adopters",
            agreements_work(self._window.db, editor.event_id, Path(folder), page_size),
            lambda done, total: f"Writing agreement {done} of {total}",
            Path(folder),
            on_written=lambda _paths: None,
        )

    def export_agreement(self, adopter_id: uuid.UUID) -> Path | None:
        """Write the agreement PDF of one adopter."""
        from exports.files import adopter_file_name

        editor = self._window.editor
        if editor is None:
            return None
        event = editor.event
        adopter = next(p for p in event.participants if p.id == adopter_id)
        suggested = self._folder() / adopter_file_name(event, adopter, set())
        name, _ = QFileDialog.getSaveFileName(
            self._window, f"Export the agreement of {adopter.name}", str(suggested), "PDF documents (*.pdf)"
        )
        if not name:
            return None
        path = Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf")
        return self._write(lambda: self._agreement(editor, adopter_id, path), path.parent, "agreement")

    def export_event_file(self) -> Path | None:
        """Write the event file (YAML) for another facilitator."""
        editor = self._window.editor
        if editor is None:
            return None
        from facilitator.eventfile import export_event

        suggested = self._folder() / f"{self._base_name(editor, 'event')}.yaml"
        name, _ = QFileDialog.getSaveFileName(
            self._window, "Export the event file", str(suggested), "Event files (*.yaml *.yml *.json)"
        )
        if not name:
            return None
        path = Path(name)

        def write() -> Path:
            return editor.read(lambda session: export_event(session, editor.event_id, path))

        return self._write(write, path.parent, "event file", open_after=False)

    def export_markdown(self) -> Path | None:
        """Write the event summary as Markdown, for a team wiki or a code host."""
        return self._document("md", "summary (Markdown)", "Markdown files (*.md)", "summary")

    def export_csv(self, rows: CsvRows = "agreements") -> Path | None:
        """Write one CSV row per agreement (or per support item) for a lead's spreadsheet."""
        from ui.csv_dialog import ask_csv_path

        editor = self._window.editor
        if editor is None:
            return None
        what = "agreements" if rows == "agreements" else "support items"
        suggested = self._folder() / f"{self._base_name(editor, what)}.csv"
        chosen = ask_csv_path(self._window, f"Export the {what} as CSV", suggested)
        if chosen is None:
            return None
        path, bom = chosen
        write = functools.partial(self._document_bytes, editor, "csv", path, rows=rows, bom=bom)
        return self._write(write, path.parent, f"{what} (CSV)", open_after=False)

    def add_check_ins_to_calendar(self) -> Path | None:
        """Write one calendar entry per check-in date and open the file in the calendar program."""
        editor = self._window.editor
        if editor is None:
            return None
        if not any(agreement.check_in for agreement in editor.event.agreements):
            self._window.banner.show_message(
                "no agreement of this event has a check-in date yet, so there is nothing to add"
            )
            return None
        return self._document("ics", "check-ins", "Calendar files (*.ics)", "check-ins", always_open=True)

    def send_agreements(self) -> Task | None:
        """Write one mail draft per adopter (their agreement PDF attached) and open each in the mail program.

        Nothing is sent: the drafts open ready to send, addressed where an
        address is known. The drafts are made in the background; the running
        task is returned (None when nothing was started).
        """
        editor = self._window.editor
        if editor is None:
            return None
        from exports.values import adopters

        people = adopters(editor.event)
        if not people:
            self._window.banner.show_message("this event has no agreements yet, so there is nothing to send")
            return None
        folder = QFileDialog.getExistingDirectory(
            self._window, "Folder for the mail drafts", str(self._folder())
        )
        if not folder:
            return None
        page_size = self._settings.get("page_size")
        unaddressed = sum(1 for person in people if not person.email)

        def opened(written: list[Path]) -> None:
            if written and unaddressed:
                self._window.statusBar().showMessage(
                    f"Wrote {len(written)} mail drafts; {unaddressed} without an address "
                    "(add it in the mail program, or in People for next time)",
                    15000,
                )
            if written:
                self._open_each(written, Path(folder))

        return self._start(
            "mail drafts",
            "Mail drafts for all adopters",
            drafts_work(self._window.db, editor.event_id, Path(folder), page_size),
            lambda done, total: f"Writing mail draft {done} of {total}",
            Path(folder),
            on_written=opened,
            open_after=False,
        )

    def _document(
        self, fmt: DocumentFormat, what: str, filter_: str, name: str, *, always_open: bool = False
    ) -> Path | None:
        editor = self._window.editor
        if editor is None:
            return None
        suffix = f".{fmt}"
        suggested = self._folder() / f"{self._base_name(editor, name)}{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(self._window, f"Export the {what}", str(suggested), filter_)
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(suffix) else Path(f"{chosen}{suffix}")
        written = self._write(
            functools.partial(self._document_bytes, editor, fmt, path), path.parent, what, open_after=False
        )
        if written is not None and (always_open or self._settings.get("open_after_export")):
            self._open(written, written.parent, f"Wrote {written.name}")
        return written

    def _document_bytes(
        self,
        editor: EventEditor,
        fmt: DocumentFormat,
        path: Path,
        *,
        rows: CsvRows = "agreements",
        bom: bool = False,
    ) -> Path:
        from exports.formats import write_document
        from facilitator.services.readiness import open_items_of

        left_open = [item.text for item in open_items_of(editor.event)]
        page_size = self._settings.get("page_size")
        return write_document(
            editor.event, fmt, path, left_open=left_open, page_size=page_size, rows=rows, bom=bom
        )

    def _open_each(self, paths: list[Path], folder: Path) -> None:
        """Open every draft; when the first cannot be opened, say where they all are, once."""
        from ui.opening import open_path

        # No program for the first means none for the rest: one message, not one per draft.
        if all(open_path(path) for path in paths):
            return
        self._window.banner.show_message(
            f"Wrote {len(paths)} mail drafts. No mail program opened them; they are in {folder}.",
            ("Show folder", lambda: open_path(folder)),
        )

    def import_event_file(self) -> uuid.UUID | None:
        """Create an event from an event file and open it.

        Invisible characters dropped from the file's text (pasted from mail or
        Office) are listed in a message over the opened event.
        """
        from facilitator.documents import DocumentError, TextNotice
        from facilitator.eventfile import import_event_file
        from facilitator.services.errors import ServiceError
        from facilitator.storage import StorageError

        name, _ = QFileDialog.getOpenFileName(
            self._window, "Import an event file", str(self._folder()), "Event files (*.yaml *.yml *.json)"
        )
        if not name:
            return None
        notices: list[TextNotice] = []
        try:
            event_id = import_event_file(self._window.db, Path(name), notices=notices)
        except (DocumentError, ServiceError, StorageError, OSError) as exc:
            # A DocumentError names the file, line and column already.
            self._window.banner.show_message(f"the event file was not imported: {exc}")
            return None
        self._remember(Path(name).parent)
        self._window.open_event(event_id)
        self._window.statusBar().showMessage(f"Imported {Path(name).name}", 8000)
        if notices:
            from ui.import_notices import show_dropped

            show_dropped(self._window, Path(name).name, notices)
        return event_id

    # -- writing -------------------------------------------------------------
    def _summary(self, editor: EventEditor, path: Path) -> Path:
        from exports.files import export_summary
        from facilitator.services.readiness import open_items_of

        left_open = [item.text for item in open_items_of(editor.event)]
        return export_summary(
            editor.event, path, page_size=self._settings.get("page_size"), left_open=left_open
        )

    def _agreement(self, editor: EventEditor, adopter_id: uuid.UUID, path: Path) -> Path:
        from exports.files import export_agreement

        return export_agreement(editor.event, adopter_id, path, page_size=self._settings.get("page_size"))

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
        work: Callable[[Progress], list[Path]],
        describe: Callable[[int, int], str],
        folder: Path,
        *,
        on_written: Callable[[list[Path]], object],
        open_after: bool = True,
    ) -> Task | None:
        """Run ``work`` in the window's background tasks; report its end as ``_write`` does."""
        if self._window.tasks.running(what) is not None:
            # The action is disabled while one runs; a shortcut pressed before the menus caught up lands here.
            self._window.statusBar().showMessage(f"The {what} are still being written", 8000)
            return None

        def written(result: list[Path]) -> None:
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
            on_cancel=lambda: self._window.statusBar().showMessage(
                f"Cancelled: no {what} were written", 10000
            ),
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

    # -- menus ---------------------------------------------------------------
    def fill_adopter_menu(self, menu: QMenu) -> None:
        """List the open event's adopters, one entry each (rebuilt when the menu opens)."""
        menu.clear()
        editor = self._window.editor
        if editor is None:
            menu.addAction("Open an event first").setEnabled(False)
            return
        from exports.values import adopters  # not exports.pdf: that loads ReportLab on the GUI thread

        people = adopters(editor.event)
        if not people:
            menu.addAction("No agreements yet").setEnabled(False)
        for person in people:
            label = f"{person.name} ({person.team})" if person.team else person.name
            menu.addAction(label.replace("&", "&&"), functools.partial(self.export_agreement, person.id))
