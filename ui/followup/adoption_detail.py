"""The selected agreement in the adoption tracker: what was agreed and its status history."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.followup.adoptions import AdoptionRow, StatusStep
from ui.followup.adoption_model import check_in_text, event_text
from ui.widgets import heading


def history_line(step: StatusStep) -> str:
    """Return one status change as "2026-03-14 · Agreed → In progress · note"."""
    moved = f"{step.from_status.label} → {step.to_status.label}" if step.from_status else step.to_status.label
    return " · ".join(part for part in (step.changed_at.date().isoformat(), moved, step.note) if part)


def _value() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AdoptionDetail(QWidget):
    """Shows one agreement, its status history, and the buttons that act on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading("", "subheading")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.status = _value()
        self.check_in = _value()
        self.patterns = _value()
        self.owners = _value()
        self.sponsor = _value()
        self.event_label = _value()
        self.history = QListWidget()
        self.history.setAccessibleName("Status history")
        self.history.setWordWrap(True)
        self.change_button = QPushButton("Change status…")
        self.change_button.setProperty("role", "primary")
        self.open_button = QPushButton("Open event")
        form = QFormLayout()
        form.addRow("Status", self.status)
        form.addRow("Check-in", self.check_in)
        form.addRow("Patterns", self.patterns)
        form.addRow("Owner(s)", self.owners)
        form.addRow("Sponsor", self.sponsor)
        form.addRow("Event", self.event_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(heading("Status history", "subheading"))
        layout.addWidget(self.history, 1)
        self.show_row(None, [])

    def show_row(self, row: AdoptionRow | None, history: Sequence[StatusStep]) -> None:
        """Show an agreement and its history; None clears the pane."""
        for button in (self.change_button, self.open_button):
            button.setEnabled(row is not None)
        self.history.clear()
        if row is None:
            self.title.setText("Select an agreement to see its status history.")
            for label in (self.status, self.check_in, self.patterns, self.owners, self.sponsor, self.event_label):
                label.setText("")
            return
        team = f" ({row.adopter_team})" if row.adopter_team != row.adopter else ""
        self.title.setText(f"{row.adopter}{team}")
        reason = f" — {row.status_reason}" if row.status_reason else ""
        self.status.setText(row.status.label + reason)
        self.check_in.setText(check_in_text(row))
        self.check_in.setProperty("role", "danger" if row.overdue else "")
        self.check_in.style().unpolish(self.check_in)
        self.check_in.style().polish(self.check_in)
        self.patterns.setText(", ".join(row.patterns) or "—")
        self.owners.setText(", ".join(row.owners) or "—")
        self.sponsor.setText(row.sponsor or "—")
        self.event_label.setText(f"{event_text(row)} ({', '.join(row.coalitions)})")
        self.history.addItems([history_line(step) for step in history])

    def history_lines(self) -> list[str]:
        """Return the history as shown, oldest first."""
        return [self.history.item(n).text() for n in range(self.history.count())]
