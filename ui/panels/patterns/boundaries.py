"""Context & Boundaries: where each pattern works, where it breaks, what it needs first."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator import numbers
from facilitator.domain import BoundaryCondition, BoundaryKind, Pattern
from facilitator.i18n import N_, _
from facilitator.services import patterns
from facilitator.services.changes import RecordKind
from ui.actions import Act, local_action, shortcut_text
from ui.editing import EventEditor
from ui.panels.patterns.outcomes import kind_label
from ui.panels.shared.base import QuickAdd, RecordPanel, RecordTable, heading
from ui.panels.shared.column_fit import fit_columns
from ui.panels.shared.record_model import Column
from ui.panels.shared.wrapping_list import NOTE_ROLE, WrappingList

PATTERN_ROLE = Qt.ItemDataRole.UserRole

# The three lists, in the order the room talks about them: their headings and
# hints, marked here and translated where they are shown.
LISTS: tuple[tuple[BoundaryKind, str, str], ...] = (
    # Translators: the heading of a pattern's list of conditions under which it works
    (BoundaryKind.WORKS_WHEN, N_("Works when"), N_("It works when…")),
    # Translators: the heading of a pattern's list of conditions under which it breaks
    (BoundaryKind.BREAKS_WHEN, N_("Breaks when"), N_("It breaks when…")),
    # Translators: the heading of a pattern's list of what must be in place first
    (BoundaryKind.PREREQUISITE, N_("Prerequisites"), N_("First you need…")),
)


class ConditionList(QWidget):
    """One of a pattern's three lists: its heading, a quick-add line and the conditions.

    Args:
        kind: which list this is.
        title: the heading the room reads.
        placeholder: the hint in the empty quick-add line.
        submit: ``submit(kind, text) -> bool`` stores a new condition.
        on_edit, on_delete, on_move: as for ``RecordTable``.
        parent: the owning widget.
    """

    def __init__(
        self,
        kind: BoundaryKind,
        title: str,
        placeholder: str,
        submit: Callable[[BoundaryKind, str], bool],
        on_edit: Callable[[BoundaryCondition, str, object], bool],
        on_delete: Callable[[BoundaryCondition], None],
        on_move: Callable[[BoundaryCondition, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.heading = heading(title)
        self.quick_add = QuickAdd(
            placeholder, lambda text, _kind: submit(kind, text), button_text="+", room_slot=kind.value
        )
        self.quick_add.line.setAccessibleName(_("New “{list}” condition").format(list=title))
        # Three lists share the width: a "+" leaves the typing line its room.
        self.quick_add.button.setToolTip(_("Add to “{list}” (Enter)").format(list=title))
        self.quick_add.button.setAccessibleName(_("Add to “{list}”").format(list=title))
        self.table = RecordTable(
            [Column(title, lambda c: c.text, "text")], on_edit=on_edit, on_delete=on_delete, on_move=on_move
        )
        self.table.setAccessibleName(title)
        self.table.horizontalHeader().hide()
        self.table.setAlternatingRowColors(False)
        # One column: Tab goes on to the next list instead of circling the rows.
        self.table.setTabKeyNavigation(False)
        fit_columns(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.quick_add)
        layout.addWidget(self.table, 1)

    def show_conditions(self, conditions: list[BoundaryCondition], read_only: bool) -> None:
        """Show a pattern's conditions of this kind."""
        self.table.records.read_only = read_only
        self.quick_add.setVisible(not read_only)
        self.table.set_records(conditions)


