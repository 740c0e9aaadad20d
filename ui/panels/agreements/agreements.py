"""The Follow-Up Support step: who adopts which patterns, with what support."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.dates import day
from facilitator.domain import Agreement
from facilitator.i18n import N_, _
from facilitator.services import agreements, fit
from facilitator.services.changes import RecordKind
from ui.editing import EventEditor
from ui.flow_layout import FlowLayout
from ui.panels.agreements.editor import AgreementEditor
from ui.panels.agreements.support_text import owner_names, support_summary
from ui.panels.shared.base import RecordPanel, RecordTable
from ui.panels.shared.people_combo import AdopterPicker
from ui.panels.shared.record_model import Column
from ui.widgets import FillingScrollArea, fit_placeholder

ADOPTER, PATTERNS, SUPPORT, OWNERS, CHECK_IN, SPONSOR = range(6)
NARROW_LIST_BELOW = (
    66  # average characters of list width; narrower lists leave owners and sponsor to the editor
)
# The list of agreements takes up to half the panel's height (then it scrolls);
# the editor of the selected one gets the rest and scrolls below its smallest size.
LIST_SHARE = 0.5


def _patterns_text(agreement: Agreement) -> str:
    """Return the adopted patterns, after a marker the room sees when the fit check found a risk."""
    names = ", ".join(p.name for p in agreement.patterns) or _("— none yet —")
    if not fit.at_risk(agreement):
        return names
    # Translators: before the patterns of an agreement in the list of agreements
    marker = _("⚠ at risk, accepted") if agreement.risk_acceptance else _("⚠ at risk")
    return f"{marker} — {names}"


def _columns() -> list[Column]:
    return [
        # Translators: a column header: who adopts the patterns
        Column(_("Adopter"), lambda a: a.adopter.display_name),
        Column(_("Patterns"), _patterns_text),
        # Translators: a column header: the support promised with an agreement
        Column(_("Support"), lambda a: support_summary(a.support_items) or _("— none yet —")),
        # Translators: a column header: who gives the support
        Column(_("Owner(s)"), owner_names),
        # Translators: a column header: the date of the agreement's check-in
        Column(_("Check-in"), lambda a: day(a.check_in) if a.check_in else "—"),
        Column(_("Sponsor"), lambda a: a.sponsor.name if a.sponsor else "—"),
    ]


class AgreementsPanel(RecordPanel):
    """Agreements of the event (list above) and the selected one's editor (below).

    Add an agreement by typing or picking the adopter and pressing Enter;
    the editor then waits for patterns and support. Ctrl+Delete removes the
    selected agreement, Alt+Up/Down reorders. Every change is undoable.
    """

    shows = frozenset(
        {
            RecordKind.EVENT,
            RecordKind.PARTICIPANT,
            RecordKind.CAPACITY,
            RecordKind.PATTERN,
            RecordKind.EVENT_PATTERN,
            RecordKind.AGREEMENT,
            RecordKind.AGREEMENT_PATTERN,
            RecordKind.SUPPORT_ITEM,
            RecordKind.STATUS_CHANGE,
            # The fit check: its answers, the room's acceptance of a risk, and the
            # boundaries its questions are made of.
            RecordKind.FIT_ANSWER,
            RecordKind.RISK_ACCEPTANCE,
            RecordKind.BOUNDARY,
        }
    )

    title = N_("Agreements")

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.picker = AdopterPicker()
        self.picker.setAccessibleName(_("Adopter of a new agreement"))
        self.picker.line_edit().setPlaceholderText(_("Type or pick the adopter, then Enter"))
        self.picker.entered.connect(self.add_agreement)
        self.add_button = QPushButton(_("Add agreement"))
        self.add_button.clicked.connect(self.add_agreement)
        self.add_row = QWidget()
        # The picker is never narrower than its hint; the row wraps at a high zoom.
        self.picker.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        fit_placeholder(self.picker.line_edit())
        row = FlowLayout(self.add_row, spacing=8, line_spacing=4)
        # Translators: before the field where the adopter of a new agreement is typed
        new_label = QLabel(_("New &agreement for"))
        new_label.setBuddy(self.picker)
        row.addWidget(new_label)
        row.addWidget(self.picker)
        row.addWidget(self.add_button)

        self.table = RecordTable(_columns(), None, self._delete, self._move)
        self.table.setAccessibleName(_("Agreements"))
        # Two lines per agreement at most: a list of patterns reads whole far
        # more often than on one line, and the list still shows every agreement
        # of a typical event; the editor below and the tooltips have the rest.
        self.table.max_lines = 2
        self.table.compact_lines = False  # two lines already, on every screen
        # Every column is sized below: a stretching last column would take the sponsor's title.
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.viewport().installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.agreement_editor = AgreementEditor(editor)
        self.hint = QLabel(_("Type the adopter’s name above and press Enter to record the first agreement."))
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        # Fields wrap and shrink instead of scrolling sideways (that hides them
        # from the room); the editor scrolls down only below its smallest size.
        scroll = FillingScrollArea(self.agreement_editor, shrink=False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(scroll)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("agreementsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        # The split follows the number of agreements until someone drags it.
        self._split_by_hand = False
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_split_by_hand", True))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.add_row)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.picker, self.add_button)
        QWidget.setTabOrder(self.add_button, self.table)
        QWidget.setTabOrder(self.table, self.agreement_editor.adopter)

    def hasHeightForWidth(self) -> bool:
        """Say no: the panel fills the height it is given, down to its minimum.

        Below the capacity strip, a box layout would otherwise treat the
        height the panel prefers for its width (every agreement, the whole
        editor) as its least, and squeeze the strip; the wrapping add row
        reports its height in its minimum.
        """
        return False

    # -- showing ---------------------------------------------------------

    def refresh(self) -> None:
        """Redraw the list and the selected agreement from the reloaded event."""
        event = self.editor.event
        read_only = self.editor.read_only
        self.add_row.setVisible(not read_only)
        self.picker.set_people(event.participants)
        self.table.records.read_only = read_only
        self.table.set_records(event.agreements)
        self._fit_columns()
        self._size_split()
        if self.table.current_record() is None and event.agreements:
            self.table.setCurrentIndex(self.table.records.index(0, 0))
        self._show_current()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._size_split()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._size_split()

    def _size_split(self) -> None:
        # Every agreement in view while they fit in the list's share of the
        # height (then the list scrolls); the editor gets the rest.
        if self._split_by_hand:
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        rows = self.table.records.rowCount()
        heights = sum(self.table.rowHeight(row) for row in range(rows)) if rows else self.table.row_cap()
        wanted = self.table.horizontalHeader().sizeHint().height() + heights + 2 * self.table.frameWidth()
        wanted = max(min(wanted, int(total * LIST_SHARE)), self.table.minimumHeight())
        if self.splitter.sizes()[0] != wanted:
            self.splitter.setSizes([wanted, max(total - wanted, 0)])

    def _show_current(self, *_args) -> None:
        agreement = self.table.current_record()
        self.stack.setCurrentIndex(0 if agreement is None else 1)
        self.agreement_editor.show_agreement(agreement)
        self.room_focus_changed.emit()

    def room_focus(self) -> uuid.UUID | None:
        """Return the agreement in hand: the room sees its fit check."""
        agreement = self.table.current_record()
        return agreement.id if agreement is not None else None

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            if event.size().width() != event.oldSize().width():  # only a new width rewraps
                self._refit()
        elif watched is self.table and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # A new zoom: columns are measured in text, then rows and the split follow.
            QTimer.singleShot(0, self, self._refit)
        return super().eventFilter(watched, event)

    def _refit(self) -> None:
        self._fit_columns()
        self.table.fit_rows()
        self._size_split()

    def _fit_columns(self) -> None:
        """Give the adopter and the date their width; the patterns and the support share the rest.

        Every column keeps at least its title; when the width cannot give
        them all that, the owners and the sponsor are left to the editor below.
        """
        header = self.table.horizontalHeader()
        width = self.table.viewport().width()
        chars = self.table.fontMetrics().averageCharWidth()
        count = self.table.records.columnCount()
        titles = [header.sectionSizeFromContents(c).width() for c in range(count)]
        content = [max(self.table.sizeHintForColumn(c), titles[c]) for c in range(count)]
        least = list(titles)
        for column, letters in ((ADOPTER, 10), (PATTERNS, 14), (SUPPORT, 12)):
            least[column] = max(least[column], letters * chars)
        least[CHECK_IN] = content[CHECK_IN]
        narrow = sum(least) > width
        for column in (OWNERS, SPONSOR):
            self.table.setColumnHidden(column, narrow)
        shown = [c for c in range(count) if not self.table.isColumnHidden(c)]
        sizes = {c: least[c] for c in shown}
        spare = width - sum(sizes.values())
        # Towards each text's whole width: who adopts (up to a quarter) and which
        # patterns (up to a third) first, then the support, its owners, the
        # sponsor, and the rest of the patterns (they wrap onto a second line);
        # what is still spare goes to the patterns and the support.
        for column, share in (
            (ADOPTER, 4),
            (PATTERNS, 3),
            (SUPPORT, 1),
            (OWNERS, 1),
            (SPONSOR, 1),
            (PATTERNS, 1),
        ):
            if column in sizes and spare > 0:
                wanted = min(content[column], width // share)
                grow = min(spare, max(wanted - sizes[column], 0))
                sizes[column] += grow
                spare -= grow
        if spare > 0:
            sizes[PATTERNS] += spare * 3 // 5
            sizes[SUPPORT] += spare - spare * 3 // 5
        for column in shown:
            header.resizeSection(column, sizes[column])

    # -- editing ---------------------------------------------------------

    def add_record(self) -> None:
        """Put the cursor in the adopter line (the global Add record action)."""
        if not self.editor.read_only:
            self.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.picker.line_edit().selectAll()

    def add_agreement(self) -> Agreement | None:
        """Add an agreement for the adopter typed or picked; then edit its patterns."""
        adopter_id = self.picker.chosen_id()
        if adopter_id is None:
            typed = self.picker.currentText().strip()
            if typed:
                self.editor.failed.emit(
                    _("No single participant matches “{typed}”; pick one from the list").format(typed=typed)
                )
            self.picker.setFocus()
            return None
        event_id = self.editor.event_id
        agreement = self.editor.add(
            _("Add agreement"),
            Agreement,
            lambda s, rid: agreements.add_agreement(s, event_id, adopter_id, record_id=rid),
        )
        if agreement is None:
            return None
        self.picker.clear_choice()
        self.table.select_record(agreement.id)
        self._show_current()
        # Deferred: the combo box and its completer finish handling Enter after
        # this slot and would pull the cursor back to the adopter line.
        patterns = self.agreement_editor.patterns
        QTimer.singleShot(0, patterns, lambda: patterns.setFocus(Qt.FocusReason.OtherFocusReason))
        return agreement

    def _delete(self, agreement: Agreement) -> None:
        self.editor.remove(
            _("Delete agreement with {adopter}").format(adopter=agreement.adopter.name),
            Agreement,
            agreement.id,
        )

    def _move(self, agreement: Agreement, index: int) -> None:
        old = agreement.position
        self.editor.call(
            _("Move agreement"),
            lambda s: agreements.move_agreement(s, agreement.id, index),
            lambda s: agreements.move_agreement(s, agreement.id, old),
        )

    def flush(self) -> None:
        """Store limits and notes still being typed."""
        self.agreement_editor.flush()
