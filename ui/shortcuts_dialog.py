"""F1: every keyboard shortcut on one page, built from the action registry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from ui.actions import SPECS, key_text, shortcut_text, text_of
from ui.widgets import heading, size_in_lines


class ShortcutsDialog(QDialog):
    """A table of actions and their shortcuts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        rows = [(text_of(act).replace("&", "").rstrip("…"), shortcut_text(act)) for act in SPECS]
        rows = [row for row in rows if row[1]]
        rows.append((_("Add the typed record / next participant"), key_text(Qt.Key.Key_Enter)))
        # Translators: {key} is a key's name (F2); typing in a table cell starts editing it too.
        rows.append(
            (_("Edit the selected cell"), _("{key} or start typing").format(key=key_text(Qt.Key.Key_F2)))
        )
        self.table = QTableWidget(len(rows), 2)
        # Translators: the column headers of the keyboard shortcuts page (F1).
        self.table.setHorizontalHeaderLabels([_("Action"), _("Shortcut")])
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Keyboard shortcuts"), "heading"))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        # Measured in its text, so it grows with the zoom until it meets the
        # screen; rows as tall as their wrapped text, and the table scrolls.
        size_in_lines(self, 48, 30)
        self.table.resizeRowsToContents()
