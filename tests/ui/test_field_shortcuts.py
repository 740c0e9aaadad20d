"""In a text field the app's shortcuts win, except undo and redo of the field's own typing."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import focused, show_active, type_text
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit

from facilitator.demo import create_demo_event
from facilitator.services import events
from facilitator.storage import open_database
from ui.actions import Act
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, db):
    with db.transaction() as session:
        event_id = create_demo_event(session, date=dt.date(2026, 11, 3)).id
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    show_active(qtbot, win)
    win.open_event(event_id, view=1)
    return win


def _stored_titles(db_path, event_id):
    db = open_database(db_path)
    try:
        with db.transaction() as session:
            return [o.title for o in events.load_event(session, event_id).outcomes]
    finally:
        db.close()


def test_ctrl_z_in_the_quick_add_field_undoes_the_record_just_added(qtbot, window, db_path):
    event_id = window.editor.event_id
    before = _stored_titles(db_path, event_id)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    field = focused()
    assert isinstance(field, QLineEdit)
    type_text(field, "Ein neuer Erfolg")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert _stored_titles(db_path, event_id) == [*before, "Ein neuer Erfolg"]

    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)  # still in the empty field
    assert _stored_titles(db_path, event_id) == before
    assert field.text() == ""  # the typed text does not come back
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL | SHIFT)
    assert _stored_titles(db_path, event_id) == [*before, "Ein neuer Erfolg"]

    # While the field holds typing of its own, undo is the field's, as in any editor.
    type_text(field, "halb getippt")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert field.text() == ""
    assert _stored_titles(db_path, event_id) == [*before, "Ein neuer Erfolg"]


class _EmacsLineEdit(QLineEdit):
    """Claims Ctrl+U and Ctrl+E the way QLineEdit does on X11 (delete the line, end of line)."""

    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride and event.keyCombination().toCombined() in (
            QKeySequence("Ctrl+U")[0].toCombined(),
            QKeySequence("Ctrl+E")[0].toCombined(),
        ):
            event.accept()
            return True
        return super().event(event)


def test_an_app_shortcut_wins_over_a_fields_own_binding(qtbot, window):
    # Offscreen Qt has no Emacs bindings, so the field below claims the keys
    # as X11's QLineEdit does: unguarded, Ctrl+U would go to the field.
    window.show_followup(Act.SEARCH)
    search = window.followup.pages[Act.SEARCH]
    field = _EmacsLineEdit(search)
    field.show()
    field.setFocus()
    qtbot.waitUntil(lambda: focused() is field)
    type_text(field, "zoe")
    qtbot.keyClick(field, Qt.Key.Key_U, CTRL)
    assert window.followup.current_act() == Act.ADOPTIONS
    assert field.text() == "zoe"


def test_ctrl_u_in_the_search_box_opens_the_adoption_tracker_and_keeps_the_words(qtbot, window):
    window.show_followup(Act.SEARCH)
    search = window.followup.pages[Act.SEARCH]
    search.field.setFocus()
    type_text(search.field, "zoe")
    qtbot.keyClick(search.field, Qt.Key.Key_U, CTRL)
    assert window.followup.current_act() == Act.ADOPTIONS
    assert search.field.text() == "zoe"
