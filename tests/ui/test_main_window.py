"""The window around the screens: undo, saved state, errors, settings, shortcuts."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import focused, freeze_step_clock, show_active, type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import event as sa_event

from facilitator.demo import create_demo_event
from facilitator.domain import EventStatus
from facilitator.services import events
from facilitator.storage import open_database
from ui import theme
from ui.actions import Act
from ui.main_window import MainWindow
from ui.settings import Settings

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def demo(db):
    with db.transaction() as session:
        return create_demo_event(session, date=dt.date(2026, 11, 3)).id


def _window(qtbot, db, size=(1920, 1080)):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(*size)
    show_active(qtbot, window)
    return window


def test_open_sample_event_from_the_start_page(qtbot, db):
    window = _window(qtbot, db)
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL | SHIFT)
    assert window.screen_ is not None
    assert window.screen_.tabs.currentIndex() == 0  # not started yet: Prepare
    assert "Checkout Reliability Coalition" in window.windowTitle()
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL | SHIFT)
    assert window.pages.currentWidget() is window.start
    assert window.start.proxy.rowCount() == 1


def test_undo_and_redo_shortcuts_act_on_the_open_event(qtbot, db, db_path, demo):
    window = _window(qtbot, db)
    window.open_event(demo, view=1)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    type_text(focused(), "Ein neuer Erfolg für Łódź")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    titles = lambda: [o.title for o in window.editor.event.outcomes]  # noqa: E731
    assert titles()[-1] == "Ein neuer Erfolg für Łódź"
    assert window.saved_label.text().startswith("Saved ")

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert "Ein neuer Erfolg für Łódź" not in titles()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert titles()[-1] == "Ein neuer Erfolg für Łódź"
    reopened = open_database(db_path)
    with reopened.transaction() as session:
        assert events.load_event(session, demo).outcomes[-1].title == "Ein neuer Erfolg für Łódź"
    reopened.close()


def test_a_closed_event_stays_closed_whatever_undo_is_pressed(qtbot, db, db_path, demo, monkeypatch):
    clock = freeze_step_clock(monkeypatch)
    asked = []

    def question(parent, title, text, buttons, default):
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window = _window(qtbot, db)
    window.open_event(demo, view=1)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)  # the room is talking: the timer runs
    clock(95)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    type_text(focused(), "Ein letzter Erfolg")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    undo = window.actions_[Act.UNDO]
    assert undo.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | SHIFT)  # Close event…, confirmed
    assert asked == ["Close event"]
    assert window.editor.read_only
    assert not window.screen_.walkthrough.timer.running  # stopped, its reading kept
    assert not undo.isEnabled() and "Close" not in undo.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    reopened = open_database(db_path)
    with reopened.transaction() as session:
        stored = events.load_event(session, demo)
        assert stored.status == EventStatus.CLOSED
        assert stored.seconds_on("top-goal") == pytest.approx(95)
        assert stored.outcomes[-1].title == "Ein letzter Erfolg"  # undo did not reach back either
    reopened.close()

    window.actions_[Act.REOPEN_EVENT].trigger()  # deliberate, and confirmed too
    assert asked == ["Close event", "Reopen event"]
    assert not window.editor.read_only and not window.screen_.walkthrough.timer.running
    assert not undo.isEnabled()


def test_a_write_that_fails_is_shown_plainly_and_the_text_is_kept_for_retry(qtbot, db, demo):
    window = _window(qtbot, db)
    window.open_event(demo, view=1)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    line = focused()

    def read_only(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA query_only = ON")

    db.engine.dispose()
    sa_event.listen(db.engine, "connect", read_only)
    type_text(line, "Wird gleich gespeichert")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.banner.isVisible()
    assert "cannot be written" in window.banner.label.text()
    assert window.saved_label.text() == "Last edit NOT saved"
    assert line.text() == "Wird gleich gespeichert"
    before = len(window.editor.event.outcomes)

    sa_event.remove(db.engine, "connect", read_only)
    db.engine.dispose()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert not window.banner.isVisible()
    assert len(window.editor.event.outcomes) == before + 1
    assert line.text() == ""


def test_theme_zoom_and_geometry_are_remembered(qtbot, db):
    window = _window(qtbot, db, size=(1500, 900))
    high_contrast = next(a for a in window.theme_group.actions() if a.data() == "high_contrast")
    high_contrast.trigger()
    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    assert window.settings.get("zoom") == 110
    assert "font-size: 18pt" in QApplication.instance().styleSheet()  # 16 pt body at 110 % (24 px)
    window.close()

    again = _window(qtbot, db, size=(800, 600))
    again.close()
    settings = Settings()
    assert settings.get("theme") == "high_contrast" and settings.get("zoom") == 110
    fresh = MainWindow(db)
    qtbot.addWidget(fresh)
    assert "#000000" in QApplication.instance().styleSheet()
    assert abs(fresh.size().width() - 800) <= 4  # restored from the saved geometry (frame aside)
    show_active(qtbot, fresh)
    qtbot.keyClick(fresh, Qt.Key.Key_0, CTRL)
    assert Settings().get("zoom") == 100


def test_text_is_large_enough_to_read_from_the_back_of_the_room(qtbot, db, demo):
    window = _window(qtbot, db)
    window.settings.set("zoom", 100)
    window.apply_view_settings()
    window.open_event(demo, view=1)
    page = window.screen_.walkthrough
    page.question_label.ensurePolished()
    assert QFontInfo(page.question_label.font()).pointSizeF() >= 28
    goal = window.screen_.walkthrough.contents.currentWidget().panels[0].cards[0]
    body = goal.history_title
    body.ensurePolished()
    assert QFontInfo(body.font()).pointSizeF() >= 16
    assert QFontInfo(page.prompts_label.font()).pointSizeF() >= 16


def test_high_contrast_text_is_at_least_seven_to_one():
    palette = theme.PALETTES["high_contrast"]
    for foreground, background in [
        ("text", "window"),
        ("text", "field"),
        ("text", "panel"),
        ("muted", "window"),
        ("selection_text", "selection"),
        ("accent_text", "accent"),
        ("danger", "window"),
        ("button_text", "button"),
        ("ok", "window"),
        ("text", "alt_row"),
        ("accent", "window"),
    ]:
        assert theme.contrast_ratio(palette[foreground], palette[background]) >= 7, (foreground, background)


def test_f1_lists_every_shortcut(qtbot, db):
    window = _window(qtbot, db)
    seen = {}

    def read_and_close():
        dialog = QApplication.activeModalWidget()
        table = dialog.table
        seen.update({table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())})
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert seen["Next step"].startswith("PgDown")
    assert seen["Full screen"] == "F11"
    assert "Ctrl+=" in seen["Zoom in"]
    # The keys a person presses, not Qt's aliases ("Ctrl+Z, F14, Undo").
    assert seen["Undo"] == "Ctrl+Z"
    assert seen["Add record"] == "Ctrl+Enter"
    for keys in seen.values():
        for key in keys.split(", "):
            assert key.rsplit("+", 1)[-1] not in {"Undo", "Redo", "New", "Backspace"}, keys
            assert not any(key.endswith(f"F{n}") for n in range(13, 36)), keys


def test_full_screen_toggles_with_f11(qtbot, db):
    window = _window(qtbot, db)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.isFullScreen()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_held_back_menu_entry_looks_held_back(qtbot, db, theme):
    # With no event open, Close event is disabled; Quit is not. The menu's own
    # text colour once painted both alike.
    window = _window(qtbot, db)
    window.set_theme(theme)
    menu = window.actions_[Act.QUIT].associatedObjects()[-1]
    menu.popup(window.mapToGlobal(window.rect().topLeft()))
    qtbot.waitUntil(menu.isVisible)
    image = menu.grab().toImage()
    background = image.pixelColor(menu.actionGeometry(window.actions_[Act.QUIT]).topLeft()).lightnessF()

    def strongest_text(act: Act) -> float:
        box = menu.actionGeometry(window.actions_[act])
        return max(
            abs(image.pixelColor(x, y).lightnessF() - background)
            for x in range(box.left(), box.right())
            for y in range(box.top(), box.bottom())
        )

    assert not window.actions_[Act.CLOSE_EVENT].isEnabled() and window.actions_[Act.QUIT].isEnabled()
    assert strongest_text(Act.CLOSE_EVENT) < 0.75 * strongest_text(Act.QUIT)
    menu.close()


def test_the_database_location_loses_its_middle_at_the_largest_zoom_and_returns_after_a_message(qtbot, db):
    window = _window(qtbot, db, size=(1280, 720))
    label, bar = window.location_label, window.statusBar()
    full = f"Database: {db.path}"
    assert label.full_text() == full and label.isVisible()
    for _step in range(12):
        window.zoom(+1)  # up to 200 %, with "Zoom …" messages in between
    qtbot.waitUntil(lambda: bar.currentMessage() == "")
    qtbot.waitUntil(label.isVisible)
    assert label.fontMetrics().horizontalAdvance(full) > label.contentsRect().width()  # too long at 200 %
    assert "…" in label.text() and label.text().startswith("Database: ")
    assert label.text().endswith(db.path.name) and full in label.toolTip()
    bar.showMessage("Exported summary")
    assert not label.isVisible()  # the message has the bar
    window.zoom(-1)  # a restyle rebuilds the bar's layout, which showed it again under the message
    bar.showMessage("Exported summary")
    for _turn in range(3):  # the rebuilt layout shows its widgets from posted events
        QApplication.processEvents()
    assert not label.isVisible()
    bar.clearMessage()
    assert label.isVisible()
