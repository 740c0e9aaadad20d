"""Timing the figures as a user meets them: first look ever, after one edit, unchanged since.

Shared by bench/shared_db.py (both backends) and bench/speed_table.py. Each
time is one whole transaction, as the app's pages run it.
- first look ever: nothing kept in the database or the process (every
  quarter marked stale), so every row is read and every quarter stored;
- after one edit: one agreement of a random event is written first (not
  timed), as a facilitator's edit or a status change would; in the running
  app (which keeps the facts it parsed), and as a new process (the command
  line) would, parsing every kept quarter;
- unchanged: looking again at a history nobody changed (kept in the process).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable

LOOKS = (
    "first look ever (nothing kept)",
    "after one edit, in the app",
    "after one edit, new process",
    "history unchanged since",
)


def time_looks(db, today: dt.date, runs: int) -> tuple[dict[str, list[float]], object]:
    """Return sorted times per kind of look (one warm-up each) and the last report."""
    from sqlalchemy import text

    from facilitator.figures import compute_figures, forget_figures
    from facilitator.figures.kept import forget_parsed
    from facilitator.storage.figures_stale import mark_everything

    with db.engine.connect() as connection:
        agreements = connection.execute(text("SELECT count(*) FROM agreements")).scalar_one()
    choose = random.Random(7)

    def nothing_kept() -> None:
        with db.engine.begin() as connection:
            mark_everything(connection)
        forget_figures()
        forget_parsed()

    def one_edit(new_process: bool) -> None:
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "UPDATE agreements SET status = status WHERE id = "
                    "(SELECT id FROM agreements ORDER BY id LIMIT 1 OFFSET :n)"
                ),
                {"n": choose.randrange(max(agreements, 1))},
            )
        forget_figures()
        if new_process:
            forget_parsed()

    report: list[object] = [None]

    def look() -> None:
        with db.transaction() as session:
            report[0] = compute_figures(session, today=today)

    times = {
        LOOKS[0]: _timed(nothing_kept, look, runs),
        LOOKS[1]: _timed(lambda: one_edit(False), look, runs),
        LOOKS[2]: _timed(lambda: one_edit(True), look, runs),
        LOOKS[3]: _timed(lambda: None, look, runs),
    }
    return times, report[0]


def _timed(before: Callable[[], None], work: Callable[[], None], runs: int) -> list[float]:
    times = []
    for index in range(runs + 1):
        before()
        started = time.perf_counter()
        work()
        if index:
            times.append(time.perf_counter() - started)
    return sorted(times)
