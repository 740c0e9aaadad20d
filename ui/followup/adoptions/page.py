"""The adoption tracker: every agreement, its status and check-in, overdue ones marked."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from facilitator import numbers
from facilitator.dates import iso
from facilitator.domain import AgreementStatus
from facilitator.followup import adoptions
from facilitator.followup.adoptions import OPEN_STATUSES, AdoptionRow
from facilitator.i18n import N_, _, ngettext
from facilitator.services.errors import ServiceError
from facilitator.storage import StorageError
from ui.flow_layout import FlowLayout
from ui.followup.adoptions.detail import AdoptionDetail
from ui.followup.adoptions.filters import AdoptionFilterBar
from ui.followup.adoptions.model import AdoptionTableModel, warning_colour
from ui.followup.adoptions.status_dialog import StatusDialog
from ui.followup.adoptions.table import AdoptionTable
from ui.followup.check_in_feed import calendar_button, export_check_ins
from ui.followup.table_csv import export_button, export_rows
from ui.settings import Settings
from ui.widgets import FillingScrollArea, heading

if TYPE_CHECKING:
    from facilitator.storage import Database

#: From this page width on, the detail stands beside the table instead of under it.
# The detail goes beside the table from this width, and from this many average
# characters of its text: at a higher zoom the columns need the width.
SIDE_BY_SIDE_WIDTH = 1800
SIDE_BY_SIDE_CHARS = 160
# Marked here, translated where they are shown.
NO_AGREEMENTS = N_("No agreements yet. Agreements made at events appear here.")
NO_OPEN_AGREEMENTS = N_("No open agreements. Choose “All statuses” to see the adopted and abandoned ones.")


class AdoptionsPage(QWidget):
    """Agreements in a sortable, filterable table; the selected one's history under or beside it.

    The page starts with the open agreements (agreed or in progress), a small
    part of a long history; adopted and abandoned ones are read when the
    status filter asks for them. Enter or a double-click opens the agreement's event (``open_requested``);
    "Change status…" stores a dated change at once.

    Args:
        db: Returns the open database.
        parent: The owning widget.
        today: The day overdue check-ins are judged against (tests fix it).
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
        self._settings = settings or Settings()
        self._detail_row: AdoptionRow | None = None
        self._db = db
        self._fixed_today = today
        self._all: list[AdoptionRow] = []
        self._loaded_all = False
        self._laid_out = False
        self.status_dialog: StatusDialog | None = None
        self.model = AdoptionTableModel(parent=self)

        self.filters = AdoptionFilterBar()
        self.counts = heading("", "muted")
        # Its own label: the risk reads apart from the count, in the danger colour when there is one.
        self.at_risk_count = heading("", "muted")
        self.at_risk_count.setAccessibleName(_("Agreements at risk"))
        for label in (self.counts, self.at_risk_count):
            label.setWordWrap(False)  # short; wrapped side by side they broke mid-count
        self.empty_label = heading(_(NO_AGREEMENTS), "muted")
        self.export_button = export_button(
            _("Write the agreements listed here, as filtered, for a spreadsheet")
        )
        self.calendar_button = calendar_button()

        self.table = AdoptionTable(
            self.model,
            caps={"fit": 22, "adopter": 18, "team": 14, "owners": 16, "event": 24, "coalition": 18},
            # Read in the detail when the table is too narrow for them.
            optional=("owners", "event", "coalition"),
        )
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            self.model.keys.index("check_in"),
            Qt.SortOrder.AscendingOrder,  # most urgent first
        )
        self.detail = AdoptionDetail()

        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        # The detail's labels wrap; below its smallest size it scrolls instead of cutting them.
        splitter.addWidget(FillingScrollArea(self.detail, shrink=False))
        top = QHBoxLayout()
        top.setSpacing(12)
        # Translators: the heading of the adoption tracker
        top.addWidget(heading(_("Adoptions"), "heading"))
        top.addWidget(self.filters, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        # Beside the count, as the CSV holds exactly the rows counted; wrapping
        # under it when a large zoom leaves no room on one line.
        counts = QWidget()
        counts_layout = FlowLayout(counts, spacing=24, line_spacing=8)
        counts_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.counts, self.at_risk_count, self.calendar_button, self.export_button):
            counts_layout.addWidget(widget)
        layout.addWidget(counts)
        self.setFocusProxy(self.filters)

        self.filters.changed.connect(self._apply_filter)
        self.filters.status_changed.connect(self._status_changed)
        self.filters.text.returnPressed.connect(self.open_current)
        self.table.activated.connect(lambda _index: self.open_current())  # Enter
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.detail.open_button.clicked.connect(self.open_current)
        self.detail.change_button.clicked.connect(self.change_status)
        self.export_button.clicked.connect(self.export_csv)
        self.calendar_button.clicked.connect(self.export_check_ins)

    def today(self) -> dt.date:
        """Return the day overdue check-ins are judged against."""
        return self._fixed_today or dt.date.today()

    def resizeEvent(self, event) -> None:
        self._arrange(event.size().width(), event.size().height())
        super().resizeEvent(event)

    def _arrange(self, width: int, height: int) -> None:
        # Eight columns and a readable detail fit side by side only on a wide
        # screen; on a 1280-pixel projector, or at a high zoom, the detail goes
        # under the table and both get the full width.
        wide = width >= max(SIDE_BY_SIDE_WIDTH, SIDE_BY_SIDE_CHARS * self.fontMetrics().averageCharWidth())
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation != self.splitter.orientation() or not self._laid_out:
            self._laid_out = True
            self.splitter.setOrientation(orientation)
            self.detail.set_beside(wide)
            total = width if wide else height
            table_share = 65 if wide else 45  # percent of the room
            self.splitter.setSizes([total * table_share // 100, total * (100 - table_share) // 100])

    def refresh(self) -> None:
        """Reload the agreements from the database (only the open ones while the filter asks for no more)."""
        self._load(self.filters.needs_closed())
        self.model.set_warning_colour(warning_colour(self.table))
        self._apply_filter()
        self.table.measure()

    def current_row(self) -> AdoptionRow | None:
        """Return the selected agreement, or None."""
        return self.table.current_row()

    def select_agreement(self, agreement_id: uuid.UUID) -> None:
        """Select an agreement's row if the filters show it."""
        self.table.select_agreement(agreement_id)

    def open_current(self) -> None:
        """Ask to open the selected agreement's event at the agreement."""
        row = self.current_row()
        if row is None and self.model.rowCount() == 1:
            row = self.model.row_at(0)
        if row is not None:
            self.open_requested.emit(row.event_id, "agreement", row.agreement_id)

    def export_csv(self) -> Path | None:
        """Write the agreements listed, as filtered and sorted, to a CSV file the user picks."""
        from exports.csv_export import TRACKER_COLUMNS, tracker_rows

        return export_rows(
            self,
            self.problem,
            self._settings,
            title=_("Export the agreements listed as CSV"),
            file_name=f"{iso(self.today())} adoptions.csv",
            failed=_("the agreements were not written: {error}"),
            done=lambda count: ngettext(
                "Exported {count} agreement", "Exported {count} agreements", count
            ).format(count=numbers.integer(count)),
            header=TRACKER_COLUMNS,
            rows=tracker_rows(self.model.rows()),
        )

    def export_check_ins(self) -> Path | None:
        """Write every open check-in of the coalition chosen in the filter (or of all) as a calendar file."""
        coalition = self.filters.coalition.currentData()
        return export_check_ins(
            self, self.problem, self._settings, self._db, coalition=coalition, today=self.today()
        )

    def change_status(self) -> StatusDialog | None:
        """Open the status dialog for the selected agreement (it stores on OK)."""
        row = self.current_row()
        if row is None or self.detail.read_only:
            return None
        dialog = StatusDialog(
            row,
            lambda status, note, day: self._store(row, status, note, day),
            today=self.today(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.status_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "status_dialog", None))
        dialog.open()
        return dialog

    def _store(self, row: AdoptionRow, status: AgreementStatus, note: str, day: dt.date) -> str | None:
        try:
            with self._db().transaction() as session:
                adoptions.record_status_change(
                    session, row.agreement_id, status, note, on=day, today=self.today()
                )
            with self._db().transaction() as session:
                fresh = adoptions.adoption_rows(session, today=self.today(), event_id=row.event_id)
        except (StorageError, ServiceError) as exc:
            message = _("The status was not changed: {error}.").format(error=exc)
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
            self.problem.emit(_("The adoptions could not be read: {error}").format(error=exc))
            return
        self._all, self._loaded_all = rows, everything
        self.detail.read_only = self._db().read_only
        self.filters.set_coalitions(names)

    def _status_changed(self) -> None:
        if self.filters.needs_closed() and not self._loaded_all:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._load(True)
            finally:
                QApplication.restoreOverrideCursor()
        self._apply_filter()
        self.table.measure()  # "Abandoned" and other new texts may be wider

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
        agreements = ngettext("{count} agreement", "{count} agreements", len(shown)).format(
            count=numbers.integer(len(shown))
        )
        # Translators: the adoption tracker's count: "12 agreements · 3 overdue"
        counts = ngettext("{agreements} · {count} overdue", "{agreements} · {count} overdue", overdue)
        self.counts.setText(counts.format(agreements=agreements, count=numbers.integer(overdue)))
        at_risk = sum(row.fit.at_risk for row in shown)
        # Translators: how many agreements of the tracker are at risk (the fit check)
        risk = ngettext("{count} at risk", "{count} at risk", at_risk)
        self.at_risk_count.setText(risk.format(count=numbers.integer(at_risk)))
        self.at_risk_count.setProperty("role", "danger" if at_risk else "muted")
        self.at_risk_count.style().unpolish(self.at_risk_count)
        self.at_risk_count.style().polish(self.at_risk_count)
        if not self._all:
            self.empty_label.setText(_(NO_AGREEMENTS) if self._loaded_all else _(NO_OPEN_AGREEMENTS))
        else:
            self.empty_label.setText(_("No agreement matches these filters."))
        self.empty_label.setVisible(not shown)
        self.export_button.setEnabled(bool(shown))

    def _show_detail(self) -> None:
        row = self.current_row()
        # Each keystroke in the filter lands here; the history is read only
        # when another agreement (or the same one changed) is selected.
        if row is not None and row == self._detail_row:
            return
        self._detail_row = row
        history = []
        if row is not None:
            try:
                with self._db().transaction() as session:
                    history = adoptions.status_history(session, row.agreement_id)
            except (StorageError, ServiceError) as exc:
                self._detail_row = None  # read it again next time
                self.problem.emit(_("The status history could not be read: {error}").format(error=exc))
        self.detail.show_row(row, history)

    def changeEvent(self, event) -> None:
        # A new theme brings a new background; the overdue colour must still contrast.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self.model.set_warning_colour(warning_colour(self.table))
        if event.type() == QEvent.Type.StyleChange:
            # A new zoom: side by side or not is decided in characters.
            QTimer.singleShot(0, self, lambda: self._arrange(self.width(), self.height()))
        super().changeEvent(event)
