"""The adoption tracker: every agreement, its status and check-in, overdue ones marked."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import AgreementStatus
from facilitator.followup import adoptions
from facilitator.followup.adoptions import OPEN_STATUSES, AdoptionRow
from facilitator.services.errors import ServiceError
from facilitator.storage import StorageError
from ui.followup.adoption_detail import AdoptionDetail
from ui.followup.adoption_filters import AdoptionFilterBar
from ui.followup.adoption_model import AdoptionTableModel, warning_colour
from ui.followup.status_dialog import StatusDialog
from ui.widgets import heading

if TYPE_CHECKING:
    from facilitator.storage import Database

MAX_COLUMN_WIDTH = 180
NO_AGREEMENTS = "No agreements yet. Agreements made at events appear here."
NO_OPEN_AGREEMENTS = "No open agreements. Choose “All statuses” to see the adopted and abandoned ones."


class AdoptionsPage(QWidget):
    """Agreements in a sortable, filterable table with the selected one's history beside it.

    The page starts with the open agreements (agreed or in progress), a small
    part of a long history; adopted and abandoned ones are read when the
    status filter asks for them. Enter or a double-click opens the agreement's event (``open_requested``);
    "Change status…" stores a dated change at once.

    Args:
        db: Returns the open database.
        parent: The owning widget.
        today: The day overdue check-ins are judged against (tests fix it).
    """

    open_requested = Signal(object, str, object)  # event id, record kind, record id
    problem = Signal(str)

    def __init__(
        self, db: Callable[[], Database], parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._fixed_today = today
        self._all: list[AdoptionRow] = []
        self._loaded_all = False
        self._sized = False
        self.status_dialog: StatusDialog | None = None
        self.model = AdoptionTableModel(parent=self)

        self.filters = AdoptionFilterBar()
        self.counts = heading("", "muted")
        self.empty_label = heading(NO_AGREEMENTS, "muted")

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(self.model.keys.index("check_in"), Qt.SortOrder.AscendingOrder)  # most urgent first
        self.detail = AdoptionDetail()

        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(heading("Adoptions", "heading"))
        layout.addWidget(self.filters)
        layout.addWidget(self.counts)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.filters)

        self.filters.changed.connect(self._apply_filter)
        self.filters.status_changed.connect(self._status_changed)
        self.filters.text.returnPressed.connect(self.open_current)
        self.table.activated.connect(lambda _index: self.open_current())  # Enter
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.detail.open_button.clicked.connect(self.open_current)
        self.detail.change_button.clicked.connect(self.change_status)

    def today(self) -> dt.date:
        """Return the day overdue check-ins are judged against."""
        return self._fixed_today or dt.date.today()

    def refresh(self) -> None:
        """Reload the agreements from the database (only the open ones while the filter asks for no more)."""
        self._load(self.filters.needs_closed())
        self.model.set_warning_colour(warning_colour(self.table))
        self._apply_filter()
        if not self._sized and self.model.rowCount():
            self._size_columns()

    def _size_columns(self) -> None:
        # Once, from the first rows (Qt samples at most 1000); then the user's widths stay.
        self._sized = True
        self.table.resizeColumnsToContents()
        # Names and pattern lists are capped; the check-in, which says "Overdue …", never is.
        for column, key in enumerate(self.model.keys[:-1]):
            if key != "check_in":
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN_WIDTH))
        self.splitter.setSizes([self.width() * 7 // 10, self.width() * 3 // 10])

    def current_row(self) -> AdoptionRow | None:
        """Return the selected agreement, or None."""
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_agreement(self, agreement_id: uuid.UUID) -> None:
        """Select an agreement's row if the filters show it."""
        row = self.model.row_of(agreement_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def open_current(self) -> None:
        """Ask to open the selected agreement's event at the agreement."""
        row = self.current_row()
        if row is None and self.model.rowCount() == 1:
            row = self.model.row_at(0)
        if row is not None:
            self.open_requested.emit(row.event_id, "agreement", row.agreement_id)

    def change_status(self) -> StatusDialog | None:
        """Open the status dialog for the selected agreement (it stores on OK)."""
        row = self.current_row()
        if row is None:
            return None
        dialog = StatusDialog(row, lambda status, note, day: self._store(row, status, note, day),
                              today=self.today(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.status_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "status_dialog", None))
        dialog.open()
        return dialog

    def _store(self, row: AdoptionRow, status: AgreementStatus, note: str, day: dt.date) -> str | None:
        try:
            with self._db().transaction() as session:
                adoptions.record_status_change(session, row.agreement_id, status, note, on=day, today=self.today())
            with self._db().transaction() as session:
                fresh = adoptions.adoption_rows(session, today=self.today(), event_id=row.event_id)
        except (StorageError, ServiceError) as exc:
            message = f"The status was not changed: {exc}."
            self.problem.emit(message)
            return message
        by_id = {r.agreement_id: r for r in fresh}
        self._all = [by_id.get(r.agreement_id, r) for r in self._all]
        if row.agreement_id in by_id:
            self.model.replace_row(by_id[row.agreement_id])
        self._update_counts()
        self._show_detail()
        return None

    def _load(self, everything: bool) -> None:
        # Open agreements are a small part of a long history: reading only them
        # keeps the page quick; adopted and abandoned ones are read when asked for.
        statuses = None if everything else OPEN_STATUSES
        try:
            with self._db().transaction() as session:
                rows = adoptions.adoption_rows(session, today=self.today(), statuses=statuses)
                names = adoptions.coalition_names(session)
        except (StorageError, ServiceError) as exc:
            self.problem.emit(f"The adoptions could not be read: {exc}")
            return
        self._all, self._loaded_all = rows, everything
        self.filters.set_coalitions(names)

    def _status_changed(self) -> None:
        if self.filters.needs_closed() and not self._loaded_all:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._load(True)
            finally:
                QApplication.restoreOverrideCursor()
        self._apply_filter()

    def _visible(self) -> list[AdoptionRow]:
        wanted = self.filters.current()
        return [row for row in self._all if wanted.accepts(row)]

    def _apply_filter(self) -> None:
        current = self.current_row()
        self.model.set_rows(self._visible())
        if current is not None:
            self.select_agreement(current.agreement_id)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._update_counts()
        self._show_detail()

    def _update_counts(self) -> None:
        shown = self.model.rows()
        overdue = sum(row.overdue for row in shown)
        noun = "agreement" if len(shown) == 1 else "agreements"
        self.counts.setText(f"{len(shown)} {noun} · {overdue} overdue")
        if not self._all:
            self.empty_label.setText(NO_AGREEMENTS if self._loaded_all else NO_OPEN_AGREEMENTS)
        else:
            self.empty_label.setText("No agreement matches these filters.")
        self.empty_label.setVisible(not shown)

    def _show_detail(self) -> None:
        row = self.current_row()
        history = []
        if row is not None:
            try:
                with self._db().transaction() as session:
                    history = adoptions.status_history(session, row.agreement_id)
            except (StorageError, ServiceError) as exc:
                self.problem.emit(f"The status history could not be read: {exc}")
        self.detail.show_row(row, history)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # A new theme brings a new background; the overdue colour must still contrast.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self.model.set_warning_colour(warning_colour(self.table))
        super().changeEvent(event)
