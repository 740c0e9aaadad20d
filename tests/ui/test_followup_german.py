"""The follow-up pages in German: headers, filters, counts with German grouping, dates, the detail.

Run in German through the shared ``german`` fixture (tests/conftest.py). Table
headers are translated when the view asks for them, so a model built before
the language was chosen speaks it too.
"""

from __future__ import annotations

import datetime as dt
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from facilitator.domain import EventStatus
from facilitator.followup.history import HistoryRow
from facilitator.services import agreements, events, outcomes, participants, patterns
from ui.followup.adoptions.page import AdoptionsPage
from ui.followup.figures.page import FiguresPage
from ui.followup.history.page import HistoryPage
from ui.followup.library.page import LibraryPage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "figures"))
from figures_history import TODAY as FIGURES_DAY
from figures_history import build_history

TODAY = dt.date(2026, 5, 1)
EVENTS = 1234


def _headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def _rows(count: int) -> list[HistoryRow]:
    """Return ``count`` events, newest first; the newest has 1,500 participants and one overdue check-in."""
    first = dt.date(2026, 9, 30)
    return [
        HistoryRow(
            event_id=uuid.uuid4(),
            date=first - dt.timedelta(days=n),
            title=f"Event {n}",
            coalitions=("Checkout",),
            status=EventStatus.CLOSED if n else EventStatus.PLANNED,
            facilitator="Ana",
            participants=1500 if n == 0 else 3,
            teams=("Payments",),
            people=("Zoë",),
            outcomes=0,
            failures=0,
            patterns=0,
            agreements=2,
            adopted=1,
            open=1,
            overdue=1 if n == 0 else 0,
        )
        for n in range(count)
    ]


def test_the_history_speaks_german_with_german_numbers_and_dates(qtbot, db, german):
    page = HistoryPage(lambda: db, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.show_rows(_rows(EVENTS))
    assert _headers(page.proxy) == [
        "Datum",
        "Veranstaltung",
        "Koalitionen",
        "Status",
        "Personen",
        "Vereinbarungen",
        "Übernommen",
        "Überfällig",
    ]
    assert page.count_label.text() == "1.234 von 1.234 Veranstaltungen angezeigt"
    newest = [page.proxy.index(0, column).data() for column in range(8)]
    assert newest[0] == "Mi., 30. Sept. 2026"
    assert newest[4] == "1.500"
    assert page.proxy.index(0, 7).data(Qt.ItemDataRole.ToolTipRole) == (
        "1 offene Vereinbarung hat ihr Check-in-Datum überschritten"
    )
    filters = page.filters
    assert filters.coalition_combo.itemText(0) == "Alle Koalitionen"
    assert filters.status_combo.itemText(0) == "Alle Status"
    assert filters.person_edit.placeholderText() == "Teilnehmende oder Team"
    assert (filters.from_check.text(), filters.to_check.text()) == ("Von", "Bis")
    assert filters.reset_button.text() == "Filter zurücksetzen"
    assert page.export_button.text() == "&CSV exportieren…"
    filters.person_edit.setText("nobody at all")
    assert page.count_label.text() == "0 von 1.234 Veranstaltungen angezeigt"
    assert page.no_match_label.text() == "Keine Veranstaltung passt zu diesen Filtern."


@pytest.fixture
def adoptions(db):
    """One event (Checkout) with two agreements on "Feature flags": Zoë's check-in is 20 days late."""
    with db.transaction() as s:
        event = events.plan_event(s, coalitions=["Checkout"], date=dt.date(2026, 3, 10), title="Spring")
        flags = patterns.create_pattern(s, event.id, "Feature flags").id
        for name, check_in in (("Zoë", dt.date(2026, 4, 11)), ("Bo", dt.date(2026, 6, 1))):
            person = participants.add_participant(s, event.id, name, "Payments")
            agreements.add_agreement(s, event.id, person.id, pattern_ids=[flags], check_in=check_in)


def test_the_adoption_tracker_and_its_status_dialog_speak_german(qtbot, db, adoptions, german):
    page = AdoptionsPage(lambda: db, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    assert _headers(page.model)[:4] == ["Status", "Check-in", "Übernehmer", "Team"]
    assert page.counts.text() == "2 Vereinbarungen · 1 überfällig"
    assert page.at_risk_count.text() == "0 gefährdet"
    check_in = page.model.keys.index("check_in")
    assert page.model.index(0, check_in).data() == "Sa., 11. Apr. 2026 · 20 Tage überfällig"
    assert page.filters.status.currentText() == "Offen (vereinbart oder in Arbeit)"
    assert page.filters.overdue_only.text() == "Nur &überfällige"
    assert page.detail.change_button.text() == "Status ändern…"
    dialog = page.change_status()
    assert dialog is not None
    assert dialog.windowTitle() == "Status ändern"
    assert dialog.note_label.text() == "N&otiz"
    assert dialog.ok_button.text() == "Status ändern"
    dialog.reject()


@pytest.fixture
def library(db):
    """A success pattern with its outcome, a boundary and one adopter."""
    with db.transaction() as s:
        event = events.plan_event(s, coalitions=["Checkout"], date=dt.date(2026, 1, 10), title="Winter")
        win = outcomes.add_outcome(s, event.id, "success", "Lead time cut", evidence="9 → 3.5 days")
        trunk = patterns.create_pattern(
            s, event.id, "Trunk-based development", summary="Merge daily.", outcome_ids=[win.id]
        ).id
        patterns.add_boundary(s, trunk, "works_when", "Small services", event_id=event.id)
        zoe = participants.add_participant(s, event.id, "Zoë", "Payments")
        agreements.add_agreement(s, event.id, zoe.id, pattern_ids=[trunk])


def test_the_pattern_library_and_its_detail_speak_german(qtbot, db, library, german):
    page = LibraryPage(lambda: db)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    assert _headers(page.proxy) == [
        "Muster",
        "Art",
        "Koalition",
        "Zuerst\nvorgestellt",
        "Veranstaltungen",
        "Erreichte\nTeams",
        "Übernommen",
    ]
    assert page.count_label.text() == "1 Muster"
    assert page.proxy.index(0, 3).data() == "Sa., 10. Jan. 2026"
    text = page.detail.toPlainText()
    for words in (
        "Erfolgsmuster · Checkout",
        "Stammt aus",
        "Grenzen im Lauf der Zeit",
        "Übernommen von",
        "1 Vereinbarung von 1 Team: 1 vereinbart",
        "Vorgestellt bei",
        "Belege: 9 → 3.5 days",
    ):
        assert words in text
    assert page.carry_button.text() == "In eine Veranstaltung übernehmen…"


def test_the_figures_speak_german(qtbot, db, german):
    build_history(db)
    page = FiguresPage(lambda: db, today=FIGURES_DAY)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    assert page.scope_combo.itemText(0) == "Insgesamt"
    assert page.subtitle.text() == (
        "Stand Sa., 21. Nov. 2026 · 2025 Q3 bis 2026 Q3, je Quartal des Veranstaltungsdatums"
    )
    assert page.export_button.text() == "Bericht exportieren…"
    adoption = page.cards[0]
    assert "Gestrichelte Linie:" in adoption.explanation.text()
    assert adoption.chart.texts[0].startswith("Im Quartal 2025 Q3: ")
    assert page.top_patterns.accessibleName() == "Muster, die die meisten Teams erreicht haben"
