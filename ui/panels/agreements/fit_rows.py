"""One question of the fit check: a condition of an adopted pattern, and the room's answer."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import FitAnswerKind, Participant
from facilitator.i18n import N_, _
from facilitator.services.fit import FitQuestion
from ui.flow_layout import FlowLayout
from ui.panels.agreements.support_text import NONE_LABEL
from ui.panels.shared.people_combo import PeopleCombo
from ui.widgets import fit_placeholder, plain_label

#: The key for each answer on a focused question (the digits work too), as the room reads them;
#: marked here, in the language in use from :func:`answer_keys`.
ANSWER_KEYS: tuple[tuple[str, FitAnswerKind], ...] = (
    # Translators: the key (one letter A-Z) that answers "Holds" in the fit check; unlike the other two
    (N_("H"), FitAnswerKind.HOLDS),
    # Translators: the key (one letter A-Z) that answers "Does not hold" in the fit check
    (N_("N"), FitAnswerKind.DOES_NOT_HOLD),
    # Translators: the key (one letter A-Z) that answers "Not known yet" in the fit check
    (N_("K"), FitAnswerKind.NOT_KNOWN),
)


def answer_keys() -> list[tuple[str, FitAnswerKind]]:
    """Return the key letter of each answer in the language in use ("H", "N", "K" in English)."""
    return [(_(letter).strip().upper()[:1], kind) for letter, kind in ANSWER_KEYS]


def _keys() -> dict[int, FitAnswerKind]:
    # A letter's Qt key is its upper-case code point; the digits 1, 2, 3 answer in any language.
    keys = {int(getattr(Qt.Key, f"Key_{n + 1}").value): kind for n, (_key, kind) in enumerate(ANSWER_KEYS)}
    keys.update({ord(letter): kind for letter, kind in answer_keys() if letter})
    return keys


_FOCUS_PEN = 4  # pixels of the frame around the question the keys answer


@dataclass(frozen=True)
class Answer:
    """What the room said about one condition: stored as is, and restored as is by undo."""

    kind: FitAnswerKind
    note: str = ""
    owner_id: uuid.UUID | None = None


def answer_of(question: FitQuestion) -> Answer | None:
    """Return the stored answer of ``question`` as an :class:`Answer`, or None."""
    stored = question.answer
    return None if stored is None else Answer(stored.answer, stored.note, stored.owner_id)


def _scroll_into_view(widget: QWidget) -> None:
    # Every scroll area around it (the editor's and the step's) brings the question into view.
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 8)
        parent = parent.parentWidget()


class FitQuestionRow(QFrame):
    """One condition, its pattern, and the answer: H, N or K (or 1, 2, 3) answers it.

    Tab and Down go to the next question, Shift+Tab and Up to the previous
    one; Enter goes into the note (then Tab to the owner of a "not known
    yet"), Delete takes the answer back. ``store(boundary_id, answer)``
    stores a new answer (None: no answer) as one undoable edit.
    """

    def __init__(
        self,
        question: FitQuestion,
        store: Callable[[uuid.UUID, Answer | None], bool],
        move: Callable[[FitQuestionRow, int], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Never squeezed below its wrapped text: the editor scrolls instead.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.boundary_id = question.condition.id
        self._store = store
        self._move = move
        self._answer: Answer | None = None
        self.read_only = False
        self.condition = plain_label("", "subheading")
        self.source = plain_label("", "muted")
        self.buttons: dict[FitAnswerKind, QPushButton] = {}
        answers = QWidget()
        answer_row = FlowLayout(answers, spacing=8, line_spacing=4)
        for letter, kind in answer_keys():
            button = QPushButton(f"{letter}  {kind.label}")
            # The keys answer; the buttons show which answer is given (and take a click).
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, k=kind: self.answer(k))
            self.buttons[kind] = button
            answer_row.addWidget(button)
        self.risk = plain_label("", "danger")
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("Note (optional), Enter stores it"))
        self.note.setAccessibleName(_("Note on the answer"))
        fit_placeholder(self.note)
        self.note.editingFinished.connect(self._store_note)
        # Translators: who finds out whether a condition not known yet holds
        self.owner_label = QLabel(_("Who finds out"))
        self.owner = PeopleCombo(_(NONE_LABEL))
        self.owner.setAccessibleName(_("Who finds out"))
        self.owner_label.setBuddy(self.owner)
        self.owner.activated.connect(lambda _index: self._store_owner())
        details = QWidget()
        detail_row = FlowLayout(details, spacing=8, line_spacing=4)
        for widget in (self.note, self.owner_label, self.owner):
            detail_row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        for part in (self.condition, self.source, answers, self.risk, details):
            layout.addWidget(part)
        self.show_question(question, (), read_only=False)

    # -- showing ---------------------------------------------------------

    def show_question(self, question: FitQuestion, people: Sequence[Participant], *, read_only: bool) -> None:
        """Show ``question`` (freshly loaded) and its answer; ``read_only`` for a closed event."""
        self.read_only = read_only
        condition = question.condition
        self.condition.setText(condition.text)
        self.source.setText(f"{question.pattern.name} · {condition.kind.label}")
        self._answer = answer_of(question)
        given = self._answer.kind if self._answer else None
        for kind, button in self.buttons.items():
            chosen = kind == given
            button.setProperty("role", "primary" if chosen else "")
            button.setText(f"{'✓ ' if chosen else ''}{self._letter(kind)}  {kind.label}")
            button.setEnabled(not read_only)
            button.style().unpolish(button)
            button.style().polish(button)
        risk = question.risk
        self.risk.setText(f"⚠ {risk}" if risk else "")
        self.risk.setVisible(bool(risk))
        if not self.note.hasFocus():
            self.note.setText(self._answer.note if self._answer else "")
        self.note.setVisible(self._answer is not None)  # a note belongs to an answer
        self.note.setReadOnly(read_only)
        not_known = given == FitAnswerKind.NOT_KNOWN
        self.owner.set_people(people, self._answer.owner_id if self._answer else None)
        self.owner.setEnabled(not read_only)
        self.owner_label.setVisible(not_known)
        self.owner.setVisible(not_known)
        # Translators: a fit question no one has answered yet (read out by a screen reader)
        answered = given.label if given else _("not answered")
        self.setAccessibleName(f"{condition.text} — {answered}")

    @staticmethod
    def _letter(kind: FitAnswerKind) -> str:
        return next(letter for letter, k in answer_keys() if k == kind)

    def answer_text(self) -> str:
        """Return the answer as the room reads it ("Holds", "Not known yet"), or "" when none."""
        return self._answer.kind.label if self._answer else ""

    # -- keys ------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        keys = _keys()
        if plain and key in keys:
            self.answer(keys[key])
        elif plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._save(None)
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.note.isHidden():
            self.note.setFocus(Qt.FocusReason.TabFocusReason)
        elif plain and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._move(self, 1 if key == Qt.Key.Key_Down else -1)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab on the question itself goes to the next question, not into its note.
        if self.hasFocus() and self._move(self, 1 if next else -1):
            return True
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        _scroll_into_view(self)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            # A thick frame in the focus colour: the room sees which question the keys answer.
            painter = QPainter(self)
            painter.setPen(QPen(QColor(self.palette().highlight().color()), _FOCUS_PEN))
            half = _FOCUS_PEN // 2
            painter.drawRoundedRect(self.rect().adjusted(half, half, -half, -half), 6, 6)

    # -- storing ---------------------------------------------------------

    def answer(self, kind: FitAnswerKind) -> bool:
        """Give ``kind`` as the answer, keeping the note (and the owner of a "not known yet")."""
        before = self._answer
        note = before.note if before else ""
        owner = before.owner_id if before and kind == FitAnswerKind.NOT_KNOWN else None
        return self._save(Answer(kind, note, owner))

    def _store_note(self) -> None:
        if self._answer is not None and self.note.text().strip() != self._answer.note:
            self._save(Answer(self._answer.kind, self.note.text().strip(), self._answer.owner_id))

    def _store_owner(self) -> None:
        if self._answer is not None and self.owner.current_id() != self._answer.owner_id:
            self._save(Answer(self._answer.kind, self._answer.note, self.owner.current_id()))

    def _save(self, answer: Answer | None) -> bool:
        if self.read_only or answer == self._answer:
            return False
        return self._store(self.boundary_id, answer)
