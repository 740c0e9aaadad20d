"""The figures as plain frozen values: per quarter, all-time, per scope."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from facilitator.figures.dates import Quarter


@dataclass(frozen=True)
class FigureValues:
    """The five figures and the counts behind them, for one period of one scope.

    Attributes:
        events: Events held in the period.
        adopter_teams: Distinct teams that agreed to adopt at those events.
        adopted_teams: Those with at least one of those agreements adopted
            within six months of its event.
        open_teams: Of the other teams, those with an agreement (not
            abandoned) whose six months had not ended on ``today``.
        adoption_rate: ``adopted_teams / adopter_teams``; None without teams.
        patterns: Patterns first presented by the end of the period.
        teams_reached: Sum over those patterns of the distinct teams that
            agreed to adopt each by then.
        teams_per_pattern: ``teams_reached / patterns``; None without patterns.
        documented_patterns: Of those patterns, the ones with a "works when"
            and a "breaks when" condition stated by then.
        boundary_share: ``documented_patterns / patterns``; None without patterns.
        adopted_agreements: Agreements of the period that were adopted (ever).
        median_days: Median days from event to adoption over those; None
            without adoptions.
        failures: Failure outcomes shared at the period's events.
    """

    events: int
    adopter_teams: int
    adopted_teams: int
    open_teams: int
    adoption_rate: float | None
    patterns: int
    teams_reached: int
    teams_per_pattern: float | None
    documented_patterns: int
    boundary_share: float | None
    adopted_agreements: int
    median_days: float | None
    failures: int


@dataclass(frozen=True)
class QuarterFigures(FigureValues):
    """The figures of one calendar quarter (cumulative ones as at its last day)."""

    quarter: Quarter


@dataclass(frozen=True)
class PatternReach:
    """How far one pattern spread: distinct teams that agreed to adopt it, all-time."""

    pattern_id: uuid.UUID
    name: str
    coalition: str
    teams: int
    documented: bool  # has both a "works when" and a "breaks when" condition


@dataclass(frozen=True)
class FitGroup:
    """Agreements in one state of the fit check, and how many of them are abandoned now.

    Attributes:
        agreements: Agreements in the group.
        abandoned: Of those, the ones whose status is now "abandoned".
    """

    agreements: int = 0
    abandoned: int = 0

    @property
    def share(self) -> float | None:
        """Return ``abandoned / agreements``; None without agreements."""
        return self.abandoned / self.agreements if self.agreements else None


@dataclass(frozen=True)
class StartedFit:
    """Do adoptions that started at risk end as abandoned more often than those that fit?

    Attributes:
        at_risk: Agreements the fit check put at risk (the risk accepted or not).
        fits: Agreements with answers, none of them a risk.
        not_checked: Agreements with no answer at all: in neither group.
    """

    at_risk: FitGroup = FitGroup()
    fits: FitGroup = FitGroup()
    not_checked: FitGroup = FitGroup()


@dataclass(frozen=True)
class Figures:
    """Everything shown for one scope: overall, or one coalition.

    Attributes:
        scope: "Overall" or the coalition's name.
        coalition_id: None for the overall scope.
        quarters: Every quarter from the scope's first to its last, gaps included.
        totals: The all-time values (cumulative ones as at ``today``).
        top_patterns: The patterns that reached the most teams, best first.
        fit: Abandoned agreements among those that started at risk and those that fit, all time.
    """

    scope: str
    coalition_id: uuid.UUID | None
    quarters: tuple[QuarterFigures, ...]
    totals: FigureValues
    top_patterns: tuple[PatternReach, ...]
    fit: StartedFit = StartedFit()

    @property
    def is_empty(self) -> bool:
        """Return whether the scope has nothing to show (no events, no patterns)."""
        return not self.quarters

    def series(self, key: str) -> tuple[float | int | None, ...]:
        """Return one figure's value per quarter (``key`` is a FigureValues field)."""
        return tuple(getattr(q, key) for q in self.quarters)


@dataclass(frozen=True)
class FiguresReport:
    """The figures overall and for every coalition, as computed on ``today``."""

    today: dt.date
    overall: Figures
    coalitions: tuple[Figures, ...]

    @property
    def scopes(self) -> tuple[Figures, ...]:
        """Return the overall figures first, then each coalition's by name."""
        return (self.overall, *self.coalitions)

    @property
    def is_empty(self) -> bool:
        """Return whether the history holds nothing to measure yet."""
        return self.overall.is_empty

    def scope(self, name: str) -> Figures | None:
        """Return the scope named ``name`` (case-insensitive), or None."""
        wanted = " ".join(name.split()).casefold()
        for figures in self.scopes:
            if " ".join(figures.scope.split()).casefold() == wanted:
                return figures
        return None
