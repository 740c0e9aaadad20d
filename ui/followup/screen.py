"""The coalition lead's screen: one tab per follow-up page."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from facilitator.i18n import N_, _
from facilitator.storage import StorageError
from ui.actions import Act, shortcut_text
from ui.widgets import FillingScrollArea

if TYPE_CHECKING:
    from facilitator.storage import Database
    from ui.background import BackgroundTasks


#: The pages in tab order: (action that shows it, tab title).
class _Page(Protocol):
    """What the screen asks of every page besides being a QWidget (and its two signals)."""

    def refresh(self) -> None:
        """Read the page's records again."""


# The titles are marked here and translated where the tabs are made.
PAGES: tuple[tuple[Act, str], ...] = (
    # Translators: a tab of the follow-up screen: every event so far
    (Act.HISTORY, N_("History")),
    # Translators: a tab of the follow-up screen
    (Act.SEARCH, N_("Search")),
    # Translators: a tab of the follow-up screen: the adoption tracker
    (Act.ADOPTIONS, N_("Adoptions")),
    (Act.PATTERN_LIBRARY, N_("Pattern library")),
    # Translators: a tab of the follow-up screen: the adoption figures
    (Act.FIGURES, N_("Figures")),
)


#: Where each page's class lives; a page is imported and built when first shown.
_PAGE_CLASSES: dict[Act, tuple[str, str]] = {
    Act.HISTORY: ("ui.followup.history.page", "HistoryPage"),
    Act.SEARCH: ("ui.followup.search.page", "SearchPage"),
    Act.ADOPTIONS: ("ui.followup.adoptions.page", "AdoptionsPage"),
    Act.PATTERN_LIBRARY: ("ui.followup.library.page", "LibraryPage"),
    Act.FIGURES: ("ui.followup.figures.page", "FiguresPage"),
}

#: Pages whose exports run in the window's background tasks (and show in its progress panel).
_RUN_IN_BACKGROUND = frozenset({Act.FIGURES})


def _index_of(act: Act) -> int:
    return [a for a, _title in PAGES].index(act)


class FollowUpScreen(QWidget):
    """History, search, adoptions, pattern library and figures, as tabs.

    A page reloads from the database when it is shown and something was
    written since it last loaded (``Database.generation``), so the lead sees
    every edit made meanwhile without waiting for reloads that change nothing.
    """

    #: event id, record kind, record id (None: the event itself).
    open_requested = Signal(object, str, object)
    problem = Signal(str)

    def __init__(
        self,
        db: Callable[[], Database],
        parent: QWidget | None = None,
        *,
        tasks: BackgroundTasks | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._loaded_at: dict[QWidget, int] = {}
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        #: The pages built so far; each is built the first time it is shown.
        self.pages: dict[Act, QWidget] = {}
        self._holders: dict[Act, QVBoxLayout] = {}
        for act, marked in PAGES:
            title = _(marked)
            holder = QWidget()
            self._holders[act] = QVBoxLayout(holder)
            self._holders[act].setContentsMargins(0, 0, 0, 0)
            index = self.tabs.addTab(holder, title)
            # Translators: a tab's tooltip: its title and the shortcut that shows it
            tip = _("{page} ({shortcut})")
            self.tabs.setTabToolTip(index, tip.format(page=title, shortcut=shortcut_text(act)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_current())

    def show_page(self, act: Act) -> None:
        """Show one page, loaded afresh if something was written, with the keyboard in it."""
        index = _index_of(act)
        if self.tabs.currentIndex() == index:
            self._refresh_current()
        else:
            self.tabs.setCurrentIndex(index)  # refreshes through currentChanged
        self.pages[act].setFocus()

    def _page(self, act: Act) -> QWidget:
        page = self.pages.get(act)
        if page is None:
            module, name = _PAGE_CLASSES[act]
            given = {"tasks": self._tasks} if act in _RUN_IN_BACKGROUND and self._tasks is not None else {}
            page = getattr(importlib.import_module(module), name)(self._db, **given)
            page.open_requested.connect(self.open_requested)
            page.problem.connect(self.problem)
            # A page fills its tab and scrolls only below its smallest size
            # (200 % on a 720p projector), never pushing the window off the screen.
            self._holders[act].addWidget(FillingScrollArea(page))
            self.pages[act] = page
        return page

    def current_act(self) -> Act:
        """Return the action of the page shown."""
        return PAGES[self.tabs.currentIndex()][0]

    def _refresh_current(self) -> None:
        page = self._page(self.current_act())
        try:
            generation = self._db().generation
        except StorageError as exc:  # the database could not be opened
            self.problem.emit(str(exc))
            return
        if self._loaded_at.get(page) != generation:
            cast("_Page", page).refresh()
            self._loaded_at[page] = generation
