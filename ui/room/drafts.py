"""Text being typed and not stored yet, for the room view: the room reads it as it is typed.

A multi-line field stores after a pause, a quick-add line on Enter; the room
should not wait for either. The widget that holds such text offers it with a
``room_draft()`` method (the quick-add line, the TOP Goal card) returning a
:class:`~ui.room.slide.Draft`.
"""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from ui.room.slide import Draft


class TypingWatch(QObject):
    """Emits ``typed`` for each change of the focused text field, and when the focus moves."""

    typed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._connection: QMetaObject.Connection | None = None
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._connection is not None:
            # False, not an error, when the field is gone with its connection.
            QObject.disconnect(self._connection)
            self._connection = None
        if isinstance(new, (QLineEdit, QPlainTextEdit)):
            self._connection = new.textChanged.connect(self.typed)
        # Leaving a field ends its draft on the room view.
        self.typed.emit()


def draft_in(content: QWidget) -> Draft | None:
    """Return what is being typed inside ``content`` and not stored yet, or None.

    Asked of the focused field's nearest ancestor with a ``room_draft()``.
    """
    widget = QApplication.focusWidget()
    if widget is None or not content.isAncestorOf(widget):
        return None
    while widget is not None and widget is not content:
        source = getattr(widget, "room_draft", None)
        if callable(source):
            draft = source()
            return draft if isinstance(draft, Draft) else None
        widget = widget.parentWidget()
    return None
