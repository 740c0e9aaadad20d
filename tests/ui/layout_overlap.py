"""Find widgets that show text drawn over each other: a mirrored layout gone wrong shows so.

``overlapping(root)`` takes every visible widget that shows text or takes
input (labels, buttons, fields, combo boxes, item views) and returns each
pair whose visible parts, in the window, cover the same pixels, where
neither holds the other. A widget inside a scroll area counts only by what
its viewport shows.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

_SHOWN = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
SLACK = 2  # pixels two neighbours may share at an edge (frames drawn on the same line)


def _visible_rect(widget: QWidget, root: QWidget) -> QRect:
    """Return the part of ``widget`` its ancestors let show, in ``root``'s coordinates."""
    rect = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea) or parent.objectName() == "qt_scrollarea_viewport":
            port = parent.viewport() if isinstance(parent, QAbstractScrollArea) else parent
            rect = rect.intersected(QRect(port.mapTo(root, QPoint(0, 0)), port.size()))
        parent = parent.parentWidget()
    return rect


def _shows_something(widget: QWidget) -> bool:
    if isinstance(widget, QLabel):
        return bool(widget.text().strip()) or widget.pixmap() is not None and not widget.pixmap().isNull()
    return True


def overlapping(root: QWidget) -> list[tuple[str, str]]:
    """Return (first, second) descriptions for each pair of text widgets drawn over each other."""
    shown = [
        (widget, _visible_rect(widget, root))
        for widget in root.findChildren(QWidget)
        if isinstance(widget, _SHOWN)
        and widget.isVisible()
        and widget.window() is root
        and _shows_something(widget)
    ]
    shown = [(widget, rect) for widget, rect in shown if rect.width() > SLACK and rect.height() > SLACK]
    found = []
    for index, (first, one) in enumerate(shown):
        for second, other in shown[index + 1 :]:
            if first.isAncestorOf(second) or second.isAncestorOf(first):
                continue
            common = one.intersected(other)
            if common.width() > SLACK and common.height() > SLACK:
                found.append((_describe(first), _describe(second)))
    return found


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)) else ""
    name = widget.objectName() or type(widget).__name__
    return f"{name} {text[:40]!r}" if text else name