class BoundariesPanel(RecordPanel):
    """For each pattern of the event, the conditions that keep it from being misapplied.

    The patterns are listed on the left; the selected one's "Works when",
    "Breaks when" and "Prerequisites" stand side by side. Ctrl+Page Down and
    Ctrl+Page Up go to the next and previous pattern from anywhere in the panel.

    Args:
        editor: the open event's editor; every change goes through it.
        parent: the owning widget.
    """

    shows = frozenset({RecordKind.EVENT, RecordKind.PATTERN, RecordKind.EVENT_PATTERN, RecordKind.BOUNDARY})

    title = N_("Context & boundaries")

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self._pattern_id: uuid.UUID | None = None
        self.selector = WrappingList()
        self.selector.setAccessibleName(_("Patterns"))
        self.selector.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.selector.currentRowChanged.connect(self._selection_changed)
        self.selector_hint = QLabel(
            # Translators: {next} and {previous} are keys that go to the next or previous pattern
            _("{next}: next\n{previous}: previous").format(
                next=shortcut_text(Act.NEXT_PATTERN), previous=shortcut_text(Act.PREVIOUS_PATTERN)
            )
        )
        self.selector_hint.setProperty("role", "muted")
        self.selector_hint.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(heading(_("Patterns")))
        left.addWidget(self.selector, 1)
        left.addWidget(self.selector_hint)

        self.pattern_name = heading("")
        self.lists: dict[BoundaryKind, ConditionList] = {}
        # Side by side while each list has room for its hint; stacked at a high zoom.
        self.columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for kind, title, placeholder in LISTS:
            self.lists[kind] = ConditionList(
                kind, _(title), _(placeholder), self._add, self._edit, self._delete, self._mover(kind)
            )
            columns.addWidget(self.lists[kind], 1)
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.pattern_name)
        details.addLayout(columns, 1)
        self.empty = heading("", "muted")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(self.details, 3)
        layout.addWidget(self.empty, 3, Qt.AlignmentFlag.AlignTop)

        chain: list[QWidget] = [self.selector]
        for condition_list in self.lists.values():
            chain += [condition_list.quick_add.line, condition_list.quick_add.button, condition_list.table]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)
        local_action(Act.NEXT_PATTERN, self, lambda: self.step_pattern(+1))
        local_action(Act.PREVIOUS_PATTERN, self, lambda: self.step_pattern(-1))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._arrange)

    def _arrange(self) -> None:
        # The lists' quick-add lines are as wide as their hints; three of them
        # and their buttons must fit the details' share of the width.
        needed = sum(c.quick_add.minimumSizeHint().width() for c in self.lists.values()) + 2 * 24
        share = self.width() * 3 // 4
        direction = QBoxLayout.Direction.LeftToRight if needed <= share else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    # -- drawing -----------------------------------------------------------

    def refresh(self) -> None:
        """Redraw the pattern list and the selected pattern's three lists."""
        event_patterns = self.editor.event.patterns
        ids = [p.id for p in event_patterns]
        if self._pattern_id not in ids:
            self._pattern_id = ids[0] if ids else None
        self.selector.blockSignals(True)
        try:
            if [self.selector.item(i).data(PATTERN_ROLE) for i in range(self.selector.count())] != ids:
                self.selector.clear()
                for pattern in event_patterns:
                    item = QListWidgetItem()
                    item.setData(PATTERN_ROLE, pattern.id)
                    self.selector.addItem(item)
            for row, pattern in enumerate(event_patterns):
                item = self.selector.item(row)
                item.setText(_selector_text(pattern))
                item.setData(NOTE_ROLE, _counts_text(pattern))
            if self._pattern_id is not None:
                self.selector.setCurrentRow(ids.index(self._pattern_id))
        finally:
            self.selector.blockSignals(False)
        self.selector.fit_rows()
        self.details.setVisible(bool(ids))
        self.empty.setVisible(not ids)
        self.empty.setText(
            _("No patterns were recorded at this event.")
            if self.editor.read_only
            else _(
                "No patterns in this event yet. Add them in the Outcomes & Patterns step, "
                "then come back to say where each works and where it breaks."
            )
        )
        self.selector_hint.setVisible(len(ids) > 1)
        self._show_pattern()

    def selected_pattern(self) -> Pattern | None:
        """Return the pattern whose boundaries are shown, or None."""
        for pattern in self.editor.event.patterns:
            if pattern.id == self._pattern_id:
                return pattern
        return None

    def select_pattern(self, pattern_id: uuid.UUID) -> None:
        """Show the boundaries of ``pattern_id``."""
        for row in range(self.selector.count()):
            if self.selector.item(row).data(PATTERN_ROLE) == pattern_id:
                self.selector.setCurrentRow(row)
                return

    def show_record(self, record_id) -> None:
        """Show the boundaries of the pattern ``record_id`` (a boundary's pattern)."""
        self.refresh_if_stale()
        self.select_pattern(record_id)

    def step_pattern(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) pattern; the cursor stays where it is."""
        row = self.selector.currentRow() + delta
        if 0 <= row < self.selector.count():
            self.selector.setCurrentRow(row)
            self.selector.scrollToItem(self.selector.item(row))

    def _selection_changed(self, row: int) -> None:
        if row >= 0:
            self._pattern_id = self.selector.item(row).data(PATTERN_ROLE)
            self._show_pattern()
            self.room_focus_changed.emit()

    def room_focus(self) -> uuid.UUID | None:
        """Return the pattern whose boundaries the room is discussing."""
        return self._pattern_id

    def _show_pattern(self) -> None:
        pattern = self.selected_pattern()
        read_only = self.editor.read_only
        self.pattern_name.setText(f"{kind_label(pattern.kind)}: {pattern.name}" if pattern else "")
        # The room heard the summary in the previous step; the lists need the height.
        self.pattern_name.setToolTip(pattern.summary if pattern else "")
        for kind, condition_list in self.lists.items():
            condition_list.show_conditions(pattern.conditions(kind) if pattern else [], read_only)

    # -- editing -----------------------------------------------------------

    def add_record(self) -> None:
        """Put the cursor in the "Works when" line of the selected pattern."""
        if self.selected_pattern() is not None and not self.editor.read_only:
            self.lists[BoundaryKind.WORKS_WHEN].quick_add.focus()

    def _add(self, kind: BoundaryKind, text: str) -> bool:
        pattern = self.selected_pattern()
        if pattern is None:
            return False
        pattern_id, event_id = pattern.id, self.editor.event_id
        condition = self.editor.add(
            _("Add “{list}” condition to “{pattern}”").format(list=kind.label, pattern=pattern.name),
            BoundaryCondition,
            lambda session, rid: patterns.add_boundary(
                session, pattern_id, kind, text, event_id=event_id, record_id=rid
            ),
        )
        if condition is None:
            return False
        self.lists[kind].table.select_record(condition.id)
        return True

    def _edit(self, condition: BoundaryCondition, field: str, value) -> bool:
        return self.editor.update(
            _("Edit condition"), BoundaryCondition, condition.id, patterns.update_boundary, **{field: value}
        )

    def _delete(self, condition: BoundaryCondition) -> None:
        self.editor.remove(_("Delete condition"), BoundaryCondition, condition.id)

    def _mover(self, kind: BoundaryKind) -> Callable[[BoundaryCondition, int], None]:
        def move(condition: BoundaryCondition, index: int) -> None:
            old = self.lists[kind].table.records.row_of(condition.id)
            self.editor.call(
                _("Move condition"),
                lambda session: patterns.move_boundary(session, condition.id, index),
                lambda session: patterns.move_boundary(session, condition.id, old),
            )

        return move


def _selector_text(pattern: Pattern) -> str:
    # The glyph alone: the heading beside the lists spells out the kind.
    text = f"{kind_label(pattern.kind)[0]} {pattern.name}"
    if not pattern.boundaries:
        text += "\n" + _("— no conditions yet")
    return text


def _counts_text(pattern: Pattern) -> str:
    return " · ".join(
        f"{_(title)}: {numbers.integer(len(pattern.conditions(kind)))}" for kind, title, _hint in LISTS
    )
