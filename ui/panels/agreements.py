"""The Follow-Up Support step: who adopts which patterns, with what support."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.dates import day
from facilitator.domain import Agreement
from facilitator.services import agreements
from ui.editing import EventEditor
from ui.panels.agreement_editor import AgreementEditor
from ui.panels.base import RecordPanel, RecordTable
from ui.panels.people_combo import AdopterPicker
from ui.panels.record_model import Column
from ui.panels.support_text import owner_names, support_summary

ADOPTER, PATTERNS, SUPPORT, OWNERS, CHECK_IN, SPONSOR = range(6)
NARROW_LIST_BELOW = 760  # pixels of list width


def _columns() -> list[Column]:
    return [
        Column("Adopter", lambda a: a.adopter.display_name),
        Column("Patterns", lambda a: ", ".join(p.name for p in a.patterns) or "— none yet —"),
        Column("Support", lambda a: support_summary(a.support_items) or "— none yet —"),
        Column("Owner(s)", owner_names),
        Column("Check-in", lambda a: day(a.check_in) if a.check_in else "—"),
        Column("Sponsor", lambda a: a.sponsor.name if a.sponsor else "—"),
    ]


class AgreementsPanel(RecordPanel):
    """Agreements of the event (list above) and the selected one's editor (below).

    Add an agreement by typing or picking the adopter and pressing Enter;
    the editor then waits for patterns and support. Ctrl+Delete removes the
    selected agreement, Alt+Up/Down reorders. Every change is undoable.
    """

    title = "Agreements"

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.picker = AdopterPicker()
        self.picker.setAccessibleName("Adopter of a new agreement")
        self.picker.lineEdit().setPlaceholderText("Type or pick the adopter, then Enter")
        self.picker.entered.connect(self.add_agreement)
        self.add_button = QPushButton("Add agreement")
        self.add_button.clicked.connect(self.add_agreement)
        self.add_row = QWidget()
        row = QHBoxLayout(self.add_row)
        row.setContentsMargins(0, 0, 0, 0)
        new_label = QLabel("New &agreement for")
        new_label.setBuddy(self.picker)
        row.addWidget(new_label)
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)

        self.table = RecordTable(_columns(), None, self._delete, self._move)
        self.table.setAccessibleName("Agreements")
        # One line per agreement keeps the whole list in view; the editor below
        # and the tooltips show the full text.
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.agreement_editor = AgreementEditor(editor)
        self.hint = QLabel("Type the adopter’s name above and press Enter to record the first agreement.")
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Fields wrap and shrink instead: sideways scrolling hides them from the room.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.agreement_editor)
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
        self._sized = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.add_row)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.picker, self.add_button)
        QWidget.setTabOrder(self.add_button, self.table)
        QWidget.setTabOrder(self.table, self.agreement_editor.adopter)

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
        if self.table.current_record() is None and event.agreements:
            self.table.setCurrentIndex(self.table.records.index(0, 0))
        self._show_current()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            self._size_split()

    def _size_split(self) -> None:
        # Room for three agreements (the list scrolls); the editor gets the rest of the screen.
        rows = min(max(self.table.records.rowCount(), 2), 3)
        row_height = self.table.rowHeight(0) if self.table.records.rowCount() else 40
        wanted = self.table.horizontalHeader().height() + rows * row_height + 2 * self.table.frameWidth()
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([wanted, max(total - wanted, 0)])

    def _show_current(self, *_args) -> None:
        agreement = self.table.current_record()
        self.stack.setCurrentIndex(0 if agreement is None else 1)
        self.agreement_editor.show_agreement(agreement)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Give the adopter and the date their full width; the rest share what is left."""
        header = self.table.horizontalHeader()
        width = self.table.viewport().width()
        # In a narrow column the owners and the sponsor are left to the editor below.
        narrow = width < NARROW_LIST_BELOW
        for column in (OWNERS, SPONSOR):
            self.table.setColumnHidden(column, narrow)
        wanted = [
            max(self.table.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(self.table.records.columnCount())
        ]
        fixed = {ADOPTER: min(wanted[ADOPTER], int(width * 0.3)), CHECK_IN: wanted[CHECK_IN]}
        shared = [c for c in range(len(wanted)) if c not in fixed and not self.table.isColumnHidden(c)]
        room = max(width - sum(fixed.values()), 0)
        total = sum(wanted[c] for c in shared) or 1
        sizes = dict(fixed)
        if total <= room:
            # Spare width goes to the patterns and the support, the longest texts.
            spare = room - total
            sizes.update({c: wanted[c] for c in shared})
            sizes[PATTERNS] += spare // 2
            sizes[SUPPORT] += spare - spare // 2
        else:
            sizes.update({c: max(60, wanted[c] * room // total) for c in shared})
        last = max(sizes)
        for column, size in sizes.items():
            if column != last:  # the last section stretches to the edge
                header.resizeSection(column, size)

    # -- editing ---------------------------------------------------------

    def add_record(self) -> None:
        """Put the cursor in the adopter line (the global Add record action)."""
        if not self.editor.read_only:
            self.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.picker.lineEdit().selectAll()

    def add_agreement(self) -> Agreement | None:
        """Add an agreement for the adopter typed or picked; then edit its patterns."""
        adopter_id = self.picker.chosen_id()
        if adopter_id is None:
            typed = self.picker.currentText().strip()
            if typed:
                self.editor.failed.emit(f"No single participant matches “{typed}”; pick one from the list")
            self.picker.setFocus()
            return None
        event_id = self.editor.event_id
        agreement = self.editor.add(
            "Add agreement",
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
        self.editor.remove(f"Delete agreement with {agreement.adopter.name}", Agreement, agreement.id)

    def _move(self, agreement: Agreement, index: int) -> None:
        old = agreement.position
        self.editor.call(
            "Move agreement",
            lambda s: agreements.move_agreement(s, agreement.id, index),
            lambda s: agreements.move_agreement(s, agreement.id, old),
        )

    def flush(self) -> None:
        """Store limits and notes still being typed."""
        self.agreement_editor.flush()
