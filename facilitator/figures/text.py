"""What each figure is called, how it reads, and how it is computed, in words.

The app, the PDF report and the command line all take their wording from
here, so a number means the same thing wherever a coalition lead reads it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from babel.numbers import format_decimal

from facilitator import numbers
from facilitator.dates import babel_locale
from facilitator.figures.model import FigureValues, FitGroup, StartedFit
from facilitator.i18n import N_, _, ngettext


@dataclass(frozen=True)
class FigureInfo:
    """One of the five figures.

    The words (``title``, ``explanation``, ``target_label``) are in English,
    marked for translation: show them as ``_(figure.title)``.

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


# The words are marked here and translated where they are shown: ``_(figure.title)``.
FIGURES: tuple[FigureInfo, ...] = (
    FigureInfo(
        "adoption_rate",
        N_("Adoption rate"),
        N_("Share of adopter teams with at least one pattern adopted within six months of agreeing."),
        "percent",
        0.70,
        # Translators: beside a chart's dashed line; keep the space before %
        N_("goal 70 %"),
    ),
    FigureInfo(
        "teams_per_pattern",
        N_("Teams reached per pattern"),
        N_("Mean number of teams that agreed to adopt each pattern presented so far."),
        "number",
        cumulative=True,
    ),
    FigureInfo(
        "boundary_share",
        N_("Patterns with documented boundaries"),
        N_("Share of presented patterns with both a “works when” and a “breaks when” condition."),
        "percent",
        0.90,
        # Translators: beside a chart's dashed line; keep the space before %
        N_("goal 90 %"),
        cumulative=True,
    ),
    FigureInfo(
        "median_days",
        N_("Median days to adopted"),
        N_("Median days from the event where a team agreed to the day it adopted."),
        "days",
    ),
    FigureInfo(
        "failures",
        N_("Failures shared"),
        N_("Failure outcomes the coalitions shared at their events, so others avoid them."),
        "count",
    ),
)
FIGURE_BY_KEY = {figure.key: figure for figure in FIGURES}

NO_VALUE = "—"


def _one_decimal(value: float) -> str:
    """Return a number with exactly one decimal, in the language in use: "2.0" ("2,0")."""
    return format_decimal(value, "#,##0.0", locale=babel_locale())


def _days(value: float) -> str:
    """Return a number of days with at most one decimal: "45", "181.5"."""
    return numbers.decimal(value, 1)


def format_value(figure: FigureInfo | str, value: float | None) -> str:
    """Return a value as people read it: "64 %", "2.4", "45 days", "12", or "—"."""
    kind = (FIGURE_BY_KEY[figure] if isinstance(figure, str) else figure).kind
    if value is None:
        return NO_VALUE
    if kind == "percent":
        return numbers.percent(value)
    if kind == "number":
        return _one_decimal(value)
    if kind == "days":
        shown = round(value, 1)
        # A fraction of a day takes the form of many days ("1.5 days"), in most languages.
        count = int(shown) if shown == int(shown) else 2
        return ngettext("{count} day", "{count} days", count).format(count=_days(value))
    return numbers.integer(int(value))


def short_value(figure: FigureInfo | str, value: float | None) -> str:
    """Return a value short enough to stand on a chart's bar: "64 %", "2.4", "45"."""
    info = FIGURE_BY_KEY[figure] if isinstance(figure, str) else figure
    if info.kind == "days" and value is not None:
        return _days(value)
    return format_value(info, value)


def detail(figure: FigureInfo | str, values: FigureValues) -> str:
    """Return the counts behind a figure: "12 of 20 teams; 5 still within six months"."""
    key = figure if isinstance(figure, str) else figure.key
    v = values
    count = numbers.integer
    if key == "adoption_rate":
        if not v.adopter_teams:
            return _("No team agreed to adopt a pattern yet.")
        if v.open_teams:
            return ngettext(
                "{adopted} of {count} team adopted in time; {open} still within their six months.",
                "{adopted} of {count} teams adopted in time; {open} still within their six months.",
                v.adopter_teams,
            ).format(adopted=count(v.adopted_teams), count=count(v.adopter_teams), open=count(v.open_teams))
        return ngettext(
            "{adopted} of {count} team adopted in time.",
            "{adopted} of {count} teams adopted in time.",
            v.adopter_teams,
        ).format(adopted=count(v.adopted_teams), count=count(v.adopter_teams))
    if key == "teams_per_pattern":
        if not v.patterns:
            return _("No pattern presented yet.")
        teams = ngettext("{count} team", "{count} teams", v.teams_reached).format(
            count=count(v.teams_reached)
        )
        # Translators: {teams} is a number of teams, as "{count} team" / "{count} teams" says it
        return ngettext(
            "{teams} reached over {count} pattern.", "{teams} reached over {count} patterns.", v.patterns
        ).format(teams=teams, count=count(v.patterns))
    if key == "boundary_share":
        if not v.patterns:
            return _("No pattern presented yet.")
        return ngettext(
            "{documented} of {count} pattern documented.",
            "{documented} of {count} patterns documented.",
            v.patterns,
        ).format(documented=count(v.documented_patterns), count=count(v.patterns))
    if key == "median_days":
        if not v.adopted_agreements:
            return _("No agreement adopted yet.")
        return ngettext(
            "Over {count} adopted agreement.", "Over {count} adopted agreements.", v.adopted_agreements
        ).format(count=count(v.adopted_agreements))
    return ngettext("At {count} event.", "At {count} events.", v.events).format(count=count(v.events))


