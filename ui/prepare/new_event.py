"""The "New event" dialog: the few things an event cannot start without."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from facilitator.agenda import AgendaCatalog, load_catalog
from facilitator.agenda.catalog import DEFAULT_AGENDA_ID
from facilitator.folding import fold
from facilitator.i18n import _
from facilitator.services import coalitions, events
from facilitator.services.errors import ServiceError
from facilitator.storage import Database, StorageError
from ui.date_fields import date_edit, from_qdate
from ui.panels.shared.base import heading
from ui.prepare.adoption_hint import AdoptionReviewHint
from ui.prepare.fields import agenda_combo, agenda_problems, select_agenda, trigger_combo
from ui.widgets import FillingScrollArea, combo_line, size_to_text

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class NewEventDialog(QDialog):
    """Asks for coalition, TOP Goal, date, facilitator, trigger and agenda.

    Choosing a known coalition fills in its latest TOP Goal; typing a new
    name creates the coalition with the event. OK (or Enter) creates the
    event in one transaction and sets :attr:`created_event_id`; a problem is
    shown inside the dialog, which stays open.

    Args:
        db: the database to create the event in.
        parent: the owning widget.
        catalog: the agendas to offer; loaded when not given.
    """

    def __init__(
        self, db: Database, parent: QWidget | None = None, catalog: AgendaCatalog | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.created_event_id: uuid.UUID | None = None
        self.catalog = catalog if catalog is not None else load_catalog()
        self.setWindowTitle(_("New Scale Across event"))
        self._names: list[str] = []
        self._goals: dict[str, str] = {}
        self._prefilled = ""
        last_coalition, last_facilitator = self._read_coalitions()
        self._build_fields(last_facilitator)
        self._build_buttons()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(12)
        # The content scrolls above the buttons when the zoomed dialog is
        # taller than the screen (125 % and up on a 720p projector).
        self._scroll = FillingScrollArea(self._build_content())
        outer.addWidget(self._scroll, 1)
        outer.addWidget(self.buttons)
        self._start_with(last_coalition)
        # Measured in its text, so it grows with the zoom until it meets the screen.
        size_to_text(self, 40, self._scroll)
        if self._wrap_when_narrow():
            size_to_text(self, 40, self._scroll)  # taller now

    def _wrap_when_narrow(self) -> bool:
        """Put every label above its field when the agenda's title does not fit beside them; say so.

        A long title (a longer language) at a large zoom on a small screen.
        """
        form = self._form
        items = (form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount()))
        labels = [label for item in items if item is not None and (label := item.widget()) is not None]
        widest = max((label.sizeHint().width() for label in labels), default=0)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = self.width() - 48 - bar - form.horizontalSpacing()
        if widest + self.agenda.sizeHint().width() <= room:
            return False
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        return True

    def _build_fields(self, last_facilitator: str) -> None:
        """Build the fields, the adoption review hint and the (hidden) error line."""
        self.coalition = QComboBox()
        self.coalition.setEditable(True)
        self.coalition.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.coalition.addItems(self._names)
        self.coalition.setAccessibleName(_("Coalition"))
        combo_line(self.coalition).setPlaceholderText(_("Pick a coalition or type a new name"))
        self.goal = QPlainTextEdit()
        self.goal.setTabChangesFocus(True)
        self.goal.setPlaceholderText(_("What is the current TOP Goal?"))
        self.goal.setAccessibleName(_("TOP Goal"))
        self.goal.installEventFilter(self)
        self.date = date_edit(dt.date.today())
        self.facilitator = QLineEdit(last_facilitator, placeholderText=_("Who leads the room"))
        self.trigger = trigger_combo()
        self.agenda = agenda_combo(self.catalog)
        if self.catalog.agendas:
            select_agenda(self.agenda, DEFAULT_AGENDA_ID)
        # Open agreements from earlier events: suggest the agenda that reviews them first.
        self.review_hint = AdoptionReviewHint(self.db, self.catalog, self.coalition, self.date, self.agenda)
        self.error = QLabel()
        self.error.setProperty("role", "danger")
        self.error.setWordWrap(True)
        self.error.hide()

    def _build_buttons(self) -> None:
        """Build "Create event" (the default) and Cancel."""
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Create event"))
        ok.setProperty("role", "primary")
        ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _build_content(self) -> QWidget:
        """Lay out the heading, the key note, the form, the hint and the error line."""
        self._form = form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.addRow(_label(_("&Coalition"), self.coalition), self.coalition)
        form.addRow(_label(_("TOP &Goal"), self.goal), self.goal)
        form.addRow(_label(_("&Date"), self.date), self.date)
        form.addRow(_label(_("Faci&litator"), self.facilitator), self.facilitator)
        # Translators: why the event is held (a field of the event details)
        form.addRow(_label(_("Tr&igger"), self.trigger), self.trigger)
        form.addRow(_label(_("&Agenda"), self.agenda), self.agenda)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(heading(_("New event"), "heading"))
        note = QLabel(_("Enter creates the event; Shift+Enter starts a new line in the goal; Esc cancels."))
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.review_hint)
        layout.addWidget(agenda_problems(self.catalog))
        layout.addWidget(self.error)
        layout.addStretch(1)
        return content

    def _start_with(self, last_coalition: str) -> None:
        """Suggest the last event's coalition (and its goal), selected so typing replaces it."""
        self.coalition.currentTextChanged.connect(self._coalition_changed)
        last_index = self.coalition.findText(last_coalition)
        if last_index >= 0:
            self.coalition.setCurrentIndex(last_index)
        else:
            self.coalition.setEditText(last_coalition)
        self._coalition_changed(self.coalition.currentText())
        self.review_hint.update_hint()
        combo_line(self.coalition).selectAll()
        self.coalition.setFocus()

    def _read_coalitions(self) -> tuple[str, str]:
        """Load known coalitions and their latest goals.

        Returns:
            The coalition and facilitator of the most recent event: the next
            event is most often the same coalition's, led by the same person.
        """

        def work(session: Session) -> tuple[list[tuple[str, str]], str, str]:
            known = [
                (c.name, coalitions.latest_goal(session, c.id)) for c in coalitions.list_coalitions(session)
            ]
            recent = events.list_events(session, limit=1)
            if not recent:
                return known, "", ""
            return known, (recent[0].coalitions or ("",))[0], recent[0].facilitator

        try:
            with self.db.transaction() as session:
                known, last, facilitator = work(session)
        except StorageError:
            # The dialog still works without suggestions; creating reports the problem.
            known, last, facilitator = [], "", ""
        self._names = sorted((name for name, _goal in known), key=_sort_key)
        self._goals = {name.casefold(): goal for name, goal in known}
        return last, facilitator

    def _coalition_changed(self, text: str) -> None:
        # Only replace a goal the facilitator has not edited by hand.
        self.error.hide()
        if self.goal.toPlainText() not in ("", self._prefilled):
            return
        self._prefilled = self._goals.get(text.strip().casefold(), "")
        self.goal.setPlainText(self._prefilled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Make Enter in the goal create the event, and Shift+Enter start a new line."""
        # Enter in the goal field creates the event like everywhere else in the
        # dialog; Shift+Enter is the way to a second line.
        if (
            watched is self.goal
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
        ):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.goal.insertPlainText("\n")
            else:
                self.accept()
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        """Create the event; on a problem, say so here and stay open."""
        name = self.coalition.currentText().strip()
        if not name:
            self._show_error(_("Name the coalition that holds this event: pick one or type a new name."))
            self.coalition.setFocus()
            return
        try:
            with self.db.transaction() as session:
                event = events.plan_event(
                    session,
                    coalitions=[name],
                    date=from_qdate(self.date.date()),
                    facilitator=self.facilitator.text(),
                    trigger=self.trigger.currentData(),
                    agenda_id=self.agenda.currentData() or DEFAULT_AGENDA_ID,
                )
                events.set_top_goal(session, event.id, event.coalitions[0].id, self.goal.toPlainText())
                event_id = event.id
        except (ServiceError, StorageError) as exc:
            self._show_error(_("The event was not created: {problem}.").format(problem=exc))
            return
        self.created_event_id = event_id
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def ask_new_event(db: Database, parent: QWidget | None = None) -> uuid.UUID | None:
    """Show the New event dialog; return the created event's id, or None if cancelled."""
    dialog = NewEventDialog(db, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.created_event_id
        return None
    finally:
        dialog.deleteLater()


def _sort_key(name: str) -> tuple[str, str]:
    # "Ärzte" belongs with the A's, not after Z as plain code points put it.
    return fold(name), name


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
