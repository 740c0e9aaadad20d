"""The History page's filter bar: coalition, status, participant or team, and a date range."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from facilitator.domain import EventStatus
from facilitator.followup.history import HistoryFilter, HistoryRow
from facilitator.i18n import N_, _
from ui.date_fields import from_qdate, show_days
from ui.flow_layout import FlowLayout
from ui.widgets import ElidingComboBox, fit_placeholder

# Translators: the first choice of a coalition filter
ALL_COALITIONS = N_("All coalitions")


class HistoryFilterBar(QWidget):
    """Describes a HistoryFilter; ``changed`` fires whenever a field changes.

    The date fields count only when their box is ticked; unticked, they show
    the full range of the history, so ticking one starts from there.
    """

    changed = Signal()
    submitted = Signal()  # Enter in the participant-or-team field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self._range: tuple[dt.date, dt.date] | None = None  # oldest, newest
        self.coalition_combo = ElidingComboBox()
        self.coalition_combo.addItem(_(ALL_COALITIONS), None)
        # Long coalition names show in full in the list, not by widening the bar.
        self.coalition_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.coalition_combo.setMinimumContentsLength(18)
        self.status_combo = QComboBox()
        # Translators: the first choice of a status filter
        self.status_combo.addItem(_("All statuses"), None)
        for status in EventStatus:
            self.status_combo.addItem(status.label, status.value)
        self.person_edit = QLineEdit(placeholderText=_("Participant or team"))
        self.person_edit.setClearButtonEnabled(True)
        self.person_edit.returnPressed.connect(self.submitted)
        # Translators: a tick box before a date field: events from this date on
        self.from_check = QCheckBox(_("From"))
        self.from_edit = _date_edit()
        # Translators: a tick box before a date field: events up to this date
        self.to_check = QCheckBox(_("To"))
        self.to_edit = _date_edit()
        self.reset_button = QPushButton(_("Reset filters"))
        self.reset_button.clicked.connect(self.reset)
        for widget, name in (
            (self.coalition_combo, _("Coalition")),
            (self.status_combo, _("Status")),
            (self.person_edit, _("Participant or team")),
            (self.from_edit, _("From date")),
            (self.to_edit, _("To date")),
        ):
            widget.setAccessibleName(name)
        self._lay_out()
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._changed)
            edit.dateChanged.connect(self._changed)
        self.coalition_combo.currentIndexChanged.connect(self._changed)
        self.status_combo.currentIndexChanged.connect(self._changed)
        self.person_edit.textChanged.connect(self._changed)
        self.setFocusProxy(self.person_edit)

    def _lay_out(self) -> None:
        # One row per line that fits; at a high zoom the fields wrap onto more
        # lines instead of pushing the window past the screen's edge. Each date
        # stays beside its tick box.
        flow = FlowLayout(self, spacing=12, line_spacing=8)
        flow.addWidget(self.coalition_combo)
        flow.addWidget(self.status_combo)
        flow.addWidget(self.person_edit)
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(8)
            row.addWidget(check)
            row.addWidget(edit)
            flow.addWidget(pair)
        flow.addWidget(self.reset_button)
        fit_placeholder(self.person_edit)
        for first, second in pairwise(self.tab_order()):
            QWidget.setTabOrder(first, second)

    def tab_order(self) -> tuple[QWidget, ...]:
        """Return the fields in the order Tab visits them."""
        return (
            self.coalition_combo,
            self.status_combo,
            self.person_edit,
            self.from_check,
            self.from_edit,
            self.to_check,
            self.to_edit,
            self.reset_button,
        )

    def current_filter(self) -> HistoryFilter:
        """Return the filter the fields describe."""
        status = self.status_combo.currentData()
        return HistoryFilter(
            coalition=self.coalition_combo.currentData(),
            date_from=from_qdate(self.from_edit.date()) if self.from_check.isChecked() else None,
            date_to=from_qdate(self.to_edit.date()) if self.to_check.isChecked() else None,
            status=EventStatus(status) if status else None,
            person_or_team=self.person_edit.text(),
        )

    def offer(self, rows: list[HistoryRow]) -> None:
        """Offer the coalitions and date range of ``rows`` (newest first), silently.

        A chosen coalition that no longer appears falls back to all coalitions.
        """
        chosen = self.coalition_combo.currentData()
        names = sorted({name for row in rows for name in row.coalitions}, key=str.casefold)
        with QSignalBlocker(self.coalition_combo):
            self.coalition_combo.clear()
            self.coalition_combo.addItem(_(ALL_COALITIONS), None)
            for name in names:
                self.coalition_combo.addItem(name, name)
            self.coalition_combo.setCurrentIndex(max(0, self.coalition_combo.findData(chosen)))
        if rows:
            self._range = (rows[-1].date, rows[0].date)
        self._show_range()

    def reset(self) -> None:
        """Clear every field; ``changed`` fires once."""
        self._quiet = True
        try:
            self.coalition_combo.setCurrentIndex(0)
            self.status_combo.setCurrentIndex(0)
            self.person_edit.clear()
            self.from_check.setChecked(False)
            self.to_check.setChecked(False)
            self._show_range()
        finally:
            self._quiet = False
        self.changed.emit()

    def _show_range(self) -> None:
        if self._range is None:
            return
        for check, edit, day in zip(
            (self.from_check, self.to_check),
            (self.from_edit, self.to_edit),
            self._range,
            strict=True,
        ):
            if not check.isChecked():
                with QSignalBlocker(edit):
                    edit.setDate(QDate(day.year, day.month, day.day))

    def _changed(self, *_args) -> None:
        if not self._quiet:
            self.changed.emit()


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    return show_days(edit)
