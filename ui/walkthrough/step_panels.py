"""Which panels a step shows, from the kinds of records its agenda step captures."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from facilitator.agenda.model import AgendaStep
from ui.editing import EventEditor
from ui.panels.agreements import AgreementsPanel
from ui.panels.base import RecordPanel, heading
from ui.panels.boundaries import BoundariesPanel
from ui.panels.capacity_view import CapacityView
from ui.panels.outcomes import OutcomesPanel
from ui.panels.participants import ParticipantsPanel
from ui.panels.patterns import PatternsPanel
from ui.panels.top_goal import TopGoalPanel

def _adoption_review(editor: EventEditor) -> RecordPanel:
    # Imported when an agenda has the step: it brings the adoption tracker's
    # read model and table, which most events never need (30–45 ms per open).
    from ui.panels.adoption_review import AdoptionReviewPanel

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
# The capacity view sits beside the agreements; other panels share the height.
_SIDE_BY_SIDE = {"capacity"}


class StepContent(QWidget):
    """The panels of one agenda step, laid out for a projector."""

    def __init__(self, editor: EventEditor, step: AgendaStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QVBoxLayout

        self.panels: list[RecordPanel] = [PANELS[kind](editor) for kind in step.captures]
        # Takes the focus when the room arrives at the step (see WalkthroughPage.go_to).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if not self.panels:
            note = heading("Nothing to record in this step — talk, then go on (Page Down).", "muted")
            layout.addWidget(note, 0, Qt.AlignmentFlag.AlignTop)
            return
        if len(self.panels) == 1:
            layout.addWidget(self.panels[0])
            return
        stacked = QSplitter(Qt.Orientation.Vertical)
        side = QSplitter(Qt.Orientation.Horizontal)
        for kind, panel in zip(step.captures, self.panels):
            (side if kind in _SIDE_BY_SIDE else stacked).addWidget(panel)
        if side.count():
            side.insertWidget(0, stacked)
            side.setStretchFactor(0, 3)
            side.setStretchFactor(1, 1)
            layout.addWidget(side)
        else:
            layout.addWidget(stacked)

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
