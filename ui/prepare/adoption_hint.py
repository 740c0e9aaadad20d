"""In the New event dialog: suggest the follow-up agenda when earlier agreements are open."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QWidget

from facilitator.agenda import Agenda, AgendaCatalog
from facilitator.agenda.catalog import DEFAULT_AGENDA_ID
from facilitator.followup.adoptions import count_open_agreements
from facilitator.i18n import ngettext
from facilitator.numbers import integer
from facilitator.services.errors import ServiceError
from facilitator.storage import Database, StorageError
from ui.date_fields import from_qdate
from ui.prepare.fields import select_agenda

FOLLOW_UP_AGENDA_ID = "scale-across-follow-up"
"""The shipped agenda that starts with an Adoption review step."""


def has_review_step(agenda: Agenda) -> bool:
    """Return True when some step of ``agenda`` reviews earlier adoptions."""
    return any("adoption_review" in step.captures for step in agenda.steps)


class AdoptionReviewHint(QLabel):
    """Says how many open agreements the new event will review, and picks the agenda for it.

    When the coalition has open agreements from earlier events and the chosen
    agenda has no Adoption review step, the follow-up agenda is selected. An
    agenda the facilitator picks by hand is never changed again.
    """

    def __init__(
        self,
        db: Database,
        catalog: AgendaCatalog,
        coalition: QComboBox,
        date: QDateEdit,
        agenda: QComboBox,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "muted")
        self.setWordWrap(True)
        self.hide()
        self.open_count = 0
        self._db, self._catalog = db, catalog
        self._coalition, self._date, self._agenda = coalition, date, agenda
        self._picked_by_hand = False
        self._suggested = False
        coalition.currentTextChanged.connect(self.update_hint)
        date.dateChanged.connect(self.update_hint)
        agenda.activated.connect(self._picked)  # only a choice made by the facilitator
        agenda.currentIndexChanged.connect(lambda _index: self._show_text())

    def update_hint(self) -> None:
        """Count the open agreements for the coalition and date; suggest the agenda."""
        name, day = self._coalition.currentText(), from_qdate(self._date.date())
        try:
            with self._db.transaction() as session:
                self.open_count = count_open_agreements(session, [name], day)
        except (StorageError, ServiceError):
            self.open_count = 0  # a hint only: creating the event reports real problems
        follow_up = self._follow_up()
        if not self._picked_by_hand and follow_up is not None:
            current = self._current_agenda()
            if self.open_count and (current is None or not has_review_step(current)):
                select_agenda(self._agenda, follow_up.id)
                self._suggested = True
            elif not self.open_count and self._suggested:
                select_agenda(self._agenda, DEFAULT_AGENDA_ID)
                self._suggested = False
        self._show_text()

    def _picked(self, _index: int) -> None:
        self._picked_by_hand = True
        self._show_text()

    def _follow_up(self) -> Agenda | None:
        try:
            return self._catalog.get(FOLLOW_UP_AGENDA_ID)
        except KeyError:
            return None

    def _current_agenda(self) -> Agenda | None:
        try:
            return self._catalog.get(self._agenda.currentData())
        except KeyError:
            return None

    def _show_text(self) -> None:
        count = self.open_count
        if not count:
            self.hide()
            return
        current = self._current_agenda()
        if current is not None and has_review_step(current):
            text = ngettext(
                "{count} open agreement from earlier events will be reviewed first.",
                "{count} open agreements from earlier events will be reviewed first.",
                count,
            )
        else:
            text = ngettext(
                "{count} open agreement from earlier events; this agenda has no Adoption review step.",
                "{count} open agreements from earlier events; this agenda has no Adoption review step.",
                count,
            )
        self.setText(text.format(count=integer(count)))
        self.show()
