"""The pieces a room slide is laid out in: placed text and bars, and text measured at a size."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from ui.room.slide import Tone

LINE_FLAGS = int(Qt.TextFlag.TextWordWrap)
ELLIPSIS = "…"
RECORD_PX = 44


@dataclass
class Run:
    """One piece of text placed on the slide."""

    rect: QRect
    text: str
    px: int
    bold: bool = False
    tone: Tone = Tone.PLAIN
    colour: str = ""
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


@dataclass
class BarShape:
    """A capacity bar placed on the slide."""

    rect: QRect
    share: float
    over: bool


@dataclass
class Placed:
    """The slide as laid out: text runs and bars, and the pages there are."""

    runs: list[Run] = field(default_factory=list)
    bars: list[BarShape] = field(default_factory=list)
    stripes: list[tuple[QRect, Tone]] = field(default_factory=list)
    pages: int = 1
    record_px: int = RECORD_PX
    item_pages: dict[uuid.UUID, int] = field(default_factory=dict)


class Measure:
    """Text heights at a pixel size, cached: a keystroke redraws, it must not re-measure everything."""

    def __init__(self, family: QFont) -> None:
        self._family = family
        self._cache: dict[tuple[str, int, bool, int], int] = {}

    def font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self._family)
        font.setPixelSize(max(px, 1))
        font.setBold(bold)
        return font

    def height(self, text: str, px: int, width: int, bold: bool = False) -> int:
        key = (text, px, bold, width)
        if key not in self._cache:
            metrics = QFontMetrics(self.font(px, bold))
            rect = metrics.boundingRect(QRect(0, 0, max(width, 1), 1_000_000), LINE_FLAGS, text)
            self._cache[key] = max(rect.height(), metrics.height())
        return self._cache[key]

    def line_height(self, px: int) -> int:
        return QFontMetrics(self.font(px)).height()


def end_of(rect: QRect) -> int:
    """Return the first row below ``rect`` (QRect.bottom() is the last row inside it)."""
    return rect.y() + rect.height()


def clip_to(measure: Measure, text: str, px: int, width: int, height: int, bold: bool = False) -> str:
    """Return the longest start of ``text`` (whole words, then "…") that fits ``height``."""
    words = text.split()
    low, high = 0, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        if measure.height(" ".join(words[:middle]) + ELLIPSIS, px, width, bold) <= height:
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]) + ELLIPSIS if low else ELLIPSIS


def paint(painter: QPainter, placed: Placed, colours: dict[str, str], measure: Measure) -> None:
    """Draw the placed stripes, bars and text in a theme's ``colours``."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for rect, tone in placed.stripes:
        painter.fillRect(rect, QColor(colours["ok" if tone is Tone.OK else "danger"]))
    for bar in placed.bars:
        painter.fillRect(bar.rect, QColor(colours["panel"]))
        painter.setPen(QColor(colours["border"]))
        painter.drawRect(bar.rect.adjusted(0, 0, -1, -1))
        filled = QRectF(bar.rect).adjusted(0, 0, -(1 - bar.share) * bar.rect.width(), 0)
        painter.fillRect(filled, QColor(colours["danger" if bar.over else "accent"]))
    for run in placed.runs:
        painter.setFont(measure.font(run.px, run.bold))
        painter.setPen(QColor(colours[_colour_name(run)]))
        painter.drawText(run.rect, LINE_FLAGS | int(run.align) | int(Qt.AlignmentFlag.AlignTop), run.text)


def _colour_name(run: Run) -> str:
    if run.colour:
        return run.colour
    if run.tone is Tone.OK:
        return "ok"
    if run.tone is Tone.DANGER:
        return "danger"
    if run.tone is Tone.MUTED:
        return "muted"
    return "text"
