"""Writing the adoption report to disk, atomically, like every other export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from exports.files import write_atomically
from exports.pdf.report import render_report
from facilitator.dates import iso
from facilitator.figures import FiguresReport

__all__ = ["export_report", "report_file_name"]


def report_file_name(today: dt.date) -> str:
    """Return the suggested file name, e.g. "scale-across-report-2026-11-21.pdf"."""
    return f"scale-across-report-{iso(today)}.pdf"


def export_report(report: FiguresReport, path: Path, *, page_size: str = "A4") -> Path:
    """Render the adoption report and write it to ``path``.

    The whole document is rendered before anything is written, and the file
    is replaced atomically: a failure leaves ``path`` as it was.

    Raises:
        ExportError: "cannot write <path>: <reason>".
        ValueError: an unknown page size.
    """
    return write_atomically(Path(path), render_report(report, page_size=page_size))
