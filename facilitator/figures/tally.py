"""One pass over the history's rows, counting per scope and quarter.

Events that share the same coalitions form a *group*; agreements and
outcomes are first counted per (quarter, group), then each group's counts are
added to every scope it belongs to (overall and each of its coalitions). That
keeps the per-row work to a couple of dict and set operations, whatever the
number of coalitions.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from facilitator.figures.dates import DayParser, add_months, quarter_index
from facilitator.figures.fit_tally import STATE_OF_CODE, FitCounts, fit_codes
from facilitator.figures.model import PatternReach
from facilitator.figures.queries import HistoryRows
from facilitator.followup.keys import stored_uuid


class ScopeCounts:
    """What one scope (overall or one coalition) counted, keyed by quarter index."""

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


def tally(rows: HistoryRows, today: dt.date) -> dict[object, ScopeCounts]:
    """Return the counts per scope: key None for overall, else the stored coalition id."""
    return _Tally(rows, today).run()


class _Tally:
    def __init__(self, rows: HistoryRows, today: dt.date) -> None:
        self.rows, self.today = rows, today
        self.day = DayParser()
        self.names = {coalition_id: name for coalition_id, name in rows.coalitions}
        self.scopes: dict[object, ScopeCounts] = {None: ScopeCounts()}
        self.scopes.update((coalition_id, ScopeCounts()) for coalition_id in self.names)
        # event id -> (date, six months later, (quarter index, group))
        self.events: dict[object, tuple[dt.date, dt.date, tuple[int, int]]] = {}
        self.groups: list[list[ScopeCounts]] = []

    def run(self) -> dict[object, ScopeCounts]:
        self._events()
        agreed = self._agreements()
        self._patterns(agreed)
        return self.scopes

    def _events(self) -> None:
        rows, day, scopes, groups, events = self.rows, self.day, self.scopes, self.groups, self.events
        coalitions: dict[object, list[object]] = defaultdict(list)
        for event_id, coalition_id in rows.event_coalitions:
            if coalition_id in scopes:
                coalitions[event_id].append(coalition_id)
        no_coalition: list[object] = []
        group_of: dict[object, int] = {}
        # Events share a few thousand dates and coalition groups: each is worked out once.
        dates: dict[object, tuple[dt.date, dt.date, int]] = {}
        slots: dict[tuple[int, int], tuple[int, int]] = {}
        for event_id, date in rows.events:
            known = dates.get(date)
            if known is None:
                event_day = day.required(date)
                known = dates[date] = (event_day, add_months(event_day, 6), quarter_index(event_day))
            members = coalitions.get(event_id, no_coalition)
            key = members[0] if len(members) == 1 else tuple(sorted(members, key=str))
            group = group_of.get(key)
            if group is None:
                group = group_of[key] = len(groups)
                groups.append([scopes[None], *(scopes[c] for c in members)])
            slot = (known[2], group)
            slot = slots.setdefault(slot, slot)  # one tuple per slot: cheaper keys later
            events[event_id] = (known[0], known[1], slot)
        per_slot = Counter(event[2] for event in events.values())
        failures = Counter(events[event_id][2] for (event_id,) in rows.failures)
        for (index, group), count in per_slot.items():
            for scope in groups[group]:
                scope.events[index] += count
        for (index, group), count in failures.items():
            for scope in groups[group]:
                scope.failures[index] += count

    def _agreements(self) -> dict[object, tuple[int, str]]:
        """Count agreements per (quarter, group); return agreement id -> (quarter, team).

        Also, all time, per fit state at the event and whether abandoned now.
        """
        day, today, events = self.day, self.today, self.events
        codes = fit_codes(self.rows)
        # Per (group, abandoned, fit code): plain keys, as an enum hashes in Python, per row.
        plain: Counter[tuple[int, bool, int]] = Counter()
        adopted_on: dict[object, dt.date] = {}
        for agreement_id, changed_at in self.rows.adoptions:
            changed = day.required(changed_at)
            known = adopted_on.get(agreement_id)
            if known is None or changed < known:
                adopted_on[agreement_id] = changed
        teams: dict[tuple[int, int], set[str]] = defaultdict(set)
        adopted: dict[tuple[int, int], set[str]] = defaultdict(set)
        open_: dict[tuple[int, int], set[str]] = defaultdict(set)
        days: dict[tuple[int, int], list[int]] = defaultdict(list)
        team_keys: dict[object, str] = {}
        agreed: dict[object, tuple[int, str]] = {}
        for agreement_id, event_id, team, name, status in self.rows.agreements:
            event_day, deadline, slot = events[event_id]
            key = team_keys.get(team)
            if key is None:
                key = team_keys[team] = (team or "").strip().casefold()
            if not key:
                key = (name or "").strip().casefold()
            agreed[agreement_id] = (slot[0], key)
            teams[slot].add(key)
            abandoned = status == "abandoned"
            plain[slot[1], abandoned, codes.get(agreement_id, 0)] += 1
            adopted_day = adopted_on.get(agreement_id)
            if adopted_day is not None:
                days[slot].append((adopted_day - event_day).days)
                if adopted_day <= deadline:
                    adopted[slot].add(key)
            elif status != "abandoned" and today <= deadline:
                open_[slot].add(key)
        for counted, field in ((teams, "teams"), (adopted, "adopted"), (open_, "open")):
            for (index, group), keys in counted.items():
                for scope in self.groups[group]:
                    getattr(scope, field)[index].update(keys)
        for (index, group), values in days.items():
            for scope in self.groups[group]:
                scope.days[index].extend(values)
        self._count_fit(plain)
        return agreed

    def _count_fit(self, plain: Counter[tuple[int, bool, int]]) -> None:
        """Add each group's agreements per (fit state, abandoned) to its scopes."""
        fit: dict[int, FitCounts] = defaultdict(Counter)
        for (group, abandoned, code), count in plain.items():
            fit[group][STATE_OF_CODE[code], abandoned] += count
        for group, counts in fit.items():
            for scope in self.groups[group]:
                scope.fit.update(counts)

    def _first_presented(self) -> dict[object, int]:
        """Return pattern id -> quarter index of its earliest event (else of its creation)."""
        events, day = self.events, self.day
        first: dict[object, dt.date] = {}
        for event_id, pattern_id in self.rows.event_patterns:
            event_day = events[event_id][0]
            known = first.get(pattern_id)
            if known is None or event_day < known:
                first[pattern_id] = event_day
        return {
            pattern_id: quarter_index(first.get(pattern_id) or day.required(created_at))
            for pattern_id, _, _, created_at in self.rows.patterns
        }

    def _stated(self) -> dict[tuple[object, str], dt.date]:
        """Return (pattern id, kind) -> the day the first such condition was stated."""
        events, day = self.events, self.day
        stated: dict[tuple[object, str], dt.date] = {}
        for _, pattern_id, kind, event_id, recorded_at in self.rows.conditions:
            if kind != "works_when" and kind != "breaks_when":
                continue
            event = events.get(event_id)
            when = event[0] if event is not None else day.required(recorded_at)
            known = stated.get((pattern_id, kind))
            if known is None or when < known:
                stated[pattern_id, kind] = when
        return stated

    def _patterns(self, agreed: dict[object, tuple[int, str]]) -> None:
        presented = self._first_presented()
        stated = self._stated()
        first_agreed: dict[tuple[object, str], int] = {}
        for agreement_id, pattern_id in self.rows.agreement_patterns:
            index, team = agreed[agreement_id]
            known = first_agreed.get((pattern_id, team))
            if known is None or index < known:
                first_agreed[pattern_id, team] = index
        reached = Counter((pattern_id, index) for (pattern_id, _), index in first_agreed.items())
        owner = {pattern_id: coalition_id for pattern_id, coalition_id, _, _ in self.rows.patterns}
        teams_of: Counter[object] = Counter()
        for (pattern_id, index), count in reached.items():
            teams_of[pattern_id] += count
            # A team counts for a pattern once both its agreement and the pattern exist.
            index = max(index, presented[pattern_id])
            for scope in self._scopes_of(owner[pattern_id]):
                scope.reach[index] += count
        for pattern_id, coalition_id, name, _ in self.rows.patterns:
            first = presented[pattern_id]
            works = stated.get((pattern_id, "works_when"))
            breaks = stated.get((pattern_id, "breaks_when"))
            # Documented once both "works when" and "breaks when" are stated: from that quarter on.
            documented_in = (
                max(first, quarter_index(works), quarter_index(breaks))
                if works is not None and breaks is not None
                else None
            )
            documented = documented_in is not None
            line = PatternReach(
                stored_uuid(pattern_id),
                name,
                self.names.get(coalition_id, ""),
                teams_of[pattern_id],
                documented,
            )
            for scope in self._scopes_of(coalition_id):
                scope.presented[first] += 1
                scope.patterns.append(line)
                if documented_in is not None:
                    scope.documented[documented_in] += 1

    def _scopes_of(self, coalition_id: object) -> list[ScopeCounts]:
        coalition = self.scopes.get(coalition_id)
        return [self.scopes[None]] if coalition is None else [self.scopes[None], coalition]
