"""The projected walk-through: where the room is, the question, and what it said."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from facilitator.agenda.model import Agenda, AgendaStep
from facilitator.i18n import N_, _
from facilitator.services import events
from facilitator.services.changes import Changes, RecordKind
from ui.actions import Act, shortcut_text
from ui.editing import EventEditor
from ui.panels.shared.base import heading
from ui.walkthrough.agenda_column import AgendaColumn
from ui.walkthrough.position import PositionLabel, fit_step_line
from ui.walkthrough.question import SHARE, QuestionView
from ui.walkthrough.step_panels import StepContent
from ui.walkthrough.timer import StepTimer, format_seconds
from ui.widgets import FillingScrollArea

# Below this page height (a 720p projector) the agenda's rows are tight and a
# table row shows two lines of text instead of three.
COMPACT_BELOW_HEIGHT = 800
# Below this page width, in average characters, the agenda column gives way.
NARROW_BELOW_CHARS = 70
# Below this page width, in average characters, the Present button gives way.
PRESENT_BUTTON_CHARS = 100
# The current step is stored this long after the last step change.
FLUSH_AFTER_MS = 400
CLOSED_TEXT = N_(
    "This event is closed: it is shown as it was recorded. Reopen it from the File menu to change it."
)
# A step's state in the agenda column (its tooltip); the state itself styles the row.
STATE_WORDS = {"done": N_("done"), "current": N_("current"), "upcoming": N_("upcoming")}


class WalkthroughPage(QWidget):
    """Step list, the current step's question large, its panels, and the timer."""

    step_changed = Signal(int)

    def __init__(self, editor: EventEditor, agenda: Agenda, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.agenda = agenda
        self.timer = StepTimer(editor, self)
        self.index = -1
        self._narrow = False

        self.agenda_column = AgendaColumn()
        self._take_column_controls()
        self._build_step_buttons()
        right = self._build_step_side()

        # At 200 % on a 720p projector even the steps and the timer are taller
        # than the page: then the column scrolls rather than push the window off the screen.
        self.column_scroll = FillingScrollArea(self.agenda_column)
        self.column_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.column_scroll)
        layout.addSpacing(16)
        layout.addLayout(right, 1)

        self._compact_rows: bool | None = None
        self._position_unsaved = False
        self._flush_timer = QTimer(self, singleShot=True, interval=FLUSH_AFTER_MS)
        self._flush_timer.timeout.connect(self.flush)
        self.timer.ticked.connect(self._show_time)
        self.timer.running_changed.connect(lambda _running: self._show_time())
        # Closing or reopening the event changes what may be edited here.
        editor.changed.connect(self._on_changed)
        self._show_prompts = True
        self.go_to(self._start_index(), store=False)

    def _take_column_controls(self) -> None:
        """Take the agenda column's step list, labels and timer buttons, and wire them."""
        column = self.agenda_column
        self.step_list = column.step_list
        self.step_list.itemClicked.connect(lambda item: self.go_to(self.step_list.row(item)))
        # Tight rows until the page is known to be tall: five roomy steps made
        # the window taller than a 720-pixel projector before its first resize.
        self.step_list.setProperty("compact", True)
        self.total_label = column.total_label
        self.prompts_label = column.prompts_label
        self.prompts_area = column.prompts_area
        self.timer_label = column.timer_label
        self.timer_button = column.timer_button
        self.timer_button.setToolTip(
            _("Start or pause the step timer ({keys})").format(keys=shortcut_text(Act.TIMER_TOGGLE))
        )
        self.timer_button.clicked.connect(self.timer.toggle)
        self.reset_button = column.reset_button
        self.reset_button.setToolTip(
            _("Set this step's time to zero ({keys})").format(keys=shortcut_text(Act.TIMER_RESET))
        )
        self.reset_button.clicked.connect(self.timer.reset)

    def _build_step_buttons(self) -> None:
        """Build Previous and Next; the step and timer buttons take the focus by Tab only."""
        self.previous_button = QPushButton(_("◀ Previous"))
        self.previous_button.setToolTip(
            _("Previous step ({keys})").format(keys=shortcut_text(Act.PREVIOUS_STEP))
        )
        self.previous_button.clicked.connect(self.previous_step)
        self.next_button = QPushButton(_("Next ▶"))
        self.next_button.setProperty("role", "primary")
        self.next_button.setToolTip(_("Next step ({keys})").format(keys=shortcut_text(Act.NEXT_STEP)))
        self.next_button.clicked.connect(self.next_step)
        # The room view on the projector (ui/room): the button the facilitator
        # finds where the step is moved on, as F5 is where presenters look.
        # Translators: a button that shows the room view on the projector
        self.present_button = QPushButton(_("Present"))
        self.present_button.setCheckable(True)
        self.present_button.setToolTip(
            _("Show the room view full screen on the projector ({keys})").format(
                keys=shortcut_text(Act.PRESENT)
            )
        )
        buttons = (self.timer_button, self.reset_button, self.present_button, self.previous_button)
        for button in (*buttons, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def _build_step_side(self) -> QVBoxLayout:
        """Build the page's main side: position and buttons, the question, the step's records."""
        self.position_label = PositionLabel()
        self.question = QuestionView()
        self.question_label = self.question.label
        # A closed event is history: said once, above the question, instead of
        # leaving the room to wonder why typing does nothing.
        self.closed_label = heading(_(CLOSED_TEXT), "notice")
        self.closed_label.setObjectName("closedNotice")

        top = QHBoxLayout()
        top.addWidget(self.position_label, 1)
        top.addWidget(self.present_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.previous_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignTop)

        self.contents = QStackedWidget()
        self.step_contents = [StepContent(self.editor, step) for step in self.agenda.steps]
        for content in self.step_contents:
            self.contents.addWidget(content)

        right = QVBoxLayout()
        right.addLayout(top)
        right.addWidget(self.closed_label)
        right.addWidget(self.question)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        right.addWidget(rule)
        right.addWidget(self.contents, 1)
        return right

    def _current_content(self) -> StepContent | None:
        """Return the records of the step shown (None while there is none)."""
        content = self.contents.currentWidget()
        return content if isinstance(content, StepContent) else None

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the side column and the question to the page: the records get the rest."""
        compact = event.size().height() < COMPACT_BELOW_HEIGHT
        if self.step_list.property("compact") != compact:
            self.step_list.setProperty("compact", compact)
            self.step_list.style().unpolish(self.step_list)
            self.step_list.style().polish(self.step_list)
        if self._compact_rows != compact:
            self._compact_rows = compact
            for content in self.step_contents:
                content.set_compact(compact)
        self._fit(event.size().width(), event.size().height())
        super().resizeEvent(event)

    def _fit(self, width: int | None = None, height: int | None = None) -> None:
        width = self.width() if width is None else width
        height = self.height() if height is None else height
        # On a page only a few dozen characters wide (200 % on a 720p
        # projector) the records need every pixel: the agenda column gives way,
        # the step's time moves into the line above the question, and the
        # step buttons keep only their arrows. Page Down, Page Up and Ctrl+T
        # work as ever.
        narrow = width < NARROW_BELOW_CHARS * max(self.fontMetrics().averageCharWidth(), 1)
        if narrow != self._narrow:
            self._narrow = narrow
            self.column_scroll.setVisible(not narrow)
            self._show_position()
        column = self.agenda_column.preferred_width(width)
        self.column_scroll.setFixedWidth(column)
        # Beside a long step title too the step buttons keep only their arrows; the Present
        # button yields its line then, and when the page is only a hundred characters wide
        # (a large zoom): F5 and the Room menu remain.
        chars = width / max(self.fontMetrics().averageCharWidth(), 1)
        room = width - 48 - (0 if narrow else column)  # the page's margins and spacing
        buttons = (self.present_button, self.previous_button, self.next_button)
        fit_step_line(self.position_label, *buttons, room, arrows=narrow, wide=chars >= PRESENT_BUTTON_CHARS)
        content = self._current_content()
        share = content.question_share if content is not None else SHARE
        self.question.set_budget(int(height * share))

    def changeEvent(self, event: QEvent) -> None:
        """Fit the page again after a zoom (a font or style change)."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # A new zoom: the column's width is measured in text.
            QTimer.singleShot(0, self, self._fit)

    def _start_index(self) -> int:
        """Return the step the event was left at; the first when this agenda has no such step."""
        step_id = self.editor.event.current_step_id
        if step_id and any(step.id == step_id for step in self.agenda.steps):
            return self.agenda.index_of(step_id)
        return 0

    @property
    def step(self) -> AgendaStep:
        """Return the current agenda step."""
        return self.agenda.steps[self.index]

    def show_presenting(self, presenting: bool) -> None:
        """Say on the Present button whether the room view is shown; its line is fitted again."""
        self.present_button.setChecked(presenting)
        self.present_button.setText(_("Stop presenting") if presenting else _("Present"))
        self._fit()

    def set_prompts_visible(self, visible: bool) -> None:
        """Show or hide the facilitator prompts (a remembered setting)."""
        self._show_prompts = visible
        self.prompts_area.setVisible(visible and bool(self.prompts_label.text()))
        self.agenda_column.fit()

    def go_to(self, index: int, *, store: bool = True) -> None:
        """Show step ``index``; remember it so reopening the event returns here."""
        if not 0 <= index < len(self.agenda.steps) or index == self.index:
            return
        self.index = index
        step = self.agenda.steps[index]
        self.contents.setCurrentIndex(index)
        prompts = "\n".join(f"• {p}" for p in step.prompts)
        self.prompts_label.setText(prompts)
        # The question's share follows the step, the column's width its prompts, the Present button its title.
        self._show_position()
        self._fit()
        self.question.set_text(step.question)
        self.prompts_area.setVisible(self._show_prompts and bool(prompts))
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.agenda.steps) - 1)
        self._show_steps()
        self.timer.set_step(step.id)  # shows the step's time (ticked)
        content = self._current_content()
        if self.isVisible() and content is not None:
            # Focus follows the room, so keys never act on a step it has left:
            # the cursor waits in the step's first field, and what the
            # facilitator types right after Page Down lands there.
            content.focus_first()
        self.agenda_column.fit()
        if store and not self.editor.read_only:
            # One write once the room settles on a step (a clicker may skip
            # through several): the screen never waits for the disk.
            self._position_unsaved = True
            self._flush_timer.start()
        self.step_changed.emit(index)

    def flush(self) -> None:
        """Store the current step and the timer readings in one transaction."""
        self._flush_timer.stop()
        if self.editor.read_only or self.index < 0:
            return
        step_id = self.step.id
        readings = self.timer.readings()
        move = self._position_unsaved
        event_id = self.editor.event_id

        def store(session: Session) -> None:
            if move:
                events.move_to_step(session, event_id, step_id)
            for step, seconds in readings.items():
                events.record_step_time(session, event_id, step, seconds)

        if self.editor.store(store):
            self._position_unsaved = False
            self.timer.mark_saved()

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the walk-through stores where the room was at once."""
        if self._flush_timer.isActive():
            self.flush()
        super().hideEvent(event)

    def next_step(self) -> None:
        """Go to the next step (Page Down, as presentation clickers send)."""
        self.go_to(self.index + 1)

    def previous_step(self) -> None:
        """Go to the previous step (Page Up)."""
        self.go_to(self.index - 1)

    def add_record(self) -> None:
        """Start adding a record in the current step."""
        content = self._current_content()
        if content is not None:
            content.add_record()

    def _show_steps(self) -> None:
        if self.step_list.count() != len(self.agenda.steps):
            self.step_list.clear()
            self.step_list.addItems(["" for _step in self.agenda.steps])
            rebuilt = True
        else:
            rebuilt = False
        for position, step in enumerate(self.agenda.steps):
            if position < self.index:
                mark, state = "✓", "done"
            elif position == self.index:
                mark, state = "▶", "current"
            else:
                mark, state = "  ", "upcoming"
            item = self.step_list.item(position)
            item.setText(self._step_text(position, mark))
            item.setData(Qt.ItemDataRole.UserRole, state)
            item.setToolTip(f"{step.title} — {_(STATE_WORDS[state])}")
        self.step_list.setCurrentRow(self.index)
        if rebuilt:
            self.step_list.fit_rows()

    def _show_time(self) -> None:
        step = self.step
        used = self.timer.seconds()
        limit = step.timebox_minutes * 60
        over = used > limit
        text = f"{format_seconds(used)} / {step.timebox_minutes}:00"
        if over:
            # On a line of its own: the side column is narrow, and the overrun
            # is the part the facilitator must not miss.
            text += "\n" + _("+{time} over").format(time=format_seconds(used - limit))
        self.timer_label.setText(text)
        if self._narrow:
            self._show_position()
        if self.timer_label.property("state") != ("over" if over else ""):
            self.timer_label.setProperty("state", "over" if over else "")
            self.timer_label.style().unpolish(self.timer_label)
            self.timer_label.style().polish(self.timer_label)
        self.timer_button.setText(_("Pause") if self.timer.running else _("Start timer"))
        self._show_closed()
        total, planned = format_seconds(self.timer.total_seconds()), f"{self.agenda.total_minutes}:00"
        self.total_label.setText(_("Event time {used} of {planned}").format(used=total, planned=planned))
        current = self.step_list.item(self.index)
        if current is not None:
            current.setText(self._step_text(self.index, "▶"))
            self.step_list.fit_rows()

    def _show_position(self) -> None:
        if self.index < 0:
            return
        step = self.step
        text = _("Step {number} of {count} · {title}").format(
            number=self.index + 1, count=len(self.agenda.steps), title=step.title
        )
        if self._narrow:
            used = self.timer.seconds()
            over = used - step.timebox_minutes * 60
            clock = f"{format_seconds(used)} / {step.timebox_minutes}:00"
            if over > 0:
                clock = _("{time}, {over} over").format(time=clock, over=format_seconds(over))
            text += f" · {clock}"
        self.position_label.setText(text)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.EVENT):
            self._show_closed()

    def _show_closed(self) -> None:
        # A closed event keeps its recorded times: nothing here may start a timer.
        read_only = self.editor.read_only
        self.closed_label.setVisible(read_only)
        self.closed_label.setText(self.editor.read_only_note(_(CLOSED_TEXT)))
        for button in (self.timer_button, self.reset_button):
            button.setEnabled(not read_only)

    def _step_text(self, position: int, mark: str) -> str:
        step = self.agenda.steps[position]
        used = format_seconds(self.timer.seconds(step.id))
        # Translators: the time used on a step against its timebox, e.g. "4:10 of 15:00"
        spent = _("{used} of {planned}").format(used=used, planned=f"{step.timebox_minutes}:00")
        return f"{mark} {position + 1}. {step.title}\n     {spent}"
