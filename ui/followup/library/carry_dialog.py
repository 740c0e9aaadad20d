"""Choosing the event a pattern is carried into."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.dates import day
from facilitator.domain import EventStatus
from facilitator.followup.library import CarryTarget
from facilitator.i18n import N_, _
from ui.widgets import heading, size_in_lines, size_to_text

# Marked here, translated where it is shown.
NO_TARGETS = N_(
    "No open event can receive it: every event is closed or already presents this pattern. "
    "Create a new event first (File ▸ New event…), then carry the pattern into it."
)
# An event's status at the end of its line, in parentheses.
_STATE = {
    # Translators: an event's status, at the end of a line naming the event
    EventStatus.PLANNED: N_("(planned)"),
    # Translators: an event's status, at the end of a line naming the event
    EventStatus.RUNNING: N_("(running)"),
    # Translators: an event's status, at the end of a line naming the event
    EventStatus.CLOSED: N_("(closed)"),
}


def target_text(target: CarryTarget) -> str:
    """Return one target as the list shows it: date, coalitions, title and status."""
    coalitions = " + ".join(target.coalitions) or _("no coalition")
    title = f" — {target.title}" if target.title else ""
    return f"{day(target.date)} · {coalitions}{title} {_(_STATE[target.status])}"


class CarryDialog(QDialog):
    """Lists the events a pattern can be carried into; Enter or double-click chooses one.

    Args:
        pattern_name: the pattern being carried, for the question.
        targets: the events that can receive it, newest first.
        parent: the owning widget.
    """

    def __init__(
        self, pattern_name: str, targets: Sequence[CarryTarget], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Carry a pattern into an event"))
        self.targets = list(targets)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(_("Events that can receive the pattern"))
        for target in self.targets:
            item = QListWidgetItem(target_text(target))
            item.setData(Qt.ItemDataRole.UserRole, target.event_id)
            self.list.addItem(item)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.hint = heading(_(NO_TARGETS), "muted")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Carry into this event"))
        self.ok_button.setProperty("role", "primary")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        question = _("Carry “{pattern}” into which event?").format(pattern=pattern_name)
        layout.addWidget(heading(question, "subheading"))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.list.setVisible(bool(self.targets))
        self.hint.setVisible(not self.targets)
        # A disabled primary button is hard to read on a projector: without a
        # target there is nothing to confirm, only the hint and a way out.
        self.ok_button.setVisible(bool(self.targets))
        if not self.targets:
            # Translators: the button that closes a dialog with nothing to choose
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Close"))
        if self.targets:
            self.list.setCurrentRow(0)
            self.list.setFocus()
            # Measured in text: at the largest zoom a target wraps to three lines,
            # and the list must show at least two whole targets.
            self.ensurePolished()
            self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 7)
            size_in_lines(self, 40, 18)
        else:
            size_to_text(self, 40)

    def chosen_event_id(self) -> uuid.UUID | None:
        """Return the id of the selected event, or None when there is none."""
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def accept(self) -> None:
        """Close with the selected event; without one, stay open."""
        if self.chosen_event_id() is not None:
            super().accept()
