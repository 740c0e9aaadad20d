"""Successes and failures the coalition shares with the room."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from facilitator import numbers
from facilitator.domain import Outcome, OutcomeKind
from facilitator.i18n import N_, _, ngettext
from facilitator.services import outcomes
from facilitator.services.changes import RecordKind
from ui.editing import EventEditor
from ui.flow_layout import FlowLayout
from ui.panels.shared.base import QuickAdd, RecordPanel, RecordTable
from ui.panels.shared.column_fit import fit_columns
from ui.panels.shared.record_model import Column

# A glyph and a word, so the difference survives a washed-out projector and
# colour blindness; both glyphs are in DejaVu Sans, the font the app ships with.
KIND_GLYPHS = {OutcomeKind.SUCCESS: "✓", OutcomeKind.FAILURE: "✗"}


def kind_label(kind: OutcomeKind | str) -> str:
    """Return "✓ Success" or "✗ Failure" for an outcome or pattern kind, in the language in use."""
    kind = OutcomeKind(kind)
    return f"{KIND_GLYPHS[kind]} {kind.label}"


def kind_choices() -> list[tuple[str, OutcomeKind]]:
    """Return the (label, kind) pairs of a kind drop-down, in the language in use."""
    return [(kind_label(kind), kind) for kind in KIND_GLYPHS]


def widen_kind_choice(combo: QComboBox) -> None:
    """Leave room for the drop-down arrow beside "✗ Failure" at projector sizes."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(max(len(label) for label, _kind in kind_choices()) + 2)


class OutcomesPanel(RecordPanel):
    """The event's successes and failures: quick add, then a table to refine them.

    Args:
        editor: the open event's editor; every change goes through it.
        parent: the owning widget.
    """

    shows = frozenset({RecordKind.EVENT, RecordKind.OUTCOME})

    title = N_("Outcomes")

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        choices = kind_choices()
        self.quick_add = QuickAdd(_("Outcome title…"), self._add, choices, button_text=_("Add outcome"))
        self.quick_add.kind.setAccessibleName(_("Kind of the new outcome"))
        widen_kind_choice(self.quick_add.kind)
        self.quick_add.line.setAccessibleName(_("Title of the new outcome"))
        self.table = RecordTable(
            [
                # Translators: a column header: success or failure
                Column(_("Kind"), lambda o: kind_label(o.kind), "kind", lambda o: o.kind, choices),
                # Translators: a column header: an outcome's title
                Column(_("Title"), lambda o: o.title, "title"),
                Column(_("What happened"), lambda o: o.what_happened, "what_happened"),
                Column(_("Evidence"), lambda o: o.evidence, "evidence"),
            ],
            on_edit=self._edit,
            on_delete=self._delete,
            on_move=self._move,
        )
        self.table.setAccessibleName(_("Outcomes"))
        # Arrows move between cells; Tab goes on to the next part of the panel.
        self.table.setTabKeyNavigation(False)
        fit_columns(self.table, fixed=(0,))
        self.tally = QLabel()
        self.tally.setProperty("role", "muted")
        # The tally shares the quick-add row: in the walk-through this panel
        # shares the height with the patterns, and every line counts. When the
        # row is too narrow (a high zoom), the tally goes below it.
        top = FlowLayout(spacing=12, line_spacing=4)
        top.addWidget(self.quick_add)
        top.addWidget(self.tally)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.quick_add.kind, self.quick_add.line)
        self.setTabOrder(self.quick_add.line, self.quick_add.button)
        self.setTabOrder(self.quick_add.button, self.table)

    def refresh(self) -> None:
        """Redraw the outcomes of the open event."""
        event = self.editor.event
        read_only = self.editor.read_only
        self.table.records.read_only = read_only
        self.quick_add.setVisible(not read_only)
        self.table.set_records(event.outcomes)
        successes = sum(1 for o in event.outcomes if o.kind == OutcomeKind.SUCCESS)
        failures = len(event.outcomes) - successes
        if event.outcomes:
            successes_text = ngettext("{count} success", "{count} successes", successes)
            failures_text = ngettext("{count} failure", "{count} failures", failures)
            self.tally.setText(
                f"✓ {successes_text.format(count=numbers.integer(successes))}   "
                f"✗ {failures_text.format(count=numbers.integer(failures))}"
            )
        else:
            self.tally.setText(_("No outcomes yet."))

    def add_record(self) -> None:
        """Put the cursor in the title line of the quick add."""
        if not self.editor.read_only:
            self.quick_add.focus()

    def _add(self, title: str, kind: OutcomeKind) -> bool:
        event_id = self.editor.event_id
        outcome = self.editor.add(
            _("Add outcome “{title}”").format(title=title),
            Outcome,
            lambda session, rid: outcomes.add_outcome(session, event_id, kind, title, record_id=rid),
        )
        if outcome is None:
            return False
        self.table.select_record(outcome.id)
        return True

    def _edit(self, outcome: Outcome, field: str, value) -> bool:
        return self.editor.update(
            _("Edit outcome “{title}”").format(title=outcome.title),
            Outcome,
            outcome.id,
            outcomes.update_outcome,
            **{field: value},
        )

    def _delete(self, outcome: Outcome) -> None:
        self.editor.remove(_("Delete outcome “{title}”").format(title=outcome.title), Outcome, outcome.id)

    def _move(self, outcome: Outcome, index: int) -> None:
        old = self.table.records.row_of(outcome.id)
        self.editor.call(
            _("Move outcome “{title}”").format(title=outcome.title),
            lambda session: outcomes.move_outcome(session, outcome.id, index),
            lambda session: outcomes.move_outcome(session, outcome.id, old),
        )
