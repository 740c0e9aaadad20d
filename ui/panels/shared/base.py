"""What every panel shares: redraw on change, quick add, list actions."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QWidget,
)

from facilitator.followup.adoption_row import AdoptionRow
from facilitator.i18n import _
from facilitator.services.changes import Changes, RecordKind
from ui.actions import Act, local_action
from ui.flow_layout import FlowLayout
from ui.room.slide import Draft
from ui.widgets import fit_placeholder, heading

if TYPE_CHECKING:
    from ui.editing import EventEditor
from ui.panels.shared.delegates import ChoiceDelegate
from ui.panels.shared.record_model import Column, RecordTableModel

__all__ = ["QuickAdd", "RecordPanel", "RecordTable", "heading"]


class RecordPanel(QWidget):
    """A part of a screen that shows records of the open event and edits them.

    Subclasses implement ``refresh`` (redraw from ``self.editor.event``),
    name in ``shows`` the kinds of record it draws, and may override
    ``add_record`` (what the global "Add record" action does). A stored change
    redraws only the panels that show what it touched; a hidden panel redraws
    when it is next shown, so switching steps never waits for panels nobody
    is looking at.
    """

    title = ""
    #: The kinds of record the panel draws; a change touching none of them
    #: leaves it as it is. Every panel shows the event's state (closed or not).
    shows: frozenset[RecordKind] = frozenset({RecordKind.EVENT})
    #: The record the facilitator has in hand changed (see ``room_focus``).
    room_focus_changed = Signal()

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._stale = True
        editor.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(*self.shows):
            return
        if self.isVisible():
            self.refresh()
            self._stale = False
        else:
            self._stale = True

    def refresh_if_stale(self) -> None:
        """Redraw now if an edit happened while the panel was hidden."""
        if self._stale:
            self.refresh()
            self._stale = False

    def show_record(self, record_id) -> None:
        """Select the row of ``record_id`` (a search result the lead opened)."""
        self.refresh_if_stale()
        table = getattr(self, "table", None)
        if isinstance(table, RecordTable):
            table.select_record(record_id)
            table.scrollTo(table.currentIndex())
            table.setFocus()

    def showEvent(self, event) -> None:
        self.refresh_if_stale()
        super().showEvent(event)

    def refresh(self) -> None:
        """Redraw from ``self.editor.event``."""
        raise NotImplementedError

    def add_record(self) -> None:
        """Start adding a record (the global Add record action)."""

    def room_focus(self) -> uuid.UUID | None:
        """Return the record the room is talking about here (the pattern, the agreement), or None."""
        return None

    def room_rows(self) -> Sequence[AdoptionRow]:
        """Return rows the panel read that the event does not hold (earlier agreements), or ()."""
        return ()

    def focus_first(self) -> bool:
        """Put the cursor in the panel's first field; return False when it has none to offer.

        The walk-through calls this when the room arrives at a step: the first
        field is where the step's first record starts, as with Add record.
        """
        if type(self).add_record is RecordPanel.add_record:
            return False
        self.add_record()
        focused = self.window().focusWidget()
        return focused is not None and self.isAncestorOf(focused)


class QuickAdd(QWidget):
    """A line to type a record and press Enter; optional kind drop-down.

    ``submit(text, kind) -> bool`` stores the record. On success the line is
    cleared for the next one; on failure the text stays for a retry.
    """

    submitted = Signal()

    def __init__(
        self,
        placeholder: str,
        submit: Callable[[str, Any], bool],
        kinds: Sequence[tuple[str, Any]] = (),
        button_text: str | None = None,
        parent: QWidget | None = None,
        *,
        room_slot: str = "",
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        # Where the room view shows the line while it is typed (ui/room/slide.py,
        # Column.slot); without one, the kind chosen beside it (an outcome's).
        self._room_slot = room_slot
        self.kind = QComboBox()
        for label, value in kinds:
            self.kind.addItem(label, value)
        self.line = QLineEdit(placeholderText=placeholder)
        self.line.returnPressed.connect(self.submit)
        # Translators: the button beside a line where a record is typed
        self.button = QPushButton(_("Add") if button_text is None else button_text)
        self.button.clicked.connect(self.submit)
        # The line is never narrower than its hint; when the row has no room
        # for all three at a high zoom, the button wraps below instead.
        fit_placeholder(self.line)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = FlowLayout(self, spacing=6)
        layout.addWidget(self.kind)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        # Only once it has a parent: showing a parentless widget opens a window.
        self.kind.setVisible(bool(kinds))

    def submit(self) -> None:
        """Store what was typed; keep it when storing failed."""
        text = self.line.text().strip()
        if not text:
            return
        if self._submit(text, self.kind.currentData()):
            # setText, not clear(): it also empties the field's own undo, so
            # the next Ctrl+Z undoes the record just added, not the clearing.
            self.line.setText("")
            self.submitted.emit()
        self.line.setFocus()

    def focus(self) -> None:
        """Put the cursor in the line."""
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def room_draft(self) -> Draft | None:
        """Return the record being typed here for the room view, or None when the line is empty."""
        text = self.line.text().strip()
        if not text:
            return None
        kind = self.kind.currentData()
        return Draft(text, slot=self._room_slot or str(getattr(kind, "value", kind or "")))


class RecordTable(QTableView):
    """A table of records with inline edit, delete and reorder from the keyboard.

    ``on_delete(record)`` and ``on_move(record, new_index)`` are optional; the
    matching keyboard actions only exist when they are given.

    Rows are as tall as their wrapped text, up to ``max_lines`` lines: a longer
    text ends in "…" and its cell's tooltip (and editor) has all of it, so one
    long record never fills the table. The table is never shorter than its
    header and one such row, whatever the zoom.
    """

    #: Most lines of text a row shows (None: as many as the text needs).
    max_lines: int | None = 3
    #: Whether a short page may change ``max_lines`` (ui/walkthrough/step_panels.py).
    compact_lines: bool = True

    def __init__(
        self,
        columns: Sequence[Column],
        on_edit: Callable[[Any, str, Any], bool] | None = None,
        on_delete: Callable[[Any], None] | None = None,
        on_move: Callable[[Any, int], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.records = RecordTableModel(columns, on_edit, self)
        self.setModel(self.records)
        self.setItemDelegate(ChoiceDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._on_delete = on_delete
        self._on_move = on_move
        if on_delete is not None:
            local_action(Act.DELETE_RECORD, self, self.delete_current)
        if on_move is not None:
            local_action(Act.MOVE_UP, self, lambda: self.move_current(-1))
            local_action(Act.MOVE_DOWN, self, lambda: self.move_current(+1))

    def set_records(self, records: Sequence[Any]) -> None:
        """Show records, keeping the current row where possible."""
        current = self.current_record()
        self.records.set_records(records)
        self.fit_rows()
        if current is not None:
            self.select_record(current.id)

    def row_cap(self) -> int:
        """Return the height of a row of ``max_lines`` lines at the current font."""
        lines = self.max_lines or 1
        return self.fontMetrics().lineSpacing() * lines + 8

    def schedule_fit(self) -> None:
        """Measure the rows again on the next turn of the event loop, once however often asked.

        Measuring wrapped rows is the costliest thing a table does; a zoom or a
        resize asks for it from several places at once.
        """
        timer = getattr(self, "_fit_timer", None)
        if timer is None:
            timer = self._fit_timer = QTimer(self, singleShot=True, interval=0)
            timer.timeout.connect(self.fit_rows)
        timer.start()

    def fit_rows(self) -> None:
        """Measure every row's wrapped text again, up to ``max_lines`` lines."""
        self.resizeRowsToContents()
        if self.max_lines:
            cap = self.row_cap()
            rows = self.verticalHeader()
            for row in range(self.records.rowCount()):
                if rows.sectionSize(row) > cap:
                    rows.resizeSection(row, cap)
        # Never shorter than the header and one row of ``max_lines``: a row must fit the view.
        header = self.horizontalHeader()
        height = (
            (0 if header.isHidden() else header.sizeHint().height()) + self.row_cap() + 2 * self.frameWidth()
        )
        if self.horizontalScrollBar().isVisibleTo(self) or header.length() > self.viewport().width():
            height += self.horizontalScrollBar().sizeHint().height()
        self.setMinimumHeight(height)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # A new zoom: rows measured at the old font would cut the new text.
            self.schedule_fit()

    def current_record(self) -> Any | None:
        """Return the selected record, or None."""
        index = self.currentIndex()
        if not index.isValid() or index.row() >= self.records.rowCount():
            return None
        return self.records.record(index.row())

    def select_record(self, record_id) -> None:
        """Select the row of ``record_id`` if it is shown."""
        row = self.records.row_of(record_id)
        if row >= 0:
            column = max(self.currentIndex().column(), 0)
            self.setCurrentIndex(self.records.index(row, column))

    def delete_current(self) -> None:
        """Delete the selected record (Ctrl+Delete)."""
        record = self.current_record()
        if record is not None and self._on_delete is not None and not self.records.read_only:
            row = self.currentIndex().row()
            self._on_delete(record)
            if self.records.rowCount():
                self.setCurrentIndex(self.records.index(min(row, self.records.rowCount() - 1), 0))

    def move_current(self, delta: int) -> None:
        """Move the selected record up or down (Alt+Up / Alt+Down)."""
        record = self.current_record()
        if record is None or self._on_move is None or self.records.read_only:
            return
        row = self.currentIndex().row()
        target = row + delta
        if 0 <= target < self.records.rowCount():
            self._on_move(record, target)
            self.select_record(record.id)
