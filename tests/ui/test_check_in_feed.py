"""The tracker's "Check-ins to calendar…": every open check-in of the chosen coalition, one calendar file."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from helpers import answer_save_dialog
from icalendar import Calendar
from PySide6.QtCore import Qt
from sqlalchemy import select

from facilitator.demo import create_demo_event
from facilitator.domain import Agreement
from facilitator.services import agreements, events, participants
from ui.followup.adoptions.page import AdoptionsPage

TODAY = dt.date(2026, 3, 15)
CHECKOUT = "Checkout Reliability Coalition"


@pytest.fixture
def history(db):
    """Two demo events of the Checkout coalition (one adoption given up) and a Search guild event."""
    with db.transaction() as s:
        january = create_demo_event(s, date=dt.date(2026, 1, 10))
        march = create_demo_event(s, date=dt.date(2026, 3, 1))
        cagla = next(a for a in january.agreements if a.adopter.name.startswith("Ç"))
        agreements.change_status(s, cagla.id, "abandoned", "no time")
        guild = events.plan_event(s, coalitions=["Search guild"], date=dt.date(2026, 2, 1), title="Guild")
        meret = participants.add_participant(s, guild.id, "Meret", "Mesh", email="meret@example.org")
        agreements.add_agreement(s, guild.id, meret.id, check_in=dt.date(2026, 3, 20))
        return SimpleNamespace(january=january, march=march, cagla=cagla.id)


@pytest.fixture
def tracker(qtbot, db, history):
    page = AdoptionsPage(lambda: db, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1600, 900)
    page.show()
    page.refresh()
    return page


def _entries(path):
    calendar = Calendar.from_ical(path.read_bytes())
    return [c for c in calendar.walk("VEVENT")]


def test_the_chosen_coalitions_open_check_ins_go_to_the_calendar(
    qtbot, tracker, tmp_path, monkeypatch, opened
):
    combo = tracker.filters.coalition
    combo.setCurrentIndex(combo.findText(CHECKOUT))
    asked = answer_save_dialog(monkeypatch, tmp_path / "feed")

    qtbot.mouseClick(tracker.calendar_button, Qt.MouseButton.LeftButton)

    path = tmp_path / "feed.ics"
    assert asked[0][0] == f"Add the check-ins of {CHECKOUT} to a calendar"
    entries = _entries(path)
    # Four agreements at each demo event; the one given up in January is not followed up.
    assert len(entries) == 7
    summaries = " ".join(str(e["SUMMARY"]) for e in entries)
    assert "Meret" not in summaries  # another coalition's event
    assert summaries.count("Çağla Yıldız") == 1
    dates = [e.decoded("DTSTART") for e in entries]
    assert dates == sorted(dates)  # soonest first, as the tracker sorts them
    assert opened == [str(path)]  # "to calendar": the file opens in the calendar program
    assert Calendar.from_ical(path.read_bytes())["X-WR-CALNAME"] == f"Scale Across check-ins: {CHECKOUT}"


def test_importing_the_feed_again_next_month_updates_instead_of_doubling(
    qtbot, tracker, db, history, tmp_path, monkeypatch, opened
):
    answer_save_dialog(monkeypatch, tmp_path / "first.ics")
    qtbot.mouseClick(tracker.calendar_button, Qt.MouseButton.LeftButton)
    ana = next(a for a in history.march.agreements if a.adopter.name == "Ana Núñez")
    with db.transaction() as s:
        agreements.update_agreement(s, ana.id, check_in=dt.date(2026, 5, 4))
    answer_save_dialog(monkeypatch, tmp_path / "second.ics")
    qtbot.mouseClick(tracker.calendar_button, Qt.MouseButton.LeftButton)

    first = {str(e["UID"]): e for e in _entries(tmp_path / "first.ics")}
    second = {str(e["UID"]): e for e in _entries(tmp_path / "second.ics")}
    assert first.keys() == second.keys() and len(first) == 8  # every coalition: Meret's too
    moved = [uid for uid in first if first[uid].decoded("DTSTART") != second[uid].decoded("DTSTART")]
    assert len(moved) == 1 and second[moved[0]].decoded("DTSTART") == dt.date(2026, 5, 4)
    assert int(second[moved[0]]["SEQUENCE"]) > int(first[moved[0]]["SEQUENCE"])
    meret = next(e for e in second.values() if "Meret" in str(e["SUMMARY"]))
    assert str(meret["ATTENDEE"]) == "mailto:meret@example.org"


def test_a_coalition_with_nothing_open_says_so_and_asks_for_no_file(qtbot, tracker, db, monkeypatch, opened):
    with db.transaction() as s:
        (meret,) = [a for a in s.scalars(select(Agreement)) if a.event.title == "Guild"]
        agreements.change_status(s, meret.id, "adopted", "done")
    tracker.refresh()
    combo = tracker.filters.coalition
    combo.setCurrentIndex(combo.findText("Search guild"))
    asked = answer_save_dialog(monkeypatch, "unused.ics")
    problems = []
    tracker.problem.connect(problems.append)

    qtbot.mouseClick(tracker.calendar_button, Qt.MouseButton.LeftButton)

    assert asked == [] and opened == []
    assert problems == ["no open agreement of Search guild has a check-in date, so there is nothing to add"]
