"""The coalition lead's screen: one tab per follow-up page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.actions import Act, shortcut_text

if TYPE_CHECKING:
    from facilitator.storage import Database

#: The pages in tab order: (action that shows it, tab title).
PAGES: tuple[tuple[Act, str], ...] = (
    (Act.HISTORY, "History"),
    (Act.SEARCH, "Search"),
    (Act.ADOPTIONS, "Adoptions"),
    (Act.PATTERN_LIBRARY, "Pattern library"),
    (Act.FIGURES, "Figures"),
)


def _page_classes() -> dict[Act, type[QWidget]]:
    from ui.followup.adoptions_page import AdoptionsPage
    from ui.followup.figures_page import FiguresPage
    from ui.followup.history_page import HistoryPage
    from ui.followup.library_page import LibraryPage
    from ui.followup.search_page import SearchPage

    return {
        Act.HISTORY: HistoryPage,
        Act.SEARCH: SearchPage,
        Act.ADOPTIONS: AdoptionsPage,
        Act.PATTERN_LIBRARY: LibraryPage,
        Act.FIGURES: FiguresPage,
    }


class FollowUpScreen(QWidget):
    """History, search, adoptions, pattern library and figures, as tabs.

    A page reloads from the database when it is shown and something was
    written since it last loaded (``Database.generation``), so the lead sees
    every edit made meanwhile without waiting for reloads that change nothing.
    """

    #: event id, record kind, record id (None: the event itself).
    open_requested = Signal(object, str, object)
    problem = Signal(str)

    def __init__(self, db: Callable[[], Database], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        classes = _page_classes()
        self._db = db
        self._loaded_at: dict[QWidget, int] = {}
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.pages: dict[Act, QWidget] = {}
        for act, title in PAGES:
            page = classes[act](db)
            page.open_requested.connect(self.open_requested)
            page.problem.connect(self.problem)
            self.pages[act] = page
            index = self.tabs.addTab(page, title)
            self.tabs.setTabToolTip(index, f"{title} ({shortcut_text(act)})")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_current())

    def show_page(self, act: Act) -> None:
        """Show one page, freshly loaded, with the keyboard in it."""
        page = self.pages[act]
        if self.tabs.currentWidget() is page:
            self._refresh_current()
        else:
            self.tabs.setCurrentWidget(page)  # refreshes through currentChanged
        page.setFocus()

    def current_act(self) -> Act:
        """Return the action of the page shown."""
        return PAGES[self.tabs.currentIndex()][0]

    def _refresh_current(self) -> None:
        page = self.tabs.currentWidget()
        generation = self._db().generation
        if self._loaded_at.get(page) != generation:
            page.refresh()
            self._loaded_at[page] = generation
