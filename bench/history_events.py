"""One generated event as an event-file document (a plain dict, format version 1).

The schedule spreads events over the years before ``today`` (more of them
recently, as the practice spreads); the newest are still running and a few
are planned in the coming weeks. Agreements carry a fit check (answers to
most conditions the event states for their patterns) and a dated status history:
old ones have mostly been adopted or abandoned, recent ones are still agreed
or in progress, and their check-in dates make some of them overdue.
"""

from __future__ import annotations

import datetime as dt

import history_words as words
from history_agreements import agreement
from history_world import World, quarter

TRIGGERS = (
    ("quarterly_cadence",) * 4
    + ("significant_progress",) * 3
    + ("pattern_discovery", "pattern_discovery", "relevant_learnings")
)
STEPS = ("top-goal", "outcomes-patterns", "context-boundaries", "follow-up-support")
BOUNDARY_KEYS = (
    ("works_when", words.WORKS_WHEN),
    ("breaks_when", words.BREAKS_WHEN),
    ("prerequisites", words.PREREQUISITES),
)
FIT_ANSWERS = ("holds", "does_not_hold", "not_known")


def schedule(world: World, count: int, today: dt.date) -> list[tuple[dt.date, str]]:
    """Return ``count`` (date, status) pairs, oldest first."""
    rng = world.rng
    planned = max(1, count // 400)
    running = max(1, count // 1000) if count > planned else 0
    span = (world.end - world.start).days
    past = sorted(
        world.start + dt.timedelta(days=int(span * rng.random() ** 0.8)) for _ in range(count - planned)
    )
    result = [(day, "closed") for day in past]
    for index in range(len(result) - running, len(result)):
        result[index] = (result[index][0], "running")
    result += sorted((today + world.days(1, 35), "planned") for _ in range(planned))
    return result


class EventBuilder:
    """Turns a date and status into a whole event document."""

    def __init__(self, world: World, now: dt.datetime) -> None:
        self.world = world
        self.rng = world.rng
        self.now = now

    def build(self, day: dt.date, status: str) -> dict:
        """Return the event-file document of one event on ``day``."""
        rng, world = self.rng, self.world
        held_by = self._coalitions(day)
        lead = world.coalitions[held_by[0]]
        event: dict = {
            "title": rng.choice(words.TITLES).format(
                area=lead.area, quarter=quarter(day), coalition=lead.name, theme=lead.theme.lower()
            ),
            "date": day.isoformat(),
            "facilitator": rng.choice(lead.facilitators),
            "trigger": rng.choice(TRIGGERS),
            "agenda": "scale-across" if rng.random() < 0.85 else "scale-across-30",
            "status": status,
        }
        started = dt.datetime.combine(day, dt.time(rng.randint(9, 15), rng.choice((0, 30))))
        if status == "closed":
            closed = started + dt.timedelta(hours=rng.uniform(1, 30))
            event["closed_at"] = _stamp(min(closed, self.now))
            event["step_seconds"] = {step: rng.randint(180, 1500) for step in STEPS}
        elif status == "running":
            event["current_step"] = rng.choice(STEPS)
        people = self._participants(held_by)
        patterns, first_time = self._patterns(day, held_by)
        outcomes = self._outcomes(patterns)
        owners = sorted({p.owner for p in patterns} - set(held_by))
        doc: dict = {
            "format": "scale-across-event",
            "version": 1,
            "event": event,
            "coalitions": [self._coalition(i, day) for i in held_by],
            "other_coalitions": [self._coalition(i, None) for i in owners],
            "participants": people,
            "outcomes": outcomes,
            "patterns": [
                self._pattern(p, n < len(outcomes) and f"o{n + 1}", p in first_time)
                for n, p in enumerate(patterns)
            ],
        }
        self._new_boundaries(doc["patterns"])
        if status != "planned":
            adopters = [p["id"] for p in people if p["role"] == "potential_adopter"]
            helpers = [p["id"] for p in people if p["role"] in ("coalition_member", "platform_owner")]
            sponsor = next((p["id"] for p in people if p["role"] == "sponsor"), None)
            keys = [p["id"] for p in doc["patterns"]]
            teams = {p["id"]: p["team"] for p in people}
            doc["agreements"] = [
                agreement(
                    rng,
                    adopters[n % len(adopters)],
                    sponsor,
                    helpers,
                    keys,
                    teams,
                    started + dt.timedelta(minutes=50 + 5 * n),
                    self.now,
                    rng.choice(world.product_teams),
                )
                for n in range(rng.choice((2, 2, 2, 3, 3, 4)))
            ]
            for entry in doc["agreements"]:
                self._fit(entry, doc["patterns"])
        return doc

    def _fit(self, entry: dict, patterns: list[dict]) -> None:
        """Answer most conditions the file states for the agreement's patterns, as rooms do."""
        adopted = [p for p in patterns if p["id"] in entry["patterns"]]
        texts = [text for p in adopted for key, _ in BOUNDARY_KEYS for text in p.get(key, [])]
        answers = []
        for text in texts:
            # A condition is named by its words, which must be unique among the adopted patterns'.
            if texts.count(text) == 1 and self.rng.random() < 0.8:
                answer = self.rng.choices(FIT_ANSWERS, (70, 15, 15))[0]
                answers.append({"condition": text, "answer": answer})
        if answers:
            entry["fit"] = answers

    def _coalitions(self, day: dt.date) -> list[int]:
        active = [i for i, c in enumerate(self.world.coalitions) if c.start <= day]
        weights = [self.world.coalitions[i].weight for i in active]
        first = self.rng.choices(active, weights)[0]
        if len(active) > 1 and self.rng.random() < 0.06:  # a shared event
            second = self.rng.choice([i for i in active if i != first])
            return [first, second]
        return [first]

    def _coalition(self, index: int, day: dt.date | None) -> dict:
        coalition = self.world.coalitions[index]
        entry = {"id": str(coalition.id), "name": coalition.name}
        if day is not None:
            entry["top_goal"] = coalition.goal_on(day)
        return entry

    def _participants(self, held_by: list[int]) -> list[dict]:
        rng, world = self.rng, self.world
        people: list[dict] = []

        def add(person, role: str, **extra) -> None:
            team = person.team.lower() if rng.random() < 0.02 else person.team  # typed differently
            people.append(
                {"id": f"p{len(people) + 1}", "name": person.name, "team": team, "role": role, **extra}
            )

        for index in held_by:
            for member in rng.sample(world.coalitions[index].members, rng.choice((1, 1, 2))):
                add(member, "coalition_member", capacity_hours=rng.choice((8, 12, 16, 24, 32)))
        if rng.random() < 0.65:
            add(rng.choice(world.leaders), "sponsor")
        if rng.random() < 0.4:
            role = rng.choice(("platform_owner", "process_owner"))
            hours = {"capacity_hours": 8} if role == "platform_owner" else {}
            add(rng.choice(world.people), role, **hours)
        if rng.random() < 0.08:
            add(rng.choice(world.people), "observer")
        target = rng.choice((5, 6, 6, 7))
        for _ in range(max(2, target - len(people))):
            add(rng.choice(world.people), "potential_adopter")
        return people

    def _patterns(self, day: dt.date, held_by: list[int]) -> tuple[list, list]:
        rng = self.rng
        born = [p for p in self.world.patterns if p.born <= day]
        own = [p for p in born if p.owner in held_by]
        # A pattern is first presented by its own coalition; then anyone may share it.
        fresh = [p for p in own if not p.introduced]
        known = [p for p in born if p.introduced]
        count = rng.choice((2, 2, 3, 3, 3))
        chosen = fresh[:count]
        first_time = list(chosen)
        while len(chosen) < count:
            source = own if rng.random() < 0.7 else known
            pool = [p for p in source if p not in chosen and p.introduced]
            if not pool:
                pool = [p for p in own + known if p not in chosen]
                if not pool:
                    break
            chosen.append(rng.choices(pool, [p.spread for p in pool])[0])
        for pattern in chosen:
            pattern.introduced = True
        return chosen, first_time

    def _outcomes(self, patterns: list) -> list[dict]:
        rng, world = self.rng, self.world
        kinds = [p.kind for p in patterns][: rng.choice((2, 2, 3))]
        if len(kinds) < 2:
            kinds.append("failure" if rng.random() < 0.25 else "success")
        result = []
        for index, kind in enumerate(kinds):
            choices = words.OUTCOME_SUCCESS if kind == "success" else words.OUTCOME_FAILURE
            title, evidence = rng.choice(choices)
            a = rng.randint(6, 40)
            values = {
                "a": a,
                "b": max(1, a // rng.randint(2, 4)),
                "pa": rng.randint(15, 40),
                "pb": rng.randint(3, 12),
                "n": rng.randint(1000, 9999),
            }
            result.append(
                {
                    "id": f"o{index + 1}",
                    "kind": kind,
                    "title": title.format(**values),
                    "what_happened": rng.choice(words.HAPPENED).format(
                        team=rng.choice(world.teams), n=rng.randint(2, 12)
                    ),
                    "evidence": evidence.format(**values),
                }
            )
        return result

    def _pattern(self, pattern, outcome: str | bool, first_time: bool) -> dict:
        owner = self.world.coalitions[pattern.owner]
        entry = {
            "id": str(pattern.id),
            "coalition": str(owner.id),
            "kind": pattern.kind,
            "name": pattern.name,
            "summary": pattern.summary,
            "guidance": pattern.guidance,
            "outcomes": [outcome] if outcome else [],
        }
        if first_time:  # a new pattern comes with its first conditions
            for key, texts in BOUNDARY_KEYS:
                entry[key] = [self._condition(texts)]
        return entry

    def _condition(self, texts: tuple[str, ...]) -> str:
        text = self.rng.choice(texts) + self.rng.choice(words.SEEN_AT)
        n = self.rng.choice((2, 3, 4, 5, 6, 8, 10, 12, 15, 20))
        return text.format(n=n, team=self.rng.choice(self.world.teams))

    def _new_boundaries(self, patterns: list[dict]) -> None:
        rng = self.rng
        for _ in range(rng.choice((1, 1, 1, 2, 2))):
            pattern = rng.choice(patterns)
            key, texts = rng.choice(BOUNDARY_KEYS)
            text = self._condition(texts)
            if text not in pattern.setdefault(key, []):
                pattern[key].append(text)


def _stamp(moment: dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat()
