"""Choosing the documents' language in Prepare: the event's, and one adopter's own, stored and undoable.

And what it is for: with the window in English, the adopter who reads German
gets a German agreement, and the event's summary stays English.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

from exports.pdf import render_agreement, render_summary
from facilitator.domain import ParticipantRole
from facilitator.services import agreements, events, participants
from ui.editing import EventEditor
from ui.panels.people.participants import LANGUAGE_COLUMN, ParticipantsPanel
from ui.prepare.details import EventDetailsForm


@pytest.fixture
def editor(db):
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout Coalition"], date=dt.date(2026, 12, 2))
        ana = participants.add_participant(
            session, event.id, "Ana Núñez", "Payments", ParticipantRole.POTENTIAL_ADOPTER
        )
        agreements.add_agreement(session, event.id, ana.id)
    return EventEditor(db, event.id)


def _stored(db, event_id):
    with db.transaction() as session:
        event = events.load_event(session, event_id)
        return event.document_language, [p.language for p in event.participants]


def _text(pdf: bytes) -> str:
    import io

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_events_documents_language_is_chosen_in_the_details_and_undone(qtbot, editor, db):
    form = EventDetailsForm(editor)
    qtbot.addWidget(form)
    combo = form.document_language
    assert [combo.itemText(i) for i in range(combo.count())] == ["The app's language", "English", "Deutsch"]
    assert combo.currentText() == "The app's language"
    combo.setCurrentIndex(combo.findData("de"))
    assert _stored(db, editor.event_id)[0] == "de"
    assert editor.undo_stack.undoText() == "Change the language of the event's documents"
    editor.undo_stack.undo()
    assert _stored(db, editor.event_id)[0] is None
    qtbot.waitUntil(lambda: combo.currentText() == "The app's language")


def test_an_adopters_language_is_chosen_in_the_participants_table(qtbot, editor, db):
    panel = ParticipantsPanel(editor)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    table = panel.table
    cell = table.records.index(0, LANGUAGE_COLUMN)
    assert cell.data() == "the event's language"
    table.setFocus()
    table.setCurrentIndex(cell)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("de"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert _stored(db, editor.event_id)[1] == ["de"]
    qtbot.waitUntil(lambda: table.records.index(0, LANGUAGE_COLUMN).data() == "Deutsch")

    # What it is for: her agreement in German, the summary in the window's English.
    with db.transaction() as session:
        event = events.load_event(session, editor.event_id)
        agreement = render_agreement(event, event.agreements[0].adopter_id)
        summary = render_summary(event)
    assert "Vereinbarung" in _text(agreement) and "2. Dezember 2026" in _text(agreement)
    assert "Agreement" in _text(summary) and "2 December 2026" in _text(summary)
