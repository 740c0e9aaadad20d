"""The Adoption review step: open agreements from the coalitions' earlier events.

Before agreeing anything new, the room checks what became of earlier
adoptions. Each one's status can be changed right here, although the
agreement belongs to another event: adoption is followed up later by design.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from facilitator import numbers
from facilitator.domain import AgreementStatus
from facilitator.followup import adoptions
from facilitator.followup.adoptions import AdoptionRow
from facilitator.i18n import N_, _, ngettext
from facilitator.services.changes import RecordKind
from ui.editing import EventEditor
from ui.followup.adoptions.model import (
    REVIEW_COLUMNS,
    AdoptionTableModel,
    warning_colour,
)
from ui.followup.adoptions.status_dialog import StatusDialog
from ui.followup.adoptions.table import AdoptionTable
from ui.panels.shared.base import RecordPanel, heading

# Marked here, translated where they are shown.
EMPTY_TEXT = N_("No open agreements from earlier events — go on (Page Down).")
READ_ONLY_TEXT = N_("This event is closed: the statuses are shown, not changed here.")


class AdoptionReviewPanel(RecordPanel):
    """Lists the open agreements of earlier events of this event's coalitions.

    Enter, a double-click or "Change status…" opens the status dialog; the
    change is stored at once. An agreement the room just moved to adopted or
    abandoned stays in the list with its new status, so the room keeps its
    place; it drops out when the event is next opened.
    """

    shows = frozenset(
        {
            RecordKind.EVENT,
            RecordKind.PARTICIPANT,
            RecordKind.PATTERN,
            RecordKind.AGREEMENT,
            RecordKind.AGREEMENT_PATTERN,
            RecordKind.SUPPORT_ITEM,
            RecordKind.STATUS_CHANGE,
        }
    )

    title = N_("Adoption review")

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.reviewed: dict[uuid.UUID, uuid.UUID] = {}  # agreement id → its event id
        self.status_dialog: StatusDialog | None = None
        self.model = AdoptionTableModel(REVIEW_COLUMNS, self)
        # Two lines a row, so the room reads each agreement whole: check-in
        # date over how late it is, adopter over team, the patterns wrapped.
        # On a 1280-pixel projector the patterns matter more than the event.
        self.table = AdoptionTable(
            self.model,
            caps={"adopter_lines": 16, "event_lines": 18},
            optional=("event_lines",),
            stretch_chars=24,
            lines=2,
        )
        self.table.setAccessibleName(_("Open agreements from earlier events"))
        self.summary = heading("", "subheading")
        self.empty_label = heading(_(EMPTY_TEXT), "muted")
        self.read_only_label = heading(_(READ_ONLY_TEXT), "muted")
        self.change_button = QPushButton(_("Change status…"))
        self.change_button.setProperty("role", "primary")
        self.change_button.clicked.connect(self.change_status)
        self.table.activated.connect(lambda _index: self.change_status())  # Enter
        self.table.doubleClicked.connect(lambda _index: self.change_status())
        # The summary has the full width to itself: beside the button it wrapped
        # to two lines at 1280 pixels and took the table's room.
        bottom = QHBoxLayout()
        bottom.addWidget(self.read_only_label, 1)
        bottom.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def refresh(self) -> None:
        """Read the open agreements of earlier events, plus those reviewed here."""
        event_id, reviewed, today = self.editor.event_id, dict(self.reviewed), dt.date.today()

        def read(session) -> list[AdoptionRow]:
            rows = adoptions.open_agreements_before(session, event_id, today=today)
            shown = {row.agreement_id for row in rows}
            for other in set(reviewed.values()):
                rows += [
                    row
                    for row in adoptions.adoption_rows(session, today=today, event_id=other)
                    if row.agreement_id in reviewed and row.agreement_id not in shown
                ]
            return adoptions.by_urgency(rows)

        current = self.current_row()
        self.model.set_warning_colour(warning_colour(self.table))
        self.model.set_rows(self.editor.read(read))
        self.table.measure()
        if self.model.rowCount():
            row = self.model.row_of(current.agreement_id) if current is not None else -1
            self.table.setCurrentIndex(self.model.index(max(row, 0), 0))
        self._show_state()

    def focus_first(self) -> bool:
        """Put the keyboard in the list: Enter then changes the selected agreement's status."""
        if not self.model.rowCount():
            return False
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def rows(self) -> list[AdoptionRow]:
        """Return the agreements listed, in the order shown."""
        return self.model.rows()

    def room_rows(self) -> Sequence[AdoptionRow]:
        """Return the earlier agreements under review, for the room view."""
        return self.rows()

    def current_row(self) -> AdoptionRow | None:
        """Return the selected agreement, or None."""
        return self.table.current_row()

    def select_agreement(self, agreement_id: uuid.UUID) -> None:
        """Select an agreement's row if it is listed."""
        self.table.select_agreement(agreement_id)

    def change_status(self) -> StatusDialog | None:
        """Open the status dialog for the selected agreement (not on a closed event)."""
        row = self.current_row()
        if row is None or self.editor.read_only:
            return None
        dialog = StatusDialog(
            row,
            lambda status, note, day: self._store(row, status, note, day),
            today=dt.date.today(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.status_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "status_dialog", None))
        dialog.open()
        return dialog

    def _store(self, row: AdoptionRow, status: AgreementStatus, note: str, day: dt.date) -> str | None:
        def work(session) -> None:
            adoptions.record_status_change(session, row.agreement_id, status, note, on=day)

        # Not on the undo stack: the agreement belongs to another event, and a
        # status change is a dated fact, corrected by a further change.
        if not self.editor.store(work):
            return _("The status was not changed: {reason}.").format(reason=self.editor.last_error)
        self.reviewed[row.agreement_id] = row.event_id
        fresh = self.editor.read(
            lambda s: adoptions.adoption_rows(s, today=dt.date.today(), event_id=row.event_id)
        )
        for candidate in fresh:
            if candidate.agreement_id == row.agreement_id:
                self.model.replace_row(candidate)
        self.table.measure()  # "Abandoned" may be wider than any status shown before
        self._show_state()
        return None

    def _show_state(self) -> None:
        rows = self.model.rows()
        still_open = [row for row in rows if row.is_open]
        overdue = sum(row.overdue for row in rows)
        text = ngettext(
            "{count} open agreement from earlier events",
            "{count} open agreements from earlier events",
            len(still_open),
        ).format(count=numbers.integer(len(still_open)))
        if overdue:
            # Translators: after the number of open agreements, e.g. "· 2 overdue"
            text += " · " + ngettext("{count} overdue", "{count} overdue", overdue).format(
                count=numbers.integer(overdue)
            )
        self.summary.setText(text)
        self.summary.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        read_only = self.editor.read_only
        self.read_only_label.setVisible(read_only and bool(rows))
        self.change_button.setVisible(not read_only and bool(rows))

    def changeEvent(self, event) -> None:
        # A new theme brings a new background; the overdue colour must still contrast.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self.model.set_warning_colour(warning_colour(self.table))
        super().changeEvent(event)
