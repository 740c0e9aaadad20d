"""The event's own details: title, date, facilitator, trigger, agenda, TOP Goals."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.agenda import AgendaCatalog, load_catalog
from facilitator.domain import Event
from facilitator.i18n import N_, _, ngettext
from facilitator.services import events
from facilitator.services.changes import Changes, RecordKind
from ui.date_fields import date_edit, from_qdate, to_qdate
from ui.editing import EventEditor
from ui.language import document_language_choices
from ui.panels.shared.base import heading
from ui.prepare.fields import (
    agenda_combo,
    agenda_outline,
    agenda_problems,
    select_agenda,
    select_data,
    trigger_combo,
)
from ui.prepare.top_goal import TopGoalEdit

# What the Edit menu's Undo names for a change of each field (another field: add it here).
_CHANGE_NAMES = {
    "title": N_("Change the event title"),
    "date": N_("Change the event date"),
    "facilitator": N_("Change the event facilitator"),
    "trigger": N_("Change the event trigger"),
    "agenda_id": N_("Change the event agenda"),
    "document_language": N_("Change the language of the event's documents"),
}
CHANGE_DETAILS = N_("Change the event details")
# From this width, in average characters, the goal sits beside the form.
SIDE_BY_SIDE_CHARS = 110


class EventDetailsForm(QWidget):
    """Edits the details of an open event; every change is stored when made.

    Text fields are stored when the cursor leaves them (or on Enter), the
    date a moment after it stops changing, drop-downs at once, and each
    coalition's TOP Goal while it is typed. A closed event is shown read-only.

    Args:
        editor: the open event's editor; every change goes through it.
        catalog: the agendas to offer; loaded from the shipped and user
            agendas when not given.
        parent: the owning widget.
    """

    DATE_PAUSE_MS = 800

    def __init__(
        self,
        editor: EventEditor,
        catalog: AgendaCatalog | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.catalog = catalog if catalog is not None else load_catalog()
        self._loading = False
        self._build_fields(editor.event)
        self._connect_fields()
        form = self._build_form()
        goals = self._build_goals()
        # Side by side while both have room; the goal under the form when narrow
        # (a high zoom, a 720p projector). The form's lines hold long titles
        # and names, so it gets the larger share; the goal wraps in its box.
        self._columns = layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(32)
        layout.addLayout(form, 3)
        layout.addLayout(goals, 2)
        self.refresh()
        editor.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(
            RecordKind.EVENT, RecordKind.EVENT_COALITION, RecordKind.COALITION, RecordKind.TOP_GOAL
        ):
            self.refresh()

    def _build_fields(self, event: Event) -> None:
        """Build the detail fields, named for screen readers."""
        self.title = QLineEdit(placeholderText=_("e.g. Scale Across — checkout delivery patterns"))
        self.date = date_edit(event.date)
        self.facilitator = QLineEdit(placeholderText=_("Who leads the room"))
        self.trigger = trigger_combo()
        self.agenda = agenda_combo(self.catalog)
        self.problems = agenda_problems(self.catalog)
        self.document_language = QComboBox()
        for label, code in document_language_choices(_("The app's language")):
            self.document_language.addItem(label, code)
        for widget, name in [
            (self.title, _("Event title")),
            (self.date, _("Event date")),
            (self.facilitator, _("Facilitator")),
            (self.trigger, _("Why the event is held")),
            (self.agenda, _("Agenda")),
            (self.document_language, _("Language of the summary and agreements")),
        ]:
            widget.setAccessibleName(name)

    def _connect_fields(self) -> None:
        """Store each field when it is done: lines on leaving, the date after a pause, choices at once."""
        self._date_timer = QTimer(self)
        self._date_timer.setSingleShot(True)
        self._date_timer.setInterval(self.DATE_PAUSE_MS)
        self._date_timer.timeout.connect(self._store_date)

        self.title.editingFinished.connect(lambda: self._store_line(self.title, "title"))
        self.facilitator.editingFinished.connect(lambda: self._store_line(self.facilitator, "facilitator"))
        self.date.dateChanged.connect(self._date_typed)
        self.date.editingFinished.connect(self._store_date)
        self.trigger.currentIndexChanged.connect(lambda: self._store_choice(self.trigger, "trigger"))
        self.agenda.currentIndexChanged.connect(lambda: self._store_choice(self.agenda, "agenda_id"))
        self.document_language.currentIndexChanged.connect(self._store_language)

    def _build_form(self) -> QFormLayout:
        """Lay out the fields, the chosen agenda's outline and any agenda problems."""
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        # Translators: the event's title (a field of the event details)
        form.addRow(_form_label(_("&Title"), self.title), self.title)
        form.addRow(_form_label(_("&Date"), self.date), self.date)
        form.addRow(_form_label(_("Faci&litator"), self.facilitator), self.facilitator)
        # Translators: why the event is held (a field of the event details)
        form.addRow(_form_label(_("Tr&igger"), self.trigger), self.trigger)
        form.addRow(_form_label(_("&Agenda"), self.agenda), self.agenda)
        self.outline = QLabel()
        self.outline.setProperty("role", "muted")
        # One short line per step, never wrapped: a wrapping label makes the
        # form trade height for width, and the layout then squeezes it.
        self.outline.setWordWrap(False)
        form.addRow("", self.outline)
        form.addRow(self.problems)
        # Translators: a field of the event details: the language its PDFs are written in
        form.addRow(_form_label(_("Docu&ments in"), self.document_language), self.document_language)
        return form

    def _build_goals(self) -> QVBoxLayout:
        """Build the TOP Goal column; ``refresh`` fills in one goal per coalition."""
        self.goals_box = QVBoxLayout()
        self.goals_box.setSpacing(8)
        self.goal_edits: list[TopGoalEdit] = []
        goals = QVBoxLayout()
        goals.setSpacing(8)
        self.goal_heading = heading(_("TOP Goal"))
        goals.addWidget(self.goal_heading)
        goals.addLayout(self.goals_box, 1)
        return goals

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Put the goal beside the form when there is room, under it when not."""
        super().resizeEvent(event)
        chars = event.size().width() // max(self.fontMetrics().averageCharWidth(), 1)
        direction = (
            QBoxLayout.Direction.LeftToRight
            if chars >= SIDE_BY_SIDE_CHARS
            else QBoxLayout.Direction.TopToBottom
        )
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)

    # Redraw

    def refresh(self) -> None:
        """Show the stored details, keeping whatever is being typed and not stored yet."""
        event = self.editor.event
        read_only = self.editor.read_only
        self._loading = True
        try:
            _show_text(self.title, event.title)
            _show_text(self.facilitator, event.facilitator)
            if not self._date_timer.isActive() and from_qdate(self.date.date()) != event.date:
                self.date.setDate(to_qdate(event.date))
            select_data(self.trigger, event.trigger.value)
            select_agenda(self.agenda, event.agenda_id)
            select_data(self.document_language, event.document_language or "")
            self.outline.setText(agenda_outline(self.catalog, event.agenda_id))
            self._show_goals(event)
        finally:
            self._loading = False
        for line in (self.title, self.facilitator):
            line.setReadOnly(read_only)
        for widget in (self.date, self.trigger, self.agenda, self.document_language):
            widget.setEnabled(not read_only)

    def _show_goals(self, event: Event) -> None:
        ids = [c.id for c in event.coalitions]
        if ids != [g.coalition_id for g in self.goal_edits]:
            _clear(self.goals_box)
            self.goal_edits = []
            for coalition in event.coalitions:
                edit = TopGoalEdit(self.editor, coalition.id)
                edit.setAccessibleName(_("TOP Goal of {coalition}").format(coalition=coalition.name))
                # "&" would be taken as a keyboard mnemonic in a label with a buddy.
                name = QLabel(coalition.name.replace("&", "&&"))
                name.setTextFormat(Qt.TextFormat.PlainText)
                name.setProperty("role", "muted")
                name.setWordWrap(True)
                name.setBuddy(edit)
                self.goals_box.addWidget(name)
                self.goals_box.addWidget(edit, 1)
                self.goal_edits.append(edit)
            _chain_tab_order([self.agenda, *self.goal_edits])
            self.goal_heading.setText(ngettext("TOP Goal", "TOP Goals", max(len(ids), 1)))
        for edit in self.goal_edits:
            edit.refresh()

    # Store

    def flush(self) -> None:
        """Store anything typed but not stored yet (before the form goes away)."""
        self._store_line(self.title, "title")
        self._store_line(self.facilitator, "facilitator")
        if self._date_timer.isActive():
            self._store_date()
        for edit in self.goal_edits:
            edit.flush()

    def _store(self, field: str, value: object) -> bool:
        return self.editor.update(
            _(_CHANGE_NAMES.get(field, CHANGE_DETAILS)),
            Event,
            self.editor.event_id,
            events.update_event,
            **{field: value},
        )

    def _store_line(self, line: QLineEdit, field: str) -> None:
        if self._loading or not line.isModified() or self.editor.read_only:
            return
        if line.text().strip() == getattr(self.editor.event, field):
            line.setModified(False)
            return
        if self._store(field, line.text()):
            line.setModified(False)

    def _date_typed(self) -> None:
        if not self._loading:
            self._date_timer.start()

    def _store_date(self) -> None:
        self._date_timer.stop()
        if self._loading or self.editor.read_only:
            return
        value = from_qdate(self.date.date())
        if value != self.editor.event.date:
            self._store("date", value)

    def _store_choice(self, combo: QComboBox, field: str) -> None:
        if self._loading or self.editor.read_only:
            return
        value = combo.currentData()
        current = getattr(self.editor.event, field)
        if value is not None and value != getattr(current, "value", current):
            self._store(field, value)

    def _store_language(self) -> None:
        if self._loading or self.editor.read_only:
            return
        value = self.document_language.currentData() or None
        if value != self.editor.event.document_language:
            self._store("document_language", value)

    def hideEvent(self, event: QHideEvent) -> None:
        """Store a goal still being typed before the form goes out of sight."""
        # Switching to the walk-through (or closing the window) must not lose
        # a goal typed a moment ago.
        self.flush()
        super().hideEvent(event)


def _form_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _show_text(line: QLineEdit, stored: str) -> None:
    # A line the facilitator has typed in and not yet left keeps its text.
    if not line.isModified() and line.text() != stored:
        line.setText(stored)
        # Show the start of a long title, not its end.
        line.setCursorPosition(0)


def _clear(layout: QLayout) -> None:
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()


def _chain_tab_order(widgets: list[QWidget]) -> None:
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
