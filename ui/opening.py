"""Open a written file or folder in the desktop's program for it, and say when none can.

``QDesktopServices.openUrl`` returns False when no program could be started
for the file: a machine without a PDF viewer, say, which is common on the
laptops that drive a meeting room's projector. Silence then looks like the
export failed, so the caller is told and says where the file is instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from facilitator.i18n import _


def open_path(path: Path) -> bool:
    """Open a file or folder as a double click in the file manager would; False when nothing could."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def not_opened(written: str, target: Path) -> str:
    """Say that ``target`` was written but could not be opened, and where it is.

    Args:
        written: What was written, for the sentence's start ("Wrote summary.pdf").
        target: The file or folder that could not be opened.
    """
    # Translators: {written} is a sentence without its full stop ("Wrote summary.pdf").
    if target.suffix.lower() == ".pdf":
        return _("{written}. No program to open PDF files was found; the file is in {folder}.").format(
            written=written, folder=target.parent
        )
    if target.suffix:
        return _("{written}. No program to open {file} was found; the file is in {folder}.").format(
            written=written, file=target.name, folder=target.parent
        )
    return _("{written}. No program to show folders was found; the files are in {folder}.").format(
        written=written, folder=target
    )
