"""The fit check of one agreement: each condition of its patterns asked of the adopter's team.

Every "works when", "breaks when" and prerequisite of every adopted pattern
is a question the room answers from the keyboard (:mod:`fit_rows`). An
answer that puts the agreement at risk shows as a notice with the reason in
words; the room may accept the risk deliberately, and who accepted it, and
when, is recorded. Every answer and acceptance is one undoable edit.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from facilitator.dates import day_time
from facilitator.domain import Agreement, Participant, RiskAcceptance
from facilitator.i18n import _
from facilitator.services import fit
from ui.editing import EventEditor
from ui.flow_layout import FlowLayout
from ui.panels.agreements.fit_rows import Answer, FitQuestionRow, answer_keys, answer_of
from ui.panels.shared.people_combo import PeopleCombo
from ui.widgets import plain_label


def keys_hint() -> str:
    """Return the line that names the keys of the fit check, in the language in use."""
    answers = [f"{letter} {kind.label.lower()}" for letter, kind in answer_keys()]
    # Translators: the keys of the fit check, after the keys of the answers; name the keys as they are printed
    return " · ".join([*answers, _("Enter: note · Delete: no answer · Tab or ↓: next question")])


def _local(moment: dt.datetime) -> dt.datetime:
    # Stored in UTC; the room reads its own clock.
    return moment.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def accepted_text(acceptance: RiskAcceptance, people: Sequence[Participant]) -> str:
    """Return who accepted the risk (one of ``people``, the event's), and when, in words."""
    # By id: the loaded event holds the participants, not each acceptance's link to one.
    who = next((p.name for p in people if p.id == acceptance.accepted_by_id), None)
    when = day_time(_local(acceptance.accepted_at))
    if who is None:
        return _("Risk accepted by the room on {when}.").format(when=when)
    return _("Risk accepted by {name} on {when}.").format(name=who, when=when)


def _edit_text(before: Answer | None, after: Answer | None) -> str:
    # What the Edit menu's undo names.
    if after is None:
        return _("Take back fit answer")
    if before is None or before.kind != after.kind:
        return _("Fit answer: {answer}").format(answer=after.kind.label)
    return _("Note on fit answer") if before.note != after.note else _("Who finds out")


class RiskNotice(QFrame):
    """ "At risk", each reason in words, and the room's deliberate acceptance (or its withdrawal)."""

    def __init__(self, fit_check: FitCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = fit_check
        self.setProperty("role", "banner")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.title = plain_label(_("⚠ At risk"), "subheading")
        self.reasons = plain_label("", "strong")
        self.accepted = plain_label("", "strong")
        self.who = PeopleCombo()
        self.who.setAccessibleName(_("Who accepts the risk"))
        self.who_label = QLabel(_("Accepted &by"))
        self.who_label.setBuddy(self.who)
        self.accept_button = QPushButton(_("Accept the ris&k"))
        self.accept_button.clicked.connect(lambda: self._check.accept_risk(self.who.current_id()))
        self.withdraw_button = QPushButton(_("&Withdraw the acceptance"))
        self.withdraw_button.clicked.connect(self._check.withdraw_acceptance)
        actions = QWidget()
        row = FlowLayout(actions, spacing=8, line_spacing=4)
        for widget in (self.who_label, self.who, self.accept_button, self.withdraw_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        for part in (self.title, self.reasons, self.accepted, actions):
            layout.addWidget(part)

    def show_risks(self, agreement: Agreement, people: Sequence[Participant], read_only: bool) -> None:
        """Show the agreement's risks, and whether (and by whom) they were accepted."""
        reasons = fit.risks(agreement)
        acceptance = agreement.risk_acceptance
        self.title.setText(_("⚠ At risk — accepted deliberately") if acceptance else _("⚠ At risk"))
        self.reasons.setText("\n".join(reasons))
        self.accepted.setText(accepted_text(acceptance, people) if acceptance else "")
        self.accepted.setVisible(acceptance is not None)
        # An accepted risk stays in view, as a card rather than an alarm.
        role = "card" if acceptance else "banner"
        if self.property("role") != role:
            self.setProperty("role", role)
            self.style().unpolish(self)
            self.style().polish(self)
        self.who.set_people(people, agreement.sponsor_id)
        for widget in (self.who_label, self.who, self.accept_button):
            widget.setVisible(acceptance is None and not read_only)
        self.withdraw_button.setVisible(acceptance is not None and not read_only)


class FitCheck(QWidget):
    """The questions of the agreement given to ``show_agreement``, and its risk."""

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._agreement: Agreement | None = None
        self.rows: list[FitQuestionRow] = []
        # Alt+T puts the keyboard on the first question (the label's buddy).
        self.title = QLabel(_("Fi&t with the adopter’s context"))
        self.title.setProperty("role", "subheading")
        self.title.setWordWrap(True)
        self.keys = plain_label(keys_hint(), "muted")
        self.empty = plain_label(
            _("No conditions to check: the adopted patterns have no boundaries recorded yet."), "muted"
        )
        self.notice = RiskNotice(self)
        self._questions = QVBoxLayout()
        self._questions.setContentsMargins(0, 0, 0, 0)
        self._questions.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        for widget in (self.title, self.keys, self.empty, self.notice):
            layout.addWidget(widget)
        layout.addLayout(self._questions)

    # -- showing ---------------------------------------------------------

    def show_agreement(self, agreement: Agreement | None) -> None:
        """Show the questions of ``agreement`` (a freshly loaded one after every change)."""
        self._agreement = agreement
        if agreement is None:
            return
        people = self.editor.event.participants
        read_only = self.editor.read_only
        questions = fit.fit_questions(agreement)
        self.setVisible(bool(agreement.patterns))
        self.empty.setVisible(not questions)
        self.keys.setVisible(bool(questions) and not read_only)
        if [q.condition.id for q in questions] != [row.boundary_id for row in self.rows]:
            self._rebuild(questions)
        for row, question in zip(self.rows, questions, strict=True):
            row.show_question(question, people, read_only=read_only)
        self.notice.setVisible(fit.at_risk(agreement))
        self.notice.show_risks(agreement, people, read_only)
        self._fit_heights(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_heights(event.size().width())

    def _fit_heights(self, width: int) -> None:
        # Each card (full width), then the whole check, at least as tall as its
        # text wrapped at this width: the editor scrolls, never squeezes them.
        # Set here, when the check is resized or shows another agreement: a
        # card's own resize comes a layout pass too late for rows just built,
        # and the editor's scroll area works out the least height of what it
        # holds without the cards' minimum heights unless the check has one.
        if width <= 0:
            return
        for widget in (*self.rows, self.notice, self):
            layout = widget.layout()
            least = layout.totalHeightForWidth(width) if layout is not None else 0
            if least > 0 and least != widget.minimumHeight():
                widget.setMinimumHeight(least)

    def _rebuild(self, questions: Sequence[fit.FitQuestion]) -> None:
        # The questions changed (another agreement, patterns or boundaries): the
        # focus stays at the same place in the list.
        focused = next((i for i, row in enumerate(self.rows) if row.hasFocus()), None)
        for row in self.rows:
            # Hidden before it goes: destroying a focused widget makes Qt drop the focus.
            row.hide()
            row.deleteLater()
        self.rows = [FitQuestionRow(question, self._store, self._move, self) for question in questions]
        for row in self.rows:
            self._questions.addWidget(row)
            row.show()  # now, not on the layout's next turn: the keys may come at once
        if self.rows:
            self.title.setBuddy(self.rows[0])
        if focused is not None and self.rows:
            self.rows[min(focused, len(self.rows) - 1)].setFocus(Qt.FocusReason.OtherFocusReason)

    def row_for(self, boundary_id: uuid.UUID) -> FitQuestionRow | None:
        """Return the row of a condition, or None when the agreement does not ask it."""
        return next((row for row in self.rows if row.boundary_id == boundary_id), None)

    def focus_first_question(self) -> bool:
        """Put the keyboard on the first question; return False when there is none."""
        if not self.rows:
            return False
        self.rows[0].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _move(self, row: FitQuestionRow, step: int) -> bool:
        index = self.rows.index(row) + step
        if 0 <= index < len(self.rows):
            self.rows[index].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False

    # -- storing ---------------------------------------------------------

    def _store(self, boundary_id: uuid.UUID, answer: Answer | None) -> bool:
        agreement = self._agreement
        if agreement is None or self.editor.read_only:
            return False
        agreement_id = agreement.id
        question = next(q for q in fit.fit_questions(agreement) if q.condition.id == boundary_id)
        before = answer_of(question)
        if answer == before:
            return True
        text = _edit_text(before, answer)

        def put(value: Answer | None):
            def work(session):
                if value is None:
                    return fit.set_fit_answer(session, agreement_id, boundary_id, None)
                return fit.set_fit_answer(
                    session, agreement_id, boundary_id, value.kind, note=value.note, owner_id=value.owner_id
                )

            return work

        ok = self.editor.call(text, put(answer), put(before))
        if not ok:
            self.show_agreement(self._agreement)
        return ok

    def accept_risk(self, person_id: uuid.UUID | None) -> bool:
        """Record that the room agrees although at risk, accepted by ``person_id``."""
        agreement = self._agreement
        if agreement is None or self.editor.read_only or agreement.risk_acceptance is not None:
            return False
        agreement_id = agreement.id
        return self.editor.call(
            _("Accept the risk"),
            lambda s: fit.accept_risk(s, agreement_id, person_id),
            lambda s: fit.withdraw_risk_acceptance(s, agreement_id),
        )

    def withdraw_acceptance(self) -> bool:
        """Take back the room's acceptance of the risk (undo restores who accepted it)."""
        agreement = self._agreement
        acceptance = agreement.risk_acceptance if agreement else None
        if agreement is None or acceptance is None or self.editor.read_only:
            return False
        agreement_id, person_id, note = agreement.id, acceptance.accepted_by_id, acceptance.note
        return self.editor.call(
            _("Take back the risk acceptance"),
            lambda s: fit.withdraw_risk_acceptance(s, agreement_id),
            lambda s: fit.accept_risk(s, agreement_id, person_id, note=note),
        )
