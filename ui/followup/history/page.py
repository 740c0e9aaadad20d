"""The History page: every event in a sortable table, filtered by coalition, dates, status, people.

A closed event opens read-only in the event screen; reopening it is a step of its own there.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator import numbers
from facilitator.dates import day, iso
from facilitator.domain import EventStatus
from facilitator.followup.history import HistoryRow, history_rows, people_index
from facilitator.i18n import _, ngettext
from facilitator.services.errors import ServiceError
from facilitator.storage import StorageError
from ui.followup.history.filters import HistoryFilterBar
from ui.followup.history.model import COLUMNS, EVENT_COLUMN, ROW_ROLE, HistoryModel, HistoryProxy
from ui.followup.table_csv import export_button, export_rows
from ui.settings import Settings
from ui.widgets import heading

if TYPE_CHECKING:
    from facilitator.storage import Database

COALITIONS = 2


def _widest() -> dict[int, list[str]]:
    """Return, per column, texts as wide as the widest it shows; the Event column takes the rest.

    Measured from the font rather than the rows: sizing to contents would read
    every row. Coalition names longer than the sample end in "…" (the tooltip
    has them). Dates and statuses are written in the language in use.
    """
    return {
        0: [day(dt.date(2026, month, 30)) for month in (4, 9, 11)],
        2: ["Checkout Reliability Coalition"],  # a long name, only measured
        3: [status.label for status in EventStatus],
    }


class HistoryPage(QWidget):
    """Lists every event with its counts; Enter or a double-click opens one.

    Args:
        db: Returns the open database.
        parent: The owning widget.
        today: The day overdue check-ins are judged against (tests fix it);
            None means the real today at each refresh.
        settings: Where the export folder is read and remembered (default: the app's).
    """

    open_requested = Signal(object, str, object)  # event id, record kind, record id
    problem = Signal(str)

    def __init__(
        self,
        db: Callable[[], Database],
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings or Settings()
        self._fixed_today = today
        self.model = HistoryModel(self)
        self.proxy = HistoryProxy(self.model, self)

        self.filters = HistoryFilterBar()
        self.filters.changed.connect(self._apply_filter)
        self.filters.submitted.connect(self.open_current)

        self.count_label = heading("", "muted")
        self.count_label.setWordWrap(False)  # short; wrapped beside the button it broke mid-count
        self.export_button = export_button(_("Write the events listed here, as filtered, for a spreadsheet"))
        self.export_button.clicked.connect(self.export_csv)
        self.empty_label = heading(_("No events yet. Events appear here once they are planned."), "muted")
        self.no_match_label = heading(_("No events match these filters."), "muted")
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
        # The Event column takes the room the others leave (see _size_columns),
        # sized here rather than stretched: a stretching column is squeezed
        # below its title when the others fill the width.
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.viewport().installEventFilter(self)
        self.table.activated.connect(lambda _index: self.open_current())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        # The button beside the count: it writes exactly the events counted.
        counted = QHBoxLayout()
        counted.addWidget(self.count_label)
        counted.addStretch(1)
        counted.addWidget(self.export_button)
        layout.addWidget(self.filters)
        layout.addLayout(counted)
        for widget in (self.empty_label, self.no_match_label):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.filters.tab_order()[-1], self.table)
        QWidget.setTabOrder(self.table, self.export_button)
        self.setFocusProxy(self.filters)
        self._show_state()

    def refresh(self) -> None:
        """Reload the history from the database, keeping the filters and the selected event."""
        try:
            with self._db().transaction() as session:
                rows = history_rows(session, today=self._fixed_today or dt.date.today(), with_people=False)
        except (StorageError, ServiceError) as exc:
            self.problem.emit(_("The history could not be read: {error}").format(error=exc))
            return
        self.proxy.set_people_loader(self._load_people)
        self.show_rows(rows)

    def _load_people(self) -> dict[uuid.UUID, str]:
        try:
            with self._db().transaction() as session:
                return people_index(session)
        except (StorageError, ServiceError) as exc:
            self.problem.emit(_("The participants could not be read: {error}").format(error=exc))
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

    def shown_rows(self) -> list[HistoryRow]:
        """Return the events listed, as filtered and sorted."""
        proxy = self.proxy
        return [proxy.index(row, 0).data(ROW_ROLE) for row in range(proxy.rowCount())]

    def export_csv(self) -> Path | None:
        """Write the events listed, as filtered and sorted, to a CSV file the user picks."""
        from exports import csv_export

        return export_rows(
            self,
            self.problem,
            self._settings,
            title=_("Export the events listed as CSV"),
            file_name=f"{iso(self._fixed_today or dt.date.today())} event history.csv",
            failed=_("the events were not written: {error}"),
            done=lambda count: ngettext("Exported {count} event", "Exported {count} events", count).format(
                count=numbers.integer(count)
            ),
            header=csv_export.HISTORY_COLUMNS,
            rows=csv_export.history_rows(self.shown_rows()),
        )

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.filters.current_filter())
        if not self.table.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._show_state()

    def _show_state(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(
            ngettext("Showing {shown} of {total} event", "Showing {shown} of {total} events", total).format(
                shown=numbers.integer(shown), total=numbers.integer(total)
            )
        )
        self.count_label.setVisible(total > 0)
        self.empty_label.setVisible(total == 0)
        self.no_match_label.setVisible(total > 0 and shown == 0)
        self.table.setVisible(total > 0)
        self.export_button.setVisible(total > 0)
        self.export_button.setEnabled(shown > 0)

    def _size_columns(self) -> None:
        self.table.ensurePolished()
        metrics = self.table.fontMetrics()
        digit = metrics.horizontalAdvance("0")
        header = self.table.horizontalHeader()
        # Never narrower than the title: the header's own measure has its bold
        # font and the sort arrow.
        titles = [header.sectionSizeFromContents(column).width() for column in range(len(COLUMNS))]
        sizes = {}
        widest = _widest()
        for column in range(len(COLUMNS)):
            if column != EVENT_COLUMN:
                text = (
                    max(metrics.horizontalAdvance(sample) for sample in widest[column]) + 2 * digit
                    if column in widest
                    else 6 * digit
                )
                sizes[column] = max(text, titles[column])
        # The event titles take what is left, at least twenty characters; the
        # coalitions give way to them first (a long name ends in "…").
        room = self.table.viewport().width()
        least = max(titles[EVENT_COLUMN], 20 * metrics.averageCharWidth())
        short = least - (room - sum(sizes.values()))
        if short > 0:
            sizes[COALITIONS] = max(titles[COALITIONS], sizes[COALITIONS] - short)
        sizes[EVENT_COLUMN] = max(least, room - sum(sizes.values()))
        for column, size in sizes.items():
            header.resizeSection(column, size)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 16)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table.viewport()
            and isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
        ):
            self._size_columns()
        return super().eventFilter(watched, event)

    def _update_warning_colour(self) -> None:
        probe = self._warning_probe
        probe.style().unpolish(probe)
        probe.style().polish(probe)
        colour = probe.palette().color(QPalette.ColorRole.WindowText)
        if colour != self.palette().color(QPalette.ColorRole.WindowText):
            self.model.warning = QBrush(colour)
            self.table.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a theme change (overdue counts take the new warning colour) and a zoom (column widths)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            QTimer.singleShot(0, self, self._update_warning_colour)
            QTimer.singleShot(0, self, self._size_columns)
