"""Find words on screen that did not go through translation, under a pseudo-locale.

Under ``tests/i18n/pseudo.py``'s catalogs every translated text carries
``⟦ ⟧`` marks. ``untranslated(root, allowed)`` walks what a window or dialog
shows (labels, buttons, tabs, combo boxes, placeholders, group titles,
headers, item views' cells, the menu bar's menus, window titles) and returns
each text holding a word outside the marks that is not data: ``allowed`` is
every word the database and the agendas hold (names, titles, notes people
typed are not the app's words to translate) and what Qt or Babel writes
(month names, digits).

What is left of a text once its marked parts are taken out is cut at
punctuation; a piece is data when the data holds it whole (a title, a name,
a sentence of a note), so a common word that happens to be in a note does
not pass for translated inside a phrase of the app's own.
"""

from __future__ import annotations

import html
import re
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "i18n"))
from pseudo import strip_marked

_WORD = re.compile(r"[^\W\d_]{2,}")
_TAG = re.compile(r"<[^>]*>")
_DETAILS = ("Show Details...", "Hide Details...")  # a message box's own button
MAX_CELLS = 200  # rows × columns of one view looked at: the first page is what shows


_PIECES = re.compile(r"[\n·|,:;—–()\[\]“”\"'/•?!.…✓✗⚠▸▶◀►◂+−=<>]+")


class Allowed:
    """What may show without marks: the data's texts, and words such as month names."""

    def __init__(self, data: Iterable[str], words: Iterable[str]) -> None:
        self.blob = "\n".join(text.lower() for text in data)
        self.words = {word.lower() for word in words}

    def foreign(self, rest: str) -> list[str]:
        """Return the words of ``rest`` (a text without its marked parts) that are not data nor allowed."""
        found = []
        for piece in _PIECES.split(rest):
            piece = " ".join(piece.split())
            if not _WORD.search(piece) or piece.lower() in self.blob:
                continue
            found += [word for word in _WORD.findall(piece) if word.lower() not in self.words]
        return found


def data_texts(database: Path, agenda_folder: Path | None = None) -> list[str]:
    """Return every text stored in ``database``'s text columns and in the agendas' files."""
    texts: list[str] = []
    with sqlite3.connect(database) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                texts.extend(value for value in row if isinstance(value, str))
    from facilitator.agenda import load_catalog

    for agenda in load_catalog(agenda_folder).agendas:  # the shipped ones and any in agenda_folder
        texts.extend(version for text in agenda.texts().values() for _code, version in text.versions)
    return texts


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """Yield (where, text) for every text ``root`` shows."""
    yield "window title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not root:
            continue
        name = type(widget).__name__
        if callable(getattr(widget, "placed", None)):  # the room view's canvas paints its own text
            for run in widget.placed().runs:
                yield "room view", run.text
        if _qts_own(widget):
            continue  # Qt's catalogs translate it (tests/ui/test_language_menu.py)
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield name, widget.text()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield name, widget.tabText(index)
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield name, widget.itemText(index)
        elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            model, orientation = widget.model(), widget.orientation()
            count = (
                _columns(model) if orientation == Qt.Orientation.Horizontal else model.rowCount(QModelIndex())
            )
            for section in range(min(count, MAX_CELLS)):
                yield name, str(model.headerData(section, orientation) or "")
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _cells(widget)
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield from _menu(action.menu(), action.text())


def _qts_own(widget: QWidget) -> bool:
    """Return whether ``widget`` is a button Qt names itself: a standard button, a message box's Details."""
    box = widget.parentWidget()
    if not isinstance(widget, QAbstractButton) or not isinstance(box, QDialogButtonBox):
        return False
    details = {QCoreApplication.translate("QMessageBox", name) for name in _DETAILS}
    return box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton or widget.text() in details


def _cells(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model, top = view.model(), QModelIndex()
    seen = 0
    for row in range(model.rowCount(top)):
        for column in range(_columns(model)):
            seen += 1
            if seen > MAX_CELLS:
                return
            yield type(view).__name__, str(model.index(row, column).data() or "")


def _columns(model: QAbstractItemModel) -> int:
    # A list model hides columnCount from Python: it has one.
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())


def _menu(menu: QMenu | None, title: str) -> Iterator[tuple[str, str]]:
    yield "menu", title
    if menu is None:
        return
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            yield from _menu(action.menu(), action.text())
        else:
            yield "menu item", action.text()


def untranslated(root: QWidget, allowed: Allowed) -> list[tuple[str, str, list[str]]]:
    """Return (where, text, words) for each text ``root`` shows with words that were not translated."""
    found = []
    for where, text in _texts(root):
        # Rich text as shown: without its tags, its entities read; a mnemonic's mark is not shown.
        shown = html.unescape(_TAG.sub(" ", text)) if _TAG.search(text) else re.sub(r"&(?=\w)", "", text)
        words = allowed.foreign(strip_marked(shown))
        if words:
            found.append((where, text, words))
    return found
