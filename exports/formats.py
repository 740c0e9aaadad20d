"""Every document an event exports to, by format: the command line and the window call these.

One function per format, so ``scale-across export ID --format md`` and the
Export menu's "Summary as Markdown…" write the very same bytes for the same
event. The event file (YAML, JSON) is not here: it reads its records
through a session (``facilitator.eventfile.export_event``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from exports.values import document_language, event_name
from facilitator.i18n import _, speaking
from facilitator.progress import Progress

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; exporting only reads them
    from facilitator.domain import Event

DocumentFormat = Literal["pdf", "md", "csv", "ics"]
CsvRows = Literal["agreements", "support"]

DOCUMENT_FORMATS: tuple[DocumentFormat, ...] = ("pdf", "md", "csv", "ics")
CSV_ROWS: tuple[CsvRows, ...] = ("agreements", "support")


def calendar_name(event: Event) -> str:
    """Return the name a calendar program shows for the event's check-ins."""
    # Translators: the name a calendar program shows for an event's check-ins
    return _("Check-ins: {event}").format(event=event_name(event))


def write_document(
    event: Event,
    fmt: DocumentFormat,
    path: Path,
    *,
    left_open: Sequence[str] | None = None,
    page_size: str = "A4",
    rows: CsvRows = "agreements",
    bom: bool = False,
) -> Path:
    """Write the event as ``fmt`` to ``path`` (atomically, creating its folder); return the path.

    Args:
        event: A fully loaded event.
        fmt: "pdf" (the summary), "md" (the summary as Markdown), "csv" (one
            row per agreement, or per support item with ``rows="support"``)
            or "ics" (one calendar entry per check-in date).
        path: The file to write.
        left_open: What the event leaves open, for the summaries
            (``facilitator.services.readiness.open_items``).
        page_size: "A4" or "Letter", for the PDF.
        rows: Which rows a CSV holds.
        bom: Start a CSV with a byte order mark, for spreadsheet programs that need it.

    Raises:
        ExportError: The file could not be written ("cannot write <path>: <reason>").
    """
    if fmt == "pdf":
        from exports.files import export_summary

        return export_summary(event, path, page_size=page_size, left_open=left_open)
    if fmt == "md":
        from exports.markdown import write_markdown_summary

        return write_markdown_summary(event, path, left_open=left_open)
    if fmt == "csv":
        from exports import csv_export

        if rows == "support":
            return csv_export.write_csv(
                path, csv_export.SUPPORT_COLUMNS, csv_export.support_rows(event), bom=bom
            )
        return csv_export.write_csv(
            path, csv_export.AGREEMENT_COLUMNS, csv_export.agreement_rows(event), bom=bom
        )
    from exports.calendar import check_ins_of_event, write_calendar

    # The entries are the event's documents too: in its document language.
    with speaking(document_language(event)):
        return write_calendar(path, check_ins_of_event(event), name=calendar_name(event))


def write_mail_drafts(
    event: Event, folder: Path, *, page_size: str = "A4", progress: Progress | None = None
) -> list[Path]:
    """Write one mail draft per adopter, their agreement PDF attached, into ``folder``.

    ``progress`` is told (drafts made, drafts in all), as for ``exports.mail.write_drafts``.

    Raises:
        ExportError: A draft could not be written.
        Cancelled: ``progress`` stopped the work; nothing was written.
    """
    from exports.mail import write_drafts

    return write_drafts(event, folder, page_size=page_size, progress=progress)
