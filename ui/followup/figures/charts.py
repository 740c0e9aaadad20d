"""A small painted chart: one value per quarter, as bars or as a line.

PySide6-Essentials has no Qt Charts, and the figures need only this: a value
axis with round steps, quarter labels that never overlap, the value written on
each bar or point while they fit, and an optional dashed goal line (named by
the caller beside the chart). Colours come from the widget's palette, which the
theme's stylesheet sets (bars in the accent, the grid from the border colour,
see resources/styles/app.qss), so light, dark and high contrast all work. What
is drawn is also given as text: a tooltip per bar or point, and the accessible
description of the whole chart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from facilitator import numbers
from facilitator.figures import Quarter
from facilitator.i18n import _
from ui.followup.figures.chart_labels import quarter_labels

Value = float | int | None


def _rgb(colour: QColor) -> tuple[float, float, float]:
    return (colour.redF(), colour.greenF(), colour.blueF())


def _blend(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(*(x + (y - x) * amount for x, y in zip(_rgb(a), _rgb(b), strict=True)))


class QuarterChart(QWidget):
    """Bars or a line over quarters, with axis, value labels and an optional goal.

    Attributes:
        labels: The quarter under each bar or point ("Q3 ’26").
        values: One value per quarter (None: no value, drawn as a gap).
        texts: The tooltip and accessible text of each value.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        """``title`` is the figure's name, in the language in use (for screen readers)."""
        super().__init__(parent)
        self.title = title
        self.quarters: list[Quarter] = []
        self.labels: list[str] = []
        self.values: list[Value] = []
        self.texts: list[str] = []
        self.line = False
        self.top, self.step = 1.0, 0.25
        self.axis_text: Callable[[float], str] = lambda v: numbers.decimal(v, 3)
        self.value_text: Callable[[Value], str] = lambda v: "" if v is None else numbers.decimal(v, 3)
        self.goal: float | None = None
        self.goal_label = ""
        self.provisional: list[bool] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(150)
        # Translators: a chart's name for screen readers: "Adoption rate chart"
        self.setAccessibleName(_("{figure} chart").format(figure=title))
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        # As tall as its least: the chart grows into whatever room the page
        # has (Expanding), and a taller wish would make the page scroll at
        # 1080p, where both rows of cards fit.
        return QSize(420, self.minimumHeight())

    def set_series(
        self,
        quarters: Sequence[Quarter],
        values: Sequence[Value],
        texts: Sequence[str],
        *,
        line: bool,
        top: float,
        step: float,
        axis_text: Callable[[float], str],
        value_text: Callable[[Value], str],
        goal: float | None = None,
        goal_label: str = "",
        provisional: Sequence[bool] = (),
    ) -> None:
        """Show one value per quarter; ``texts`` say each in words (tooltip, screen reader).

        ``provisional`` marks values that may still change; their bars are drawn lighter.
        ``texts`` and ``goal_label`` are in the language in use.
        """
        self.quarters = list(quarters)
        self.labels = [q.short_label for q in self.quarters]
        self.values, self.texts = list(values), list(texts)
        self.line, self.top, self.step = line, top, step
        self.axis_text, self.value_text = axis_text, value_text
        self.goal, self.goal_label = goal, goal_label
        self.provisional = list(provisional)
        summary = "; ".join(self.texts) if self.texts else _("no values yet")
        if goal is not None:
            # Translators: a chart's values in words, then what its dashed line shows ("goal 70 %")
            summary = _("{values}. Dashed line: {goal}").format(values=summary, goal=goal_label)
        self.setAccessibleDescription(f"{self.title}: {summary}")
        self.setToolTip("")  # per bar, see event()
        self.update()

    # Geometry ----------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        small = QFont(self.font())
        small.setPointSizeF(max(9.0, self.font().pointSizeF() * 0.78))
        bold = QFont(small)
        bold.setBold(True)
        return small, bold

    def _plot(self) -> QRectF:
        small, _bold = self._fonts()
        metrics = QFontMetricsF(small)
        left = max(metrics.horizontalAdvance(self.axis_text(v)) for v in self._ticks()) + 8
        top = metrics.height() * 1.4
        bottom = metrics.height() + 8
        width, height = self.width() - left - 4, self.height() - top - bottom
        return QRectF(left, top, max(10.0, width), max(10.0, height))

    def _ticks(self) -> list[float]:
        count = max(1, round(self.top / self.step)) if self.step > 0 else 1
        return [self.step * i for i in range(count + 1)]

    def _x(self, plot: QRectF, index: int) -> float:
        slot = plot.width() / max(1, len(self.values))
        return plot.left() + slot * (index + 0.5)

    def _y(self, plot: QRectF, value: float) -> float:
        share = 0.0 if self.top <= 0 else min(1.0, max(0.0, value / self.top))
        return plot.bottom() - plot.height() * share

    def index_at(self, x: float) -> int | None:
        """Return the quarter under horizontal position ``x``, or None."""
        plot = self._plot()
        if not self.values or not plot.left() <= x <= plot.right():
            return None
        slot = plot.width() / len(self.values)
        return min(len(self.values) - 1, int((x - plot.left()) // slot))

    # Painting ----------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        ground = palette.color(QPalette.ColorRole.Window)
        # Half-way to the ground: grid lines recede behind the series and the goal line,
        # which are drawn in full colour (in high contrast too, where the border is white).
        grid = _blend(palette.color(QPalette.ColorRole.AlternateBase), ground, 0.5)
        series = palette.color(QPalette.ColorRole.Highlight)
        small, bold = self._fonts()
        if not any(v is not None for v in self.values):
            painter.setPen(muted)
            painter.setFont(small)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No values yet"))
            return
        plot = self._plot()
        self._draw_axis(painter, plot, small, muted, grid)
        if self.line:
            self._draw_line(painter, plot, series)
        else:
            self._draw_bars(painter, plot, series, _blend(series, ground, 0.55))
        if self.goal is not None and self.goal <= self.top:
            # Over the bars, so a quarter that beats the goal is seen to beat it, on a band
            # of the ground colour so the dashes stay visible on any bar colour.
            y = self._y(plot, self.goal)
            start, end = QPointF(plot.left(), y), QPointF(plot.right(), y)
            painter.setPen(QPen(ground, 5))
            painter.drawLine(start, end)
            painter.setPen(QPen(ink, 2, Qt.PenStyle.DashLine))
            painter.drawLine(start, end)
        self._draw_values(painter, plot, bold, ink, ground)
        self._draw_labels(painter, plot, small, ink)

    def _draw_axis(self, painter: QPainter, plot: QRectF, font: QFont, muted: QColor, grid: QColor) -> None:
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        for tick in self._ticks():
            y = self._y(plot, tick)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            text = self.axis_text(tick)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )

    def _draw_bars(self, painter: QPainter, plot: QRectF, colour: QColor, lighter: QColor) -> None:
        slot = plot.width() / len(self.values)
        width = max(2.0, slot * (0.62 if len(self.values) <= 16 else 0.8))
        painter.setPen(Qt.PenStyle.NoPen)
        for index, value in enumerate(self.values):
            if value is None or value <= 0:
                continue
            provisional = index < len(self.provisional) and self.provisional[index]
            painter.setBrush(lighter if provisional else colour)
            x, y = self._x(plot, index), self._y(plot, value)
            painter.drawRect(QRectF(x - width / 2, y, width, plot.bottom() - y))

    def _draw_line(self, painter: QPainter, plot: QRectF, colour: QColor) -> None:
        points = [
            QPointF(self._x(plot, i), self._y(plot, v)) for i, v in enumerate(self.values) if v is not None
        ]
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(
            QPen(colour, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if len(self.values) <= 16:
            painter.setBrush(colour)
            for point in points:
                painter.drawEllipse(point, 4, 4)

    def _fits(self, plot: QRectF, font: QFont) -> bool:
        widest = max(QFontMetricsF(font).horizontalAdvance(self.value_text(v)) for v in self.values)
        return widest <= plot.width() / len(self.values)

    def _draw_values(self, painter: QPainter, plot: QRectF, font: QFont, ink: QColor, ground: QColor) -> None:
        if not self._fits(plot, font):
            font = QFont(font)
            font.setBold(False)
            if not self._fits(plot, font):
                return  # too many quarters to label each; the tooltips and description have them
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        height = metrics.height()
        for index, value in enumerate(self.values):
            text = self.value_text(value) if value is not None else "–"
            width = metrics.horizontalAdvance(text) + 6
            y = self._y(plot, value or 0) - height - (8 if self.line else 2)
            box = QRectF(self._x(plot, index) - width / 2, y, width, height)
            # On the chart's own ground, so a grid, goal or series line never runs through it.
            painter.fillRect(box, ground)
            painter.setPen(ink)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _draw_labels(self, painter: QPainter, plot: QRectF, font: QFont, ink: QColor) -> None:
        painter.setFont(font)
        painter.setPen(ink)
        metrics = QFontMetricsF(font)
        slot = plot.width() / len(self.labels)
        labels = quarter_labels(self.quarters, slot, metrics.horizontalAdvance)
        for index, label in enumerate(labels):
            if not label:
                continue
            width = metrics.horizontalAdvance(label) + 4
            x = self._x(plot, index)
            # A year stands at the start of its first quarter; a quarter under its bar.
            left = x - slot / 2 if label.isdigit() else x - width / 2
            left = max(0.0, min(left, self.width() - width))
            painter.drawText(
                QRectF(left, plot.bottom() + 4, width, metrics.height()),
                Qt.AlignmentFlag.AlignLeft if label.isdigit() else Qt.AlignmentFlag.AlignCenter,
                label,
            )

    # Tooltips ------------------------------------------------------------------

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.index_at(event.pos().x())
            if index is not None and index < len(self.texts):
                QToolTip.showText(event.globalPos(), self.texts[index], self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
