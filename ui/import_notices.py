"""After an import: tell the facilitator which invisible characters the file's text lost."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from facilitator import numbers
from facilitator.documents import TextNotice
from facilitator.i18n import _, ngettext
from ui.widgets import plain_label, size_in_lines


def notice_line(notice: TextNotice) -> str:
    """Return where a character was dropped and which, e.g. ``line 6, column 18, …: U+0007 (…)``.

    The file is named once above the list, and the dialog says "dropped",
    so each line is only the place and the character.
    """
    line, column = notice.mark.line, notice.mark.column  # places in a file: no grouping
    if notice.more:
        count = numbers.integer(notice.count)
        return ngettext(
            "from line {line}, column {column} on: {count} more character",
            "from line {line}, column {column} on: {count} more characters",
            notice.count,
        ).format(line=line, column=column, count=count)
    what = notice.dropped.describe()
    if notice.count > 1:
        # Translators: {character} describes the character ("U+0007 (control character)").
        what = _("{character}, {count} times").format(character=what, count=numbers.integer(notice.count))
    if notice.where:
        # Translators: {where} is the value's place in the file ("participants[1].name").
        return _("line {line}, column {column}, {where}: {character}").format(
            line=line, column=column, where=notice.where, character=what
        )
    return _("line {line}, column {column}: {character}").format(line=line, column=column, character=what)


class DroppedCharactersDialog(QDialog):
    """Says how many invisible characters an import dropped, and lists every place.

    The places are in a read-only text box that scrolls and can be copied, so
    a file with hundreds of them, or the largest zoom on a small projector,
    never pushes the dialog off the screen.
    """

    def __init__(self, file_name: str, notices: Sequence[TextNotice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Event file imported"))
        characters = sum(n.count for n in notices)
        self.summary = plain_label(
            ngettext(
                "Imported {file}. {count} invisible character was dropped from its text "
                "(control characters, zero-width spaces and the like); everything else is as written.",
                "Imported {file}. {count} invisible characters were dropped from its text "
                "(control characters, zero-width spaces and the like); everything else is as written.",
                characters,
            ).format(file=file_name, count=numbers.integer(characters))
        )
        self.places = QPlainTextEdit("\n".join(notice_line(n) for n in notices))
        self.places.setReadOnly(True)
        self.places.setAccessibleName(_("Where characters were dropped"))
        self.places.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.places, 1)
        layout.addWidget(buttons)
        size_in_lines(self, 40, 10 + min(len(notices), 10))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()

    def lines(self) -> list[str]:
        """Return the places listed, one per line."""
        return self.places.toPlainText().splitlines()


def show_dropped(parent: QWidget, file_name: str, notices: Sequence[TextNotice]) -> DroppedCharactersDialog:
    """Open the list of what was dropped; it does not block (the event is already open).

    Returns:
        The dialog, open and deleted when closed.
    """
    dialog = DroppedCharactersDialog(file_name, notices, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
