"""A generated agreement with its support and a dated status history.

Each agreement gets a fate when it is made (adopted, abandoned or stalled)
and the dates its status would change on; only the changes before ``now``
are written. So old agreements are mostly adopted or abandoned, recent ones
still agreed or in progress, and those whose check-in has passed while still
open are overdue.
"""

from __future__ import annotations

import datetime as dt
import math
import random

import history_words as words

SUPPORT_AMOUNTS = {"coaching": (4, 16), "time": (2, 10), "other": (2, 6)}
ARTIFACT_UNITS = ("playbook", "template", "checklist")


def agreement(
    rng: random.Random,
    adopter: str,
    sponsor: str | None,
    helpers: list[str],
    patterns: list[str],
    teams: dict[str, str],
    agreed_at: dt.datetime,
    now: dt.datetime,
    other_team: str,
) -> dict:
    """Return one ``agreements`` entry of an event file.

    Args:
        rng: The generator's random source.
        adopter: The participant key of the adopter.
        sponsor: The sponsor's key, if the event has one.
        helpers: Keys of the people who can own support items.
        patterns: Keys of the patterns presented at the event.
        teams: Team per participant key, for texts that name the adopter's team.
        agreed_at: When the room agreed (the first status change).
        now: Changes after this moment have not happened yet.
        other_team: Another team, for notes such as "merged into …".
    """
    team = teams[adopter] or "the team"
    entry: dict = {
        "adopter": adopter,
        "patterns": rng.sample(patterns, min(len(patterns), rng.choice((1, 1, 2)))),
    }
    if sponsor is not None and rng.random() < 0.7:
        entry["sponsor"] = sponsor
    if rng.random() < 0.9:
        entry["check_in"] = (agreed_at.date() + dt.timedelta(weeks=rng.randint(4, 10))).isoformat()
    if rng.random() < 0.7:
        entry["limits"] = rng.choice(words.LIMITS).format(team=team)
    if rng.random() < 0.25:
        entry["notes"] = rng.choice(words.NOTES).format(area=team)
    if helpers:
        entry["support"] = [
            _support(rng, rng.choice(helpers), team) for _ in range(rng.choice((0, 0, 1, 1, 1, 2)))
        ]
    history = [(agreed_at, "agreed", "Agreed at the event")]
    history += _later_changes(rng, agreed_at, team, other_team)
    entry["history"] = [
        {"to": status, "at": at.replace(microsecond=0).isoformat(), "note": note}
        for at, status, note in history
        if at < now
    ]
    last = entry["history"][-1]
    if last["to"] == "abandoned":
        entry["status_reason"] = last["note"]
    elif "check_in" in entry and entry["check_in"] < now.date().isoformat() and rng.random() < 0.6:
        # Most open agreements got a new check-in date at their last check-in.
        moved = dt.date.fromisoformat(last["at"][:10]) + dt.timedelta(weeks=rng.randint(4, 8))
        entry["check_in"] = max(moved.isoformat(), entry["check_in"])
    return entry


def _support(rng: random.Random, owner: str, team: str) -> dict:
    kind, description, limits = rng.choice(words.SUPPORT_TEXT)
    item = {"type": kind, "owner": owner, "description": description, "limits": limits.format(team=team)}
    if kind == "artifact":
        item.update(amount=1, unit=rng.choice(ARTIFACT_UNITS))
    else:
        item.update(amount=rng.randint(*SUPPORT_AMOUNTS[kind]), unit="hours")
    return item


def _later_changes(
    rng: random.Random, agreed_at: dt.datetime, team: str, other_team: str
) -> list[tuple[dt.datetime, str, str]]:
    fate = rng.random()
    fate = "adopted" if fate < 0.64 else "abandoned" if fate < 0.84 else "stalled"
    changes = []
    moment = agreed_at
    if rng.random() < {"adopted": 0.9, "abandoned": 0.6, "stalled": 0.55}[fate]:
        moment = _office_hours(rng, agreed_at + dt.timedelta(days=rng.uniform(4, 50)))
        note = rng.choice(words.STARTED_NOTES).format(team=team)
        changes.append((moment, "in_progress", note))
    if fate == "adopted":
        # Median about three months; one in six takes longer than six months.
        days = max(14.0, rng.lognormvariate(math.log(95), 0.6))
        moment = _office_hours(rng, max(agreed_at + dt.timedelta(days=days), moment + dt.timedelta(days=7)))
        note = rng.choice(words.ADOPTED_NOTES).format(team=team, n=rng.randint(3, 20))
        changes.append((moment, "adopted", note))
    elif fate == "abandoned":
        moment = _office_hours(
            rng, max(agreed_at + dt.timedelta(days=rng.uniform(20, 240)), moment + dt.timedelta(days=7))
        )
        note = rng.choice(words.ABANDONED_NOTES).format(team=other_team)
        changes.append((moment, "abandoned", note))
    elif rng.random() < 0.75:  # most stalled agreements are closed at a yearly review
        moment = _office_hours(rng, agreed_at + dt.timedelta(days=rng.uniform(365, 500)))
        changes.append((moment, "abandoned", words.CLOSEOUT_NOTE))
    return changes


def _office_hours(rng: random.Random, moment: dt.datetime) -> dt.datetime:
    """Move ``moment`` to a random time between 8:00 and 18:00 on a weekday."""
    day = moment.date()
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randint(0, 59)))
