"""The app's shortcuts win over a text field's own key bindings, except where the field obviously should.

A QLineEdit claims keys for itself before any shortcut sees them: Ctrl+Z and
Ctrl+Shift+Z always (even with nothing to undo), and on X11 the Emacs keys
Ctrl+U (delete the line) and Ctrl+E (end of line) too. So in the search box
Ctrl+U cleared the search instead of opening the adoption tracker, and after
adding a record Ctrl+Z brought the typed text back instead of removing the
record. The rule here, the same in every field:

* a key bound to one of the app's actions goes to the action;
* except undo and redo while the field has typing of its own to undo or
  redo: then the field takes them, as in every editor;
* and except a key that types a character (the room view's B, W and "."):
  in a field it is text.

The filter is installed on a text field when it first gets the focus, so no
Python code runs for the events of every other widget.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from ui.actions import first_key

_GUARDED = "scaleAcrossFieldShortcuts"


class FieldShortcuts(QObject):
    """Routes the app's shortcut keys away from focused text fields (see the module docstring).

    Args:
        sequences: Every key sequence the app's actions answer to.
        parent: Owner; the routing ends when it is deleted.
    """

    def __init__(self, sequences: Iterable[QKeySequence], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = {first_key(seq).toCombined() for seq in sequences if seq.count() == 1}
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            raise RuntimeError("FieldShortcuts needs a running QApplication")
        app.focusChanged.connect(self._on_focus)

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if (
            new is None
            or new.property(_GUARDED)
            or not isinstance(new, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox))
        ):
            return
        new.setProperty(_GUARDED, True)
        new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Let an app shortcut's key past the focused field (see the module docstring)."""
        if (
            not isinstance(event, QKeyEvent)
            or event.type() != QEvent.Type.ShortcutOverride
            or event.keyCombination().toCombined() not in self._keys
        ):
            return False
        if _typed(event):
            # A clicker's B, W and "." are letters in a field: typing wins.
            return False
        if event.matches(QKeySequence.StandardKey.Undo) and _can(watched, "undo"):
            return False
        if event.matches(QKeySequence.StandardKey.Redo) and _can(watched, "redo"):
            return False
        # Not accepted as an override: the shortcut system gives the key to the action.
        event.ignore()
        return True


def _typed(event: QKeyEvent) -> bool:
    """Return whether the key types a character (no Ctrl, Alt or Meta held)."""
    held = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    return held == Qt.KeyboardModifier.NoModifier and event.text().isprintable() and bool(event.text())


def _can(field: QObject | None, what: str) -> bool:
    """Return whether the field has typing of its own to undo (or redo)."""
    if isinstance(field, QAbstractSpinBox):
        field = field.findChild(QLineEdit)
    if isinstance(field, QLineEdit):
        return field.isUndoAvailable() if what == "undo" else field.isRedoAvailable()
    if isinstance(field, (QPlainTextEdit, QTextEdit)):
        document = field.document()
        return document.isUndoAvailable() if what == "undo" else document.isRedoAvailable()
    return False
