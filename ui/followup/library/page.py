"""The pattern library: every pattern across all events, its history, and carrying it on."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator import numbers
from facilitator.domain import OutcomeKind
from facilitator.followup import library
from facilitator.i18n import N_, _, ngettext
from facilitator.services.errors import ServiceError
from facilitator.storage import StorageError
from ui.flow_layout import FlowLayout
from ui.followup.library.carry_dialog import CarryDialog
from ui.followup.library.model import LibraryFilter, PatternTableModel
from ui.followup.library.pattern_detail import PatternDetailView
from ui.followup.library.table import PatternTable
from ui.widgets import ElidingComboBox, fit_placeholder, heading

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from facilitator.storage import Database

# Marked here, translated where they are shown.
# Translators: the first choice of the pattern library's kind filter (success, failure)
ALL_KINDS = N_("All kinds")
# Translators: the first choice of a coalition filter
ALL_COALITIONS = N_("All coalitions")
#: From this page width on, the detail stands beside the table instead of under it.
SIDE_BY_SIDE_WIDTH = 2200
NO_PATTERNS = N_(
    "No patterns yet. Patterns are recorded at events, in the Outcomes & Patterns step; "
    "they appear here with everything later events add to them."
)
NO_MATCH = N_("No pattern matches the filter.")


class LibraryPage(QWidget):
    """Patterns in a sortable, filterable table; the chosen one's history under or beside it.

    "Carry into an event…" stores the pattern in an open event at once and
    asks (``open_requested``) to open that event at the pattern.
    """

    open_requested = Signal(object, str, object)  # event id, record kind, record id
    problem = Signal(str)

    def __init__(self, db: Callable[[], Database], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        # While the rows are being replaced, row changes must not each read a detail.
        self._quiet = False
        self._laid_out = False
        self.model = PatternTableModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(placeholderText=_("Filter by pattern name or summary"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(_("Filter patterns"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(_("Kind"))
        self.kind_combo.addItem(_(ALL_KINDS), None)
        for kind in OutcomeKind:
            self.kind_combo.addItem(kind.label, kind)
        self.coalition_combo = ElidingComboBox()
        self.coalition_combo.setAccessibleName(_("Coalition"))
        # As wide as a usual name, not the longest: the filter field needs the room.
        self.coalition_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.coalition_combo.setMinimumContentsLength(16)
        self.coalition_combo.addItem(_(ALL_COALITIONS), None)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.kind_combo.currentIndexChanged.connect(self._filter_changed)
        self.coalition_combo.currentIndexChanged.connect(self._filter_changed)

        self.table = PatternTable(self.proxy)
        self.table.selectionModel().currentRowChanged.connect(lambda _now, _before: self._show_current())
        self.count_label = heading("", "muted")
        self.detail = PatternDetailView()
        self.detail.open_requested.connect(self.open_requested)
        self.carry_button = QPushButton(_("Carry into an event…"))
        self.carry_button.setProperty("role", "primary")
        self.carry_button.setToolTip(_("Present this pattern, with its boundaries, at an open event"))
        self.carry_button.clicked.connect(self.carry_current)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        # The filters follow the heading and wrap below it at a high zoom.
        fit_placeholder(self.filter_edit)
        top = FlowLayout(spacing=12, line_spacing=8)
        for widget in (
            heading(_("Pattern library"), "heading"),
            self.filter_edit,
            self.kind_combo,
            self.coalition_combo,
        ):
            top.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.carry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)
        self.setFocusProxy(self.filter_edit)
        self._update_actions()

    def resizeEvent(self, event) -> None:
        # Seven columns and a readable detail fit side by side only on a very
        # wide screen; on a projector (1280 or 1920 pixels) the detail goes under the table.
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation != self.splitter.orientation() or not self._laid_out:
            self._laid_out = True
            self.splitter.setOrientation(orientation)
            total = event.size().width() if wide else event.size().height()
            table_share = 3 if wide else 2  # fifths of the room
            self.splitter.setSizes([total * table_share // 5, total * (5 - table_share) // 5])
        super().resizeEvent(event)

    def _read(self, work: Callable[[Session], Any]) -> Any:
        """Run ``work`` in one transaction; a problem goes to the banner and gives None."""
        try:
            with self._db().transaction() as session:
                return work(session)
        except (StorageError, ServiceError) as exc:
            self.problem.emit(str(exc))
            return None

    def refresh(self) -> None:
        """Reload every pattern from the database, keeping the chosen one if it is still there."""
        rows = self._read(library.pattern_rows)
        if rows is None:
            return
        keep = self.current_pattern_id()
        self._quiet = True
        try:
            self.model.set_rows(rows)
            self._fill_coalitions(sorted({row.coalition for row in rows}, key=str.casefold))
            self._filter()
            self.table.fit_columns()
            if keep is not None:
                self.select_pattern(keep)
        finally:
            self._quiet = False
        self._show_current(reload=True)

    def _fill_coalitions(self, names: list[str]) -> None:
        chosen = self.coalition_combo.currentData()
        self.coalition_combo.blockSignals(True)
        self.coalition_combo.clear()
        self.coalition_combo.addItem(_(ALL_COALITIONS), None)
        for name in names:
            self.coalition_combo.addItem(name, name)
        index = self.coalition_combo.findData(chosen) if chosen is not None else 0
        self.coalition_combo.setCurrentIndex(max(index, 0))
        self.coalition_combo.blockSignals(False)
        view = self.coalition_combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 32)  # full names in the open list

    def _filter_changed(self) -> None:
        self._quiet = True
        try:
            self._filter()
        finally:
            self._quiet = False
        self._show_current()

    def _filter(self) -> None:
        """Apply the filter fields; keep a row chosen while any is shown."""
        self.proxy.set_criteria(
            self.filter_edit.text(), self.kind_combo.currentData(), self.coalition_combo.currentData()
        )
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = ngettext("{count} pattern", "{count} patterns", total).format(count=numbers.integer(total))
        else:
            text = ngettext(
                "{shown} of {total} pattern match", "{shown} of {total} patterns match", total
            ).format(shown=numbers.integer(shown), total=numbers.integer(total))
        self.count_label.setText(text)
        if not self.table.currentIndex().isValid() and shown:
            self._select(self.proxy.index(0, 0))

    def _select(self, index) -> None:
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def current_pattern_id(self) -> uuid.UUID | None:
        """Return the id of the pattern chosen in the table, if any."""
        index = self.table.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole).pattern_id if index.isValid() else None

    def select_pattern(self, pattern_id: uuid.UUID) -> bool:
        """Choose a pattern's row if the filter shows it; return whether it did."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(Qt.ItemDataRole.UserRole).pattern_id == pattern_id:
                self._select(index)
                return True
        return False

    def _show_current(self, reload: bool = False) -> None:
        """Show the chosen pattern's detail; read it again only if it changed or ``reload``."""
        if self._quiet:
            return
        pattern_id = self.current_pattern_id()
        shown = self.detail.detail
        if pattern_id is None:
            self.detail.show_detail(None, _(NO_PATTERNS) if self.model.rowCount() == 0 else _(NO_MATCH))
        elif reload or shown is None or shown.pattern_id != pattern_id:
            self.detail.show_detail(self._read(lambda session: library.pattern_detail(session, pattern_id)))
        self._update_actions()

    def _update_actions(self) -> None:
        # Hidden rather than disabled: a greyed primary button is unreadable on a projector.
        self.carry_button.setVisible(self.detail.detail is not None)

    def carry_current(self) -> None:
        """Ask which open event receives the chosen pattern; store it there and open it."""
        detail = self.detail.detail
        if detail is None:
            return
        targets = self._read(lambda session: library.carry_targets(session, detail.pattern_id))
        if targets is None:
            return
        dialog = CarryDialog(detail.name, targets, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        event_id = dialog.chosen_event_id()
        if event_id is None:  # the dialog accepts only with an event chosen
            return
        stored = self._read(lambda session: library.carry_into_event(session, detail.pattern_id, event_id))
        if stored is None:
            return
        self.refresh()
        self.open_requested.emit(event_id, "pattern", detail.pattern_id)
