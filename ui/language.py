"""The window's language: chosen at start, changed from View ▸ Language, applied by a restart.

At start the language is, in order: ``--lang`` on the command line, the
language chosen in View ▸ Language, the system's. Qt's own words (the
buttons of message boxes, the file picker) come from the catalogs PySide6
ships, and a right-to-left language mirrors the whole window.

Choosing another language asks once whether to restart now: every screen is
built in one language, and everything is stored the moment it is typed, so a
restart loses nothing and changes every word at once.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QMessageBox, QWidget

from facilitator import i18n
from facilitator.i18n import _
from ui.message_box import MessageBox

SYSTEM = ""  # the stored choice that follows the system


def language_name(code: str) -> str:
    """Return a language's name in that language ("Deutsch", "English"), for choosing it."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name(code)
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:] if name else code


def document_language_choices(default_label: str) -> list[tuple[str, str]]:
    """Return the (label, code) pairs a document's language is chosen from; ``""`` is the default.

    Args:
        default_label: What the default is called here ("The app's language").
    """
    return [(default_label, ""), *((language_name(code), code) for code in i18n.available_languages())]


def document_language_label(code: str | None, default_label: str) -> str:
    """Return how a stored document language is shown: its name, or ``default_label`` for none."""
    return language_name(code) if code else default_label


def choose_at_start(app: QApplication, stored: str) -> str:
    """Speak the language of this start and set Qt up for it; return its code.

    ``--lang`` (already applied by the command line) wins over ``stored``, the
    View-menu choice, which wins over the system's language. A stored language
    whose catalog is gone falls back to the system's.
    """
    from ui.cli.lang import lang_option

    if lang_option(sys.argv[1:]) is None and stored:
        try:
            i18n.set_language(stored)
        except i18n.UnknownLanguageError:
            i18n.set_language(i18n.system_language())
    code = i18n.language()
    _install_qt_catalogs(app, code)
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if i18n.text_direction() == "rtl" else Qt.LayoutDirection.LeftToRight
    )
    QLocale.setDefault(QLocale(code))
    return code


def _install_qt_catalogs(app: QApplication, code: str) -> None:
    for old in app.findChildren(QTranslator, "scale-across-qt"):
        app.removeTranslator(old)
        old.deleteLater()
    if code == i18n.SOURCE_LANGUAGE:
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    translator.setObjectName("scale-across-qt")
    # qtbase: the standard buttons, the file and colour pickers; missing for a
    # language Qt has no catalog of, which then keeps Qt's English.
    if translator.load(QLocale(code), "qtbase", "_", folder):
        app.installTranslator(translator)


def add_language_menu(
    parent: QWidget, view_menu: QMenu, stored: str, store: Callable[[str], None], restart: Callable[[], None]
) -> QActionGroup:
    """Add View ▸ Language: the system's, then each language in its own name.

    Choosing one stores it with ``store`` and asks once whether to restart
    now (``restart``) or at the next start.
    """
    menu = view_menu.addMenu(_("&Language"))
    group = QActionGroup(parent)
    system = i18n.system_language()

    def fill() -> None:
        # On first opening: the names come from Babel's data, which the window's start need not load.
        if group.actions():
            return
        # Translators: the language choice that follows the computer's settings; {language} is its name.
        choices = [(SYSTEM, _("System ({language})").format(language=language_name(system)))]
        choices += [(code, language_name(code)) for code in i18n.available_languages()]
        for code, label in choices:
            action = QAction(label, parent)
            action.setCheckable(True)
            action.setData(code)
            action.setChecked(code == stored)
            group.addAction(action)
            menu.addAction(action)

    menu.aboutToShow.connect(fill)

    def chosen(action: QAction) -> None:
        code = action.data()
        if code == stored:
            return
        store(code)
        wanted = code or system
        if wanted == i18n.language():
            return
        if ask_to_restart(parent, wanted):
            restart()

    group.triggered.connect(chosen)
    return group


def restart_question(parent: QWidget, code: str) -> tuple[QMessageBox, QAbstractButton]:
    """Return the question whether to restart in ``code``, and its "Restart now" button (the default)."""
    box = MessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Language"))
    box.setText(_("The app will speak {language} from its next start.").format(language=language_name(code)))
    box.setInformativeText(_("Everything is saved. Restart now?"))
    now = box.addButton(_("Restart now"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(now)
    return box, now


def ask_to_restart(parent: QWidget, code: str) -> bool:
    """Ask whether to restart now in ``code``; return True for "Restart now"."""
    box, now = restart_question(parent, code)
    box.exec()
    return box.clickedButton() is now


_restart_wanted = False


def request_restart() -> None:
    """Restart the app once its window has closed and its database is shut (see :func:`restart_if_wanted`)."""
    global _restart_wanted
    _restart_wanted = True
    QApplication.closeAllWindows()


def restart_if_wanted() -> None:
    """Start the app again, in place of this process, when a restart was requested.

    Called after the window closed and the database and the single-instance
    lock were released, so the new process opens the same database cleanly.
    """
    if _restart_wanted:
        # execv runs no exit handlers: the log and the terminal get theirs now.
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, sys.orig_argv)
