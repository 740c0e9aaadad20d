"""What each figure is called, how it reads, and how it is computed, in words.

The app, the PDF report and the command line all take their wording from
here, so a number means the same thing wherever a coalition lead reads it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.figures.model import FigureValues, FitGroup, StartedFit


@dataclass(frozen=True)
class FigureInfo:
    """One of the five figures.

    Attributes:
        key: The :class:`FigureValues` field that holds it.
        title: Its name, as a heading.
        explanation: One line saying what it measures.
        kind: "percent", "number", "days" or "count": how values are written.
        target: A goal from the seed's "Desired Progress Definition", or None.
        target_label: How the goal is named beside a chart.
        cumulative: Whether it adds up over time (drawn as a line) rather than
            being counted per quarter (drawn as bars).
    """

    key: str
    title: str
    explanation: str
    kind: str
    target: float | None = None
    target_label: str = ""
    cumulative: bool = False


FIGURES: tuple[FigureInfo, ...] = (
    FigureInfo(
        "adoption_rate",
        "Adoption rate",
        "Share of adopter teams with at least one pattern adopted within six months of agreeing.",
        "percent",
        0.70,
        "goal 70 %",
    ),
    FigureInfo(
        "teams_per_pattern",
        "Teams reached per pattern",
        "Mean number of teams that agreed to adopt each pattern presented so far.",
        "number",
        cumulative=True,
    ),
    FigureInfo(
        "boundary_share",
        "Patterns with documented boundaries",
        "Share of presented patterns with both a “works when” and a “breaks when” condition.",
        "percent",
        0.90,
        "goal 90 %",
        cumulative=True,
    ),
    FigureInfo(
        "median_days",
        "Median days to adopted",
        "Median days from the event where a team agreed to the day it adopted.",
        "days",
    ),
    FigureInfo(
        "failures",
        "Failures shared",
        "Failure outcomes the coalitions shared at their events, so others avoid them.",
        "count",
    ),
)
FIGURE_BY_KEY = {figure.key: figure for figure in FIGURES}

NO_VALUE = "—"


def format_value(figure: FigureInfo | str, value: float | None) -> str:
    """Return a value as people read it: "64 %", "2.4", "45 days", "12", or "—"."""
    kind = (FIGURE_BY_KEY[figure] if isinstance(figure, str) else figure).kind
    if value is None:
        return NO_VALUE
    if kind == "percent":
        return f"{value * 100:.0f} %"
    if kind == "number":
        return f"{value:.1f}"
    if kind == "days":
        days = f"{value:.1f}".removesuffix(".0")
        return f"{days} day" if days == "1" else f"{days} days"
    return f"{int(value):,}"


def short_value(figure: FigureInfo | str, value: float | None) -> str:
    """Return a value short enough to stand on a chart's bar: "64 %", "2.4", "45"."""
    info = FIGURE_BY_KEY[figure] if isinstance(figure, str) else figure
    if info.kind == "days" and value is not None:
        return f"{value:.1f}".removesuffix(".0")
    return format_value(info, value)


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun}" if number == 1 else f"{number:,} {plural or noun + 's'}"


def detail(figure: FigureInfo | str, values: FigureValues) -> str:
    """Return the counts behind a figure: "12 of 20 teams; 5 still within six months"."""
    key = figure if isinstance(figure, str) else figure.key
    v = values
    if key == "adoption_rate":
        if not v.adopter_teams:
            return "No team agreed to adopt a pattern yet."
        text = f"{v.adopted_teams:,} of {_count(v.adopter_teams, 'team')} adopted in time"
        if v.open_teams:
            text += f"; {v.open_teams:,} still within their six months"
        return text + "."
    if key == "teams_per_pattern":
        if not v.patterns:
            return "No pattern presented yet."
        return f"{_count(v.teams_reached, 'team')} reached over {_count(v.patterns, 'pattern')}."
    if key == "boundary_share":
        if not v.patterns:
            return "No pattern presented yet."
        return f"{v.documented_patterns:,} of {_count(v.patterns, 'pattern')} documented."
    if key == "median_days":
        if not v.adopted_agreements:
            return "No agreement adopted yet."
        return f"Over {_count(v.adopted_agreements, 'adopted agreement')}."
    return f"At {_count(v.events, 'event')}."


STARTED_FIT_TITLE = "Started at risk vs fit"
STARTED_FIT_EXPLANATION = (
    "Agreements the fit check put at risk at the event (risk accepted or not) against those that "
    "fit, and how many of each are abandoned now."
)


