"""Computing the adoption figures of the whole history, overall and per coalition.

How these figures are computed (the report prints the same text):

* **Periods** are calendar quarters of the event date ("2026 Q3"). **Scopes**
  are overall and each coalition: an event's agreements and outcomes count for
  every coalition of the event; a pattern counts for its own coalition.
* **Agreement date** is its event's date; **adopted date** the date of the
  agreement's first status change to *adopted* (kept even if the adoption was
  later abandoned). **Team** is the adopter's team, stripped and compared
  case-insensitively, or the adopter's name when no team was recorded.
* **Adoption rate** (per quarter of agreement): of the distinct teams that
  agreed to adopt at events in the quarter, the share with at least one of
  those agreements adopted within six calendar months of its date (event
  date + 6 months, clamped to the month's end: 31 August gives 28 or 29
  February). Also counted: how many of the other teams are still inside their
  six months on ``today`` (an agreement not abandoned whose window is open).
  The all-time value is the same over all agreements.
* **Teams reached per pattern** (cumulative at each quarter end): for each
  pattern first presented by then, the distinct teams that agreed to adopt it
  (whatever the status) at events by then; the figure is the mean over those
  patterns, patterns nobody adopted counting as zero. A coalition's figure
  uses its own patterns, whoever's event the agreement was made at.
* **Patterns with documented boundaries** (cumulative at each quarter end):
  of the patterns first presented by then (earliest event that presented the
  pattern; if none, the day it was created), the share with at least one
  "works when" and at least one "breaks when" condition stated by then (the
  condition's event date; if its event is gone, the day it was recorded).
* **Median days to adopted** (per quarter of agreement): the median over the
  quarter's adopted agreements of adopted date minus event date, in days;
  none when nothing was adopted.
* **Failures shared** (per quarter): failure outcomes at events in the quarter.
* **Started at risk vs fit** (all time): agreements whose fit check found a
  risk (accepted or not) against those with answers and no risk, each with
  how many are abandoned now; agreements with no answer are counted apart.

Each calendar quarter's share of these figures is worked out from its rows
in one pass (``facilitator.figures.tally``) and kept in the database
(``facilitator.figures.kept``); a write marks its quarter, and the next look
works out only the quarters marked, then adds every quarter up
(``facilitator.figures.merge``). The result is also kept in this process
under the history's token (``facilitator.storage.history_token``), which
every write to those tables changes: looking again at a history nobody
changed since costs one query, however long the history.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

from facilitator.figures.dates import Quarter
from facilitator.figures.facts import QuarterFacts
from facilitator.figures.fit_tally import started_fit
from facilitator.figures.kept import current_facts
from facilitator.figures.merge import ScopeCounts, scope_counts
from facilitator.figures.model import (
    Figures,
    FiguresReport,
    FigureValues,
    QuarterFigures,
)
from facilitator.figures.queries import read_history, read_live
from facilitator.figures.tally import tally
from facilitator.followup.gc_pause import collector_paused
from facilitator.followup.keys import stored_uuid
from facilitator.followup.scan import Rows
from facilitator.i18n import N_, _, language
from facilitator.storage.history_token import read_token

# Translators: the scope of the figures over all coalitions together
OVERALL = N_("Overall")
"""The name of the scope over all coalitions (marked; a report names it in the language in use)."""
TOP_PATTERNS = 10
# A few reports, for a window that shows more than one history (or day) in turn.
_KEPT = 4
_kept: OrderedDict[tuple[str, dt.date, int, str], FiguresReport] = OrderedDict()
_kept_lock = threading.Lock()


def compute_figures(
    session: Session | Connection, *, today: dt.date | None = None, top: int = TOP_PATTERNS
) -> FiguresReport:
    """Return the figures overall and for every coalition.

    Args:
        session: An open session, or a plain connection (the command line,
            without the ORM), in a transaction that commits: the facts
            worked out are kept with it.
        today: The day the six-month windows are judged on (default: today).
        top: How many patterns each scope lists by teams reached.
    """
    today = today or dt.date.today()
    # The token is read before the rows: a write committed in between changes
    # it, so a report never stays under a token older than its rows.
    connection = session if isinstance(session, Connection) else session.connection()
    token = read_token(connection)
    # A report names its overall scope in the language it was computed in.
    key = None if token is None else (token, today, top, language())
    if key is not None:
        with _kept_lock:
            if key in _kept:
                _kept.move_to_end(key)
                return _kept[key]
    # Hundreds of thousands of values (UUIDs and dates on PostgreSQL) and no
    # reference cycles: the collector's passes over them were half the time there.
    with collector_paused():
        # No token: this transaction wrote on a server, where the marks of its
        # writes come at its commit; the kept facts cannot know them yet.
        quarters = current_facts(connection) if key is not None else tally(read_history(connection))
        report = _report(quarters, read_live(connection), today, top)
    if key is not None:
        with _kept_lock:
            _kept[key] = report
            while len(_kept) > _KEPT:
                _kept.popitem(last=False)
    return report


def forget_figures() -> None:
    """Drop every kept report (benchmarks measure the first look after a change with it)."""
    with _kept_lock:
        _kept.clear()


def _report(
    quarters: dict[int, QuarterFacts], live: dict[str, Rows], today: dt.date, top: int
) -> FiguresReport:
    scopes = scope_counts(quarters, live["coalitions"], live["patterns"], today)
    names = {coalition_id: name for coalition_id, name in live["coalitions"]}
    overall = _figures(_(OVERALL), None, scopes[None], top)
    coalitions = sorted(
        (_figures(names[cid], cid, counts, top) for cid, counts in scopes.items() if cid is not None),
        key=lambda f: (natural_key(f.scope), str(f.coalition_id)),
    )
    return FiguresReport(today=today, overall=overall, coalitions=tuple(coalitions))


def natural_key(name: str) -> list[int | str]:
    """Sort key that puts "Coalition 2" before "Coalition 10", ignoring case."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", name)]


