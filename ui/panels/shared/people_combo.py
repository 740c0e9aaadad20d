"""Drop-downs of the event's participants, shown as "Name (Team)"."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from facilitator.domain import Participant
from ui.widgets import ElidingComboBox


class PeopleCombo(ElidingComboBox):
    """Pick one participant (or "— none —" when ``none_label`` is given).

    ``set_people`` never emits ``activated``: only a person's choice is an edit.
    "Name (Team)" can be longer than the field, at a high zoom or with a long
    team name: it then ends in "…" and the whole of it is in the tooltip,
    where a plain combo box would cut it off mid-letter.
    """

    def __init__(self, none_label: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._none_label = none_label
        self._ids: list[uuid.UUID | None] = []
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)

    def set_people(self, people: Sequence[Participant], current: uuid.UUID | None = None) -> None:
        """Offer ``people`` (in their order) and select ``current``."""
        blocked = self.blockSignals(True)
        try:
            self._fill(people, current)
        finally:
            self.blockSignals(blocked)
        self.update_tooltip()

    def _fill(self, people: Sequence[Participant], current: uuid.UUID | None) -> None:
        entries: list[tuple[str, uuid.UUID | None]] = [(p.display_name, p.id) for p in people]
        if self._none_label is not None:
            entries.insert(0, (self._none_label, None))
        if [value for _, value in entries] != self._ids or [
            self.itemText(i) for i in range(self.count())
        ] != [label for label, _ in entries]:
            self.clear()
            for label, value in entries:
                self.addItem(label, value)
            self._ids = [value for _, value in entries]
        self.select(current)

    def select(self, person_id: uuid.UUID | None) -> None:
        """Select a person by id (the "none" entry for None)."""
        if person_id in self._ids:
            self.setCurrentIndex(self._ids.index(person_id))
        elif self.isEditable():
            self.setCurrentIndex(-1)
            self.setEditText("")
        else:
            self.setCurrentIndex(0 if self._ids else -1)

    def current_id(self) -> uuid.UUID | None:
        """Return the selected participant's id, or None."""
        index = self.currentIndex()
        return self._ids[index] if 0 <= index < len(self._ids) else None


class AdopterPicker(PeopleCombo):
    """Type part of a name (or pick from the list) and press Enter.

    ``entered`` is emitted on Enter; ``chosen_id`` resolves what was typed to
    the one participant whose "Name (Team)" contains it.
    """

    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.line_edit().returnPressed.connect(self.entered)

    def line_edit(self) -> QLineEdit:
        """Return the line the adopter is typed into (the picker is always editable)."""
        line = self.lineEdit()
        assert line is not None  # editable since __init__
        return line

    def _fill(self, people: Sequence[Participant], current: uuid.UUID | None) -> None:
        # A redraw after someone else's edit must not wipe a half-typed name.
        typed = self.currentText()
        super()._fill(people, None)
        self.setEditText(typed)

    def chosen_id(self) -> uuid.UUID | None:
        """Return the participant named by the typed text, or None if none or several match."""
        typed = self.currentText().strip().casefold()
        if not typed:
            return None
        labels = [self.itemText(i).casefold() for i in range(self.count())]
        if typed in labels:
            return self._ids[labels.index(typed)]
        matches = [i for i, label in enumerate(labels) if typed in label]
        return self._ids[matches[0]] if len(matches) == 1 else None

    def clear_choice(self) -> None:
        """Empty the line for the next adopter."""
        self.setCurrentIndex(-1)
        self.setEditText("")
