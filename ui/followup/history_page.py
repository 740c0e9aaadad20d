"""The History page: every event in a sortable table, filtered by coalition, dates, status, people.

A closed event opens read-only in the event screen; reopening it is a step of its own there.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.followup.history import HistoryRow, history_rows, people_index
from facilitator.services.errors import ServiceError
from facilitator.storage import StorageError
from ui.followup.history_filters import HistoryFilterBar
from ui.followup.history_model import COLUMNS, EVENT_COLUMN, ROW_ROLE, HistoryModel, HistoryProxy
from ui.widgets import heading

if TYPE_CHECKING:
    from facilitator.storage import Database

# Widths in characters of "0"; the Event column takes the rest. Measured from
# the font rather than the rows: sizing to contents would read every row.
_WIDTHS = {0: 10, 2: 16, 3: 8}


class HistoryPage(QWidget):
    """Lists every event with its counts; Enter or a double-click opens one.

    Args:
        db: Returns the open database.
        parent: The owning widget.
        today: The day overdue check-ins are judged against (tests fix it);
            None means the real today at each refresh.
    """

    open_requested = Signal(object, str, object)  # event id, record kind, record id
    problem = Signal(str)

    def __init__(
        self,
        db: Callable[[], Database],
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._fixed_today = today
        self.model = HistoryModel(self)
        self.proxy = HistoryProxy(self.model, self)

        self.filters = HistoryFilterBar()
        self.filters.changed.connect(self._apply_filter)
        self.filters.submitted.connect(self.open_current)

        self.count_label = heading("", "muted")
        self.empty_label = heading(
            "No events yet. Events appear here once they are planned.", "muted"
        )
        self.no_match_label = heading("No events match these filters.", "muted")
        # Never shown: the stylesheet colours it, and overdue counts borrow that colour.
        self._warning_probe = QLabel(self)
        self._warning_probe.setProperty("role", "danger")
        self._warning_probe.hide()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(
            EVENT_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        self.table.activated.connect(lambda _index: self.open_current())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        for widget in (self.filters, self.count_label, self.empty_label, self.no_match_label):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.filters.tab_order()[-1], self.table)
        self.setFocusProxy(self.filters)
        self._show_state()

    def refresh(self) -> None:
        """Reload the history from the database, keeping the filters and the selected event."""
        try:
            with self._db().transaction() as session:
                rows = history_rows(session, today=self._fixed_today or dt.date.today(), with_people=False)
        except (StorageError, ServiceError) as exc:
            self.problem.emit(f"The history could not be read: {exc}")
            return
        self.proxy.set_people_loader(self._load_people)
        self.show_rows(rows)

    def _load_people(self) -> dict[uuid.UUID, str]:
        try:
            with self._db().transaction() as session:
                return people_index(session)
        except (StorageError, ServiceError) as exc:
            self.problem.emit(f"The participants could not be read: {exc}")
            return {}

    def show_rows(self, rows: list[HistoryRow]) -> None:
        """Show ``rows`` (newest first), keeping the filters and the selected event."""
        selected = self.current_event_id()
        self.model.set_rows(rows)
        self.filters.offer(rows)
        self._apply_filter()
        self._update_warning_colour()
        self._size_columns()
        if selected is not None:
            self.select_event(selected)
        self._show_state()

    def current_event_id(self) -> uuid.UUID | None:
        """Return the id of the selected event, if any."""
        row = self.table.currentIndex().data(ROW_ROLE)
        return row.event_id if isinstance(row, HistoryRow) else None

    def select_event(self, event_id: uuid.UUID) -> bool:
        """Select an event's row when the filters show it; return whether they do."""
        source_row = self.model.row_of(event_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def open_current(self) -> None:
        """Ask to open the selected event (or the first one listed)."""
        index = self.table.currentIndex()
        if not index.isValid() and self.proxy.rowCount() > 0:
            index = self.proxy.index(0, 0)
        row = index.data(ROW_ROLE) if index.isValid() else None
        if isinstance(row, HistoryRow):
            self.open_requested.emit(row.event_id, "event", None)

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.filters.current_filter())
        if not self.table.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._show_state()

    def _show_state(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        noun = "event" if total == 1 else "events"
        self.count_label.setText(f"Showing {shown:,} of {total:,} {noun}")
        self.count_label.setVisible(total > 0)
        self.empty_label.setVisible(total == 0)
        self.no_match_label.setVisible(total > 0 and shown == 0)
        self.table.setVisible(total > 0)

    def _size_columns(self) -> None:
        self.table.ensurePolished()
        digit = self.table.fontMetrics().horizontalAdvance("0")
        header = self.table.horizontalHeader()
        for column, spec in enumerate(COLUMNS):
            if column in _WIDTHS:
                header.resizeSection(column, (_WIDTHS[column] + 2) * digit)
            elif column != EVENT_COLUMN:
                # Room for the title and the sort arrow.
                title = header.fontMetrics().horizontalAdvance(spec.title)
                header.resizeSection(column, title + 2 * digit)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 16)

    def _update_warning_colour(self) -> None:
        probe = self._warning_probe
        probe.style().unpolish(probe)
        probe.style().polish(probe)
        colour = probe.palette().color(QPalette.ColorRole.WindowText)
        if colour != self.palette().color(QPalette.ColorRole.WindowText):
            self.model.warning = QBrush(colour)
            self.table.viewport().update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """Follow a theme change: overdue counts take the new warning colour."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            QTimer.singleShot(0, self, self._update_warning_colour)

