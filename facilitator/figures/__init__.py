"""Adoption figures over time, overall and per coalition (no Qt).

``compute_figures(session, today=...)`` reads the whole history with a few
bulk queries and returns a :class:`FiguresReport`; ``FIGURES`` and
``METHOD`` hold the words every screen and document uses for them, in
English and marked for translation: show them through ``_()``.
"""

from facilitator.figures.compute import OVERALL, compute_figures, forget_figures
from facilitator.figures.dates import Quarter, add_months
from facilitator.figures.model import (
    Figures,
    FiguresReport,
    FigureValues,
    FitGroup,
    PatternReach,
    QuarterFigures,
    StartedFit,
)
from facilitator.figures.text import (
    FIGURE_BY_KEY,
    FIGURES,
    METHOD,
    NO_VALUE,
    STARTED_FIT_EXPLANATION,
    STARTED_FIT_TITLE,
    FigureInfo,
    StartedFitText,
    axis_scale,
    axis_text,
    detail,
    format_value,
    short_value,
    started_fit_text,
)

__all__ = [
    "FIGURES",
    "FIGURE_BY_KEY",
    "METHOD",
    "NO_VALUE",
    "OVERALL",
    "STARTED_FIT_EXPLANATION",
    "STARTED_FIT_TITLE",
    "FigureInfo",
    "FigureValues",
    "Figures",
    "FitGroup",
    "FiguresReport",
    "PatternReach",
    "Quarter",
    "QuarterFigures",
    "StartedFit",
    "StartedFitText",
    "add_months",
    "axis_scale",
    "axis_text",
    "compute_figures",
    "forget_figures",
    "detail",
    "format_value",
    "short_value",
    "started_fit_text",
]
