"""One open event: Prepare, Walk-through and Review, sharing one editor."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from facilitator.agenda.model import Agenda
from facilitator.followup.locate import Place
from facilitator.i18n import _
from ui.editing import EventEditor
from ui.panels.patterns.outcomes import OutcomesPanel
from ui.panels.patterns.patterns import PatternsPanel
from ui.prepare.page import PARTICIPANTS, PreparePage
from ui.review.page import ReviewPage
from ui.views import PREPARE, REVIEW, WALK_THROUGH
from ui.walkthrough.page import WalkthroughPage

__all__ = ["PREPARE", "REVIEW", "WALK_THROUGH", "EventScreen"]


class EventScreen(QWidget):
    """The three views of an event as tabs; the editor keeps them in step."""

    def __init__(self, editor: EventEditor, agenda: Agenda, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.prepare = PreparePage(
            editor,
            [(_("Outcomes (draft)"), OutcomesPanel(editor)), (_("Patterns (draft)"), PatternsPanel(editor))],
        )
        self.walkthrough = WalkthroughPage(editor, agenda)
        # A running step timer stops, and its reading is stored, while the
        # event can still take it: a closed event refuses every write.
        editor.about_to_close.connect(self.walkthrough.timer.pause)
        self.review = ReviewPage(editor)
        # The review's "Still open" links lead to where each item is fixed.
        self.review.open_requested.connect(self.show_record)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # Translators: the three views of an open event, as tabs.
        self.tabs.addTab(self.prepare, _("Prepare"))
        self.tabs.addTab(self.walkthrough, _("Walk-through"))
        self.tabs.addTab(self.review, _("Review"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_view(self, index: int) -> None:
        """Switch to Prepare, Walk-through or Review."""
        self.tabs.setCurrentIndex(index)

    def show_record(self, place: Place) -> None:
        """Show a record where the room worked on it.

        The walk-through step that captures its kind, else Prepare's
        participants, else the Review page. The stored step is not moved:
        looking a record up is not the room moving on.
        """
        steps = self.walkthrough.agenda.steps
        for index, step in enumerate(steps):
            if place.capture in step.captures:
                self.show_view(WALK_THROUGH)
                self.walkthrough.go_to(index, store=False)
                panel = self.walkthrough.step_contents[index].panels[step.captures.index(place.capture)]
                if place.row_id is not None:
                    panel.show_record(place.row_id)
                return
        if place.capture == "participants":
            self.show_view(PREPARE)
            self.prepare.show_section(PARTICIPANTS)
            if place.row_id is not None:
                self.prepare.participants.show_record(place.row_id)
            return
        self.show_view(REVIEW)

    def add_record(self) -> None:
        """Start adding a record where the facilitator is."""
        current = self.tabs.currentWidget()
        if hasattr(current, "add_record"):
            current.add_record()
