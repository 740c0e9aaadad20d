"""The figures on a small history whose every value is worked out by hand below.

The history (tests/figures/figures_history.py), with team keys as matched:

E0  Alpha       2025-08-31 (2025 Q3)  window ends 2026-02-28 (31 Aug + 6 months, clamped)
    Ana  "  Payments " -> payments   PA1        adopted 2026-02-28 (day 181: the last day, in time)
    Ben  "Search"      -> search     PA1 + PA2  adopted 2026-03-01 (day 182: one day late)
    Cleo ""            -> cleo       PA2        abandoned
    1 failure; PA1 works-when; PA2 works-when (+ a prerequisite, which does not count)
E1  Alpha       2026-01-15 (2026 Q1)  window ends 2026-07-15
    Dana "payments"    -> payments   PA1        adopted 2026-03-16 (day 60)
    Eli  "Mobile"      -> mobile     PA1        still agreed, window over
    2 failures; PA1 breaks-when  => PA1 documented from 2026 Q1
E2  Beta        2026-02-28 (2026 Q1)  window ends 2026-08-28
    Finn "Search"      -> search     PB1        adopted 2026-04-29 (day 60)
    Gus  "Data"        -> data       PB1        in progress, window over
    0 failures; PB1 works-when and breaks-when  => documented from 2026 Q1
E3  Alpha+Beta  2026-06-10 (2026 Q2)  window ends 2026-12-10 (still open on 2026-11-21)
    Hana "MOBILE"      -> mobile     PA1 + PB1  adopted 2026-07-10 (day 30), abandoned later
    Ivan "Data"        -> data       PB1        agreed: still within its six months
    Jo   "Platform"    -> platform   PA3        abandoned
    1 failure; new PA3 (Alpha) with works- and breaks-when  => documented from 2026 Q2
E4  Beta        2026-07-20 (2026 Q3)  window ends 2027-01-20
    Kim  ""            -> kim        PB1        agreed: still within its six months
    Lee  "data"        -> data       PB1        adopted 2026-08-19 (day 30)
    1 failure
Ex  Alpha 2026-09-01, deleted: left PA2 a breaks-when recorded 2026-05-05 (=> PA2 documented
    from 2026 Q2) and PA4, never presented, created 2026-09-02 (=> counts from 2026 Q3).
"""

from __future__ import annotations

import datetime as dt

import pytest
from figures_history import TODAY, build_history

from facilitator.figures import (
    Quarter,
    add_months,
    compute_figures,
    detail,
    format_value,
)
from facilitator.storage import open_database


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("figures") / "history.sqlite3")
    try:
        build_history(db)
        with db.transaction() as session:
            return compute_figures(session, today=TODAY)
    finally:
        db.close()


def rows(figures) -> dict[str, tuple]:
    """Per quarter label: (events, teams, adopted, open, rate, patterns, reached,
    per pattern, documented, share, adopted agreements, median days, failures)."""
    return {q.quarter.label: values(q) for q in figures.quarters}


def values(v) -> tuple:
    rounded = [
        None if x is None else round(x, 4)
        for x in (v.adoption_rate, v.teams_per_pattern, v.boundary_share, v.median_days)
    ]
    return (
        v.events,
        v.adopter_teams,
        v.adopted_teams,
        v.open_teams,
        rounded[0],
        v.patterns,
        v.teams_reached,
        rounded[1],
        v.documented_patterns,
        rounded[2],
        v.adopted_agreements,
        rounded[3],
        v.failures,
    )


def test_six_months_end_on_the_same_day_or_the_months_last_day():
    assert add_months(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)  # leap year
    assert add_months(dt.date(2026, 1, 15), 6) == dt.date(2026, 7, 15)
    assert add_months(dt.date(2026, 7, 31), 6) == dt.date(2027, 1, 31)  # over the year end


def test_quarters_are_calendar_quarters():
    assert Quarter.of(dt.date(2026, 7, 1)).label == "2026 Q3"
    assert Quarter.of(dt.date(2026, 6, 30)).label == "2026 Q2"
    assert Quarter(2026, 3).last_day == dt.date(2026, 9, 30)
    assert Quarter(2026, 1).first_day == dt.date(2026, 1, 1)


