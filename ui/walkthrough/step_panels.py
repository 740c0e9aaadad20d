"""Which panels a step shows, from the kinds of records its agenda step captures."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from facilitator.agenda.model import AgendaStep
from facilitator.i18n import _
from ui.editing import EventEditor
from ui.panels.agreements.agreements import AgreementsPanel
from ui.panels.agreements.capacity_view import CapacityView
from ui.panels.patterns.boundaries import BoundariesPanel
from ui.panels.patterns.outcomes import OutcomesPanel
from ui.panels.patterns.patterns import PatternsPanel
from ui.panels.people.participants import ParticipantsPanel
from ui.panels.shared.base import RecordPanel, RecordTable, heading
from ui.panels.top_goal.panel import TopGoalPanel
from ui.walkthrough.question import SHARE
from ui.widgets import FillingScrollArea


def _adoption_review(editor: EventEditor) -> RecordPanel:
    # Imported when an agenda has the step: it brings the adoption tracker's
    # read model and table, which most events never need (30–45 ms per open).
    from ui.panels.agreements.adoption_review import AdoptionReviewPanel

    return AdoptionReviewPanel(editor)


PANELS: dict[str, Callable[[EventEditor], RecordPanel]] = {
    "top_goal": TopGoalPanel,
    "participants": ParticipantsPanel,
    "outcomes": OutcomesPanel,
    "patterns": PatternsPanel,
    "boundaries": BoundariesPanel,
    "agreements": AgreementsPanel,
    "capacity": CapacityView,
    "adoption_review": _adoption_review,
}
# Share of the page's height the question may take on a step: the agreements,
# the earlier agreements under review, and the outcomes and patterns (two
# tables sharing the height) need the most room, so there the question gives way more.
QUESTION_SHARES = {"agreements": 0.2, "adoption_review": 0.2, "outcomes": 0.2, "patterns": 0.2}
# The capacity view is a strip above the agreements (they need the width more
# than it needs the height); other panels share the height.
_STRIPS = {"capacity"}


class StepContent(QWidget):
    """The panels of one agenda step, laid out for a projector."""

    def __init__(self, editor: EventEditor, step: AgendaStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panels: list[RecordPanel] = [PANELS[kind](editor) for kind in step.captures]
        self.editor = editor
        #: The most of the page's height the question may take while this step is shown.
        self.question_share = min((QUESTION_SHARES.get(kind, SHARE) for kind in step.captures), default=SHARE)
        # Takes the focus when the room arrives at a step with no field to type in.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if not self.panels:
            note = heading(_("Nothing to record in this step — talk, then go on (Page Down)."), "muted")
            layout.addWidget(note, 0, Qt.AlignmentFlag.AlignTop)
            return
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        captured = list(zip(step.captures, self.panels, strict=True))
        shared = [panel for kind, panel in captured if kind not in _STRIPS]
        for kind, panel in captured:
            if kind in _STRIPS:
                body_layout.addWidget(panel)
        if len(shared) == 1:
            body_layout.addWidget(shared[0], 1)
        elif shared:
            stacked = QSplitter(Qt.Orientation.Vertical)
            stacked.setChildrenCollapsible(False)
            for index, panel in enumerate(shared):
                stacked.addWidget(panel)
                stacked.setStretchFactor(index, 1)  # an equal share each: both are the step's records
            body_layout.addWidget(stacked, 1)
        # The panels fill the page; at a zoom where their smallest readable size
        # is taller than the page, the step scrolls instead of cutting them off.
        self.scroll_area = FillingScrollArea(body)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.scroll_area)

    def set_compact(self, compact: bool) -> None:
        """On a short page (a 720p projector) a table row shows two lines of text, not three."""
        for table in self.findChildren(RecordTable):
            lines = 2 if compact else 3
            if table.max_lines not in (None, lines) and getattr(table, "compact_lines", True):
                table.max_lines = lines
                table.schedule_fit()

    def focus_first(self) -> None:
        """Put the keyboard cursor in the step's first field (the room has just arrived here).

        That is where the step's first record starts (what Ctrl+Enter does);
        a step with nothing to type in, or a closed event, takes the focus
        itself so keys never act on the step the room has left.
        """
        if not self.editor.read_only:
            for panel in self.panels:
                first = getattr(panel, "focus_first", None)
                if first is not None and first():
                    return
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_record(self) -> None:
        """Start adding in the panel that has focus, else in the step's first panel.

        Panels that only show figures (the capacity view) add nothing, so the
        action goes to the first panel instead of doing nothing.
        """
        focused = self.focusWidget()
        addable = [p for p in self.panels if type(p).add_record is not RecordPanel.add_record]
        for panel in addable:
            if focused is not None and panel.isAncestorOf(focused):
                panel.add_record()
                return
        if addable:
            addable[0].add_record()
