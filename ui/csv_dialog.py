"""Asking where a CSV file goes, and whether a spreadsheet program needs a byte order mark."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from facilitator.i18n import N_, _

PLAIN = "CSV (*.csv)"
# Marked: the dialog shows it translated (and answers with what it showed).
WITH_BOM = N_("CSV for Excel, UTF-8 with byte order mark (*.csv)")


def ask_csv_path(parent: QWidget, title: str, suggested: Path) -> tuple[Path, bool] | None:
    """Ask for a CSV file name; return it with True when the Excel flavour was chosen, or None.

    Excel opens a UTF-8 file without a byte order mark as the system's old
    code page ("ZoÃ«" for "Zoë"); other programs show the mark as a stray
    character. Both are offered as file types, so the choice costs no extra
    dialog.
    """
    with_bom = _(WITH_BOM)
    name, chosen_filter = QFileDialog.getSaveFileName(parent, title, str(suggested), f"{PLAIN};;{with_bom}")
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".csv") else Path(f"{name}.csv")
    return path, chosen_filter == with_bom
