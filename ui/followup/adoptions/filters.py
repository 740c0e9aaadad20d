"""The adoption tracker's filter bar: adopter or team, coalition, status, fit check, overdue only."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from facilitator.domain import AgreementStatus
from facilitator.folding import fold
from facilitator.followup.adoptions import OPEN_STATUSES
from facilitator.i18n import N_, _
from ui.flow_layout import FlowLayout
from ui.followup.adoptions.model import FIT_CHOICES, OPEN, AdoptionFilter
from ui.widgets import ElidingComboBox, fit_placeholder, tooltip_text

# Translators: the first choice of a coalition filter
ALL_COALITIONS = N_("All coalitions")
COALITION_CHARS = 12  # the coalition choice's width, in characters


class AdoptionFilterBar(QWidget):
    """The tracker's filters; ``changed`` fires on any change, ``status_changed`` on the status.

    The status starts at "Open (agreed or in progress)": what needs following up.
    """

    changed = Signal()
    status_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(placeholderText=_("Adopter or team"))  # short: whole at 1280 pixels
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName(_("Filter by adopter or team"))
        self.coalition = ElidingComboBox()
        self.coalition.setAccessibleName(_("Coalition"))
        # As wide as a usual name, not the longest (which took half the bar at
        # 1280 pixels): the text filter needs the room; long names end in "…".
        self.coalition.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.coalition.setMinimumContentsLength(COALITION_CHARS)
        self.coalition.addItem(_(ALL_COALITIONS), None)
        self.status = ElidingComboBox()
        self.status.setAccessibleName(_("Status"))
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Translators: the first choice of a status filter
        self.status.addItem(_("All statuses"), None)
        # Translators: a choice of the adoption tracker's status filter
        self.status.addItem(_("Open (agreed or in progress)"), OPEN)
        for status in AgreementStatus:
            self.status.addItem(status.label, status)
        self.status.setCurrentIndex(1)
        self.fit = ElidingComboBox()
        self.fit.setAccessibleName(_("Fit check"))
        self.fit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for label, value in FIT_CHOICES:
            self.fit.addItem(_(label), value)
        # Translators: a tick box of the adoption tracker's filters
        self.overdue_only = QCheckBox(_("O&verdue only"))
        # One row when it fits; at a high zoom the choices wrap below the text
        # filter instead of pushing the window past the screen's edge.
        fit_placeholder(self.text)
        layout = FlowLayout(self, spacing=12, line_spacing=8)
        for widget in (self.text, self.coalition, self.status, self.fit, self.overdue_only):
            layout.addWidget(widget)
        self.setFocusProxy(self.text)
        self.text.textChanged.connect(self.changed)
        self.coalition.currentIndexChanged.connect(self._show_coalition_tip)
        self.coalition.currentIndexChanged.connect(self.changed)
        self.fit.currentIndexChanged.connect(self.changed)
        self.overdue_only.toggled.connect(self.changed)
        self.status.currentIndexChanged.connect(self.status_changed)

    def current(self) -> AdoptionFilter:
        """Return what the filters ask for."""
        return AdoptionFilter(
            coalition=self.coalition.currentData(),
            status=self.status.currentData(),
            overdue_only=self.overdue_only.isChecked(),
            text=self.text.text(),
            fit=self.fit.currentData(),
        )

    def needs_closed(self) -> bool:
        """Return True when the status filter shows adopted or abandoned agreements."""
        return self.status.currentData() not in (OPEN, *OPEN_STATUSES)

    def set_coalitions(self, names: list[str]) -> None:
        """Offer these coalitions, keeping the chosen one if it is still there."""
        chosen = self.coalition.currentData()
        self.coalition.blockSignals(True)
        self.coalition.clear()
        self.coalition.addItem(_(ALL_COALITIONS), None)
        for name in sorted(names, key=fold):
            self.coalition.addItem(name, name)
        self.coalition.setCurrentIndex(max(0, self.coalition.findData(chosen)))
        self.coalition.blockSignals(False)
        self._show_coalition_tip()
        view = self.coalition.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 32)  # full names in the open list

    def _show_coalition_tip(self) -> None:
        # The closed choice may end in "…"; the tip and the open list show the whole name.
        self.coalition.setToolTip(tooltip_text(self.coalition.currentText()))
