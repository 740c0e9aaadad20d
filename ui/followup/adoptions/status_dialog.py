"""The small dialog that changes an agreement's status: what, why, and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import AgreementStatus
from facilitator.followup.adoptions import AdoptionRow
from facilitator.i18n import N_, _
from ui.date_fields import date_edit, from_qdate, to_qdate
from ui.widgets import FillingScrollArea, heading, size_to_text

#: Stores the change; returns None when stored, else the message to show.
Save = Callable[[AgreementStatus, str, dt.date], "str | None"]

# What usually comes next, so Enter alone records the common step.
_NEXT = {
    AgreementStatus.AGREED: AgreementStatus.IN_PROGRESS,
    AgreementStatus.IN_PROGRESS: AgreementStatus.ADOPTED,
    AgreementStatus.ADOPTED: AgreementStatus.IN_PROGRESS,
    AgreementStatus.ABANDONED: AgreementStatus.AGREED,
}
# Marked here, translated where it is shown.
REASON_REQUIRED = N_("Say why the adoption was abandoned: a reason is required.")
# Translators: the label of the note of a status change
NOTE = N_("N&ote")
# Under the adopter's name: the status now, then the patterns (a sentence each: word order differs).
_NOW = {
    AgreementStatus.AGREED: N_("Now agreed · {patterns}"),
    AgreementStatus.IN_PROGRESS: N_("Now in progress · {patterns}"),
    AgreementStatus.ADOPTED: N_("Now adopted · {patterns}"),
    AgreementStatus.ABANDONED: N_("Now abandoned · {patterns}"),
}


class StatusDialog(QDialog):
    """Asks for the new status, a note (required for Abandoned) and the day.

    The day defaults to today and can be neither in the future nor before the
    agreement's previous status change. OK stores the change through ``save``
    at once; if that fails, the message is shown here and what was typed stays.

    Args:
        row: The agreement whose status changes.
        save: Stores the change (see :data:`Save`).
        today: The latest day allowed.
        parent: The owning widget.
    """

    def __init__(
        self, row: AdoptionRow, save: Save, *, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.row = row
        self._save = save
        self._today = today
        # Translators: the title of the dialog that changes an agreement's status
        self.setWindowTitle(_("Change status"))
        self.setMinimumWidth(640)
        self.status = QComboBox()
        self.status.setAccessibleName(_("New status"))
        for status in AgreementStatus:
            if status != row.status:
                self.status.addItem(status.label, status)
        self.status.setCurrentIndex(self.status.findData(_NEXT[row.status]))
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note"))
        self.note.setMaxLength(5000)
        self.date = date_edit(today)
        self.date.setAccessibleName(_("Date of the change"))
        self.date.setMaximumDate(to_qdate(today))
        if row.last_changed is not None and row.last_changed <= today:
            self.date.setMinimumDate(to_qdate(row.last_changed))
        self.hint = QLabel()
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setProperty("role", "danger")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Translators: the button that stores the new status of an agreement
        self.ok_button.setText(_("Change status"))
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(_buddy(_("&New status"), self.status), self.status)
        self.note_label = _buddy(_(NOTE), self.note)
        form.addRow(self.note_label, self.note)
        # Translators: the label of the date of a status change
        form.addRow(_buddy(_("&Date"), self.date), self.date)
        # The content scrolls above the buttons when the zoomed dialog is
        # taller than the screen (200 % on a 720p projector).
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        team = f" ({row.adopter_team})" if row.adopter_team != row.adopter else ""
        title = heading(f"{row.adopter}{team}", "subheading")
        layout.addWidget(title)
        patterns = ", ".join(row.patterns) or _("no patterns named")
        now = _(_NOW[row.status]).format(patterns=patterns)
        layout.addWidget(heading(now, "muted"))
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(12)
        scroll = FillingScrollArea(content)
        outer.addWidget(scroll, 1)
        outer.addWidget(buttons)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.status.setFocus()
        # Measured in its text, so the zoomed fields and sentences all fit.
        size_to_text(self, 36, scroll)

    def chosen_status(self) -> AgreementStatus:
        """Return the status picked."""
        return self.status.currentData()

    def _status_changed(self) -> None:
        abandoning = self.chosen_status() == AgreementStatus.ABANDONED
        self.note_label.setText(_("Reas&on (required)") if abandoning else _(NOTE))
        self.note.setPlaceholderText(
            _("Why was it abandoned? Others learn from it.") if abandoning else _("What happened (optional)")
        )
        self.hint.setText(
            _("A reason is required for Abandoned.")
            if abandoning
            else _("The date can be earlier if the change happened before today, but not in the future.")
        )
        self.error.hide()

    def accept(self) -> None:
        """Store the change; on a problem say so here and stay open."""
        status, note, day = self.chosen_status(), self.note.text().strip(), from_qdate(self.date.date())
        if status == AgreementStatus.ABANDONED and not note:
            self._show_error(_(REASON_REQUIRED))
            self.note.setFocus()
            return
        if day > self._today:
            self._show_error(_("The date of a status change cannot be in the future."))
            self.date.setFocus()
            return
        problem = self._save(status, note, day)
        if problem:
            self._show_error(problem)
            return
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label
