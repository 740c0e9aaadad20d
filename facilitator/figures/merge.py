"""Adding the quarters' facts up into the counts of each scope (overall and each coalition).

Patterns, their coalitions and the coalitions' names are read as they are now
(a few hundred rows), so renaming or moving one never needs facts worked out
again; so is the day the figures are looked at, which opens and closes the
six-month windows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping

from facilitator.figures.dates import DayParser, quarter_index
from facilitator.figures.facts import OVERALL_KEY, QuarterFacts
from facilitator.figures.fit_tally import STATE_OF_CODE, FitCounts
from facilitator.figures.model import PatternReach
from facilitator.followup.keys import stored_uuid
from facilitator.followup.scan import Rows


class ScopeCounts:
    """What one scope (overall or one coalition) counted, keyed by quarter index.

    Its sets and lists are the quarters' facts themselves, which this process
    keeps for later looks: read them, never change them.
    """

    def __init__(self) -> None:
        self.events: dict[int, int] = defaultdict(int)
        self.failures: dict[int, int] = defaultdict(int)
        self.teams: dict[int, set[str]] = defaultdict(set)
        self.adopted: dict[int, set[str]] = defaultdict(set)
        self.open: dict[int, set[str]] = defaultdict(set)
        self.days: dict[int, list[int]] = defaultdict(list)
        self.presented: dict[int, int] = defaultdict(int)
        self.documented: dict[int, int] = defaultdict(int)
        self.reach: dict[int, int] = defaultdict(int)
        self.patterns: list[PatternReach] = []
        self.fit: FitCounts = Counter()

    def quarter_indexes(self) -> range:
        """Return every quarter index from the scope's first to its last, gaps included."""
        used = [*self.events, *self.presented, *self.documented, *self.reach]
        return range(min(used), max(used) + 1) if used else range(0)


def scope_counts(
    quarters: Mapping[int, QuarterFacts], coalitions: Rows, patterns: Rows, today: dt.date
) -> dict[object, ScopeCounts]:
    """Return the counts per scope: key None for overall, else the stored coalition id.

    Args:
        quarters: Every quarter's facts, by quarter index.
        coalitions: (id, name) of every coalition.
        patterns: (id, coalition id, name, created at) of every pattern.
        today: The day six-month windows are judged on.
    """
    names = {coalition_id: name for coalition_id, name in coalitions}
    scopes: dict[object, ScopeCounts] = {None: ScopeCounts()}
    scopes.update((coalition_id, ScopeCounts()) for coalition_id in names)
    _add_scopes(quarters, scopes, today.toordinal())
    _add_patterns(quarters, scopes, names, patterns)
    return scopes


def _add_scopes(quarters: Mapping[int, QuarterFacts], scopes: dict[object, ScopeCounts], today: int) -> None:
    for index, facts in quarters.items():
        for key, counted in facts.scopes.items():
            # A coalition deleted since has no scope any more.
            scope = scopes.get(None if key == OVERALL_KEY else key)
            if scope is None:
                continue
            scope.events[index] = counted.events
            scope.failures[index] = counted.failures
            scope.teams[index] = counted.teams
            scope.adopted[index] = counted.adopted
            scope.open[index] = {team for team, last_day in counted.open.items() if last_day >= today}
            scope.days[index] = counted.days
            for (code, abandoned), count in counted.fit.items():
                scope.fit[STATE_OF_CODE[code], abandoned] += count


def _add_patterns(
    quarters: Mapping[int, QuarterFacts],
    scopes: dict[object, ScopeCounts],
    names: dict[object, str],
    patterns: Rows,
) -> None:
    presented: dict[str, int] = {}
    stated: dict[tuple[str, str], int] = {}
    reached: Counter[tuple[str, int]] = Counter()
    seen: dict[str, set[str]] = defaultdict(set)
    # Oldest quarter first: a team counts for a pattern from its first agreement to adopt it.
    for index in sorted(quarters):
        facts = quarters[index]
        for pattern_id in facts.presented:
            presented.setdefault(pattern_id, index)
        for pair in facts.stated:
            stated.setdefault(pair, index)
        for pattern_id, teams in facts.agreed.items():
            known = seen[pattern_id]
            new = len(teams - known)
            if new:
                reached[pattern_id, index] += new
                known |= teams
    day = DayParser()
    first: dict[str, int] = {}
    owner: dict[str, object] = {}
    for pattern_id, coalition_id, _, created_at in patterns:
        # First presented at its earliest event; if none presented it, when it was created.
        known_first = presented.get(pattern_id)
        first[pattern_id] = (
            known_first if known_first is not None else quarter_index(day.required(created_at))
        )
        owner[pattern_id] = coalition_id
    for (pattern_id, index), count in reached.items():
        if pattern_id in owner:
            # A team counts for a pattern once both its agreement and the pattern exist.
            at = max(index, first[pattern_id])
            for scope in _scopes_of(scopes, owner[pattern_id]):
                scope.reach[at] += count
    for pattern_id, coalition_id, name, _ in patterns:
        quarter = first[pattern_id]
        works = stated.get((pattern_id, "works_when"))
        breaks = stated.get((pattern_id, "breaks_when"))
        # Documented once both "works when" and "breaks when" are stated: from that quarter on.
        documented_in = max(quarter, works, breaks) if works is not None and breaks is not None else None
        line = PatternReach(
            stored_uuid(pattern_id),
            name,
            names.get(coalition_id, ""),
            len(seen.get(pattern_id, ())),
            documented_in is not None,
        )
        for scope in _scopes_of(scopes, coalition_id):
            scope.presented[quarter] += 1
            scope.patterns.append(line)
            if documented_in is not None:
                scope.documented[documented_in] += 1


def _scopes_of(scopes: dict[object, ScopeCounts], coalition_id: object) -> list[ScopeCounts]:
    coalition = scopes.get(coalition_id)
    return [scopes[None]] if coalition is None else [scopes[None], coalition]
