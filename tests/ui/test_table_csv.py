"""Export CSV… on the adoption tracker and the History page: exactly the rows shown, in their order."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from types import SimpleNamespace

import pytest
from helpers import answer_save_dialog, show_active
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from exports.csv_export import HISTORY_COLUMNS, TRACKER_COLUMNS
from facilitator.demo import create_demo_event
from facilitator.services import agreements, events, participants
from ui.actions import Act
from ui.csv_dialog import PLAIN, WITH_BOM
from ui.followup.adoptions.page import AdoptionsPage
from ui.followup.history.page import HistoryPage
from ui.main_window import MainWindow
from ui.settings import Settings

TODAY = dt.date(2026, 3, 15)
CHECKOUT = "Checkout Reliability Coalition"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def history(db):
    """Two demo events (January: check-ins overdue; March: not yet) and a Search guild event.

    In January Çağla gave up, with a reason a spreadsheet would run as a formula.
    """
    with db.transaction() as s:
        january = create_demo_event(s, date=dt.date(2026, 1, 10))
        march = create_demo_event(s, date=dt.date(2026, 3, 1))
        cagla = next(a for a in january.agreements if a.adopter.name.startswith("Ç"))
        agreements.change_status(s, cagla.id, "abandoned", "=no time, after all")
        guild = events.plan_event(s, coalitions=["Search guild"], date=dt.date(2026, 2, 1), title="Guild")
        meret = participants.add_participant(s, guild.id, "Meret", "Mesh")
        agreements.add_agreement(s, guild.id, meret.id, check_in=dt.date(2026, 3, 1))
        events.close_event(s, january.id)
        return SimpleNamespace(january=january.id, march=march.id, guild=guild.id)


def save_as(monkeypatch, target, chosen_filter=WITH_BOM):
    """Answer the save dialog with ``target``, the file type with a byte order mark unless told."""
    return answer_save_dialog(monkeypatch, target, chosen_filter)


def read(path, encoding="utf-8-sig"):
    with open(path, newline="", encoding=encoding) as file:
        return list(csv.DictReader(file))


def choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered"
    combo.setCurrentIndex(index)


def click_header(qtbot, table, column):
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))


@pytest.fixture
def tracker(qtbot, db, history):
    page = AdoptionsPage(lambda: db, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1600, 900)
    page.show()
    page.refresh()
    return page


def test_the_tracker_writes_exactly_the_agreements_its_filters_show_in_their_order(
    qtbot, tracker, history, tmp_path, monkeypatch
):
    bar = tracker.filters
    choose(bar.coalition, CHECKOUT)
    choose(bar.status, "All statuses")
    qtbot.keyClicks(bar.text, "me")  # Payments (Ana) and Release Management (Çağla)
    click_header(qtbot, tracker.table, tracker.model.keys.index("adopter"))
    click_header(qtbot, tracker.table, tracker.model.keys.index("adopter"))  # Z to A
    shown = tracker.model.rows()
    assert [(r.adopter, r.event_date.month) for r in shown] == [
        ("Çağla Yıldız", 1),
        ("Çağla Yıldız", 3),
        ("Ana Núñez", 1),
        ("Ana Núñez", 3),
    ]
    asked = save_as(monkeypatch, tmp_path / "out" / "adoptions")
    qtbot.mouseClick(tracker.export_button, LEFT)

    path = tmp_path / "out" / "adoptions.csv"  # the extension is added
    assert path.read_bytes().startswith(codecs.BOM_UTF8)  # the Excel flavour was chosen
    rows = read(path)
    assert list(rows[0]) == list(TRACKER_COLUMNS)
    assert [r["agreement_id"] for r in rows] == [str(r.agreement_id) for r in shown]
    abandoned = rows[0]
    assert (abandoned["status"], abandoned["status_reason"]) == ("Abandoned", "'=no time, after all")
    assert (abandoned["overdue"], abandoned["days_overdue"]) == ("false", "0")
    assert abandoned["event_date"] == "2026-01-10" and abandoned["check_in"] == "2026-02-21"
    assert rows[2]["overdue"] == "true" and rows[2]["days_overdue"] == "22"
    assert rows[2]["coalitions"] == CHECKOUT and rows[2]["adopter_team"] == "Payments"
    assert rows[2]["patterns"] == "Trunk-based development with feature flags; Long code freezes before peaks"
    # The folder is offered next time; the dialog offered both flavours.
    assert Settings().get("export_folder") == str(tmp_path / "out")
    (_title, suggested, filters) = asked[0]
    assert suggested.endswith("2026-03-15 adoptions.csv")
    assert filters == f"{PLAIN};;{WITH_BOM}"

    qtbot.mouseClick(bar.overdue_only, LEFT)
    assert [r.adopter for r in tracker.model.rows()] == ["Ana Núñez"]
    save_as(monkeypatch, tmp_path / "overdue.csv", PLAIN)
    qtbot.mouseClick(tracker.export_button, LEFT)
    data = (tmp_path / "overdue.csv").read_bytes()
    assert data.startswith(b"agreement_id,")  # no byte order mark
    (row,) = read(tmp_path / "overdue.csv", "utf-8")
    assert row["adopter"] == "Ana Núñez" and row["overdue"] == "true"


def test_the_tracker_button_waits_for_rows(qtbot, tracker):
    assert tracker.export_button.isEnabled()
    qtbot.keyClicks(tracker.filters.text, "nobody by this name")
    assert tracker.model.rowCount() == 0
    assert not tracker.export_button.isEnabled()


def test_a_cancelled_dialog_writes_nothing(qtbot, tracker, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    qtbot.mouseClick(tracker.export_button, LEFT)
    assert list(tmp_path.rglob("*.csv")) == []
    assert Settings().get("export_folder") == ""


@pytest.fixture
def history_page(qtbot, db, history):
    page = HistoryPage(lambda: db, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1600, 900)
    page.show()
    page.refresh()
    return page


def test_the_history_writes_exactly_the_events_its_filters_show_in_their_order(
    qtbot, history_page, history, tmp_path, monkeypatch
):
    page = history_page
    assert [r.event_id for r in page.shown_rows()] == [history.march, history.guild, history.january]
    choose(page.filters.coalition_combo, CHECKOUT)
    click_header(qtbot, page.table, 0)  # by date, oldest first
    assert [r.event_id for r in page.shown_rows()] == [history.january, history.march]
    save_as(monkeypatch, tmp_path / "history.csv")
    qtbot.mouseClick(page.export_button, LEFT)

    rows = read(tmp_path / "history.csv")
    assert list(rows[0]) == list(HISTORY_COLUMNS)
    assert rows == [
        {
            "event_id": str(history.january),
            "event_date": "2026-01-10",
            "event_title": "Scale Across — checkout delivery patterns",
            "coalitions": CHECKOUT,
            "status": "Closed",
            "participants": "6",
            "agreements": "4",
            "adopted": "0",
            "overdue": "3",  # Çağla's was abandoned
        },
        {
            "event_id": str(history.march),
            "event_date": "2026-03-01",
            "event_title": "Scale Across — checkout delivery patterns",
            "coalitions": CHECKOUT,
            "status": "Planned",
            "participants": "6",
            "agreements": "4",
            "adopted": "0",
            "overdue": "0",
        },
    ]

    choose(page.filters.coalition_combo, "All coalitions")
    choose(page.filters.status_combo, "Closed")
    assert page.count_label.text() == "Showing 1 of 3 events"
    save_as(monkeypatch, tmp_path / "closed.csv", PLAIN)
    qtbot.mouseClick(page.export_button, LEFT)
    assert [r["event_id"] for r in read(tmp_path / "closed.csv", "utf-8")] == [str(history.january)]


def test_the_history_button_waits_for_rows(qtbot, history_page):
    qtbot.keyClicks(history_page.filters.person_edit, "nobody by this name")
    assert history_page.proxy.rowCount() == 0
    assert history_page.export_button.isVisible() and not history_page.export_button.isEnabled()


def test_an_empty_history_offers_no_export(qtbot, db):
    page = HistoryPage(lambda: db, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert not page.export_button.isVisible()


@pytest.fixture
def window(qtbot, db, history):
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    show_active(qtbot, win)
    return win


@pytest.mark.parametrize(
    ("act", "shown"),
    # The open agreements (all but Çağla's in January), and every event.
    [(Act.ADOPTIONS, "8 agreements"), (Act.HISTORY, "3 events")],
)
def test_in_the_window_success_is_said_in_the_status_bar(qtbot, window, tmp_path, monkeypatch, act, shown):
    window.show_followup(act)
    page = window.followup.pages[act]
    save_as(monkeypatch, tmp_path / "table.csv")
    qtbot.mouseClick(page.export_button, LEFT)
    assert (tmp_path / "table.csv").exists()
    assert window.statusBar().currentMessage().startswith(f"Exported {shown}: table.csv (")
    assert not window.banner.isVisible()


@pytest.mark.parametrize(("act", "what"), [(Act.ADOPTIONS, "agreements"), (Act.HISTORY, "events")])
def test_a_failed_write_is_said_in_the_banner_and_leaves_no_file(
    qtbot, window, tmp_path, monkeypatch, act, what
):
    window.show_followup(act)
    page = window.followup.pages[act]
    folder = tmp_path / "out" / "taken.csv"
    folder.mkdir(parents=True)
    save_as(monkeypatch, folder)
    qtbot.mouseClick(page.export_button, LEFT)
    assert window.banner.isVisible()
    said = window.banner.label.text()
    assert said == f"The {what} were not written: cannot write {folder}: it is a folder."
    assert list(folder.iterdir()) == [] and [p.name for p in folder.parent.iterdir()] == ["taken.csv"]
    assert Settings().get("export_folder") == ""
