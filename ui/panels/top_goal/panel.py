"""The TOP Goal step: each coalition's goal for this event, and the goals it had before."""

from __future__ import annotations

import uuid
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.dates import day
from facilitator.domain import Coalition, TopGoal
from facilitator.i18n import N_, _
from facilitator.services import coalitions, events
from facilitator.services.changes import RecordKind
from facilitator.storage.conflicts import check_shown
from ui.editing import EventEditor
from ui.panels.shared.autosave_text import AutoSaveText
from ui.panels.shared.base import RecordPanel, heading
from ui.room.slide import Draft


def _muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class GoalCard(QFrame):
    """One coalition: its goal for this event (editable) and its earlier goals."""

    def __init__(self, editor: EventEditor, coalition: Coalition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.editor = editor
        self.coalition_id = coalition.id
        self.name = heading(coalition.name, "subheading")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.goal = AutoSaveText(self._store)
        self.goal.setProperty("role", "goal")
        self.goal.setPlaceholderText(
            _("The TOP Goal of {coalition} — what the coalition works toward now").format(
                coalition=coalition.name
            )
        )
        self.goal.setAccessibleName(_("TOP Goal of {coalition}").format(coalition=coalition.name))
        self._fit_goal()
        self.name.setBuddy(self.goal)
        self.not_saved = QLabel()
        self.not_saved.setProperty("role", "danger")
        self.not_saved.setWordWrap(True)
        self.not_saved.hide()
        self.history_title = heading(_("Earlier goals"), "muted")
        self.history = QVBoxLayout()
        self.history.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.name)
        layout.addWidget(self.goal, 1)
        layout.addWidget(self.not_saved)
        layout.addWidget(self.history_title)
        layout.addLayout(self.history)

    def room_draft(self) -> Draft | None:
        """Return the goal as typed, not yet stored, for the room view; None when it is stored."""
        return Draft(self.goal.toPlainText(), key=self.coalition_id) if self.goal.unsaved else None

    def _fit_goal(self) -> None:
        # Three lines at least, in the goal's own (zoomed) font; the card grows beyond.
        self.goal.ensurePolished()
        self.goal.setMinimumHeight(self.goal.fontMetrics().lineSpacing() * 3 + 24)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._fit_goal)

    def _store(self, text: str) -> bool:
        event_id = self.editor.event_id
        coalition_id = self.coalition_id
        old = self._stored_goal()
        if self.editor.read_only:
            return False
        if text.strip() == old:
            self.not_saved.hide()
            return True
        first = [True]  # only the edit as typed is checked; a redo after undo is this window's own

        def redo(session: Session) -> None:
            if first:
                first.clear()
                # Another facilitator's goal, stored since this window showed ``old``, is not overwritten.
                stored = session.scalar(
                    select(TopGoal).where(TopGoal.event_id == event_id, TopGoal.coalition_id == coalition_id)
                )
                if stored is not None:
                    check_shown(
                        stored, {"text": old}, {"text": text}, what=_("TOP Goal"), actor=self.editor.db.actor
                    )
            events.set_top_goal(session, event_id, coalition_id, text)

        ok = self.editor.call(
            _("Change TOP Goal"), redo, lambda s: events.set_top_goal(s, event_id, coalition_id, old)
        )
        self.not_saved.setText(_("Not saved yet: {reason}").format(reason=self.editor.last_error))
        self.not_saved.setVisible(not ok)
        return ok

    def _stored_goal(self) -> str:
        for coalition in self.editor.event.coalitions:
            if coalition.id == self.coalition_id:
                return self.editor.event.goal_for(coalition)
        return ""

    def refresh(self) -> None:
        """Show the stored goal (unless typing is pending) and the earlier goals."""
        self.goal.setReadOnly(self.editor.read_only)
        self.goal.show_stored(self._stored_goal())
        event_id = self.editor.event_id
        earlier = [
            record
            for record in reversed(self.editor.read(lambda s: coalitions.goal_history(s, self.coalition_id)))
            if record.event_id != event_id and record.text.strip()
        ]
        while self.history.count():
            item = self.history.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for record in earlier:
            self.history.addWidget(_muted(f"{day(record.event_date)} — {record.text}"))
        if not earlier:
            self.history.addWidget(_muted(_("None recorded: this is the coalition's first event here.")))

    def flush(self) -> bool:
        """Store typing that is still pending."""
        return self.goal.flush()


class TopGoalPanel(RecordPanel):
    """For each coalition of the event, its TOP Goal in large editable text.

    The goal is stored when focus leaves the field or typing pauses
    (undo restores the old text); earlier goals of the coalition are shown
    underneath, newest first.
    """

    shows = frozenset(
        {
            RecordKind.EVENT,
            RecordKind.COALITION,
            RecordKind.EVENT_COALITION,
            RecordKind.TOP_GOAL,
        }
    )

    title = N_("TOP Goal")

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.cards: list[GoalCard] = []
        self._body = QWidget()
        self._cards_layout = QVBoxLayout(self._body)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setSpacing(16)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def card_for(self, coalition_id: uuid.UUID) -> GoalCard:
        """Return the card of one coalition."""
        return next(card for card in self.cards if card.coalition_id == coalition_id)

    def refresh(self) -> None:
        """Rebuild cards only when the coalitions changed, so typing is never disturbed."""
        wanted = [c.id for c in self.editor.event.coalitions]
        if wanted != [card.coalition_id for card in self.cards]:
            self._rebuild()
        for card in self.cards:
            card.refresh()

    def _rebuild(self) -> None:
        for card in self.cards:
            card.flush()
            card.hide()
            card.deleteLater()
        while self._cards_layout.count():
            self._cards_layout.takeAt(0)
        self.cards = [GoalCard(self.editor, c) for c in self.editor.event.coalitions]
        # The goals are this step's records: their cards share the page's height,
        # and each goal's box grows with its card.
        for card in self.cards:
            self._cards_layout.addWidget(card, 1)
        for before, after in pairwise(self.cards):
            QWidget.setTabOrder(before.goal, after.goal)

    def add_record(self) -> None:
        """Put the cursor in the first coalition's goal."""
        if self.cards:
            self.cards[0].goal.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def flush(self) -> None:
        """Store every goal still being typed."""
        for card in self.cards:
            card.flush()
