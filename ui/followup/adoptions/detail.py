"""The selected agreement in the adoption tracker: what was agreed, its fit check and its status history."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator import numbers
from facilitator.dates import day
from facilitator.followup.adoption_row import NewCondition
from facilitator.followup.adoptions import AdoptionRow, StatusStep
from facilitator.i18n import _, ngettext
from ui.followup.adoptions.model import check_in_text, event_text
from ui.shared_database import READ_ONLY_TIP
from ui.widgets import heading


def history_line(step: StatusStep) -> str:
    """Return one status change as "Sat 14 Mar 2026 · Agreed → In progress · note"."""
    moved = f"{step.from_status.label} → {step.to_status.label}" if step.from_status else step.to_status.label
    return " · ".join(part for part in (day(step.changed_at.date()), moved, step.note) if part)


def condition_line(condition: NewCondition, with_pattern: bool = False) -> str:
    """Return a condition learnt later as "Breaks when: text — learnt at Mon 2 Mar 2026".

    ``with_pattern`` adds the pattern's name, for an agreement that adopted several.
    """
    if with_pattern:
        # Translators: a condition learnt after the agreement ("Breaks when: …"), of which pattern, and when
        text = _("{kind}: {condition} ({pattern}) — learnt at {date}")
    else:
        # Translators: a condition learnt after the agreement ("Breaks when: …"), and when
        text = _("{kind}: {condition} — learnt at {date}")
    return text.format(
        kind=condition.kind.label,
        condition=condition.text,
        pattern=condition.pattern,
        date=day(condition.learnt_on),
    )


def _set_role(label: QLabel, role: str) -> None:
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


def _value() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


# Under the table, the fields and the history stand side by side from this
# width, in average characters of text.
TWO_COLUMNS_FROM_CHARS = 80


class AdoptionDetail(QWidget):
    """Shows one agreement, its status history, and the buttons that act on it.

    Beside the table the history goes under the agreement; under the table
    (``set_beside(False)``) it stands at its right, so both get the pane's height.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading("", "subheading")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.status = _value()
        self.check_in = _value()
        self.patterns = _value()
        self.owners = _value()
        self.sponsor = _value()
        self.event_label = _value()
        self.fit = _value()
        self.open_questions = _value()
        self.new_conditions = _value()
        self.new_conditions.setAccessibleName(_("New conditions to check"))
        # One row with a short title: a wider title column would squeeze every value at a high zoom.
        fit = QWidget()
        fit_column = QVBoxLayout(fit)
        fit_column.setContentsMargins(0, 0, 0, 0)
        fit_column.setSpacing(2)
        for label in (self.fit, self.open_questions, self.new_conditions):
            fit_column.addWidget(label)
        self.history = QListWidget()
        self.history.setAccessibleName(_("Status history"))
        # Each change on its own wrapped lines, never cut off at the right edge.
        self.history.setWordWrap(True)
        self.history.setResizeMode(QListView.ResizeMode.Adjust)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.history.setAlternatingRowColors(True)
        #: The database may only be read (a lead's read-only role): statuses cannot change.
        self.read_only = False
        self.change_button = QPushButton(_("Change status…"))
        self.change_button.setProperty("role", "primary")
        self.open_button = QPushButton(_("Open event"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        for name, value in (
            (_("Status"), self.status),
            (_("Check-in"), self.check_in),
            # Translators: the fit check of an agreement, as the title of its answers
            (_("Fit"), fit),
            (_("Patterns"), self.patterns),
            (_("Owner(s)"), self.owners),
            (_("Sponsor"), self.sponsor),
            (_("Event"), self.event_label),
        ):
            label = QLabel(name)
            label.setAlignment(
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            )  # beside a value's first line
            form.addRow(label, value)
        self._buttons = buttons = QWidget()
        button_row = QHBoxLayout(buttons)
        button_row.setContentsMargins(0, 0, 0, 0)
        button_row.addWidget(self.change_button)
        button_row.addWidget(self.open_button)
        button_row.addStretch(1)
        fields = QWidget()
        fields.setLayout(form)
        # On a short screen the fields scroll rather than squeeze the history.
        self.fields_area = QScrollArea()
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields_area.setWidget(fields)
        history = QWidget()
        history_column = QVBoxLayout(history)
        history_column.setContentsMargins(0, 0, 0, 0)
        history_column.addWidget(heading(_("Status history"), "subheading"))
        history_column.addWidget(self.history, 1)
        # Who and the buttons, then the fields and the history: stacked beside
        # the table, in two columns under it.
        self.header = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.header.addWidget(self.title, 1)
        self.header.addWidget(buttons)
        self.parts = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.parts.setSpacing(16)
        self.parts.addWidget(self.fields_area, 1)
        self.parts.addWidget(history, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.header)
        layout.addLayout(self.parts, 1)
        self.show_row(None, [])

    def set_beside(self, beside: bool) -> None:
        """Stack everything (beside the table) or lay it out in two columns (under the table)."""
        self._beside = beside
        self._arrange()

    def _arrange(self) -> None:
        # Two columns under the table only while each has room for its text;
        # at a high zoom the history goes under the fields instead.
        roomy = self.width() >= TWO_COLUMNS_FROM_CHARS * self.fontMetrics().averageCharWidth()
        stacked = getattr(self, "_beside", True) or not roomy
        direction = QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        # The buttons beside the name while both have room (longer words in
        # some languages, a high zoom): else under it, never cut off.
        beside_name = (
            self.width() >= self._buttons.sizeHint().width() + 24 * self.fontMetrics().averageCharWidth()
        )
        self.header.setDirection(
            QBoxLayout.Direction.TopToBottom
            if getattr(self, "_beside", True) or not beside_name
            else QBoxLayout.Direction.LeftToRight
        )
        self.parts.setDirection(direction)
        # Stacked, the history is the longer part; side by side, both get the full height.
        self.parts.setStretch(1, 2 if stacked else 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._arrange()

    def show_row(self, row: AdoptionRow | None, history: Sequence[StatusStep]) -> None:
        """Show an agreement and its history; None clears the pane."""
        for button in (self.change_button, self.open_button):
            button.setEnabled(row is not None)
        if self.read_only:
            self.change_button.setEnabled(False)
            self.change_button.setToolTip(_(READ_ONLY_TIP))
        self.history.clear()
        if row is None:
            self.title.setText(_("Select an agreement to see its status history."))
            for label in (
                self.status,
                self.check_in,
                self.fit,
                self.open_questions,
                self.new_conditions,
                self.patterns,
                self.owners,
                self.sponsor,
                self.event_label,
            ):
                label.setText("")
            return
        team = f" ({row.adopter_team})" if row.adopter_team != row.adopter else ""
        self.title.setText(f"{row.adopter}{team}")
        reason = f" — {row.status_reason}" if row.status_reason else ""  # the reason as typed
        self.status.setText(row.status.label + reason)
        self.check_in.setText(check_in_text(row))
        _set_role(self.check_in, "danger" if row.overdue else "")
        self.fit.setText(row.fit_text)
        _set_role(self.fit, "danger" if row.fit.at_risk else "")
        count = row.open_questions
        self.open_questions.setText(
            ngettext("{count} open question", "{count} open questions", count).format(
                count=numbers.integer(count)
            )
        )
        several = len(row.patterns) > 1
        self.new_conditions.setText("\n".join(condition_line(c, several) for c in row.new_conditions))
        self.new_conditions.setVisible(bool(row.new_conditions))
        self.patterns.setText(", ".join(row.patterns) or "—")
        self.owners.setText(", ".join(row.owners) or "—")
        self.sponsor.setText(row.sponsor or "—")
        self.event_label.setText(f"{event_text(row)} ({', '.join(row.coalitions)})")
        self.history.addItems([history_line(step) for step in history])

    def history_lines(self) -> list[str]:
        """Return the history as shown, oldest first."""
        return [self.history.item(n).text() for n in range(self.history.count())]
