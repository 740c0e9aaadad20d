"""Preparing an event before the meeting: details, people, capacity, drafts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from facilitator.agenda import AgendaCatalog
from facilitator.dates import day
from facilitator.i18n import N_, _
from facilitator.numbers import integer
from facilitator.services.changes import Changes, RecordKind
from ui.editing import EventEditor
from ui.panels.people.capacity import CapacityPanel
from ui.panels.people.participants import ParticipantsPanel
from ui.panels.shared.base import heading
from ui.prepare.details import EventDetailsForm
from ui.widgets import FillingScrollArea

DETAILS, PARTICIPANTS, CAPACITY = range(3)


CLOSED_NOTE = N_("This event is closed; reopen it (File menu) to change it.")


class PreparePage(QWidget):
    """Everything a facilitator sets up before the room meets, one section per tab.

    Tabs keep each section big enough to read on a 1280×720 projector
    instead of one long page to scroll; Ctrl+Tab / Ctrl+Shift+Tab switch
    between them.

    Args:
        editor: the open event's editor; every change goes through it.
        extra_panels: (tab title, widget) pairs shown after the built-in
            sections, e.g. draft outcomes and patterns.
        catalog: the agendas to offer; loaded when not given.
        parent: the owning widget.
    """

    def __init__(
        self,
        editor: EventEditor,
        extra_panels: Sequence[tuple[str, QWidget]] = (),
        catalog: AgendaCatalog | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.title = heading("", "heading")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.closed_note = QLabel(_(CLOSED_NOTE))
        self.closed_note.setProperty("role", "muted")
        self.details = EventDetailsForm(editor, catalog)
        self.participants = ParticipantsPanel(editor)
        self.capacity = CapacityPanel(editor)

        self.tabs = QTabWidget()
        # Translators: a tab of Prepare: the event's title, date, agenda and goals
        self.tabs.addTab(_padded(self.details, shrink=False), _("Details"))
        self.tabs.addTab(_padded(self.participants), _("Participants"))
        self.tabs.addTab(_padded(self.capacity), _("Support capacity"))
        self._sections: list[QWidget] = [self.details, self.participants, self.capacity]
        for text, panel in extra_panels:
            self.tabs.addTab(_padded(panel), text)
            self._sections.append(panel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.closed_note)
        layout.addWidget(self.tabs, 1)
        editor.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        # The title names the coalitions and the date; a tab counts the people.
        if changes.touches(
            RecordKind.EVENT, RecordKind.EVENT_COALITION, RecordKind.COALITION, RecordKind.PARTICIPANT
        ):
            self.refresh()

    def refresh(self) -> None:
        """Redraw the title and the tab labels (with counts) from the event."""
        event = self.editor.event
        names = " + ".join(c.name for c in event.coalitions)
        # Translators: the heading of Prepare: the coalitions' names, then the event's date
        self.title.setText(_("Prepare: {coalitions} — {date}").format(coalitions=names, date=day(event.date)))
        self.closed_note.setVisible(self.editor.read_only)
        self.closed_note.setText(self.editor.read_only_note(_(CLOSED_NOTE)))
        # Translators: the Participants tab, with how many there are
        label = _("Participants ({count})").format(count=integer(len(event.participants)))
        self.tabs.setTabText(PARTICIPANTS, label)

    def show_section(self, index: int) -> None:
        """Show one section (DETAILS, PARTICIPANTS, CAPACITY, then the extras)."""
        self.tabs.setCurrentIndex(index)

    def current_section(self) -> QWidget:
        """Return the panel (or form) of the visible section."""
        return self._sections[self.tabs.currentIndex()]

    def add_record(self) -> None:
        """Start adding a record in the visible section (Ctrl+Enter).

        The details have nothing to add, so there it starts a participant.
        """
        section = self.current_section()
        if section is self.details:
            self.focus_first()
        elif hasattr(section, "add_record"):
            section.add_record()

    def focus_first(self) -> None:
        """Show Participants with the cursor in the name field."""
        self.show_section(PARTICIPANTS)
        self.participants.add_record()


def _padded(panel: QWidget, *, shrink: bool = True) -> QWidget:
    # Each section fills its tab; at a zoom where its smallest readable size is
    # taller than the tab (a 720p projector), it scrolls instead of being cut off.
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(16, 16, 16, 16)
    layout.addWidget(panel)
    return FillingScrollArea(holder, shrink=shrink)
