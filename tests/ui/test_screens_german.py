"""The start page, Prepare and the room view in German: words, dates and counts.

Run in German through the shared ``german`` fixture (tests/conftest.py); the
agenda's own texts (step titles, questions) come in German from the agenda.
"""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import window_on_event
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel

from facilitator.agenda import load_catalog
from facilitator.demo import create_demo_event
from facilitator.services import events
from ui.actions import Act
from ui.editing import EventEditor
from ui.prepare.page import PARTICIPANTS, PreparePage
from ui.review.closing import close_question
from ui.room.canvas import RoomCanvas
from ui.room.steps import StepState, build_slide
from ui.start.page import StartPage, rows_from
from ui.views import WALK_THROUGH

DAY = dt.date(2026, 2, 1)  # a Sunday


@pytest.fixture
def demo(db):
    with db.transaction() as session:
        return create_demo_event(session, date=DAY).id


def _labels(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_the_start_page_speaks_german(qtbot, db, demo, german):
    page = StartPage(rows_from(db))
    qtbot.addWidget(page)
    page.refresh()
    headers = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Datum", "Koalition", "Veranstaltung", "Status"]
    assert page.proxy.index(0, 0).data() == "So., 1. Feb. 2026"
    assert page.filter_edit.placeholderText() == "Nach Koalition, Titel, Datum oder Status filtern"
    buttons = {button.text() for button in page.findChildren(type(page.open_button))}
    wanted = {"Neue Veranstaltung…", "Beispielveranstaltung öffnen", "Verlauf und Nachverfolgung", "Öffnen"}
    assert wanted <= buttons
    assert "Scale-Across-Veranstaltungen" in _labels(page)


def test_an_empty_start_page_says_how_to_begin_in_german(qtbot, db, german):
    page = StartPage(rows_from(db))
    qtbot.addWidget(page)
    page.refresh()
    assert page.empty_label.text().startswith("Noch keine Veranstaltungen. Beginnen Sie mit „Neue")


def test_prepare_speaks_german(qtbot, db, demo, german):
    page = PreparePage(EventEditor(db, demo))
    qtbot.addWidget(page)
    tabs = [page.tabs.tabText(index) for index in range(3)]
    assert tabs == ["Details", "Teilnehmende (6)", "Unterstützungskapazität"]
    assert page.title.text() == "Vorbereitung: Checkout Reliability Coalition — So., 1. Feb. 2026"
    labels = _labels(page.details)
    for label in ("&Titel", "&Datum", "&Moderation", "A&nlass", "&Agenda", "TOP-Ziel"):
        assert label in labels
    # The agenda's outline: its steps from the agenda (in German), the minutes in ours.
    assert page.details.outline.text().startswith("1. TOP-Ziel — ")
    assert page.details.outline.text().splitlines()[-1].startswith("Gesamt ")
    assert page.details.facilitator.placeholderText() == "Wer moderiert"
    page.show_section(PARTICIPANTS)
    assert page.current_section() is page.participants


def test_the_room_view_speaks_german(qtbot, db, demo, german):
    editor = EventEditor(db, demo)
    event = editor.event
    agenda = load_catalog().get(event.agenda_id)
    first = build_slide(event, agenda, 0)
    assert first.position == f"Schritt 1 von {len(agenda.steps)} · TOP-Ziel"
    assert first.question == "Was ist das aktuelle TOP-Ziel?"
    assert [section.heading for section in first.main] == ["TOP-Ziel"]
    outcomes = build_slide(event, agenda, 1)
    assert [column.heading for column in outcomes.main[0].columns] == ["Erfolge", "Misserfolge"]
    boundaries = build_slide(event, agenda, 2)
    headings = [column.heading for column in boundaries.main[0].columns]
    assert headings == ["Funktioniert, wenn", "Scheitert, wenn", "Voraussetzungen"]
    assert boundaries.main[0].heading.endswith(f"(Muster 1 von {len(event.patterns)})")
    focus = next(a for a in event.agreements if a.risk_acceptance is not None)
    last = len(agenda.steps) - 1
    agreements = build_slide(event, agenda, last, StepState(focus=focus.id))
    titles = [item.title for item in agreements.main[0].columns[0].items]
    assert agreements.main[0].heading == "Vereinbarungen"
    assert all(" übernimmt " in title for title in titles)
    lines = [line for item in agreements.main[0].columns[0].items for line in item.lines]
    assert any("Check-in am " in line and "2026" in line for line in lines)
    assert "In diesem Teamkontext gefährdet, Risiko akzeptiert" in lines
    sides = [section.heading for section in agreements.side]
    assert sides[0] == f"Passt es zum Team von {focus.adopter.name}?"
    assert "Noch offen, bevor wir gehen" in sides
    # Drawn on a 1080p projector: nothing of ours in English.
    canvas = RoomCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(QSize(1920, 1080))
    canvas.show_slide(agreements)
    drawn = "\n".join(run.text for run in canvas.placed().runs)
    for english in ("Step ", "adopts", "Check-in 1", "Still open", "At risk", "Page "):
        assert english not in drawn


def test_presenting_in_german(qtbot, db, demo, german):
    window = window_on_event(qtbot, db, demo, WALK_THROUGH, (1280, 720))
    window.actions_[Act.PRESENT].trigger()
    room = window.room
    qtbot.waitUntil(lambda: room.room.isVisible() and not room._pending.isActive())
    assert room.room.windowTitle() == "Scale Across — Raumansicht"
    assert room.room.canvas.placed().runs[0].text.startswith("Schritt 1 von ")
    assert room.preview.state_label.text().startswith("Live")
    assert room.preview.next_label.text().startswith("Als Nächstes: ")
    assert room.preview.next_label.text().endswith(" Min.)")
    page = window.screen_.walkthrough
    assert page.present_button.text() == "Präsentation beenden"
    assert page.next_button.text() == "Weiter ▶"
    window.actions_[Act.PRESENT].trigger()
    assert page.present_button.text() == "Präsentieren"
    QApplication.processEvents()


def test_a_long_step_title_keeps_the_walk_through_on_a_720p_screen(qtbot, db, demo, german):
    # "Schritt 4 von 4 · Folgeunterstützung" at 110 %: the buttons beside it give way
    # (Present first, then the words of Previous and Next), the window stays on the screen.
    window = window_on_event(qtbot, db, demo, WALK_THROUGH, (1280, 720))
    window.settings.set("zoom", 110)
    window.apply_view_settings()
    window.actions_[Act.PRESENT].trigger()
    page = window.screen_.walkthrough
    page.go_to(len(page.agenda.steps) - 1, store=False)
    qtbot.waitUntil(lambda: not window.room._pending.isActive())
    QApplication.processEvents()
    assert page.position_label.text().endswith("Folgeunterstützung")
    assert window.minimumSizeHint().width() <= 1280
    assert page.next_button.isVisible() and page.previous_button.isVisible()


def test_the_close_question_counts_in_german(db, demo, german):
    from facilitator.services import readiness

    with db.transaction() as session:
        items = readiness.open_items_of(events.load_event(session, demo))
    text = close_question(items[:1])
    assert text.startswith("1 Punkt ist noch offen:")
    assert "Die Veranstaltung trotzdem abschließen oder zurückgehen und nachbessern?" in text