def test_overall_per_quarter(report):
    overall = report.overall
    assert overall.scope == "Overall"
    # 2025 Q3 (E0): teams payments, search, cleo; only payments adopted in time (Ana on the
    # clamped last day; Ben a day late) -> 1/3. Median of 181 and 182 days = 181.5.
    # Patterns PA1, PA2; reach PA1 {payments, search}, PA2 {search, cleo} -> 4/2 = 2.0;
    # neither has both boundary kinds yet -> 0/2.
    # 2025 Q4: no event; the cumulative figures carry over, the others are empty.
    # 2026 Q1 (E1, E2): teams payments, mobile, search, data; adopted in time payments (Dana)
    # and search (Finn) -> 2/4; windows of Eli and Gus are over -> none open. Days 60 and 60.
    # Patterns PA1, PA2, PB1; reach PA1 {payments, search, mobile} 3, PA2 2, PB1 {search,
    # data} 2 -> 7/3; documented PA1 (breaks-when at E1) and PB1 -> 2/3. Failures 2 + 0.
    # 2026 Q2 (E3): teams mobile, data, platform; Hana adopted in time (abandoning later does
    # not undo it) -> 1/3; Ivan's window is open on 21 Nov 2026 -> 1 open; Jo abandoned.
    # Day 30. Patterns + PA3 = 4; reach PA1 3 (mobile again), PA2 2, PB1 +mobile 3,
    # PA3 {platform} 1 -> 9/4; documented + PA3, + PA2 (condition recorded 5 May) -> 4/4.
    # 2026 Q3 (E4): teams kim, data; Lee adopted (day 30) -> 1/2; Kim open -> 1.
    # Patterns + PA4 (created 2 Sep, never presented) = 5; reach PB1 + kim = 4 -> 10/5;
    # documented 4/5.
    assert rows(overall) == {
        "2025 Q3": (1, 3, 1, 0, 0.3333, 2, 4, 2.0, 0, 0.0, 2, 181.5, 1),
        "2025 Q4": (0, 0, 0, 0, None, 2, 4, 2.0, 0, 0.0, 0, None, 0),
        "2026 Q1": (2, 4, 2, 0, 0.5, 3, 7, 2.3333, 2, 0.6667, 2, 60.0, 2),
        "2026 Q2": (1, 3, 1, 1, 0.3333, 4, 9, 2.25, 4, 1.0, 1, 30.0, 1),
        "2026 Q3": (1, 2, 1, 1, 0.5, 5, 10, 2.0, 4, 0.8, 1, 30.0, 1),
    }


def test_overall_all_time(report):
    # Teams: payments, search, cleo, mobile, data, platform, kim = 7. Adopted in time at
    # least once: payments, search (Finn), mobile, data (Lee) = 4 -> 4/7. Open, of the
    # others: kim (data is open through Ivan but already adopted) = 1.
    # Days 181, 182, 60, 60, 30, 30 -> median 60. Failures 1 + 2 + 0 + 1 + 1 = 5 (the
    # deleted event's 3 are gone with it).
    assert values(report.overall.totals) == (5, 7, 4, 1, 0.5714, 5, 10, 2.0, 4, 0.8, 6, 60.0, 5)


def test_alpha_counts_its_events_the_shared_one_and_only_its_own_patterns(report):
    alpha = report.scope("alpha")
    # 2026 Q1 has only E1: payments adopted, mobile not -> 1/2; patterns PA1 (3 teams) and
    # PA2 (2) -> 2.5; PA1 documented -> 1/2.
    # 2026 Q2 is the shared E3, as overall; patterns PA1 3, PA2 2, PA3 1 -> 6/3 = 2.0, all
    # three documented.
    # 2026 Q3: no Alpha event, but PA4 appears -> 6/4 = 1.5 teams per pattern, 3/4 documented.
    assert rows(alpha) == {
        "2025 Q3": (1, 3, 1, 0, 0.3333, 2, 4, 2.0, 0, 0.0, 2, 181.5, 1),
        "2025 Q4": (0, 0, 0, 0, None, 2, 4, 2.0, 0, 0.0, 0, None, 0),
        "2026 Q1": (1, 2, 1, 0, 0.5, 2, 5, 2.5, 1, 0.5, 1, 60.0, 2),
        "2026 Q2": (1, 3, 1, 1, 0.3333, 3, 6, 2.0, 3, 1.0, 1, 30.0, 1),
        "2026 Q3": (0, 0, 0, 0, None, 4, 6, 1.5, 3, 0.75, 0, None, 0),
    }
    # All time: teams payments, search, cleo, mobile, data, platform = 6; in time payments and
    # mobile (search adopted late here; Finn's adoption was at a Beta event) -> 2/6; data open.
    # Days 181, 182, 60, 30 -> (60 + 181) / 2 = 120.5. Failures 1 + 2 + 1.
    assert values(alpha.totals) == (3, 6, 2, 1, 0.3333, 4, 6, 1.5, 3, 0.75, 4, 120.5, 4)
    assert [(p.name, p.teams, p.documented) for p in alpha.top_patterns] == [
        ("Feature flags", 3, True),
        ("Pairing rotation", 2, True),
        ("Trunk-based development", 1, True),
        ("Orphan pattern", 0, False),
    ]


