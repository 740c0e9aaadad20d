"""Editing an event: undoable commands over the services, and the shared editor."""

from ui.editing.editor import EventEditor

__all__ = ["EventEditor"]
