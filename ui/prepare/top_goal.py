"""The TOP Goal of one coalition, stored while the facilitator types it."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QWidget

from facilitator.domain import Coalition
from facilitator.i18n import _
from facilitator.services import events
from ui.editing import EventEditor
from ui.panels.shared.autosave_text import AutoSaveText


class TopGoalEdit(AutoSaveText):
    """Edits the TOP Goal a coalition states at the open event.

    What is typed is stored through ``events.set_top_goal`` when the cursor
    leaves the field or after a short pause in typing, as one undoable edit
    each time; nothing waits for a Save button.

    Args:
        editor: the open event's editor.
        coalition_id: the coalition whose goal this is.
        parent: the owning widget.
    """

    def __init__(self, editor: EventEditor, coalition_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(self._store_goal, parent=parent)
        self.editor = editor
        self.coalition_id = coalition_id
        self.setProperty("role", "goal")
        self.setPlaceholderText(_("What is the current TOP Goal?"))
        self.refresh()

    def stored_text(self) -> str:
        """Return the goal as stored for this event."""
        coalition = self._coalition()
        return "" if coalition is None else self.editor.event.goal_for(coalition)

    def refresh(self) -> None:
        """Show the stored goal, unless the facilitator is typing something newer."""
        self.setReadOnly(self.editor.read_only)
        self.show_stored(self.stored_text())

    def _coalition(self) -> Coalition | None:
        return next((c for c in self.editor.event.coalitions if c.id == self.coalition_id), None)

    def _store_goal(self, text: str) -> bool:
        old = self.stored_text()
        if self.editor.read_only:
            return False
        if text.strip() == old.strip():
            return True
        event_id, coalition_id = self.editor.event_id, self.coalition_id
        coalition = self._coalition()
        what = (
            # Translators: an edit the Edit menu can undo
            _("Change the TOP Goal of {coalition}").format(coalition=coalition.name)
            if coalition
            else _("Change the TOP Goal of the coalition")
        )
        return self.editor.call(
            what,
            lambda session: events.set_top_goal(session, event_id, coalition_id, text),
            lambda session: events.set_top_goal(session, event_id, coalition_id, old),
        )
