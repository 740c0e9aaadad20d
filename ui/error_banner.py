"""A plain message across the top of the window when something could not be saved."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ErrorBanner(QFrame):
    """Shows the latest problem until dismissed or until the next edit is saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        dismiss = QPushButton("Dismiss")
        dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(dismiss)
        self.hide()

    def show_not_saved(self, message: str) -> None:
        """Show why an edit was not stored; what was typed stays where it was typed for a retry."""
        self.label.setText(f"Not saved: {message}. What you typed is still there — correct it or try again.")
        self.show()

    def show_message(self, message: str) -> None:
        """Show a problem that is not about typing (a file, an export), as one sentence.

        The message should say what did not happen and why, e.g. "The event
        file was not imported: plan.yaml:12:7: event.date: …".
        """
        text = message[:1].upper() + message[1:]
        self.label.setText(text if text.endswith((".", "?", "!")) else text + ".")
        self.show()
