"""The line above the question: where the room is, and the buttons that move it on.

Fitted to the page: a long step title (a longer language, a large zoom)
keeps its line, and the buttons beside it give way first.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from facilitator.i18n import _

# Between the buttons of the line (the layout's spacing, and a little more).
GAP = 12


class PositionLabel(QLabel):
    """The step's place above the question: wraps, and may narrow to its longest word.

    Qt's least width for a wrapping label is a share of its text: a long step
    title in a longer language pushed the page past a 720p screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", "subheading")
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(word) for word in self.text().split()), default=0)
        margins = self.contentsMargins()
        return QSize(min(hint.width(), longest + margins.left() + margins.right() + 2), hint.height())


def width_with(button: QPushButton, text: str) -> int:
    """Return the width ``button`` would take with ``text`` (its padding as it is now)."""
    metrics = button.fontMetrics()
    return (
        button.sizeHint().width() - metrics.horizontalAdvance(button.text()) + metrics.horizontalAdvance(text)
    )


def fit_step_line(
    label: QLabel,
    present: QPushButton,
    previous: QPushButton,
    following: QPushButton,
    room: int,
    *,
    arrows: bool,
    wide: bool,
) -> None:
    """Fit the buttons beside the step's place in ``room`` pixels.

    Previous and Next keep only their arrows when ``arrows`` (a narrow page)
    or when their words do not fit beside the title; the Present button
    shows only on a ``wide`` page with room for it beside the words.
    """
    room -= label.minimumSizeHint().width()
    steps = ((previous, _("◀ Previous"), "◀"), (following, _("Next ▶"), "▶"))
    words = sum(width_with(button, text) + GAP for button, text, _arrow in steps)
    arrows = arrows or words > room
    for button, text, arrow in steps:
        button.setText(arrow if arrows else text)
    needed = words + width_with(present, present.text()) + GAP
    present.setVisible(wide and not arrows and needed <= room)
