"""Patterns the coalition discovered, where they came from, and ones it brings back."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import OutcomeKind, Pattern
from facilitator.i18n import N_, _
from facilitator.services import patterns
from facilitator.services.changes import RecordKind
from ui.editing import EventEditor
from ui.flow_layout import FlowLayout
from ui.panels.patterns.outcomes import kind_choices, kind_label, widen_kind_choice
from ui.panels.shared.base import QuickAdd, RecordPanel, RecordTable, heading
from ui.panels.shared.column_fit import fit_columns
from ui.panels.shared.record_model import Column
from ui.panels.shared.wrapping_list import WrappingList
from ui.room.slide import PATTERN_SLOT
from ui.widgets import ElidedLabel

ENTRY_ROLE = Qt.ItemDataRole.UserRole
TICKED_ROLE = Qt.ItemDataRole.UserRole + 1


class Checklist(WrappingList):
    """A list of entries to tick: Space or a click asks for the tick to change.

    The boxes are the text glyphs ☐ and ☑ rather than Qt's check indicators:
    they take the theme's text colour and the zoomed font size, so they stay
    visible in high contrast and from the back of the room. The list does not
    tick anything itself; ``toggled(key, ticked)`` asks for the change, and
    ``set_entries`` shows what was stored.
    """

    toggled = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editable = True
        self.itemClicked.connect(lambda item: self.toggle(self.row(item)))

    def set_entries(self, entries: Sequence[tuple[Any, str, bool]]) -> None:
        """Show ``(key, text, ticked)`` entries, keeping the current row where it can."""
        keys = [key for key, _text, _ticked in entries]
        if keys != [self.item(row).data(ENTRY_ROLE) for row in range(self.count())]:
            current = self.currentRow()
            self.clear()
            for key, _text, _ticked in entries:
                item = QListWidgetItem()
                item.setData(ENTRY_ROLE, key)
                self.addItem(item)
            # No row is highlighted until someone goes there: a highlighted
            # row would read as "ticked" from the back of the room.
            if self.count() and current >= 0:
                self.setCurrentRow(min(current, self.count() - 1))
        # Same entries: only the texts change, so an item being clicked is
        # never deleted under the click that is being handled.
        for row, (_key, text, ticked) in enumerate(entries):
            item = self.item(row)
            item.setText(f"{'☑' if ticked else '☐'}  {text}")
            item.setData(TICKED_ROLE, ticked)
        self.fit_rows()

    def is_ticked(self, row: int) -> bool:
        """Return whether the entry in ``row`` is shown ticked."""
        return bool(self.item(row).data(TICKED_ROLE))

    def toggle(self, row: int) -> None:
        """Ask to tick or clear the entry in ``row``."""
        if self.editable and 0 <= row < self.count():
            self.toggled.emit(self.item(row).data(ENTRY_ROLE), not self.is_ticked(row))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and not event.modifiers():
            self.toggle(self.currentRow())
            event.accept()
            return
        super().keyPressEvent(event)


class PatternsPanel(RecordPanel):
    """The event's patterns with the outcomes each was learnt from.

    Beside the table, a "Learnt from" checklist links the selected pattern to
    the event's outcomes; below it, patterns the coalition found at earlier
    events can be brought into this one.

    Args:
        editor: the open event's editor; every change goes through it.
        parent: the owning widget.
    """

    shows = frozenset(
        {
            RecordKind.EVENT,
            RecordKind.PATTERN,
            RecordKind.EVENT_PATTERN,
            RecordKind.PATTERN_OUTCOME,
            RecordKind.OUTCOME,
            RecordKind.BOUNDARY,
            RecordKind.COALITION,
        }
    )

    title = N_("Patterns")

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        choices = kind_choices()
        self.quick_add = QuickAdd(
            _("Pattern name…"), self._add, choices, button_text=_("Add pattern"), room_slot=PATTERN_SLOT
        )
        self.quick_add.kind.setAccessibleName(_("Kind of the new pattern"))
        widen_kind_choice(self.quick_add.kind)
        self.quick_add.line.setAccessibleName(_("Name of the new pattern"))
        self.table = RecordTable(
            [
                # Translators: a column header: the pattern's name
                Column(_("Pattern"), lambda p: p.name, "name"),
                # Translators: a column header: success or failure
                Column(_("Kind"), lambda p: kind_label(p.kind), "kind", lambda p: p.kind, choices),
                Column(_("Summary"), lambda p: p.summary, "summary"),
                # Translators: a column header on two lines; keep the ✓ and ✗
                Column(_("How to reproduce ✓\nor what to avoid ✗"), lambda p: p.guidance, "guidance"),
            ],
            on_edit=self._edit,
            on_delete=self._delete,
            on_move=self._move,
        )
        self.table.setAccessibleName(_("Patterns"))
        # Arrows move between cells; Tab goes on to the next part of the panel.
        self.table.setTabKeyNavigation(False)
        fit_columns(self.table, fixed=(1,))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_sources())

        self.reuse_row = QWidget()
        self.reuse_choice = QComboBox()
        self.reuse_choice.setAccessibleName(_("Pattern from an earlier event"))
        # Translators: a button: bring a pattern from an earlier event into this one
        self.reuse_button = QPushButton(_("Reuse"))
        self.reuse_button.clicked.connect(self.reuse_selected)
        # Wraps when narrow: a pattern's name can be longer than the row.
        self.reuse_choice.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        reuse_layout = FlowLayout(self.reuse_row, spacing=8, line_spacing=4)
        reuse_label = QLabel(_("From earlier events:"))
        reuse_label.setBuddy(self.reuse_choice)
        reuse_layout.addWidget(reuse_label)
        reuse_layout.addWidget(self.reuse_choice)
        reuse_layout.addWidget(self.reuse_button)

        # Translators: a heading: the outcomes the selected pattern was learnt from
        self.sources_heading = heading(_("Learnt from"))
        # One line: the table beside it has the name in full, this only says which pattern is meant.
        self.sources_pattern = ElidedLabel()
        self.sources = Checklist()
        self.sources.setAccessibleName(_("Outcomes the selected pattern was learnt from"))
        self.sources.toggled.connect(self._source_toggled)
        self.sources_hint = QLabel()
        self.sources_hint.setProperty("role", "muted")
        self.sources_hint.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(self.quick_add)
        left.addWidget(self.table, 1)
        left.addWidget(self.reuse_row)
        right = QVBoxLayout()
        right.addWidget(self.sources_heading)
        right.addWidget(self.sources_pattern)
        right.addWidget(self.sources, 1)
        right.addWidget(self.sources_hint)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 3)
        layout.addLayout(right, 1)
        for first, second in [
            (self.quick_add.kind, self.quick_add.line),
            (self.quick_add.line, self.quick_add.button),
            (self.quick_add.button, self.table),
            (self.table, self.sources),
            (self.sources, self.reuse_choice),
            (self.reuse_choice, self.reuse_button),
        ]:
            self.setTabOrder(first, second)

    # -- drawing -----------------------------------------------------------

    def refresh(self) -> None:
        """Redraw the patterns, the checklist of the selected one, and what can be reused."""
        read_only = self.editor.read_only
        self.table.records.read_only = read_only
        self.quick_add.setVisible(not read_only)
        self.table.set_records(self.editor.event.patterns)
        if self.table.current_record() is None and self.table.records.rowCount():
            self.table.setCurrentIndex(self.table.records.index(0, 0))
        self._show_sources()
        self._show_reusable()

    def selected_pattern(self) -> Pattern | None:
        """Return the pattern selected in the table, or None."""
        return self.table.current_record()

    def _show_sources(self) -> None:
        pattern = self.selected_pattern()
        outcomes = self.editor.event.outcomes
        self.sources_pattern.set_full_text(_("“{name}”").format(name=pattern.name) if pattern else "")
        self.sources_pattern.setVisible(pattern is not None)
        linked = {o.id for o in pattern.outcomes} if pattern else set()
        self.sources.editable = pattern is not None and not self.editor.read_only
        self.sources.setToolTip(
            _("Space or a click ticks or clears the outcome") if self.sources.editable else ""
        )
        self.sources.set_entries([(o.id, _source_text(o), o.id in linked) for o in outcomes])
        self.sources.setVisible(bool(outcomes) and pattern is not None)
        if not outcomes:
            hint = _("No outcomes recorded yet.")
        elif pattern is None:
            hint = _("Select a pattern to see where it came from.")
        else:
            hint = ""  # the list says it all; how to tick is in its tooltip
        self.sources_hint.setText(hint)
        self.sources_hint.setVisible(bool(hint))

    def _show_reusable(self) -> None:
        event = self.editor.event
        choices: list[tuple[uuid.UUID, str]] = []
        if not self.editor.read_only:
            coalition_ids = [c.id for c in event.coalitions]

            def query(session):
                known = patterns.known_patterns(session, coalition_ids, exclude_event_id=event.id)
                return [(p.id, f"{kind_label(p.kind)}: {p.name}") for p in known]

            choices = self.editor.read(query)
        current = self.reuse_choice.currentData()
        self.reuse_choice.clear()
        for pattern_id, label in choices:
            self.reuse_choice.addItem(label, pattern_id)
        self.reuse_choice.setCurrentIndex(max(self.reuse_choice.findData(current), 0))
        self.reuse_row.setVisible(bool(choices))

    # -- editing -----------------------------------------------------------

    def add_record(self) -> None:
        """Put the cursor in the pattern name line."""
        if not self.editor.read_only:
            self.quick_add.focus()

    def reuse_selected(self) -> bool:
        """Bring the pattern chosen in "From earlier events" into this event."""
        pattern_id = self.reuse_choice.currentData()
        if pattern_id is None or self.editor.read_only:
            return False
        event_id = self.editor.event_id
        name = self.reuse_choice.currentText()
        ok = self.editor.call(
            _("Reuse pattern {name}").format(name=name),
            lambda session: patterns.reuse_pattern(session, event_id, pattern_id),
            lambda session: patterns.remove_pattern_from_event(session, event_id, pattern_id),
        )
        if ok:
            self.table.select_record(pattern_id)
        return ok

    def _add(self, name: str, kind: OutcomeKind) -> bool:
        event_id = self.editor.event_id
        pattern = self.editor.add(
            _("Add pattern “{name}”").format(name=name),
            Pattern,
            lambda session, rid: patterns.create_pattern(session, event_id, name, kind=kind, record_id=rid),
            event_id=event_id,
        )
        if pattern is None:
            return False
        # The checklist follows the selection, so the new pattern's sources
        # can be ticked right away.
        self.table.select_record(pattern.id)
        return True

    def _edit(self, pattern: Pattern, field: str, value) -> bool:
        return self.editor.update(
            _("Edit pattern “{name}”").format(name=pattern.name),
            Pattern,
            pattern.id,
            patterns.update_pattern,
            **{field: value},
        )

    def _delete(self, pattern: Pattern) -> None:
        self.editor.remove(
            _("Remove pattern “{name}”").format(name=pattern.name),
            Pattern,
            pattern.id,
            event_id=self.editor.event_id,
        )

    def _move(self, pattern: Pattern, index: int) -> None:
        event_id = self.editor.event_id
        old = self.table.records.row_of(pattern.id)
        self.editor.call(
            _("Move pattern “{name}”").format(name=pattern.name),
            lambda session: patterns.move_pattern(session, event_id, pattern.id, index),
            lambda session: patterns.move_pattern(session, event_id, pattern.id, old),
        )

    def _source_toggled(self, outcome_id: uuid.UUID, ticked: bool) -> None:
        pattern = self.selected_pattern()
        if pattern is None:
            return
        pattern_id = pattern.id
        link = lambda session: patterns.link_outcome(session, pattern_id, outcome_id)  # noqa: E731
        unlink = lambda session: patterns.unlink_outcome(session, pattern_id, outcome_id)  # noqa: E731
        if ticked:
            self.editor.call(_("Link “{name}” to an outcome").format(name=pattern.name), link, unlink)
        else:
            self.editor.call(_("Unlink “{name}” from an outcome").format(name=pattern.name), unlink, link)


def _source_text(outcome) -> str:
    # Words, not the ✓/✗ glyphs: next to a tick box a ✓ would read as "ticked".
    return f"{outcome.kind.label}: {outcome.title}"
