"""The report's charts, drawn with ``reportlab.graphics``: one figure over quarters.

A figure counted per quarter (adoption rate, median days, failures) is drawn
as bars; a figure that adds up over time (teams reached per pattern,
documented boundaries) as a line. The charts hold only our own words and
numbers (quarter labels, values), never a name someone typed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Protocol

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.charts.textlabels import NA_Label
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, Line, String
from reportlab.graphics.widgetbase import TypedPropertyCollection
from reportlab.lib import colors
from reportlab.platypus import Flowable

from exports.pdf.fonts import REGULAR, register_fonts
from exports.pdf.styles import HAIRLINE, INK, MUTED, RULE
from facilitator.figures import FigureInfo, Figures, axis_scale, axis_text, short_value
from facilitator.i18n import _

# One dark, print-safe colour: it stays distinct from the grey grid in black and white.
SERIES = colors.HexColor("#2b4c7e")
SERIES_OPEN = colors.HexColor("#9fb3d1")  # a value that may still grow
GOAL_HEX = "#8a1c1c"
GOAL = colors.HexColor(GOAL_HEX)

LABEL_SIZE = 7
VALUE_SIZE = 7
LEFT, BOTTOM, TOP, RIGHT = 30, 16, 16, 8
CLEARANCE = 4  # points between the highest label and the drawing's top edge


class _Axis(Protocol):
    """What the charts set on every ReportLab axis (its stubs leave most of it out)."""

    labels: TypedPropertyCollection
    strokeColor: colors.Color
    strokeWidth: float
    visibleTicks: bool


class _ValueAxis(_Axis, Protocol):
    """What the charts set on the axis of values as well."""

    valueMin: float
    valueMax: float
    valueStep: float
    labelTextFormat: Callable[[float], str]
    visibleAxis: bool
    visibleGrid: bool
    gridStrokeColor: colors.Color
    gridStrokeWidth: float


class Chart(Flowable):
    """A drawing placed in the story, drawn without touching the standard fonts.

    ReportLab's graphics renderer starts every drawing by selecting its default
    font, Helvetica, which would put an unembedded font into the page even
    though no text uses it. The default is pointed at our font while drawing
    (``build_pdf`` builds one document at a time, so nothing else sees it).
    """

    def __init__(self, drawing: Drawing) -> None:
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        saved = STATE_DEFAULTS["fontName"]
        STATE_DEFAULTS["fontName"] = REGULAR
        try:
            renderPDF.draw(self.drawing, self.canv, 0, 0)
        finally:
            STATE_DEFAULTS["fontName"] = saved


def scope_charts(infos: Sequence[FigureInfo], figures: Figures, width: float, height: float) -> list[Chart]:
    """Return the charts of several figures of one scope, their plots level with each other.

    Each chart is laid out as :func:`figure_drawing` would; then all take
    the largest top margin any of them needed, so charts side by side have
    their value axes at one height.
    """
    margin = max(_top_margin(info, figures, width, height) for info in infos)
    return [Chart(_figure_drawing(info, figures, width, height, margin)) for info in infos]


def figure_drawing(info: FigureInfo, figures: Figures, width: float, height: float) -> Drawing:
    """Return a drawing of one figure of one scope over its quarters.

    Everything drawn stays inside the drawing's box, with ``CLEARANCE`` to
    spare at the top: a value label above the highest point ("100 %") would
    otherwise reach into the caption printed above the chart. Where the
    first layout's labels stick out, the plot is lowered by that much.
    """
    return _figure_drawing(info, figures, width, height, _top_margin(info, figures, width, height))


def _top_margin(info: FigureInfo, figures: Figures, width: float, height: float) -> float:
    """Return the space above the plot that keeps its highest label ``CLEARANCE`` inside."""
    register_fonts()  # measuring a label needs its font, even before a document is built
    overflow = _figure_drawing(info, figures, width, height, TOP).getBounds()[3] - (height - CLEARANCE)
    return TOP + max(0.0, overflow)


def _figure_drawing(
    info: FigureInfo, figures: Figures, width: float, height: float, top_margin: float
) -> Drawing:
    drawing = Drawing(width, height)
    values = list(figures.series(info.key))
    labels = [q.quarter.short_label for q in figures.quarters]
    if all(v is None for v in values):
        drawing.add(
            String(
                width / 2,
                height / 2,
                # Translators: in place of a chart that has nothing to draw yet
                _("No values yet"),
                fontName=REGULAR,
                fontSize=8,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
        return drawing
    top, step = axis_scale(info, values)
    plot_width, plot_height = width - LEFT - RIGHT, height - BOTTOM - top_margin
    chart: LinePlot | VerticalBarChart
    axis: _ValueAxis
    if info.cumulative:
        chart = _line(values, labels, plot_width, info)
        axis = chart.yValueAxis
    else:
        still_open = (
            [i for i, q in enumerate(figures.quarters) if q.open_teams] if info.key == "adoption_rate" else []
        )
        chart = _bars(values, labels, plot_width, info, still_open)
        axis = chart.valueAxis
    chart.x, chart.y = LEFT, BOTTOM
    # The stubs say int; ReportLab takes any number of points.
    chart.width, chart.height = plot_width, plot_height  # type: ignore[assignment]
    axis.valueMin, axis.valueMax, axis.valueStep = 0, top, step
    axis.labelTextFormat = lambda v: axis_text(info, v)
    _style_value_axis(axis)
    drawing.add(chart)
    if info.target is not None and info.target <= top:
        # Named in the chart's caption (see GOAL_HEX), never on top of a value.
        y = BOTTOM + plot_height * info.target / top
        drawing.add(
            Line(LEFT, y, LEFT + plot_width, y, strokeColor=GOAL, strokeWidth=0.8, strokeDashArray=[3, 2])
        )
    return drawing


def _bars(
    values: Sequence[float | None],
    labels: list[str],
    plot_width: float,
    info: FigureInfo,
    open_quarters: Sequence[int] = (),
) -> VerticalBarChart:
    chart = VerticalBarChart()
    chart.data = [list(values)]
    chart.bars[0].fillColor = SERIES
    chart.bars[0].strokeColor = None
    for index in open_quarters:
        # Not final yet: some teams' six months are still running.
        chart.bars[(0, index)].fillColor = SERIES_OPEN
    chart.groupSpacing = 3 if len(values) > 16 else 6
    chart.categoryAxis.categoryNames = _thinned(labels, plot_width)
    _style_quarter_axis(chart.categoryAxis)
    if len(values) <= 12:
        chart.barLabelFormat = lambda v: short_value(info, v)
        chart.barLabels.fontName, chart.barLabels.fontSize = REGULAR, VALUE_SIZE
        chart.barLabels.fillColor = INK
        chart.barLabels.boxAnchor, chart.barLabels.dy = "s", 1.5
        # A quarter without a value says so, unlike a zero.
        chart.naLabel = NA_Label()
        chart.naLabel.text = "–"
        chart.naLabel.fontName, chart.naLabel.fontSize = REGULAR, VALUE_SIZE
        chart.naLabel.fillColor = MUTED
        chart.naLabel.boxAnchor, chart.naLabel.dy = "s", 1.5
    return chart


def _line(values: Sequence[float | None], labels: list[str], plot_width: float, info: FigureInfo) -> LinePlot:
    chart = LinePlot()
    points = [(i, v) for i, v in enumerate(values) if v is not None]
    chart.data = [points]
    chart.joinedLines = 1
    chart.lines[0].strokeColor, chart.lines[0].strokeWidth = SERIES, 1.6
    if len(values) <= 16:
        from reportlab.graphics.widgets.markers import makeMarker

        # makeMarker is untyped in types-reportlab.
        chart.lines[0].symbol = makeMarker(  # type: ignore[no-untyped-call]
            "FilledCircle", size=3.2, fillColor=SERIES, strokeColor=SERIES
        )
    if len(values) <= 12:
        chart.lineLabelFormat = lambda v: short_value(info, v)
        chart.lineLabels.fontName, chart.lineLabels.fontSize = REGULAR, VALUE_SIZE
        chart.lineLabels.fillColor = INK
        chart.lineLabels.boxAnchor, chart.lineLabels.dy = "s", 4
    x_axis = chart.xValueAxis
    x_axis.valueMin, x_axis.valueMax = -0.5, len(values) - 0.5
    shown = _thinned(labels, plot_width)
    x_axis.valueSteps = [i for i, name in enumerate(shown) if name]
    x_axis.labelTextFormat = lambda i: shown[round(i)] if 0 <= round(i) < len(shown) else ""
    _style_quarter_axis(x_axis)
    return chart


def _style_quarter_axis(axis: _Axis) -> None:
    axis.labels.fontName, axis.labels.fontSize = REGULAR, LABEL_SIZE
    axis.labels.fillColor = INK
    axis.labels.boxAnchor, axis.labels.dy = "n", -2
    axis.strokeColor, axis.strokeWidth = RULE, 0.6
    axis.visibleTicks = False


def _style_value_axis(axis: _ValueAxis) -> None:
    axis.labels.fontName, axis.labels.fontSize = REGULAR, LABEL_SIZE
    axis.labels.fillColor = MUTED
    axis.visibleAxis = False
    axis.visibleTicks = False
    axis.visibleGrid = True
    axis.gridStrokeColor, axis.gridStrokeWidth = HAIRLINE, 0.4
    axis.labels.dx = -2


def _thinned(labels: list[str], width: float) -> list[str]:
    """Keep every n-th quarter's label (the last always) so labels never overlap."""
    room = max(1, int(width // 34))
    every = max(1, math.ceil(len(labels) / room))
    last = len(labels) - 1
    return [name if (last - i) % every == 0 else "" for i, name in enumerate(labels)]
