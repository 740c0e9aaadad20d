"""One pass over rows of the history, giving each quarter's facts (``facilitator.figures.facts``).

The same pass serves the whole history (the first look) and the few quarters
a write changed (``facilitator.figures.kept`` reads just their rows). The
per-row work is a couple of dict and set operations: on 10,000 events that is
what the time goes on.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection

from facilitator.figures.dates import DayParser, add_months, quarter_index
from facilitator.figures.facts import OVERALL_KEY, QuarterFacts, ScopeFacts
from facilitator.figures.fit_tally import fit_codes
from facilitator.figures.queries import HistoryRows

# event id -> (its day, last day of its six-month window as an ordinal, its group's facts, its quarter's)
_Event = tuple[dt.date, int, ScopeFacts, QuarterFacts]
# Events that share the same coalitions form a group: counted once per row,
# then added to each of the group's scopes (overall and each coalition).
_GroupKey = tuple[str, ...]


def tally(rows: HistoryRows, quarters: Collection[int] | None = None) -> dict[int, QuarterFacts]:
    """Return the facts of every quarter the rows hold something for, by quarter index.

    Args:
        rows: The rows of the whole history, or of some quarters
            (``facilitator.figures.queries.read_history``).
        quarters: The quarters the rows were read for (None: all). A
            condition read only because an agreement answered it belongs to
            another quarter and is left to that quarter's facts.
    """
    return _Tally(rows, quarters).run()


class _Tally:
    def __init__(self, rows: HistoryRows, quarters: Collection[int] | None) -> None:
        self.rows = rows
        self.wanted = None if quarters is None else set(quarters)
        self.day = DayParser()
        self.facts: dict[int, QuarterFacts] = {}
        self.events: dict[object, _Event] = {}
        self.groups: dict[int, dict[_GroupKey, ScopeFacts]] = defaultdict(dict)

    def run(self) -> dict[int, QuarterFacts]:
        self._events()
        self._agreements()
        self._patterns()
        self._spread()
        return self.facts

    def _quarter(self, index: int) -> QuarterFacts:
        facts = self.facts.get(index)
        if facts is None:
            facts = self.facts[index] = QuarterFacts()
        return facts

    def _events(self) -> None:
        rows, day, events = self.rows, self.day, self.events
        coalitions: dict[object, list[str]] = defaultdict(list)
        for event_id, coalition_id in rows.event_coalitions:
            coalitions[event_id].append(coalition_id)
        # Events share a few thousand dates: each is worked out once.
        dates: dict[object, tuple[dt.date, int, int]] = {}
        for event_id, date in rows.events:
            known = dates.get(date)
            if known is None:
                event_day = day.required(date)
                deadline = add_months(event_day, 6).toordinal()
                known = dates[date] = (event_day, deadline, quarter_index(event_day))
            members = coalitions.get(event_id, ())
            key = tuple(members) if len(members) < 2 else tuple(sorted(members))
            quarter = self._quarter(known[2])
            groups = self.groups[known[2]]
            group = groups.get(key)
            if group is None:
                group = groups[key] = ScopeFacts()
            group.events += 1
            events[event_id] = (known[0], known[1], group, quarter)
        for (event_id,) in rows.failures:
            # On a server each read sees the latest commits: a row of an event
            # the first read did not see is left to the next look (its write
            # marked its quarter stale).
            event = events.get(event_id)
            if event is not None:
                event[2].failures += 1

    def _agreements(self) -> None:
        day, events = self.day, self.events
        codes = fit_codes(self.rows)
        adopted_on: dict[object, dt.date] = {}
        for agreement_id, changed_at in self.rows.adoptions:
            changed = day.required(changed_at)
            known = adopted_on.get(agreement_id)
            if known is None or changed < known:
                adopted_on[agreement_id] = changed
        team_keys: dict[object, str] = {}
        agreed: dict[object, tuple[QuarterFacts, str]] = {}
        for agreement_id, event_id, team, name, status in self.rows.agreements:
            event = events.get(event_id)
            if event is None:
                continue
            event_day, deadline, group, quarter = event
            key = team_keys.get(team)
            if key is None:
                key = team_keys[team] = (team or "").strip().casefold()
            if not key:
                key = (name or "").strip().casefold()
            agreed[agreement_id] = (quarter, key)
            group.teams.add(key)
            abandoned = status == "abandoned"
            group.fit[codes.get(agreement_id, 0), abandoned] += 1
            adopted_day = adopted_on.get(agreement_id)
            if adopted_day is not None:
                group.days.append((adopted_day - event_day).days)
                if adopted_day.toordinal() <= deadline:
                    group.adopted.add(key)
            elif not abandoned and group.open.get(key, 0) < deadline:
                group.open[key] = deadline
        for agreement_id, pattern_id in self.rows.agreement_patterns:
            known_agreement = agreed.get(agreement_id)
            if known_agreement is not None:
                quarter, key = known_agreement
                teams = quarter.agreed.get(pattern_id)
                if teams is None:
                    teams = quarter.agreed[pattern_id] = set()
                teams.add(key)

    def _patterns(self) -> None:
        events, day, wanted = self.events, self.day, self.wanted
        for event_id, pattern_id in self.rows.event_patterns:
            event = events.get(event_id)
            if event is not None:
                event[3].presented.add(pattern_id)
        for _, pattern_id, kind, _, recorded_at, event_date in self.rows.conditions:
            if kind != "works_when" and kind != "breaks_when":
                continue
            # Stated at its event; if its event is gone, on the day it was recorded.
            when = day.required(event_date if event_date is not None else recorded_at)
            index = quarter_index(when)
            if wanted is None or index in wanted:
                self._quarter(index).stated.add((pattern_id, kind))

    def _spread(self) -> None:
        """Add each group's counts to its quarter's scopes: overall and each of its coalitions."""
        for index, groups in self.groups.items():
            scopes = self.facts[index].scopes
            for key, group in groups.items():
                for scope_key in (OVERALL_KEY, *key):
                    scope = scopes.get(scope_key)
                    if scope is None:
                        scope = scopes[scope_key] = ScopeFacts()
                    scope.add(group)
