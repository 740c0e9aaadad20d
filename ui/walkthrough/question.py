"""The step's question: as large as the room can read it while the records keep their room."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget

from ui.widgets import heading

# Sizes the question may take (theme sizes, largest first); see resources/styles/app.qss.
LEVELS = ("question", "heading", "subheading", "body")
# Share of the page height the question may take; the rest is for the step's records.
SHARE = 0.25


class QuestionView(QScrollArea):
    """Shows the question at the largest size whose wrapped lines fit a budget of height.

    At 1080p the question keeps its full size (28 pt at 100 %). A longer
    question, a higher zoom or a shorter screen steps it down through the
    heading sizes; if even body text needs more lines than the budget, the
    question scrolls rather than push the records off the screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._budget = 10_000
        self._fitted: tuple | None = None
        self._fitting = False
        self.label = heading("", "question")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_text(self, text: str) -> None:
        """Show a question."""
        self.label.setText(text)
        self.fit()

    def text(self) -> str:
        """Return the question shown."""
        return self.label.text()

    def set_budget(self, pixels: int) -> None:
        """Let the question take at most ``pixels`` of height."""
        if pixels != self._budget:
            self._budget = max(pixels, 1)
            self.fit()

    def level(self) -> str:
        """Return the size the question is shown at (one of ``LEVELS``)."""
        return self.label.property("fit") or LEVELS[0]

    def fit(self) -> None:
        """Choose the largest size that fits the budget at the current width."""
        width = self.width()
        if width <= 0:
            return
        key = (width, self._budget, self.label.text(), self.font().pointSizeF())
        if key == self._fitted:
            return
        self._fitted = key
        self._fitting = True
        try:
            needed = 0
            for level in LEVELS:
                self._apply(level)
                needed = self.label.heightForWidth(width)
                if needed < 0:  # not laid out yet
                    needed = self.label.sizeHint().height()
                if needed <= self._budget:
                    break
        finally:
            self._fitting = False
        self.setFixedHeight(min(needed, self._budget))

    def _apply(self, level: str) -> None:
        if self.label.property("fit") != level:
            self.label.setProperty("fit", level)
            self.label.style().unpolish(self.label)
            self.label.style().polish(self.label)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # QScrollArea filters its widget's events too: this sees the question's.
        if (
            watched is self.label
            and not self._fitting
            and event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange)
        ):
            # A new zoom or theme restyled the question: fit again once every
            # widget has its new font.
            self._fitted = None
            QTimer.singleShot(0, self, self.fit)
        return super().eventFilter(watched, event)
