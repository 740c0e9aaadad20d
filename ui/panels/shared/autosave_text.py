"""A multi-line text field that stores itself while the facilitator types."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from facilitator.services.common import clean_text
from facilitator.services.errors import ServiceError

IDLE_MS = 800


def _same_text(a: str, b: str) -> bool:
    try:
        return clean_text(a, "text") == clean_text(b, "text")
    except ServiceError:  # too long to be equal to anything stored
        return False


class AutoSaveText(QPlainTextEdit):
    """Calls ``store(text) -> bool`` when focus leaves or typing pauses.

    Text typed but not yet stored is never overwritten by a redraw; when
    storing fails the text stays (``unsaved`` is True) and is retried at the
    next pause or focus change, so nothing typed is lost.
    """

    def __init__(
        self, store: Callable[[str], bool], idle_ms: int = IDLE_MS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._dirty = False
        self._loading = False
        self.setTabChangesFocus(True)
        self._timer = QTimer(self, singleShot=True, interval=idle_ms)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._on_text_changed)

    @property
    def unsaved(self) -> bool:
        """Return True while typed text is not yet stored."""
        return self._dirty

    def show_stored(self, text: str) -> None:
        """Show the stored ``text`` unless the field holds typing not yet stored."""
        if self._dirty or _same_text(self.toPlainText(), text):
            return
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False

    def reset(self, text: str) -> None:
        """Show ``text`` as stored, dropping anything pending (the field now edits another record)."""
        self._timer.stop()
        self._dirty = False
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False

    def flush(self) -> bool:
        """Store pending text now; return False when storing failed."""
        self._timer.stop()
        if not self._dirty:
            return True
        text = self.toPlainText()
        if self._store(text):
            # Typing during the store (not possible today, cheap to respect) stays dirty.
            self._dirty = self.toPlainText() != text
            return True
        return False

    def _on_text_changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._timer.start()

    def focusOutEvent(self, event) -> None:
        self.flush()
        super().focusOutEvent(event)

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)
