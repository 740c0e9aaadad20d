"""The fixed cast of a generated history: teams, people, coalitions and patterns.

Everything is drawn from one seeded ``random.Random``, so a seed always gives
the same world. Patterns and coalitions carry fixed UUIDs: every event that
presents a pattern names it by that UUID, and the importer reuses the stored
one instead of creating a copy.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field

import history_words as words

TEAMS = 150
COALITIONS = 40
PATTERNS = 300
PEOPLE = 2500
FAILURE_SHARE = 0.25


@dataclass(frozen=True)
class Person:
    """Someone who can be invited: a name and the team they work in."""

    name: str
    team: str


@dataclass
class Coalition:
    """A TOP coalition with its members and the TOP Goals it had over time."""

    id: uuid.UUID
    name: str
    area: str
    theme: str
    start: dt.date
    weight: float
    members: list[Person]
    facilitators: list[str]
    goals: list[tuple[dt.date, str]] = field(default_factory=list)

    def goal_on(self, day: dt.date) -> str:
        """Return the TOP Goal the coalition had on ``day``."""
        current = self.goals[0][1]
        for since, text in self.goals:
            if since > day:
                break
            current = text
        return current


@dataclass
class Pattern:
    """A library pattern: owned by one coalition, first presented on or after ``born``."""

    id: uuid.UUID
    owner: int
    kind: str
    name: str
    summary: str
    guidance: str
    born: dt.date
    spread: float
    introduced: bool = False


def fixed_uuid(rng: random.Random) -> uuid.UUID:
    """Return a version-4 UUID drawn from ``rng`` (so a seed gives the same ids)."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def quarter(day: dt.date) -> str:
    """Return e.g. ``Q3 2024`` for ``day``."""
    return f"Q{(day.month - 1) // 3 + 1} {day.year}"


class World:
    """Teams, people, coalitions and the pattern library between ``start`` and ``end``."""

    def __init__(self, rng: random.Random, start: dt.date, end: dt.date) -> None:
        self.rng = rng
        self.start, self.end = start, end
        self.teams = self._teams()
        self.product_teams = self.teams[len(words.CROSS_TEAMS) :]
        self.people = self._people()
        self.leaders = [
            Person(p.name, rng.choice(("Engineering Leadership", p.team, p.team)))
            for p in rng.sample(self.people, 60)
        ]
        self.coalitions = self._coalitions()
        self.patterns = self._patterns()

    def days(self, low: float, high: float) -> dt.timedelta:
        """Return a random whole number of days in [low, high]."""
        return dt.timedelta(days=int(self.rng.uniform(low, high)))

    def _teams(self) -> list[str]:
        rng = self.rng
        teams = list(words.CROSS_TEAMS)
        seen = set(teams)
        while len(teams) < TEAMS:
            name = rng.choice(words.TEAM_AREAS) + rng.choice(words.TEAM_KINDS)
            if name not in seen:
                seen.add(name)
                teams.append(name)
        return teams

    def _people(self) -> list[Person]:
        rng = self.rng
        names = {f"{first} {last}" for first in words.FIRST_NAMES for last in words.LAST_NAMES}
        chosen = rng.sample(sorted(names), PEOPLE - len(words.EXTRA_PEOPLE))
        chosen += words.EXTRA_PEOPLE
        return [Person(name, rng.choice(self.teams)) for name in chosen]

    def _coalitions(self) -> list[Coalition]:
        rng = self.rng
        span = (self.end - self.start).days
        names: list[str] = list(words.COALITION_SPECIALS)
        while len(names) < COALITIONS:
            area = rng.choice(words.TEAM_AREAS)
            theme, kind = rng.choice(words.COALITION_THEMES), rng.choice(words.COALITION_KINDS)
            name = f"{area} {theme} {kind}"
            if name not in names:
                names.append(name)
        rng.shuffle(names)
        result = []
        for index, name in enumerate(names):
            # A dozen coalitions exist from the start; the rest form over four years.
            offset = rng.uniform(0, 30) if index < 12 else rng.uniform(30, span * 0.66)
            area = name.split()[0]
            if area not in words.TEAM_AREAS:
                area = rng.choice(words.TEAM_AREAS)
            coalition = Coalition(
                id=fixed_uuid(rng),
                name=name,
                area=area,
                theme=rng.choice(words.COALITION_THEMES),
                start=self.start + dt.timedelta(days=int(offset)),
                weight=rng.uniform(0.3, 2.0),
                members=rng.sample(self.people, rng.randint(3, 6)),
                facilitators=[p.name for p in rng.sample(self.people, rng.randint(1, 3))],
            )
            self._goals(coalition)
            result.append(coalition)
        return result

    def _goals(self, coalition: Coalition) -> None:
        rng = self.rng
        day = coalition.start
        while day <= self.end:
            a = rng.randint(6, 20)
            pa = rng.randint(12, 30)
            text = rng.choice(words.GOAL_TEMPLATES).format(
                area=coalition.area,
                a=a,
                b=max(1, a // 2 - rng.randint(0, 2)),
                pa=pa,
                pb=max(2, pa // 2),
                quarter=quarter(day + self.days(150, 300)),
            )
            coalition.goals.append((day, text))
            day += self.days(150, 420)  # goals change now and then, not every event

    def _names(self, bases: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
        # Popped from the end: every bare name comes before its variants.
        variants = [(f"{name} {context}", summary) for name, summary in bases for context in words.CONTEXTS]
        bare = list(bases)
        self.rng.shuffle(variants)
        self.rng.shuffle(bare)
        return variants + bare

    def _patterns(self) -> list[Pattern]:
        rng = self.rng
        owners = [i % COALITIONS for i in range(PATTERNS)]
        rng.shuffle(owners)
        failures = set(rng.sample(range(PATTERNS), int(PATTERNS * FAILURE_SHARE)))
        names = {False: self._names(words.PRACTICES), True: self._names(words.FAILURES)}
        result = []
        first_of_owner: set[int] = set()
        for index, owner in enumerate(owners):
            failure = index in failures
            name, summary = names[failure].pop()
            coalition = self.coalitions[owner]
            latest = self.end - dt.timedelta(days=60)
            span = max(0, (latest - coalition.start).days)
            # Each coalition starts with a pattern; the library grows fastest early on.
            born = (
                coalition.start
                if owner not in first_of_owner
                else (coalition.start + dt.timedelta(days=int(span * rng.random() ** 1.6)))
            )
            first_of_owner.add(owner)
            result.append(
                Pattern(
                    id=fixed_uuid(rng),
                    owner=owner,
                    kind="failure" if failure else "success",
                    name=name,
                    summary=summary,
                    guidance=rng.choice(words.AVOID if failure else words.GUIDANCE),
                    born=born,
                    spread=rng.paretovariate(2.0),
                )
            )
        return result
