"""F1: every keyboard shortcut on one page, built from the action registry."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.actions import SPECS, shortcut_text
from ui.widgets import heading, size_in_lines


class ShortcutsDialog(QDialog):
    """A table of actions and their shortcuts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = [(spec.text.replace("&", "").rstrip("…"), shortcut_text(act)) for act, spec in SPECS.items()]
        rows = [row for row in rows if row[1]]
        rows.append(("Add the typed record / next participant", "Enter"))
        rows.append(("Edit the selected cell", "F2 or start typing"))
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Keyboard shortcuts", "heading"))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        # Measured in its text, so it grows with the zoom until it meets the
        # screen; rows as tall as their wrapped text, and the table scrolls.
        size_in_lines(self, 48, 30)
        self.table.resizeRowsToContents()
