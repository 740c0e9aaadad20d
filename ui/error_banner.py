"""A plain message across the top of the window when something could not be saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator.i18n import _

#: Below this many average characters of width, the buttons go under the message.
NARROW_CHARS = 110


class ErrorBanner(QFrame):
    """Shows the latest problem until dismissed or until the next edit is saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        # A message may name a folder or file: the user can select and copy it.
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        #: What the user can do about the message ("Show folder"); hidden when there is nothing.
        self.action = QPushButton()
        self.action.clicked.connect(self._act)
        self.action.hide()
        self._do: Callable[[], object] | None = None
        dismiss = QPushButton(_("Dismiss"))
        dismiss.clicked.connect(self.hide)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.action)
        self.buttons.addWidget(dismiss)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(16, 8, 16, 8)
        self.grid.addWidget(self.label, 0, 0)
        self.grid.addLayout(self.buttons, 0, 1)
        self.grid.setColumnStretch(0, 1)
        self._below = False
        self.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # At the largest zoom on a small screen the buttons beside the text
        # would squeeze it into a narrow column that the window cuts off: there
        # they go below it, and the text has the whole width.
        below = event.size().width() < NARROW_CHARS * self.fontMetrics().averageCharWidth()
        if below != self._below:
            self._below = below
            self.grid.removeItem(self.buttons)
            if below:
                self.grid.addLayout(self.buttons, 1, 0, Qt.AlignmentFlag.AlignRight)
            else:
                self.grid.addLayout(self.buttons, 0, 1)
        super().resizeEvent(event)

    def show_not_saved(self, message: str) -> None:
        """Show why an edit was not stored; what was typed stays where it was typed for a retry."""
        self.label.setText(
            _("Not saved: {reason}. What you typed is still there — correct it or try again.").format(
                reason=message
            )
        )
        self._set_action(None)
        self.show()

    def show_message(self, message: str, action: tuple[str, Callable[[], object]] | None = None) -> None:
        """Show a problem that is not about typing (a file, an export), as one sentence.

        The message should say what did not happen and why, e.g. "The event
        file was not imported: plan.yaml:12:7: event.date: …".

        Args:
            message: The sentence; a capital and a full stop are added.
            action: A button's text and what it does, e.g. ("Show folder", …).
        """
        text = message[:1].upper() + message[1:]
        self.label.setText(text if text.endswith((".", "?", "!")) else text + ".")
        self._set_action(action)
        self.show()

    def hideEvent(self, event: QHideEvent) -> None:
        # The next message, however it is shown, must not offer this one's action.
        # Only when the banner itself was hidden, not the window around it.
        if self.isHidden():
            self._set_action(None)
        super().hideEvent(event)

    def _set_action(self, action: tuple[str, Callable[[], object]] | None) -> None:
        self._do = action[1] if action else None
        self.action.setText(action[0] if action else "")
        self.action.setVisible(action is not None)

    def _act(self) -> None:
        if self._do is not None:
            self._do()
