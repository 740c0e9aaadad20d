"""Undo commands. Each one calls services in a unit of work; none touches widgets."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from facilitator.domain import Base
from facilitator.i18n import N_, _
from facilitator.services.removal import Removed, remove_record, restore_record
from facilitator.storage.conflicts import check_shown

if TYPE_CHECKING:
    from ui.editing.editor import EventEditor

Work = Callable[[Session], Any]


class ServiceCommand(QUndoCommand):
    """Runs ``redo_work``/``undo_work`` through the editor, one transaction each.

    When the first redo fails (disk full, a refused value) the command marks
    itself obsolete, so QUndoStack drops it and nothing half-done is left on
    the undo stack; ``ok`` tells the caller what happened.
    """

    def __init__(self, editor: EventEditor, text: str, redo_work: Work, undo_work: Work) -> None:
        super().__init__(text)
        self._editor = editor
        self._redo_work = redo_work
        self._undo_work = undo_work
        self.ok = False
        self.result: Any = None

    def redo(self) -> None:
        """Apply the change (Qt calls this on push and on every redo)."""
        ok, result = self._editor.apply(self._redo_work)
        if not self.ok and not ok:
            self.setObsolete(True)
            return
        self.ok = self.ok or ok
        if ok:
            self.result = result

    def undo(self) -> None:
        """Take the change back."""
        self._editor.apply(self._undo_work)


def add_command(
    editor: EventEditor,
    text: str,
    kind: type[Base],
    add: Callable[[Session, uuid.UUID], Any],
    *,
    event_id: uuid.UUID | None = None,
) -> ServiceCommand:
    """Return a command that adds a record under a fixed id, and removes it on undo."""
    record_id = uuid.uuid4()
    return ServiceCommand(
        editor,
        text,
        lambda session: add(session, record_id),
        lambda session: remove_record(session, kind, record_id, event_id=event_id),
    )


def remove_command(
    editor: EventEditor,
    text: str,
    kind: type[Base],
    record_id: uuid.UUID,
    *,
    event_id: uuid.UUID | None = None,
) -> ServiceCommand:
    """Return a command that removes a record and restores it exactly on undo."""
    state: dict[str, Removed] = {}

    def redo(session: Session) -> None:
        state["removed"] = remove_record(session, kind, record_id, event_id=event_id)

    def undo(session: Session) -> None:
        restore_record(session, state["removed"])

    return ServiceCommand(editor, text, redo, undo)


def update_command(
    editor: EventEditor,
    text: str,
    kind: type[Base],
    record_id: uuid.UUID,
    update: Callable[..., Any],
    changes: dict[str, Any],
    *,
    read_old: Callable[[Session], dict[str, Any]] | None = None,
    shown: dict[str, Any] | None = None,
) -> ServiceCommand:
    """Return a command that changes fields, remembering the old values for undo.

    ``update(session, record_id, **changes)`` is the service. ``read_old``
    reads the current values where they are not plain columns of ``kind``.
    ``shown`` holds the fields' values as the window showed them: should
    another facilitator have stored something else meanwhile, the first
    redo stores nothing and raises ``ConflictError`` (see
    ``facilitator.storage.conflicts.check_shown``).
    """
    old: dict[str, Any] = {}

    def redo(session: Session) -> None:
        if not old:
            if read_old is not None:
                old.update(read_old(session))
            else:
                record = session.get(kind, record_id)
                if record is not None and shown:
                    check_shown(record, shown, changes, what=_what(kind), actor=editor.db.actor)
                old.update({name: getattr(record, name) for name in changes})
        update(session, record_id, **changes)

    def undo(session: Session) -> None:
        update(session, record_id, **old)

    return ServiceCommand(editor, text, redo, undo)


# The kinds of record an edit can meet a conflict on, named for the message that says so;
# translated where the message is made.
_KIND_NAMES = {
    # Translators: a kind of record, in "… changed the title of this {what} …"
    "Event": N_("event"),
    # Translators: a kind of record, in "… changed the title of this {what} …"
    "Outcome": N_("outcome"),
    # Translators: a kind of record, in "… changed the name of this {what} …"
    "Pattern": N_("pattern"),
    # Translators: a kind of record, in "… changed the text of this {what} …"
    "BoundaryCondition": N_("boundary condition"),
    # Translators: a kind of record, in "… changed the notes of this {what} …"
    "Agreement": N_("agreement"),
    # Translators: a kind of record, in "… changed the amount of this {what} …"
    "SupportItem": N_("support item"),
    # Translators: a kind of record, in "… changed the team of this {what} …"
    "Participant": N_("participant"),
}


def _what(kind: type[Base]) -> str:
    """Name a kind of record for a message: ``BoundaryCondition`` is "boundary condition" (translated)."""
    name = _KIND_NAMES.get(kind.__name__)
    if name is not None:
        return _(name)
    return re.sub(r"(?<!^)(?=[A-Z])", " ", kind.__name__).lower()