@dataclass(frozen=True)
class StartedFitText:
    """The "started at risk vs fit" figure in words, one line per group.

    Attributes:
        at_risk: "At risk: 3 of 12 abandoned (25 %)".
        fits: "Fit: 1 of 30 abandoned (3 %)".
        not_checked: "Not checked: 5 agreements, in neither group".
    """

    at_risk: str
    fits: str
    not_checked: str

    @property
    def sentence(self) -> str:
        """Return both groups on one line: "At risk: … · Fit: …"."""
        return f"{self.at_risk} · {self.fits}"


def _abandoned(label: str, group: FitGroup) -> str:
    if group.share is None:
        return f"{label}: no agreements"
    return f"{label}: {group.abandoned:,} of {group.agreements:,} abandoned ({group.share * 100:.0f} %)"


def started_fit_text(fit: StartedFit) -> StartedFitText:
    """Return the started-at-risk-vs-fit figure of one scope in words."""
    return StartedFitText(
        at_risk=_abandoned("At risk", fit.at_risk),
        fits=_abandoned("Fit", fit.fits),
        not_checked=f"Not checked: {_count(fit.not_checked.agreements, 'agreement')}, in neither group",
    )


def axis_scale(info: FigureInfo, values: Iterable[float | None]) -> tuple[float, float]:
    """Return (top, step) of the value axis: 0–100 % for shares, round steps otherwise."""
    if info.kind == "percent":
        return 1.0, 0.25
    highest = max((v for v in values if v is not None), default=0)
    target = highest * 1.1 or 1
    magnitude = 10 ** math.floor(math.log10(target / 4))
    whole = info.kind in ("count", "days")
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if whole and step != int(step):
            continue
        if step >= target / 4:
            break
    return math.ceil(target / step) * step, step


def axis_text(figure: FigureInfo, value: float) -> str:
    """Return a value-axis label: "25 %" for shares, "50" or "0.5" otherwise."""
    return f"{value * 100:.0f} %" if figure.kind == "percent" else f"{value:g}"


# The report's "How these figures are computed" section, one paragraph each.
METHOD: tuple[tuple[str, str], ...] = (
    (
        "Periods and scopes",
        (
            "Periods are calendar quarters of the event date (“2026 Q3”). Scopes are all coalitions "
            "together (Overall) and each coalition on its own: an event's agreements and outcomes count "
            "for every coalition that ran the event; a pattern counts for the coalition that owns it."
        ),
    ),
    (
        "Dates and teams",
        (
            "An agreement's date is its event's date. Its adopted date is the date of its first status "
            "change to “adopted” (kept even if the adoption was abandoned later). A team is the "
            "adopter's team as recorded, compared without regard to case or surrounding spaces; when no "
            "team was recorded, the adopter's name stands for the team."
        ),
    ),
    (
        "Adoption rate",
        (
            "Per quarter of agreement: of the distinct teams that agreed to adopt at events in the "
            "quarter, the share with at least one of those agreements adopted within six calendar "
            "months of its date. Six months end on the same day of the month (the month's last day "
            "when it is shorter: 31 August gives 28 or 29 February). Teams not yet counted whose six "
            "months are still running on the report date (an agreement not abandoned) are shown as "
            "“still within their six months”. The all-time value is the same over all agreements. "
            "The seed's goal is 70 % of teams adopting at least one improvement within six months."
        ),
    ),
    (
        "Teams reached per pattern",
        (
            "At the end of each quarter: for each pattern first presented by then, the number of "
            "distinct teams that had agreed to adopt it (whatever became of the agreement) at events "
            "by then; the figure is the mean over those patterns, patterns nobody adopted counting as "
            "zero. A coalition's figure uses its own patterns, at whichever event they were adopted."
        ),
    ),
    (
        "Patterns with documented boundaries",
        (
            "At the end of each quarter: of the patterns first presented by then (at their earliest "
            "event; a pattern never presented counts from the day it was created), the share with at "
            "least one “works when” and at least one “breaks when” condition stated by then (dated by "
            "the condition's event, or by when it was recorded if that event was deleted). The 90 % "
            "goal mirrors the seed's goal of documenting 90 % of successful improvements with "
            "adaptation guidance."
        ),
    ),
    (
        "Median days to adopted",
        (
            "Per quarter of agreement: the median, over the quarter's agreements that were adopted, "
            "of the days from the event to the adopted date. None when nothing was adopted."
        ),
    ),
    ("Failures shared", ("Per quarter: the number of failure outcomes recorded at events in the quarter.")),
)
