"""What the layout check measures with: sizes, visible parts, and text as shown.

Helpers of ``layout_check.py``: a :class:`Clip` (what was cut, and where), a
widget's path for messages, the part of a widget its scroll areas let the
room see, and text as a reader sees it (tags, entities and mnemonics gone).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

# Pixels a measured size may exceed the given one: rounding of fractional
# font metrics, never a visible loss of text.
TOLERANCE = 1
# Rows of an item view checked: a tour's views are small; a history of
# thousands of events would only repeat the first rows' widths.
MAX_ROWS = 60
BIG = 1 << 24
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Clip:
    """One text that does not fit: where, which widget, what, and the sizes."""

    screen: str
    widget: str
    text: str
    needed: str
    given: str
    why: str = "clipped"

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 90 else self.text[:87] + "..."
        text = text.replace("\n", "⏎")
        return f"{self.screen}: {self.widget}: {self.why}: {text!r} needs {self.needed}, has {self.given}"


def describe(widget: QWidget) -> str:
    """Return a widget's class, object name and accessible name, and where it sits."""
    parts = [type(widget).__name__]
    if widget.objectName():
        parts[0] += f"#{widget.objectName()}"
    if widget.accessibleName():
        parts.append(f"“{widget.accessibleName()}”")
    owners = []
    parent = widget.parentWidget()
    while parent is not None and len(owners) < 3:
        name = type(parent).__name__
        if (
            name not in ("QWidget", "QStackedWidget", "QSplitter", "QScrollArea", "QFrame")
            or parent.objectName()
        ):
            owners.append(name + (f"#{parent.objectName()}" if parent.objectName() else ""))
        parent = parent.parentWidget()
    return " ".join(parts) + (f" in {' < '.join(owners)}" if owners else "")


def size_text(size: QSize | tuple[int, int]) -> str:
    width, height = (size.width(), size.height()) if isinstance(size, QSize) else size
    return f"{width}×{height} px"


def plain_text(text: str) -> str:
    """Return a tooltip or rich text as the words it shows."""
    return " ".join(html.unescape(TAG.sub(" ", text)).split())


def holds(tooltip: str, text: str) -> bool:
    """Return whether a tooltip shows all of ``text``."""
    return bool(text.strip()) and " ".join(text.split()) in plain_text(tooltip)


def strip_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


# -- where a widget can be seen ---------------------------------------------


def scrolls(viewport: QWidget) -> tuple[bool, bool]:
    """Return whether the area whose viewport this is scrolls (horizontally, vertically)."""
    area = viewport.parentWidget()
    if not isinstance(area, QAbstractScrollArea) or area.viewport() is not viewport:
        return False, False
    off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    return area.horizontalScrollBarPolicy() != off, area.verticalScrollBarPolicy() != off


def visible_size(widget: QWidget, root: QWidget) -> tuple[int, int]:
    """Return the part of ``widget`` that can be seen, or scrolled to, inside ``root``.

    Past a scroll area that scrolls in a direction, nothing clips the widget
    in that direction any more: scrolling brings every part of it into view.
    """
    rect = widget.rect()
    free_across = free_down = False
    child = widget
    while child is not root and child.parentWidget() is not None and not child.isWindow():
        parent = child.parentWidget()
        rect = rect.translated(child.pos())
        across, down = scrolls(parent)
        free_across, free_down = free_across or across, free_down or down
        bounds = QRect(parent.rect())
        if free_across:
            bounds.setLeft(-BIG)
            bounds.setRight(BIG)
        if free_down:
            bounds.setTop(-BIG)
            bounds.setBottom(BIG)
        rect = rect.intersected(bounds)
        if rect.isEmpty():
            return 0, 0
        child = parent
    return rect.width(), rect.height()


# -- the checks -------------------------------------------------------------


def overlap(start: int, end: int, low: int, high: int) -> int:
    return max(min(end, high) - max(start, low) + 1, 0)
