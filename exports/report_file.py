"""Writing the adoption report to disk, atomically, like every other export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from exports.files import write_atomically
from facilitator.dates import iso
from facilitator.figures import FiguresReport
from facilitator.progress import Progress

__all__ = ["export_report", "report_file_name"]


def report_file_name(today: dt.date) -> str:
    """Return the suggested file name, e.g. "scale-across-report-2026-11-21.pdf"."""
    return f"scale-across-report-{iso(today)}.pdf"


def export_report(
    report: FiguresReport, path: Path, *, page_size: str = "A4", progress: Progress | None = None
) -> Path:
    """Render the adoption report and write it to ``path``.

    The whole document is rendered before anything is written, and the file
    is replaced atomically: a failure leaves ``path`` as it was.

    Args:
        report: The figures to report.
        path: The PDF to write.
        page_size: "A4" or "Letter".
        progress: Told how far the rendering got (``render_report``); its
            last report comes before the file is written, so a ``Cancelled``
            from it leaves ``path`` (and its folder) as they were.

    Raises:
        ExportError: "cannot write <path>: <reason>".
        ValueError: an unknown page size.
        Cancelled: ``progress`` stopped the export; nothing was written.
    """
    # ReportLab loads here, where the work runs (a background thread in the
    # window), not where the file name is suggested.
    from exports.pdf.report import render_report

    return write_atomically(Path(path), render_report(report, page_size=page_size, progress=progress))