def _figures(name: str, coalition_id: object, scope: ScopeCounts, top: int) -> Figures:
    quarters = []
    patterns = reached = documented = 0
    no_keys: set[str] = set()
    for index in scope.quarter_indexes():
        # Patterns, teams reached and documented boundaries add up: as at the quarter's end.
        patterns += scope.presented.get(index, 0)
        reached += scope.reach.get(index, 0)
        documented += scope.documented.get(index, 0)
        values = _values(
            events=scope.events.get(index, 0),
            teams=scope.teams.get(index, no_keys),
            adopted=scope.adopted.get(index, no_keys),
            open_=scope.open.get(index, no_keys),
            patterns=patterns,
            reached=reached,
            documented=documented,
            days=scope.days.get(index, []),
            failures=scope.failures.get(index, 0),
        )
        quarters.append(QuarterFigures(**vars(values), quarter=Quarter.from_index(index)))
    totals = _values(
        events=sum(scope.events.values()),
        teams=set[str]().union(*scope.teams.values()),
        adopted=set[str]().union(*scope.adopted.values()),
        open_=set[str]().union(*scope.open.values()),
        patterns=patterns,
        reached=reached,
        documented=documented,
        days=[d for days in scope.days.values() for d in days],
        failures=sum(scope.failures.values()),
    )
    best = sorted(scope.patterns, key=lambda p: (-p.teams, p.name.casefold(), str(p.pattern_id)))
    return Figures(
        scope=name,
        coalition_id=None if coalition_id is None else stored_uuid(coalition_id),
        quarters=tuple(quarters),
        totals=totals,
        top_patterns=tuple(best[:top]),
        fit=started_fit(scope.fit),
    )


def _values(
    *,
    events: int,
    teams: set[str],
    adopted: set[str],
    open_: set[str],
    patterns: int,
    reached: int,
    documented: int,
    days: list[int],
    failures: int,
) -> FigureValues:
    return FigureValues(
        events=events,
        adopter_teams=len(teams),
        adopted_teams=len(adopted),
        open_teams=len(open_ - adopted),
        adoption_rate=len(adopted) / len(teams) if teams else None,
        patterns=patterns,
        teams_reached=reached,
        teams_per_pattern=reached / patterns if patterns else None,
        documented_patterns=documented,
        boundary_share=documented / patterns if patterns else None,
        adopted_agreements=len(days),
        median_days=float(statistics.median(days)) if days else None,
        failures=failures,
    )