def test_beta_counts_the_shared_event_too(report):
    beta = report.scope("Beta")
    # Only PB1: reach 2 (search, data), then + mobile, then + kim.
    assert rows(beta) == {
        "2026 Q1": (1, 2, 1, 0, 0.5, 1, 2, 2.0, 1, 1.0, 1, 60.0, 0),
        "2026 Q2": (1, 3, 1, 1, 0.3333, 1, 3, 3.0, 1, 1.0, 1, 30.0, 1),
        "2026 Q3": (1, 2, 1, 1, 0.5, 1, 4, 4.0, 1, 1.0, 1, 30.0, 1),
    }
    # Teams search, data, mobile, platform, kim = 5; in time search, mobile, data -> 3/5;
    # kim open. Days 60, 30, 30 -> 30.
    assert values(beta.totals) == (3, 5, 3, 1, 0.6, 1, 4, 4.0, 1, 1.0, 3, 30.0, 2)


def test_scopes_and_top_patterns(report):
    assert [f.scope for f in report.scopes] == ["Overall", "Alpha", "Beta"]
    assert report.scope("Gamma") is None
    assert [(p.name, p.teams, p.coalition) for p in report.overall.top_patterns] == [
        ("Blameless reviews", 4, "Beta"),
        ("Feature flags", 3, "Alpha"),
        ("Pairing rotation", 2, "Alpha"),
        ("Trunk-based development", 1, "Alpha"),
        ("Orphan pattern", 0, "Alpha"),
    ]
    assert report.today == TODAY
    assert report.overall.series("failures") == (1, 0, 2, 1, 1)


def test_today_decides_which_windows_are_still_open(tmp_path):
    db = open_database(tmp_path / "h.sqlite3")
    try:
        build_history(db)
        with db.transaction() as session:
            # On 11 December 2026 Ivan's window (ends 10 December) has closed; Kim's has not.
            later = compute_figures(session, today=dt.date(2026, 12, 11))
            # On 10 December it is still open: the window includes its last day.
            last_day = compute_figures(session, today=dt.date(2026, 12, 10))
    finally:
        db.close()
    assert later.overall.quarters[3].open_teams == 0
    assert last_day.overall.quarters[3].open_teams == 1
    assert later.overall.totals.open_teams == 1


def test_an_empty_history_has_no_quarters_and_no_values(db):
    with db.transaction() as session:
        report = compute_figures(session, today=TODAY)
    assert report.is_empty and report.coalitions == ()
    totals = report.overall.totals
    assert totals.adoption_rate is None and totals.median_days is None
    assert totals.teams_per_pattern is None and totals.boundary_share is None
    assert format_value("adoption_rate", totals.adoption_rate) == "—"
    assert detail("adoption_rate", totals) == "No team agreed to adopt a pattern yet."


def test_values_read_as_people_say_them(report):
    totals = report.overall.totals
    assert format_value("adoption_rate", totals.adoption_rate) == "57 %"
    assert format_value("teams_per_pattern", totals.teams_per_pattern) == "2.0"
    assert format_value("boundary_share", totals.boundary_share) == "80 %"
    assert format_value("median_days", totals.median_days) == "60 days"
    assert format_value("median_days", 181.5) == "181.5 days"
    assert format_value("failures", totals.failures) == "5"
    assert detail("adoption_rate", totals) == (
        "4 of 7 teams adopted in time; 1 still within their six months."
    )
    assert detail("boundary_share", totals) == "4 of 5 patterns documented."


def test_a_coalition_named_in_any_script_stays_one_coalition(tmp_path):
    # SQLite's lower() folds only ASCII; matching names that way split "Łukasz" into a new
    # coalition at every event, and its figures into pieces.
    name = "Zoë Łukasz 日本 Ωμέγα Привет 🚀"
    db = open_database(tmp_path / "h.sqlite3")
    try:
        build_history(db, beta=name)
        with db.transaction() as session:
            report = compute_figures(session, today=TODAY)
    finally:
        db.close()
    assert [f.scope for f in report.scopes] == ["Overall", "Alpha", name]
    assert report.scope(name.upper()).totals.adoption_rate == 0.6
