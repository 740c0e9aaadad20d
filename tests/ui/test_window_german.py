"""The window in German: menus, tips, the F1 shortcut page, dates and messages (issue 19).

The language is chosen before any widget is made, as at start (``ui.language``):
the app's catalog for its words, Qt's for the keys' names and standard buttons.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QMenu

from facilitator.dates import day
from ui.actions import SPECS, Act, text_of
from ui.background import held_reason

MENUS = ["&Datei", "&Bearbeiten", "&Ansicht", "&Gehe zu", "&Raum", "&Nachverfolgung", "E&xport", "&Hilfe"]


@pytest.fixture
def deutsch(qapp, german, monkeypatch):
    """German words, dates and Qt's own words, as a start in German sets them (undone after the test)."""
    from ui import language

    monkeypatch.setattr(sys, "argv", ["scale-across"])
    return language.choose_at_start(qapp, "de")


@pytest.fixture
def window(qtbot, db, deutsch):
    from ui.main_window import MainWindow

    shown = MainWindow(db)
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    return shown


def _menus(menu: QMenu) -> list[QMenu]:
    found = [menu]
    for action in menu.actions():
        if action.menu() is not None:
            found += _menus(action.menu())
    return found


def _mnemonic(text: str) -> str | None:
    index = text.replace("&&", "").find("&")
    return text.replace("&&", "")[index + 1].lower() if index >= 0 else None


def test_the_menu_bar_and_its_menus_speak_german(window):
    bar = [action.text() for action in window.menuBar().actions()]
    assert bar == MENUS
    file_menu = window.menuBar().actions()[0].menu()
    assert [a.text() for a in file_menu.actions() if not a.isSeparator()] == [
        "&Neue Veranstaltung…",
        "Beispiel&veranstaltung öffnen",
        "Veranstaltungsdatei &importieren…",
        "&Letzte Veranstaltungen",
        "Veranstaltung &abschließen…",
        "Veranstaltung zum Bearbeiten &wieder öffnen",
        "&Sicherungen…",
        "&Beenden",
    ]
    view = window.menuBar().actions()[2].menu()
    submenus = [a.text() for a in view.actions() if a.menu() is not None]
    assert submenus == ["&Farbschema", "&Sprache"]
    themes = next(a.menu() for a in view.actions() if a.text() == "&Farbschema")
    assert [a.text() for a in themes.actions()] == ["Hell", "Dunkel", "Hoher Kontrast"]


def test_every_menu_has_one_mnemonic_per_letter(window):
    for top in window.menuBar().actions():
        for menu in _menus(top.menu()):
            letters = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
            letters = [letter for letter in letters if letter]
            assert len(letters) == len(set(letters)), (menu.title(), letters)
    letters = [_mnemonic(text) for text in MENUS]
    assert len(letters) == len(set(letters))


def test_every_action_has_its_german_text_and_tip(window):
    for act, spec in SPECS.items():
        assert text_of(act) != spec.text, act  # each one is translated
    for act, action in window.actions_.items():
        assert action.text().startswith(text_of(act)), act
    assert window.actions_[Act.NEW_EVENT].statusTip() == "Eine neue Scale-Across-Veranstaltung vorbereiten"
    assert (
        window.actions_[Act.SEARCH].toolTip()
        == "Ziele, Ergebnisse, Muster, Grenzen, Vereinbarungen, Personen"
    )
    # A spec without a tip shows its text, without the mnemonic.
    assert window.actions_[Act.TOGGLE_PROMPTS].toolTip() == "Moderationshinweise zeigen"
    assert window.actions_[Act.UNDO].text().startswith("&Rückgängig")


def test_the_status_bar_speaks_german(window):
    assert window.saved_label.text() == "Alle Änderungen werden beim Tippen gespeichert"
    assert window.location_label.full_text().startswith("Datenbank: ")
    window.zoom(+1)
    assert window.statusBar().currentMessage() == "Zoom 110 %"


def test_the_shortcut_page_lists_german_actions_and_qts_german_key_names(qtbot, window):
    from ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    table = dialog.table
    headers = [table.horizontalHeaderItem(column).text() for column in range(2)]
    rows = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert dialog.windowTitle() == "Tastenkürzel" and headers == ["Aktion", "Tastenkürzel"]
    assert rows["Neue Veranstaltung"] == "Strg+N"
    assert rows["Nächster Schritt"] == "Bild abwärts, Alt+Rechts"
    assert rows["Eintrag hinzufügen"] == "Strg+Enter"
    assert rows["Ausgewählte Zelle bearbeiten"] == "F2 oder einfach lostippen"
    assert rows["Eingegebenen Eintrag hinzufügen / nächste teilnehmende Person"] == "Enter"
    english = {spec.text.replace("&", "").rstrip("…") for spec in SPECS.values()}
    assert not english & set(rows)


def test_an_open_event_shows_its_views_in_german(window):
    window.actions_[Act.OPEN_SAMPLE].trigger()
    tabs = window.screen_.tabs
    assert [tabs.tabText(index) for index in range(tabs.count())] == [
        "Vorbereitung",
        "Durchführung",
        "Rückblick",
    ]
    assert day(window.editor.event.date) in window.windowTitle()


def test_a_date_field_writes_the_date_as_the_german_window_does(qtbot, deutsch):
    from ui.date_fields import show_days

    edit = show_days(QDateEdit(QDate(2026, 12, 2)))
    qtbot.addWidget(edit)
    assert edit.text() == day(dt.date(2026, 12, 2)) == "Mi., 2. Dez. 2026"


def test_messages_about_running_work_and_exports_are_whole_german_sentences(deutsch):
    from facilitator.i18n import _
    from facilitator.progress import INDEX
    from ui.export_runner import WORDINGS
    from ui.start_tasks import stage_words

    assert (
        held_reason("Zusammenfassung der Veranstaltung", writes_documents=True, cancellable=True)
        == "Jetzt nicht: „Zusammenfassung der Veranstaltung“ wird geschrieben. Bitte warten oder abbrechen."
    )
    assert _(WORDINGS["agreements"].cancelled) == "Abgebrochen: Es wurden keine Vereinbarungen geschrieben"
    assert (
        stage_words(INDEX, 3200, 10000) == "Datenbank wird aktualisiert: 3.200 von 10.000 Einträgen indexiert"
    )


def test_the_crash_and_recovery_dialogs_speak_german(qtbot, deutsch, tmp_path):
    from ui.crash import CrashDialog
    from ui.recovery import Damage, RecoveryDialog

    crash = CrashDialog("ValueError: boom", "Traceback", tmp_path / "app.log")
    qtbot.addWidget(crash)
    assert crash.text() == "Etwas ist schiefgegangen: ValueError: boom"
    assert [crash.open_log_button.text(), crash.copy_button.text(), crash.continue_button.text()] == [
        "Log öffnen",
        "Details kopieren",
        "Weiter",
    ]
    damage = Damage(Path("/data/events.sqlite3"), ["the file is truncated"], tmp_path, None, None)
    recovery = RecoveryDialog(damage)
    qtbot.addWidget(recovery)
    assert "Es wurde nichts gelöscht." in recovery.text()
    assert [button.text() for button in recovery.buttons_.values()] == ["Leere Datenbank", "Beenden"]
