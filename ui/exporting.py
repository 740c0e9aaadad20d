"""The Export menu and Import: PDFs for participants, files for other programs, event files for facilitators.

The long ones run in the window's background tasks (ui/export_tasks.py says
what each worker does); Markdown and CSV take milliseconds and are written
at once. Either way ``ExportRunner`` reports how it ended.
"""

from __future__ import annotations

import functools
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMenu

from facilitator import numbers
from facilitator.dates import iso
from facilitator.i18n import N_, _, ngettext
from ui.background import held_reason
from ui.export_runner import ExportRunner, one_file, wrote
from ui.export_tasks import (
    agreement_work,
    agreements_work,
    calendar_work,
    drafts_work,
    event_file_work,
    summary_work,
)

if TYPE_CHECKING:
    from exports.formats import CsvRows, DocumentFormat
    from ui.background import Task
    from ui.editing import EventEditor

#: The paper sizes of Export ▸ Paper size: the stored value, and its label (marked; translated where shown).
PAGE_SIZES = (("A4", "A4"), ("Letter", N_("US Letter")))
PDF_FILES = N_("PDF documents (*.pdf)")
EVENT_FILES = N_("Event files (*.yaml *.yml *.json)")


class ExportController(ExportRunner):
    """The Export menu's entries (and Import): asks what and where, then writes through ``ExportRunner``."""

    # -- where -------------------------------------------------------------
    def _base_name(self, editor: EventEditor, what: str) -> str:
        """Return the suggested file name: the date, the coalitions and ``what`` (a file name: in English)."""
        from exports.names import safe_file_name

        event = editor.event
        coalitions = " + ".join(c.name for c in event.coalitions)
        return safe_file_name(f"{iso(event.date)} {coalitions} {what}")

    # -- exports -------------------------------------------------------------
    def export_summary(self) -> Task | None:
        """Write the event summary PDF where the facilitator says, in the background.

        Returns the running task (None when nothing was started); the file is
        written when it ends.
        """
        editor = self._window.editor
        if editor is None:
            return None
        suggested = self._folder() / f"{self._base_name(editor, 'summary')}.pdf"
        path = self._ask_path(_("Export the event summary"), suggested, _(PDF_FILES))
        if path is None:
            return None
        laying_out, saving = _("Laying out the event summary"), _("Saving the event summary")
        return self._start(
            "summary",
            _("Event summary"),
            summary_work(self._window.db, editor.event_id, path, self._settings.get("page_size")),
            lambda done, _total: one_file(laying_out, saving, done),
            path.parent,
        )

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
                _("this event has no agreements yet, so there is nothing to export")
            )
            return None
        folder = QFileDialog.getExistingDirectory(
            self._window, _("Folder for the agreement PDFs"), str(self._folder())
        )
        if not folder:
            return None
        page_size = self._settings.get("page_size")
        return self._start(
            "agreements",
            _("Agreements for all adopters"),
            agreements_work(self._window.db, editor.event_id, Path(folder), page_size),
            lambda done, total: _("Writing agreement {number} of {total}").format(
                number=numbers.integer(done), total=numbers.integer(total)
            ),
            Path(folder),
        )

    def export_agreement(self, adopter_id: uuid.UUID) -> Task | None:
        """Write the agreement PDF of one adopter, in the background; return the running task, if any."""
        from exports.files import adopter_file_name

        editor = self._window.editor
        if editor is None:
            return None
        event = editor.event
        adopter = next(p for p in event.participants if p.id == adopter_id)
        suggested = self._folder() / adopter_file_name(event, adopter, set())
        title = _("Export the agreement of {name}").format(name=adopter.name)
        path = self._ask_path(title, suggested, _(PDF_FILES))
        if path is None:
            return None
        page_size = self._settings.get("page_size")
        laying_out = _("Laying out the agreement of {name}").format(name=adopter.name)
        saving = _("Saving the agreement of {name}").format(name=adopter.name)
        return self._start(
            "agreement",
            _("Agreement of {name}").format(name=adopter.name),
            agreement_work(self._window.db, editor.event_id, adopter_id, path, page_size),
            lambda done, _total: one_file(laying_out, saving, done),
            path.parent,
        )

    def export_event_file(self) -> Task | None:
        """Write the event file (YAML) for another facilitator, in the background.

        A large event's YAML takes PyYAML a good part of a second; the running
        task is returned (None when nothing was started).
        """
        editor = self._window.editor
        if editor is None:
            return None
        suggested = self._folder() / f"{self._base_name(editor, 'event')}.yaml"
        name, _filter = QFileDialog.getSaveFileName(
            self._window, _("Export the event file"), str(suggested), _(EVENT_FILES)
        )
        if not name:
            return None
        path = Path(name)
        return self._start(
            "event file",
            _("Event file"),
            event_file_work(self._window.db, editor.event_id, path),
            lambda done, _total: _("Writing the event file") if done < 2 else _("Saving the event file"),
            path.parent,
            open_after=False,
        )

    def export_markdown(self) -> Path | None:
        """Write the event summary as Markdown, for a team wiki or a code host."""
        return self._document(
            "md",
            "summary (Markdown)",
            _("Export the summary (Markdown)"),
            _("Markdown files (*.md)"),
            "summary",
        )

    def export_csv(self, rows: CsvRows = "agreements") -> Path | None:
        """Write one CSV row per agreement (or per support item) for a lead's spreadsheet."""
        from ui.csv_dialog import ask_csv_path

        editor = self._window.editor
        if editor is None:
            return None
        what = "agreements" if rows == "agreements" else "support items"  # the file's name and the kind
        suggested = self._folder() / f"{self._base_name(editor, what)}.csv"
        title = (
            _("Export the agreements as CSV")
            if rows == "agreements"
            else _("Export the support items as CSV")
        )
        chosen = ask_csv_path(self._window, title, suggested)
        if chosen is None:
            return None
        path, bom = chosen
        write = functools.partial(self._document_bytes, editor, "csv", path, rows=rows, bom=bom)
        return self._write(write, path.parent, f"{what} (CSV)", open_after=False)

    def add_check_ins_to_calendar(self) -> Task | None:
        """Write one calendar entry per check-in date and open the file in the calendar program.

        In the background: the first calendar of a session loads icalendar,
        which holds the window longer than a click should (the running task
        is returned; None when nothing was started).
        """
        editor = self._window.editor
        if editor is None:
            return None
        if not any(agreement.check_in for agreement in editor.event.agreements):
            self._window.banner.show_message(
                _("no agreement of this event has a check-in date yet, so there is nothing to add")
            )
            return None
        suggested = self._folder() / f"{self._base_name(editor, 'check-ins')}.ics"
        path = self._ask_path(_("Export the check-ins"), suggested, _("Calendar files (*.ics)"))
        if path is None:
            return None
        return self._start(
            "check-ins",
            _("Check-ins for the calendar"),
            calendar_work(self._window.db, editor.event_id, path),
            lambda _done, _total: _("Writing the check-ins for the calendar"),
            path.parent,
            # Adding to the calendar means opening the file, whatever the setting.
            on_written=lambda written: self._open(written, written.parent, wrote(written)),
            open_after=False,
            # Done in a moment once icalendar is loaded: a Cancel button would only flicker.
            cancellable=False,
        )

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
            self._window.banner.show_message(
                _("this event has no agreements yet, so there is nothing to send")
            )
            return None
        folder = QFileDialog.getExistingDirectory(
            self._window, _("Folder for the mail drafts"), str(self._folder())
        )
        if not folder:
            return None
        page_size = self._settings.get("page_size")
        unaddressed = sum(1 for person in people if not person.email)

        def opened(written: list[Path]) -> None:
            if written and unaddressed:
                drafts = ngettext("Wrote {count} mail draft", "Wrote {count} mail drafts", len(written))
                # Translators: {wrote} is "Wrote 4 mail drafts"; {count} of the drafts have no address.
                said = ngettext(
                    "{wrote}; {count} without an address "
                    "(add it in the mail program, or in People for next time)",
                    "{wrote}; {count} without an address "
                    "(add it in the mail program, or in People for next time)",
                    unaddressed,
                ).format(
                    wrote=drafts.format(count=numbers.integer(len(written))),
                    count=numbers.integer(unaddressed),
                )
                self._window.statusBar().showMessage(said, 15000)
            if written:
                self._open_each(written, Path(folder))

        return self._start(
            "mail drafts",
            _("Mail drafts for all adopters"),
            drafts_work(self._window.db, editor.event_id, Path(folder), page_size),
            lambda done, total: _("Writing mail draft {number} of {total}").format(
                number=numbers.integer(done), total=numbers.integer(total)
            ),
            Path(folder),
            on_written=opened,
            open_after=False,
        )

    def _ask_path(self, title: str, suggested: Path, filter_: str) -> Path | None:
        """Ask where to save; a name typed without the suggested name's suffix gets it. None: cancelled."""
        chosen, _filter = QFileDialog.getSaveFileName(self._window, title, str(suggested), filter_)
        if not chosen:
            return None
        suffix = suggested.suffix
        return Path(chosen) if chosen.lower().endswith(suffix) else Path(f"{chosen}{suffix}")

    def _document(self, fmt: DocumentFormat, what: str, title: str, filter_: str, name: str) -> Path | None:
        """Write a document now: ``what`` is its kind (``WORDINGS``), ``title`` the file dialog's."""
        editor = self._window.editor
        if editor is None:
            return None
        suggested = self._folder() / f"{self._base_name(editor, name)}.{fmt}"
        path = self._ask_path(title, suggested, filter_)
        if path is None:
            return None
        written = self._write(
            functools.partial(self._document_bytes, editor, fmt, path), path.parent, what, open_after=False
        )
        if written is not None and self._settings.get("open_after_export"):
            self._open(written, written.parent, wrote(written))
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
        from exports.values import document_language
        from facilitator.i18n import speaking
        from facilitator.services.readiness import open_items_of

        with speaking(document_language(editor.event)):  # the summary's language
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
            ngettext(
                "Wrote {count} mail draft. No mail program opened it; it is in {folder}.",
                "Wrote {count} mail drafts. No mail program opened them; they are in {folder}.",
                len(paths),
            ).format(count=numbers.integer(len(paths)), folder=folder),
            (_("Show folder"), lambda: open_path(folder)),
        )

    def import_event_file(self) -> Task | None:
        """Create an event from an event file in the background, then open it.

        Invisible characters dropped from the file's text (pasted from mail or
        Office) are listed in a message over the opened event. Returns the
        running task (None when nothing was started).
        """
        from ui.import_task import start_import

        name, _filter = QFileDialog.getOpenFileName(
            self._window, _("Import an event file"), str(self._folder()), _(EVENT_FILES)
        )
        if not name:
            return None
        path = Path(name)
        return start_import(self._window, path, on_imported=lambda: self._remember(path.parent))

    # -- menus ---------------------------------------------------------------
    def fill_adopter_menu(self, menu: QMenu) -> None:
        """List the open event's adopters, one entry each (rebuilt when the menu opens)."""
        menu.clear()
        editor = self._window.editor
        if editor is None:
            menu.addAction(_("Open an event first")).setEnabled(False)
            return
        from exports.values import adopters  # not exports.pdf: that loads ReportLab on the GUI thread

        people = adopters(editor.event)
        if not people:
            menu.addAction(_("No agreements yet")).setEnabled(False)
        # One agreement at a time, as every export of a kind: the entries wait and say why.
        running = self._window.tasks.running("agreement")
        menu.setToolTipsVisible(running is not None)
        for person in people:
            label = f"{person.name} ({person.team})" if person.team else person.name
            export = functools.partial(self.export_agreement, person.id)
            entry = menu.addAction(label.replace("&", "&&"), export)
            if running is not None:
                entry.setEnabled(False)
                entry.setToolTip(
                    held_reason(running.title, writes_documents=True, cancellable=running.cancellable)
                )