# Translators: the title of a figure: agreements that started at risk against those that fit
STARTED_FIT_TITLE = N_("Started at risk vs fit")
STARTED_FIT_EXPLANATION = N_(
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


def _abandoned(at_risk: bool, group: FitGroup) -> str:
    if group.share is None:
        return _("At risk: no agreements") if at_risk else _("Fit: no agreements")
    if at_risk:
        text = ngettext(
            "At risk: {abandoned} of {count} abandoned ({share})",
            "At risk: {abandoned} of {count} abandoned ({share})",
            group.agreements,
        )
    else:
        # Translators: the agreements that fit (the fit check found no risk)
        text = ngettext(
            "Fit: {abandoned} of {count} abandoned ({share})",
            "Fit: {abandoned} of {count} abandoned ({share})",
            group.agreements,
        )
    return text.format(
        abandoned=numbers.integer(group.abandoned),
        count=numbers.integer(group.agreements),
        share=numbers.percent(group.share),
    )


def started_fit_text(fit: StartedFit) -> StartedFitText:
    """Return the started-at-risk-vs-fit figure of one scope in words."""
    unchecked = fit.not_checked.agreements
    return StartedFitText(
        at_risk=_abandoned(True, fit.at_risk),
        fits=_abandoned(False, fit.fits),
        not_checked=ngettext(
            "Not checked: {count} agreement, in neither group",
            "Not checked: {count} agreements, in neither group",
            unchecked,
        ).format(count=numbers.integer(unchecked)),
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
    return numbers.percent(value) if figure.kind == "percent" else numbers.decimal(value, 3)


# The report's "How these figures are computed" section, one paragraph each (marked: ``_(title)``).
METHOD: tuple[tuple[str, str], ...] = (
    (
        N_("Periods and scopes"),
        N_(
            "Periods are calendar quarters of the event date (“2026 Q3”). Scopes are all coalitions "
            "together (Overall) and each coalition on its own: an event's agreements and outcomes count "
            "for every coalition that ran the event; a pattern counts for the coalition that owns it."
        ),
    ),
    (
        N_("Dates and teams"),
        N_(
            "An agreement's date is its event's date. Its adopted date is the date of its first status "
            "change to “adopted” (kept even if the adoption was abandoned later). A team is the "
            "adopter's team as recorded, compared without regard to case or surrounding spaces; when no "
            "team was recorded, the adopter's name stands for the team."
        ),
    ),
    (
        N_("Adoption rate"),
        N_(
            "Per quarter of agreement: of the distinct teams that agreed to adopt at events in the "
            "quarter, the share with at least one of those agreements adopted within six calendar "
            "months of its date. Six months end on the same day of the month (the month's last day "
            "when it is shorter: 31 August gives 28 or 29 February). Teams not yet counted whose six "
            "months are still running on the report date (an agreement not abandoned) are shown as "
            "“still within their six months”. The all-time value is the same over all agreements. "
            "The seed's goal is 70 per cent of teams adopting at least one improvement within six months."
        ),
    ),
    (
        N_("Teams reached per pattern"),
        N_(
            "At the end of each quarter: for each pattern first presented by then, the number of "
            "distinct teams that had agreed to adopt it (whatever became of the agreement) at events "
            "by then; the figure is the mean over those patterns, patterns nobody adopted counting as "
            "zero. A coalition's figure uses its own patterns, at whichever event they were adopted."
        ),
    ),
    (
        N_("Patterns with documented boundaries"),
        N_(
            "At the end of each quarter: of the patterns first presented by then (at their earliest "
            "event; a pattern never presented counts from the day it was created), the share with at "
            "least one “works when” and at least one “breaks when” condition stated by then (dated by "
            "the condition's event, or by when it was recorded if that event was deleted). The 90 per cent "
            "goal mirrors the seed's goal of documenting 90 per cent of successful improvements with "
            "adaptation guidance."
        ),
    ),
    (
        N_("Median days to adopted"),
        N_(
            "Per quarter of agreement: the median, over the quarter's agreements that were adopted, "
            "of the days from the event to the adopted date. None when nothing was adopted."
        ),
    ),
    (
        N_("Failures shared"),
        N_("Per quarter: the number of failure outcomes recorded at events in the quarter."),
    ),
)
