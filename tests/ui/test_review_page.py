"""Review: every record of the event on one page, shown literally; closing is confirmed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QMessageBox

from facilitator.dates import day
from facilitator.demo import GOAL, create_demo_event
from facilitator.domain import BoundaryKind, EventStatus
from facilitator.services import agreements, events, participants
from facilitator.storage import open_database
from ui.editing import EventEditor
from ui.review import ReviewPage

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def _stored_status(db_path, event_id) -> EventStatus:
    db = open_database(db_path)
    try:
        with db.transaction() as session:
            return events.load_event(session, event_id).status
    finally:
        db.close()


def _shown_text(page: ReviewPage) -> str:
    """All text on the page as a reader sees it (rich text turned back into plain text)."""
    lines = []
    for label in page.content.findChildren(QLabel):
        if label.textFormat() == Qt.TextFormat.RichText:
            lines.append(QTextDocumentFragment.fromHtml(label.text()).toPlainText())
        else:
            lines.append(label.text())
    return "\n".join(lines)


@pytest.fixture
def demo(db):
    with db.transaction() as session:
        event = create_demo_event(session, date=dt.date(2026, 5, 4))
        return event.id


def _page(qtbot, db, event_id):
    editor = EventEditor(db, event_id)
    page = ReviewPage(editor)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    return editor, page


def test_the_page_shows_every_record_of_the_demo_event(qtbot, db, demo):
    editor, page = _page(qtbot, db, demo)
    shown = _shown_text(page)
    event = editor.event

    expected = [
        "Scale Across — checkout delivery patterns",
        "Checkout Reliability Coalition",
        "Mon 4 May 2026",
        "Facilitator: Zoë Lefèvre",
        "Trigger: Pattern discovery",
        "Status: Planned",
        GOAL,
    ]
    expected += [p.display_name for p in event.participants]
    for title in ("Coalition members", "Potential adopters", "Sponsors", "Platform owners", "Process owners"):
        expected.append(title)
    for outcome in event.outcomes:
        expected += [outcome.title, outcome.what_happened, outcome.evidence]
    for pattern in event.patterns:
        expected += [pattern.name, pattern.summary, pattern.guidance]
        expected += [b.text for b in pattern.boundaries]
    for agreement in event.agreements:
        expected += [f"{agreement.adopter.display_name} adopts", agreement.limits, day(agreement.check_in)]
        expected += [item.limits for item in agreement.support_items]
    expected += [
        "田中 愛子 (Aiko Tanaka) (Engineering Leadership)",
        "Coaching — 8 h — owner: Zoë Lefèvre (Checkout) — "
        "limits: Pairing sessions in the first two sprints only",
        "Artifact — 1 playbook — owner: Zoë Lefèvre (Checkout)",
        "Zoë Lefèvre: 22 h promised, 24 h available — 2 h left",
        "Łukasz Wróblewski: 8 h promised, 10 h available — 2 h left",
        "Works when",
        "Breaks when",
        "Prerequisites",
        "Successes",
        "Failures",
    ]
    missing = [text for text in expected if text not in shown]
    assert missing == []
    assert {BoundaryKind.WORKS_WHEN, BoundaryKind.BREAKS_WHEN, BoundaryKind.PREREQUISITE} == {
        b.kind for b in event.patterns[0].boundaries
    }


def test_hostile_text_is_shown_literally(qtbot, db, demo):
    with db.transaction() as session:
        event = events.load_event(session, demo)
        agreements.update_agreement(session, event.agreements[0].id, notes="<b>unclosed & <img src=x>")
        participants.add_participant(session, demo, "<i>Mallory</i>", "<a href='file:///etc/passwd'>Ops</a>")
    _editor, page = _page(qtbot, db, demo)
    shown = _shown_text(page)
    assert "Notes: <b>unclosed & <img src=x>" in shown
    assert "<i>Mallory</i> (<a href='file:///etc/passwd'>Ops</a>)" in shown


def test_the_page_follows_every_edit(qtbot, db, demo):
    editor, page = _page(qtbot, db, demo)
    ana = editor.event.agreements[0]
    editor.update("Limits", type(ana), ana.id, agreements.update_agreement, limits="Nur dienstags — Ødegård")
    assert "Not included: Nur dienstags — Ødegård" in _shown_text(page)
    editor.undo_stack.undo()
    assert "Nur dienstags" not in _shown_text(page)


def test_an_over_commitment_is_named_in_the_capacity_summary(qtbot, db, demo):
    with db.transaction() as session:
        event = events.load_event(session, demo)
        zoe = event.participants[0]
        agreements.add_support_item(session, event.agreements[1].id, "coaching", amount=8, owner_id=zoe.id)
    _editor, page = _page(qtbot, db, demo)
    assert "Zoë Lefèvre: 30 h promised, 24 h available — 6 h over (not accepted)" in _shown_text(page)


def test_close_asks_first_then_stores_closed_and_undo_cannot_reopen(qtbot, db, db_path, demo, monkeypatch):
    editor, page = _page(qtbot, db, demo)
    asked = []

    def answer(reply):
        def question(parent, title, text, buttons, default):
            asked.append((title, default))
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(No))
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert asked == [("Close event", No)]
    assert _stored_status(db_path, demo) == EventStatus.PLANNED

    monkeypatch.setattr(QMessageBox, "question", answer(Yes))
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert _stored_status(db_path, demo) == EventStatus.CLOSED
    assert editor.read_only
    assert page.close_button.text() == "Reopen event for edits"
    assert "Status: Closed" in _shown_text(page)

    # Closing is a deliberate step: nothing on the undo stack turns it back.
    assert not editor.undo_stack.canUndo() and not editor.undo_stack.canRedo()
    editor.undo_stack.undo()
    assert _stored_status(db_path, demo) == EventStatus.CLOSED
    assert page.close_button.text() == "Reopen event for edits"


def test_reopening_a_closed_event_is_confirmed(qtbot, db, db_path, demo, monkeypatch):
    with db.transaction() as session:
        events.close_event(session, demo)
    _editor, page = _page(qtbot, db, demo)
    assert page.close_button.text() == "Reopen event for edits"
    titles = []

    def question(parent, title, text, buttons, default):
        titles.append(title)
        return Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert titles == ["Reopen event"]
    assert _stored_status(db_path, demo) == EventStatus.RUNNING
    assert page.close_button.text() == "Close event"
    assert not _editor.undo_stack.canUndo()  # reopening is not undone either


def test_a_hidden_page_redraws_only_when_shown(qtbot, db, demo):
    editor, page = _page(qtbot, db, demo)
    page.hide()
    ana = editor.event.agreements[0]
    editor.update("Notes", type(ana), ana.id, agreements.update_agreement, notes="Später")
    assert "Später" not in _shown_text(page)
    page.show()
    assert "Notes: Später" in _shown_text(page)
