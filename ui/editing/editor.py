"""The one object every screen edits an event through."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy import inspect
from sqlalchemy.orm import Session

from facilitator.domain import Base, Event
from facilitator.i18n import _
from facilitator.services import events
from facilitator.services.changes import Changes, track_changes
from facilitator.services.errors import ServiceError
from facilitator.services.loaded_event import LoadedEvent
from facilitator.services.stamps import event_stamp
from facilitator.storage import Database, StorageError
from facilitator.storage.errors import ConflictError
from ui.editing.commands import (
    ServiceCommand,
    Work,
    add_command,
    remove_command,
    update_command,
)


class EventEditor(QObject):
    """Holds the open event, its undo stack, and the database it is saved in.

    Every change goes through ``apply`` as one transaction; when it commits,
    the loaded event catches up with what the change did (the records it
    updated are read again; the whole event only when records came or went),
    ``saved`` carries the time and ``changed`` carries the
    :class:`~facilitator.services.changes.Changes`, so each screen redraws only
    when what it shows changed. A failed change emits ``failed`` with a message
    for the window and leaves the stored data as it was.
    """

    #: What one stored action changed (a ``Changes``); empty when it changed nothing.
    changed = Signal(object)
    saved = Signal(object)  # datetime.datetime of the commit
    failed = Signal(str)
    #: Another facilitator changed what an edit was about to overwrite (a
    #: ``ConflictError``); the event was loaded again to show their change. The
    #: second argument re-applies the refused edit, or is None.
    conflicted = Signal(object, object)
    #: The event is about to be closed: store what must be stored while it is
    #: still open (the step timer's reading).
    about_to_close = Signal()

    def __init__(self, db: Database, event_id: uuid.UUID, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.undo_stack = QUndoStack(self)
        self.last_error = ""
        self._loaded: LoadedEvent | None = None
        #: What re-applies the edit being pushed, should it meet a conflict.
        self._retry: Callable[[], object] | None = None
        #: The event's stamp when this window last loaded or stored it (shared databases).
        self.stamp: tuple[object, ...] | None = None
        self.reload()

    # Shadows QObject.event(QEvent) only for the type checker: PySide6 takes a
    # Python override of a Qt virtual only when it is a method, so Qt's own
    # event dispatch to the editor is unaffected.
    @property
    def event(self) -> Event:  # type: ignore[override]
        """Return the event as last loaded (a detached, fully loaded object graph)."""
        assert self._loaded is not None
        return self._loaded.event

    @property
    def read_only(self) -> bool:
        """Return True for a closed event (history until reopened) or a database this role may only read."""
        return self.event.status.value == "closed" or self.db.read_only

    def read_only_note(self, closed: str) -> str:
        """Say why nothing can change here: ``closed`` for a closed event, else the role's limit."""
        if self.db.read_only:
            return _("Read-only: your role on the shared database may read this event but not change it.")
        return closed

    def reload(self) -> None:
        """Load the event and everything in it from the database."""
        with self.db.transaction() as session:
            self._loaded = LoadedEvent(session, self.event_id)
            if self.db.shared:
                self.stamp = event_stamp(session, self.event_id)

    def shown(self, kind: type[Base], record_id: uuid.UUID) -> Base | None:
        """Return a record as this window shows it (None if it is not part of the loaded event)."""
        assert self._loaded is not None
        return self._loaded.record(kind, record_id)

    def refresh_if_changed_elsewhere(self) -> bool:
        """Load the event again if another window stored a change to it; return whether it did.

        Only on a shared database: a file has one window. The screens redraw
        as after a full load; the caller keeps focus and typed text.
        """
        if not self.db.shared:
            return False
        try:
            with self.db.transaction() as session:
                stamp = event_stamp(session, self.event_id)
        except StorageError:
            return False  # the server is away for a moment: the next poll tries again
        if stamp == self.stamp:
            return False
        self.reload()
        assert self._loaded is not None
        self.changed.emit(self._loaded.everything())
        return True

    def read(self, work: Callable[[Session], Any]) -> Any:
        """Run a read-only query in its own transaction and return its result."""
        with self.db.transaction() as session:
            return work(session)

    def apply(self, work: Work) -> tuple[bool, Any]:
        """Run one change as one transaction; report saved or failed."""
        try:
            with self.db.transaction() as session:
                tracked = track_changes(session)
                result = work(session)
        except ConflictError as exc:
            self.last_error = str(exc)
            self.reload()
            assert self._loaded is not None
            self.changed.emit(self._loaded.everything())
            self.conflicted.emit(exc, self._retry)
            return False, None
        except (StorageError, ServiceError) as exc:
            self.last_error = str(exc)
            self.failed.emit(str(exc))
            return False, None
        self.last_error = ""
        changes = tracked.changes
        self._catch_up(changes)
        self.saved.emit(dt.datetime.now())
        self.changed.emit(changes)
        return True, result

    def _catch_up(self, changes: Changes) -> None:
        """Bring the loaded event in step with ``changes``: in place if it can, else whole."""
        if not changes:
            return
        assert self._loaded is not None
        with self.db.transaction() as session:
            caught_up = self._loaded.catch_up(session, changes)
            if caught_up and self.db.shared:
                self.stamp = event_stamp(session, self.event_id)
        if not caught_up:
            self.reload()

    def store(self, work: Work) -> bool:
        """Store bookkeeping that is not an edit to undo (current step, timer readings).

        The event is not reloaded and screens are not redrawn: these writes
        change nothing the panels show, and step switching must stay instant.
        """
        try:
            with self.db.transaction() as session:
                # On a shared database this window's own bookkeeping must not
                # look like someone else's change to the next poll; a change
                # that did come in meanwhile still does.
                before = event_stamp(session, self.event_id) if self.db.shared else None
                work(session)
                if before is not None and before == self.stamp:
                    session.flush()
                    self.stamp = event_stamp(session, self.event_id)
        except (StorageError, ServiceError) as exc:
            self.last_error = str(exc)
            self.failed.emit(str(exc))
            return False
        self.saved.emit(dt.datetime.now())
        return True

    def close_event(self) -> bool:
        """Close the event: it becomes history. Not undoable; return whether it was stored.

        Closing and reopening are deliberate, confirmed steps, never an undo:
        one Ctrl+Z must not turn the room's record back into a running event.
        The undo history ends here, as the edits in it can no longer be undone
        on a closed event anyway.
        """
        self.about_to_close.emit()
        return self._settle(lambda session: events.close_event(session, self.event_id))

    def reopen_event(self) -> bool:
        """Make a closed event editable again. Not undoable; return whether it was stored.

        The history starts afresh: undo must not reach back past the close.
        """
        return self._settle(lambda session: events.reopen_event(session, self.event_id))

    def _settle(self, work: Work) -> bool:
        ok, _result = self.apply(work)
        if ok:
            self.undo_stack.clear()
        return ok

    def push(self, command: ServiceCommand) -> bool:
        """Apply an undoable command; return whether it was stored."""
        self.undo_stack.push(command)
        return command.ok

    def call(self, text: str, redo: Work, undo: Work) -> bool:
        """Apply an undoable change given as a pair of service calls."""
        return self.push(ServiceCommand(self, text, redo, undo))

    def add(
        self,
        text: str,
        kind: type[Base],
        add: Callable[[Session, uuid.UUID], Any],
        *,
        event_id: uuid.UUID | None = None,
    ) -> Any:
        """Add a record (``add(session, record_id)``); return the record or None."""
        command = add_command(self, text, kind, add, event_id=event_id)
        return command.result if self.push(command) else None

    def remove(
        self, text: str, kind: type[Base], record_id: uuid.UUID, *, event_id: uuid.UUID | None = None
    ) -> bool:
        """Remove a record so that undo restores it exactly."""
        return self.push(remove_command(self, text, kind, record_id, event_id=event_id))

    def update(
        self,
        text: str,
        kind: type[Base],
        record_id: uuid.UUID,
        update: Callable[..., Any],
        /,
        **changes: object,
    ) -> bool:
        """Change fields of a record through its update service.

        The leading parameters are positional-only, so records with fields
        called ``kind`` or ``text`` (outcomes, patterns, boundaries) can be
        changed as ``update(..., kind=...)`` / ``update(..., text=...)``.
        """
        shown = self.shown(kind, record_id)
        columns = {attr.key for attr in inspect(kind).column_attrs}
        before = {name: getattr(shown, name) for name in changes if name in columns} if shown else {}
        self._retry = lambda: self.update(text, kind, record_id, update, **changes)
        try:
            return self.push(update_command(self, text, kind, record_id, update, changes, shown=before))
        finally:
            self._retry = None
