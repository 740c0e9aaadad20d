"""What one calendar quarter of the history adds to the figures, in a form that can be stored.

The figures are sums, unions and minima over quarters (see
``facilitator.figures.compute``), so each quarter's share can be worked out
from that quarter's rows alone and kept; when a write changes a quarter, only
that quarter is worked out again (``facilitator.figures.kept``).

Within a quarter, the facts are kept per *scope*: overall, and each coalition
(an event's agreements count for every one of its coalitions), so adding the
quarters up is one step per scope and quarter. Everything that depends on the
day the figures are looked at is kept as a date to compare with it (a team's
six-month window), never as a yes or no.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

OVERALL_KEY = ""
"""The key of the overall scope among the coalition ids."""


@dataclass
class ScopeFacts:
    """One scope's events in one quarter.

    Attributes:
        events: How many events.
        failures: Failure outcomes recorded at them.
        teams: The teams (stripped, case-folded) that agreed to adopt something.
        adopted: Those with an agreement adopted within six months of its event.
        open: Per team with an agreement neither adopted nor abandoned, the
            latest last day (as a proleptic ordinal) of those agreements' windows.
        days: Days from event to adoption, one per adopted agreement.
        fit: Agreements per (fit code, abandoned now): codes as in
            ``facilitator.figures.fit_tally``.
    """

    events: int = 0
    failures: int = 0
    teams: set[str] = field(default_factory=set)
    adopted: set[str] = field(default_factory=set)
    open: dict[str, int] = field(default_factory=dict)
    days: list[int] = field(default_factory=list)
    fit: Counter[tuple[int, bool]] = field(default_factory=Counter)

    def add(self, other: ScopeFacts) -> None:
        """Add another's events and agreements to these (sets joined, windows the later)."""
        self.events += other.events
        self.failures += other.failures
        self.teams |= other.teams
        self.adopted |= other.adopted
        for team, last_day in other.open.items():
            if self.open.get(team, 0) < last_day:
                self.open[team] = last_day
        self.days += other.days
        self.fit.update(other.fit)


@dataclass
class QuarterFacts:
    """One quarter's share of the history.

    Attributes:
        scopes: Per scope (a coalition id, or :data:`OVERALL_KEY`), what its events add.
        presented: Patterns presented at an event of the quarter.
        stated: (pattern id, kind) of the conditions stated in the quarter
            (at its events; a condition whose event is gone, by the day it was
            recorded).
        agreed: Per pattern, the teams that agreed to adopt it at the quarter's events.
    """

    scopes: dict[str, ScopeFacts] = field(default_factory=dict)
    presented: set[str] = field(default_factory=set)
    stated: set[tuple[str, str]] = field(default_factory=set)
    agreed: dict[str, set[str]] = field(default_factory=dict)

    def to_text(self) -> str:
        """Return the facts as compact JSON text (sets sorted, so equal facts give equal text)."""
        scopes = [
            [
                key,
                g.events,
                g.failures,
                sorted(g.teams),
                sorted(g.adopted),
                dict(sorted(g.open.items())),
                sorted(g.days),
                sorted([code, int(abandoned), count] for (code, abandoned), count in g.fit.items()),
            ]
            for key, g in sorted(self.scopes.items())
        ]
        data = {
            "scopes": scopes,
            "presented": sorted(self.presented),
            "stated": sorted(list(pair) for pair in self.stated),
            "agreed": {pattern: sorted(teams) for pattern, teams in sorted(self.agreed.items())},
        }
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_text(cls, text: str) -> QuarterFacts:
        """Return the facts :meth:`to_text` wrote.

        Raises:
            ValueError: The text is not facts this version wrote.
        """
        try:
            data = json.loads(text)
            scopes = {
                key: ScopeFacts(
                    events=events,
                    failures=failures,
                    teams=set(teams),
                    adopted=set(adopted),
                    open=dict(open_),
                    days=list(days),
                    fit=Counter({(code, bool(abandoned)): count for code, abandoned, count in fit}),
                )
                for key, events, failures, teams, adopted, open_, days, fit in data["scopes"]
            }
            return cls(
                scopes=scopes,
                presented=set(data["presented"]),
                stated={(pattern, kind) for pattern, kind in data["stated"]},
                agreed={pattern: set(teams) for pattern, teams in data["agreed"].items()},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"stored figures facts are unreadable: {exc}") from exc
