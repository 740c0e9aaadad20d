"""The walk-through's side column: the agenda, the step timer, and the facilitator's prompts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from ui.walkthrough.step_list import StepList
from ui.widgets import heading

# The column is as wide as this many average characters of body text (320 pixels
# at 100 %), and never more than this share of the page: the records come first.
WIDTH_CHARS = 27
MAX_SHARE = 0.3
# The column may take up to this share when the prompts' longest word needs it (a word cannot wrap).
WORD_SHARE = 0.36
# Lines of prompts kept in view when the steps need the column's height.
PROMPT_LINES = 3


class AgendaColumn(QWidget):
    """Where the room is (the steps), how long it took (timer), and what to ask (prompts).

    The column grows with the zoom up to a share of the page; its texts wrap,
    the two timer buttons stack when they no longer fit side by side, and when
    the page is short the step list and the prompts scroll, the steps first.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading(_("Agenda"), "subheading")
        self.step_list = StepList()
        # Rows measured anew (a new width or zoom): share the height again.
        self.step_list.fitted.connect(lambda: QTimer.singleShot(0, self, self.fit))
        self.timer_label = QLabel()
        self.timer_label.setProperty("role", "timer")
        self.timer_label.setWordWrap(True)
        self.timer_button = QPushButton()
        # Translators: a button that sets the step timer back to zero
        self.reset_button = QPushButton(_("Reset"))
        self.buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.buttons.addWidget(self.timer_button, 1)
        self.buttons.addWidget(self.reset_button)
        self.total_label = QLabel()
        self.total_label.setProperty("role", "muted")
        self.total_label.setWordWrap(True)
        # Prompts are for the facilitator: they sit beside the agenda, not
        # between the question and what the room is saying.
        self.prompts_label = heading("", "prompt")
        self.prompts_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.prompts_area = QScrollArea()
        self.prompts_area.setWidgetResizable(True)
        self.prompts_area.setFrameShape(QFrame.Shape.NoFrame)
        self.prompts_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.prompts_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.prompts_area.setWidget(self.prompts_label)
        # Below its scroll bar's own minimum too: the steps and the timer come
        # first, and a larger zoom must not push the window off the screen.
        self.prompts_area.setMinimumHeight(1)

        # While presenting, the room view's preview (ui/room/preview.py) sits on top.
        self.preview_slot = QVBoxLayout()
        self.preview_slot.setContentsMargins(0, 0, 0, 0)
        self.preview: QWidget | None = None

        self._column = QVBoxLayout(self)
        layout = self._column
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.preview_slot)
        layout.addWidget(self.title)
        layout.addWidget(self.step_list)
        layout.addSpacing(8)
        layout.addWidget(self.timer_label)
        layout.addLayout(self.buttons)
        layout.addWidget(self.total_label)
        layout.addSpacing(8)
        layout.addWidget(self.prompts_area, 1)
        layout.addStretch(0)
        self._fitting = False

    def set_preview(self, preview: QWidget | None) -> None:
        """Show the room view's preview at the top of the column (None takes it out)."""
        if self.preview is not None:
            self.preview_slot.removeWidget(self.preview)
        self.preview = preview
        if preview is not None:
            self.preview_slot.addWidget(preview)
        self._fitted: tuple[object, ...] | None = None
        QTimer.singleShot(0, self, self.fit)

    def preferred_width(self, page_width: int) -> int:
        """Return the column's width on a page ``page_width`` pixels wide.

        Wide enough for the longest word of the prompts too (a word cannot
        wrap), with their padding and two scroll bars (the prompts', and the
        column's own on a short page).
        """
        wanted = self.fontMetrics().averageCharWidth() * WIDTH_CHARS
        metrics = self.prompts_label.fontMetrics()
        key = (self.prompts_label.text(), metrics.height())
        if key != getattr(self, "_longest", (None, 0))[0]:
            words = key[0].split()
            self._longest = (key, max((metrics.horizontalAdvance(word) for word in words), default=0))
        most = int(page_width * MAX_SHARE)
        if self._longest[1]:
            bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            word = max(self._longest[1] + 64, self.prompts_label.minimumSizeHint().width() + 2 * bar + 4)
            wanted = max(wanted, word)
            most = max(most, min(word, int(page_width * WORD_SHARE)))
        return max(min(wanted, most), 120)

    def fit(self) -> None:
        """Stack the timer buttons if they do not fit side by side; share the height."""
        if self._fitting:
            return
        # Called on every step switch and resize: only a change of size, of the
        # steps' rows, of the timer's text or of the prompts' visibility counts.
        key = (
            self.width(),
            self.height(),
            self.step_list.content_height(),
            self.timer_label.text(),
            self.timer_button.text(),
            self.prompts_area.isVisibleTo(self),
            self.step_list.currentRow(),
            self.preview is not None and self.preview.isVisibleTo(self),
        )
        if key == getattr(self, "_fitted", None):
            return
        self._fitted = key
        self._fitting = True
        try:
            spacing = self.buttons.spacing()
            side_by_side = (
                self.timer_button.sizeHint().width() + spacing + self.reset_button.sizeHint().width()
            )
            direction = (
                QBoxLayout.Direction.LeftToRight
                if side_by_side <= self.width()
                else QBoxLayout.Direction.TopToBottom
            )
            if self.buttons.direction() != direction:
                self.buttons.setDirection(direction)
            self._share_height()
        finally:
            self._fitting = False

    def _share_height(self) -> None:
        # Everything but the steps and the prompts keeps its height; the steps
        # take what they need, leaving the prompts a few lines, then scroll.
        width = self.width()
        labels = (self.title, self.timer_label, self.total_label)
        fixed = sum(label.heightForWidth(width) for label in labels if label.isVisibleTo(self))
        if self.preview is not None and self.preview.isVisibleTo(self):
            fixed += self.preview.sizeHint().height()
        self.buttons.invalidate()
        fixed += self.buttons.sizeHint().height() + 2 * 8  # the two spacings
        fixed += self._column.spacing() * (self._column.count() - 1)
        prompts = 0
        if self.prompts_area.isVisibleTo(self):
            prompts = self.prompts_label.fontMetrics().lineSpacing() * PROMPT_LINES
        wanted = self.step_list.content_height()
        # Never below its tallest row, however short the page: every step can be read whole.
        tallest = max(
            (self.step_list.sizeHintForRow(row) for row in range(self.step_list.count())), default=0
        )
        floor = min(wanted, tallest + 2 * self.step_list.frameWidth() + 2)
        height = max(min(wanted, self.height() - fixed - prompts), floor)
        if self.step_list.minimumHeight() != height or self.step_list.maximumHeight() != height:
            self.step_list.setFixedHeight(height)
        self.step_list.scroll_to_current()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self.fit)
