"""The Search page: find any record of any event as you type, and open it in its event.

Typing searches after a short pause; Enter in the field searches at once, or
opens the selected result when the results already answer what is typed.
Down moves from the field into the results; Enter or a double-click on a
result opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from facilitator import numbers
from facilitator.i18n import N_, _, ngettext
from facilitator.search import SearchHit, search
from facilitator.services.errors import ServiceError
from facilitator.storage import StorageError
from ui.followup.search.results import HIT_ROLE, SearchHitDelegate, SearchResultsModel
from ui.widgets import heading

if TYPE_CHECKING:
    from facilitator.storage import Database

DEBOUNCE_MS = 150
LIMIT = 50
_QUOTE_CHARS = 60
# Marked here, translated where it is shown.
_HINT = N_("Type to search goals, outcomes, patterns, boundaries, agreements and people of every event.")


class SearchPage(QWidget):
    """A search field over every record, with the matches in context."""

    open_requested = Signal(object, str, object)  # event id, record kind, record id
    problem = Signal(str)

    def __init__(self, db: Callable[[], Database], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._searched: str | None = None  # the text the results answer

        # Translators: the search field's placeholder; the examples may be words of your language
        self.field = QLineEdit(placeholderText=_("Search every event (for example: Zoë, flags, freeze)"))
        self.field.setClearButtonEnabled(True)
        # Translators: the name of the search field, for screen readers
        self.field.setAccessibleName(_("Search"))
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self._enter_in_field)
        self.field.installEventFilter(self)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)

        self.count_label = heading(_(_HINT), "muted")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
        self.model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setAccessibleName(_("Search results"))
        self.results.setItemDelegate(SearchHitDelegate(self._muted_colour, self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setAlternatingRowColors(True)
        # Hits wrap to the list's width; a horizontal bar would only hide the last row.
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # activated covers Enter and, with the platform's default, the double-click.
        self.results.activated.connect(self._open)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(heading(_("Search across every event"), "heading"))
        layout.addWidget(self.field)
        layout.addWidget(self.count_label)
        layout.addWidget(self.results, 1)
        self.setFocusProxy(self.field)

    def refresh(self) -> None:
        """Search again for what is typed: records may have changed since."""
        if self.field.text().strip():
            self.run_search()

    def run_search(self) -> None:
        """Search now for the field's text and show the results."""
        self.timer.stop()
        text = self.field.text()
        self._searched = text
        hits: list[SearchHit] = []
        if text.strip():
            try:
                with self._db().transaction() as session:
                    hits = search(session, text, limit=LIMIT + 1)
            except (ServiceError, StorageError) as exc:
                self.problem.emit(_("Search failed: {error}").format(error=exc))
        self.model.set_hits(hits[:LIMIT])
        self.count_label.setText(_count_text(text, len(hits)))
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))

    def open_current(self) -> None:
        """Open the selected result (the first one when none is selected)."""
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._open(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the field moves into the results."""
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            if self.timer.isActive() or self._searched != self.field.text():
                self.run_search()
            if self.model.rowCount():
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.model.index(0, 0))
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _typed(self, _text: str) -> None:
        self.timer.start()

    def _enter_in_field(self) -> None:
        if self.timer.isActive() or self._searched != self.field.text():
            self.run_search()
        else:
            self.open_current()

    def _open(self, index) -> None:
        hit: SearchHit | None = index.data(HIT_ROLE)
        if hit is None:
            return
        if hit.event_id is None:
            # Only a pattern and its boundaries can outlive every event that presented it.
            if hit.kind == "boundary":
                message = _("This boundary is in no event any more; find it in the Pattern library.")
            elif hit.kind == "pattern":
                message = _("This pattern is in no event any more; find it in the Pattern library.")
            else:
                message = _("This record is in no event any more; find it in the Pattern library.")
            self.problem.emit(message)
            return
        self.open_requested.emit(hit.event_id, hit.kind, hit.record_id)

    def _muted_colour(self) -> QColor:
        # The count label is styled role="muted": its palette carries the theme's muted colour.
        return self.count_label.palette().color(QPalette.ColorRole.WindowText)


def _count_text(text: str, found: int) -> str:
    if not text.strip():
        return _(_HINT)
    if not found:
        shown = " ".join(text.split())
        if len(shown) > _QUOTE_CHARS:
            shown = shown[:_QUOTE_CHARS].rstrip() + "…"
        return _("No matches for “{text}”").format(text=shown)
    if found > LIMIT:
        return ngettext(
            "More than {count} match; showing the first {count}. Add words to narrow it down.",
            "More than {count} matches; showing the first {count}. Add words to narrow it down.",
            LIMIT,
        ).format(count=numbers.integer(LIMIT))
    return ngettext("{count} match", "{count} matches", found).format(count=numbers.integer(found))
