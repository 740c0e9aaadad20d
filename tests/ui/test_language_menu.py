"""View ▸ Language: the choice is stored, asked about once, and applied at the next start, Qt's words too."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator import i18n
from ui import language

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "i18n"))
from pseudo import RTL_PSEUDO, build


@pytest.fixture
def window(qtbot, db):
    from ui.main_window import MainWindow

    shown = MainWindow(db)
    qtbot.addWidget(shown)
    return shown


def _language_menu(window):
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    menu = next(a.menu() for a in view.actions() if a.menu() is not None and a.text() == "&Language")
    menu.aboutToShow.emit()  # as opening it does
    return menu


def test_the_menu_offers_the_system_and_each_language_in_its_own_name(window):
    labels = [action.text() for action in _language_menu(window).actions()]
    assert labels == ["System (English)", "English", "Deutsch"]
    assert [a.isChecked() for a in _language_menu(window).actions()] == [True, False, False]


def test_choosing_a_language_stores_it_and_asks_once_to_restart(window, monkeypatch):
    asked, restarts = [], []
    monkeypatch.setattr(language, "ask_to_restart", lambda parent, code: asked.append(code) or False)
    monkeypatch.setattr(language, "request_restart", lambda: restarts.append(True))
    deutsch = next(a for a in _language_menu(window).actions() if a.text() == "Deutsch")
    deutsch.trigger()
    assert asked == ["de"] and restarts == []  # "Later": the window stays as it is
    assert window.settings.get("language") == "de"
    assert i18n.language() == "en"


def test_restart_now_restarts_after_the_window_closed(window, monkeypatch):
    restarts = []
    monkeypatch.setattr(language, "ask_to_restart", lambda parent, code: True)
    menu = window.menuBar().addMenu("x")
    language.add_language_menu(window, menu, "", lambda code: None, lambda: restarts.append(1))
    submenu = menu.actions()[0].menu()
    submenu.aboutToShow.emit()
    next(a for a in submenu.actions() if a.text() == "Deutsch").trigger()
    assert restarts == [1]


def test_the_question_names_the_language_and_restart_now_is_the_default(qtbot, window):
    answers = []

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        answers.append(box.text())
        box.defaultButton().click()

    QTimer.singleShot(0, answer)
    assert language.ask_to_restart(window, "de") is True
    assert answers == ["The app will speak Deutsch from its next start."]


def test_a_restart_runs_the_same_command_again_once_asked(monkeypatch):
    calls = []
    monkeypatch.setattr(language.os, "execv", lambda path, argv: calls.append((path, argv)))
    monkeypatch.setattr(language, "_restart_wanted", False)
    language.restart_if_wanted()
    assert calls == []
    language.request_restart()
    language.restart_if_wanted()
    assert calls == [(sys.executable, sys.orig_argv)]
    monkeypatch.setattr(language, "_restart_wanted", False)


def test_the_stored_language_applies_at_start_with_qts_own_words(qapp, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["scale-across"])
    assert language.choose_at_start(qapp, "de") == "de"
    assert i18n._("options") == "Optionen"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_command_lines_lang_wins_over_the_stored_choice(qapp, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["scale-across", "--lang", "en"])
    i18n.set_language("en")
    assert language.choose_at_start(qapp, "de") == "en"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_a_stored_language_without_its_catalog_falls_back_to_the_systems(qapp, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["scale-across"])
    assert language.choose_at_start(qapp, "xx") == "en"


def test_a_right_to_left_language_mirrors_the_window(qapp, qtbot, db, tmp_path, monkeypatch):
    from ui.main_window import MainWindow

    build(tmp_path)
    monkeypatch.setattr(i18n, "extra_locale_dirs", [tmp_path])
    # The languages are cached: seen afresh here, and cleared again after the test (conftest).
    i18n.available_languages.cache_clear()
    monkeypatch.setattr(sys, "argv", ["scale-across"])
    language.choose_at_start(qapp, RTL_PSEUDO)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    # The menu bar reads from the right: its first menu is right of its second.
    bar = window.menuBar()
    first, second = (bar.actionGeometry(action) for action in bar.actions()[:2])
    assert first.left() > second.left()
