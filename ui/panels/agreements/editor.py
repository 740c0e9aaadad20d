"""The editor of one agreement: adopter, patterns, sponsor, check-in, limits, notes, support."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import Agreement, OutcomeKind, Pattern
from facilitator.i18n import _
from facilitator.services import agreements
from ui.date_fields import from_qdate, show_days, to_qdate
from ui.editing import EventEditor
from ui.panels.agreements.fit_check import FitCheck
from ui.panels.agreements.support_items import SupportItemsEditor
from ui.panels.agreements.support_text import NONE_LABEL
from ui.panels.shared.autosave_text import AutoSaveText
from ui.panels.shared.base import heading
from ui.panels.shared.people_combo import PeopleCombo
from ui.panels.shared.reflow import Reflow
from ui.panels.shared.wrapping_list import WrappingList

# Widths in average characters of the editor's text, so the layout follows the zoom.
NARROW_BELOW = 80  # narrower editors put adopter, sponsor and check-in on a row each
SIDE_BY_SIDE_FROM = 110  # from this width the support sits beside the patterns
DEFAULT_CHECK_IN_DAYS = 42  # six weeks: long enough to try a pattern, short enough to remember


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setWordWrap(True)  # wraps rather than widening a narrow column
    return label


def _pattern_label(pattern: Pattern) -> str:
    if pattern.kind == OutcomeKind.FAILURE:
        # Translators: after the name of a pattern learnt from a failure, in the list of patterns to adopt
        return _("{name}  (failure — avoid)").format(name=pattern.name)
    return pattern.name


class AgreementEditor(QWidget):
    """Edits the agreement given to ``show_agreement``; every change is one undoable edit."""

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.agreement_id: uuid.UUID | None = None
        self._agreement: Agreement | None = None
        self._pattern_ids: list[uuid.UUID] = []
        self._loading = False

        self.adopter = PeopleCombo()
        self.adopter.setAccessibleName(_("Adopter"))
        self.adopter.activated.connect(
            lambda _index: self._update(_("Change adopter"), adopter_id=self.adopter.current_id())
        )
        self.sponsor = PeopleCombo(_(NONE_LABEL))
        self.sponsor.setAccessibleName(_("Sponsor"))
        self.sponsor.activated.connect(
            lambda _index: self._update(_("Change sponsor"), sponsor_id=self.sponsor.current_id())
        )
        # Translators: a tick box before the check-in date of an agreement
        self.has_check_in = QCheckBox(_("Check-in"))
        self.has_check_in.setToolTip(_("Untick for no check-in date"))
        self.has_check_in.toggled.connect(self._on_check_in_toggled)
        self.check_in = QDateEdit()
        self.check_in.setCalendarPopup(True)
        show_days(self.check_in)
        self.check_in.setAccessibleName(_("Check-in date"))
        self.check_in.editingFinished.connect(self._store_check_in)
        self.check_in.calendarWidget().clicked.connect(lambda _date: self._store_check_in())

        self.patterns = WrappingList()
        self.patterns.max_lines = 3
        self.patterns.setSpacing(0)
        self.patterns.setAccessibleName(_("Patterns adopted"))
        self.patterns.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.patterns.itemChanged.connect(self._on_pattern_toggled)
        self.limits = AutoSaveText(lambda text: self._store_text("limits", _("Change limits"), text))
        self.limits.setPlaceholderText(_("What the support does not include"))
        self.limits.setAccessibleName(_("What the support does not include"))
        self.notes = AutoSaveText(lambda text: self._store_text("notes", _("Change notes"), text))
        self.notes.setPlaceholderText(_("Anything else the room agreed"))
        self.notes.setAccessibleName(_("Notes"))
        self.support = SupportItemsEditor(editor)
        self.fit = FitCheck(editor)
        self._lay_out()

    def _lay_out(self) -> None:
        top = QGridLayout()
        top.setHorizontalSpacing(12)
        adopter_label, sponsor_label = (
            _label(_("&Adopter"), self.adopter),
            _label(_("&Sponsor"), self.sponsor),
        )
        self._top = Reflow(
            top,
            [
                (adopter_label, (0, 0, 1, 1), (0, 0, 1, 1)),
                (self.adopter, (0, 1, 1, 1), (0, 1, 1, 1)),
                (sponsor_label, (0, 2, 1, 1), (1, 0, 1, 1)),
                (self.sponsor, (0, 3, 1, 1), (1, 1, 1, 1)),
                (self.has_check_in, (0, 4, 1, 1), (2, 0, 1, 1)),
                (self.check_in, (0, 5, 1, 1), (2, 1, 1, 1)),
            ],
            # Narrow: one field a row, its label (or tick box) beside it.
            ({1: 3, 3: 3, 5: 1}, {1: 1}),
            NARROW_BELOW,
        )

        # Wide: the agreement's own fields in one column and its support beside
        # them, so the whole agreement fits under the list at 1080p. Narrow: the
        # support below, full width, where its table has room for its columns.
        body = QGridLayout()
        body.setHorizontalSpacing(16)
        body.setVerticalSpacing(4)
        support_label = heading(_("Support promised"), "strong")
        self._body = Reflow(
            body,
            [
                (_label(_("&Patterns adopted (Space ticks)"), self.patterns), (0, 0, 1, 1), (0, 0, 1, 1)),
                (self.patterns, (1, 0, 1, 1), (1, 0, 1, 1)),
                (_label(_("&Not included in the support"), self.limits), (2, 0, 1, 1), (0, 1, 1, 1)),
                (self.limits, (3, 0, 1, 1), (1, 1, 1, 1)),
                (_label(_("N&otes"), self.notes), (4, 0, 1, 1), (2, 0, 1, 2)),
                (self.notes, (5, 0, 1, 1), (3, 0, 1, 2)),
                (support_label, (0, 1, 1, 1), (4, 0, 1, 2)),
                (self.support, (1, 1, 5, 1), (5, 0, 1, 2)),
            ],
            ({0: 2, 1: 3}, {0: 1, 1: 1}),
            SIDE_BY_SIDE_FROM,
        )
        # The lists and texts take the height (in the narrow arrangement row 5 is the support).
        for row in (1, 3, 5):
            body.setRowStretch(row, 1)
        self._fit_heights()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        # Below the agreement, full width: the conditions read whole on the projector.
        layout.addWidget(self.fit)
        tab_chain: list[QWidget] = [
            self.adopter,
            self.sponsor,
            self.has_check_in,
            self.check_in,
            self.patterns,
            self.limits,
            self.notes,
            self.support.quick_add.type,
        ]
        for before, after in pairwise(tab_chain):
            QWidget.setTabOrder(before, after)

    def _fit_heights(self) -> None:
        # In lines of text, so the fields grow with the zoom: room for the
        # patterns of a typical agreement, and two lines of limits and notes.
        lines = self.fontMetrics().lineSpacing()
        for text in (self.limits, self.notes):
            text.setMinimumHeight(2 * lines + 16)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_heights()
            self._reflow(self.width())

    def resizeEvent(self, event) -> None:
        self._reflow(event.size().width())
        super().resizeEvent(event)

    def _reflow(self, width: int) -> None:
        chars = width // max(self.fontMetrics().averageCharWidth(), 1)
        self._top.fit_room(width, chars)
        # Beside the patterns the support has three fifths of the width: it goes
        # below them when its column titles need more (longer words in German).
        beside = (width - self._body.grid.horizontalSpacing()) * 3 // 5
        self._body.apply(chars < SIDE_BY_SIDE_FROM or self.support.titles_width() > beside)

    # -- showing ---------------------------------------------------------

    def show_agreement(self, agreement: Agreement | None) -> None:
        """Show ``agreement`` (a freshly loaded one after every change), or nothing."""
        if agreement is None or agreement.id != self.agreement_id:
            # Typing for the previous agreement is stored before the fields are reused.
            self.limits.flush()
            self.notes.flush()
        switched = agreement is None or agreement.id != self.agreement_id
        self._agreement = agreement
        self.agreement_id = agreement.id if agreement else None
        if agreement is None:
            return
        event = self.editor.event
        read_only = self.editor.read_only
        self._loading = True
        try:
            self.adopter.set_people(event.participants, agreement.adopter_id)
            self.sponsor.set_people(event.participants, agreement.sponsor_id)
            self.has_check_in.setChecked(agreement.check_in is not None)
            if agreement.check_in is not None:
                self.check_in.setDate(to_qdate(agreement.check_in))
            elif switched:
                self.check_in.setDate(to_qdate(event.date + dt.timedelta(days=DEFAULT_CHECK_IN_DAYS)))
            self.check_in.setEnabled(agreement.check_in is not None and not read_only)
            self._show_patterns(event.patterns, [p.id for p in agreement.patterns], read_only)
        finally:
            self._loading = False
        for widget in (self.adopter, self.sponsor, self.has_check_in):
            widget.setEnabled(not read_only)
        for text, value in ((self.limits, agreement.limits), (self.notes, agreement.notes)):
            text.setReadOnly(read_only)
            if switched:
                text.reset(value)
            else:
                text.show_stored(value)
        self.support.show_items(agreement, event.participants)
        self.fit.show_agreement(agreement)

    def _show_patterns(self, patterns: Sequence[Pattern], chosen: list[uuid.UUID], read_only: bool) -> None:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        ids = [p.id for p in patterns]
        if ids != self._pattern_ids:
            row = self.patterns.currentRow()
            self.patterns.clear()
            for pattern in patterns:
                item = QListWidgetItem(_pattern_label(pattern))
                item.setData(Qt.ItemDataRole.UserRole, pattern.id)
                # Without an explicit state Qt draws no box at all for unticked items.
                item.setCheckState(Qt.CheckState.Unchecked)
                self.patterns.addItem(item)
            self._pattern_ids = ids
            self.patterns.setCurrentRow(min(max(row, 0), len(ids) - 1))
        for row, pattern in enumerate(patterns):
            item = self.patterns.item(row)
            item.setText(_pattern_label(pattern))
            item.setFlags(flags)
            checked = Qt.CheckState.Checked if pattern.id in chosen else Qt.CheckState.Unchecked
            if item.checkState() != checked:
                item.setCheckState(checked)
        self.patterns.fit_rows()

    # -- editing ---------------------------------------------------------

    def chosen_pattern_ids(self) -> list[uuid.UUID]:
        """Return the ticked patterns in the event's order."""
        return [
            self.patterns.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.patterns.count())
            if self.patterns.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _on_pattern_toggled(self, _item: QListWidgetItem) -> None:
        if self._loading or self._agreement is None:
            return
        agreement_id = self._agreement.id
        old = [p.id for p in self._agreement.patterns]
        new = self.chosen_pattern_ids()
        if new == old:
            return
        if not self.editor.call(
            _("Change adopted patterns"),
            lambda s: agreements.set_agreement_patterns(s, agreement_id, new),
            lambda s: agreements.set_agreement_patterns(s, agreement_id, old),
        ):
            self.show_agreement(self._agreement)

    def _update(self, text: str, **changes) -> bool:
        if self._loading or self._agreement is None:
            return False
        agreement = self._agreement
        if all(getattr(agreement, name) == value for name, value in changes.items()):
            return True
        ok = self.editor.update(text, Agreement, agreement.id, agreements.update_agreement, **changes)
        if not ok:
            self.show_agreement(agreement)
        return ok

    def _store_text(self, field: str, text: str, value: str) -> bool:
        if self._agreement is None or self.editor.read_only:
            return self._agreement is None
        return self._update(text, **{field: value.strip()})

    def _on_check_in_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        self.check_in.setEnabled(checked and not self.editor.read_only)
        self._store_check_in()
        if checked:
            self.check_in.setFocus()

    def _store_check_in(self) -> None:
        if self._loading:
            return
        value = from_qdate(self.check_in.date()) if self.has_check_in.isChecked() else None
        self._update(_("Change check-in date") if value else _("Remove check-in date"), check_in=value)

    def flush(self) -> None:
        """Store limits and notes still being typed."""
        self.limits.flush()
        self.notes.flush()
