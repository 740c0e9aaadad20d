"""After an import: tell the facilitator which invisible characters the file's text lost."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.documents import TextNotice

SHOWN = 10
"""Notices listed in the message itself; the rest are counted ("and 37 more")."""


def notice_lines(notices: Sequence[TextNotice], limit: int = SHOWN) -> list[str]:
    """Return one short line per notice, the first ``limit`` of them, then how many more.

    The file is named once in the message, and the message says "dropped",
    so each line is only the place and the character.
    """
    lines = [_line(n) for n in notices[:limit]]
    if len(notices) > limit:
        lines.append(f"and {len(notices) - limit} more")
    return lines


def _line(notice: TextNotice) -> str:
    place = f"line {notice.mark.line}, column {notice.mark.column}"
    if notice.more:
        return f"from {place} on: {notice.count} more characters"
    where = f", {notice.where}" if notice.where else ""
    times = f", {notice.count} times" if notice.count > 1 else ""
    return f"{place}{where}: {notice.dropped.describe()}{times}"


def show_dropped(parent: QWidget, file_name: str, notices: Sequence[TextNotice]) -> QMessageBox:
    """Open a message listing what was dropped; it does not block (the event is already open).

    Returns:
        The message box, open and deleted when closed.
    """
    characters = sum(n.count for n in notices)
    plural = "character was" if characters == 1 else "characters were"
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Event file imported")
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names and paths are not markup
    box.setText(
        f"Imported {file_name}. {characters} invisible {plural} dropped from its text "
        "(control characters, zero-width spaces and the like); everything else is as written."
    )
    box.setInformativeText("\n".join(notice_lines(notices)))
    # Wide enough that a line ("line 12, column 7, outcomes[3].evidence: U+200B
    # (zero-width space)") is not wrapped in two.
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 34em; }")
    if len(notices) > SHOWN:
        box.setDetailedText("\n".join(str(n) for n in notices))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
