"""The projected walk-through: where the room is, the question, and what it said."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.agenda.model import Agenda
from facilitator.services import events
from ui.actions import Act, shortcut_text
from ui.editing import EventEditor
from ui.panels.base import heading
from ui.walkthrough.step_panels import StepContent
from ui.walkthrough.timer import StepTimer, format_seconds

# Below this page height (a 720p projector) the question uses the heading size
# so the room still sees the records; at 1080p it is the full question size.
COMPACT_BELOW_HEIGHT = 800
# The current step is stored this long after the last step change.
FLUSH_AFTER_MS = 400


class WalkthroughPage(QWidget):
    """Step list, the current step's question large, its panels, and the timer."""

    step_changed = Signal(int)

    def __init__(self, editor: EventEditor, agenda: Agenda, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.agenda = agenda
        self.timer = StepTimer(editor, self)
        self.index = -1

        self.step_list = QListWidget(objectName="stepList")
        self.step_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_list.setWordWrap(True)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.itemClicked.connect(lambda item: self.go_to(self.step_list.row(item)))
        # Tight rows until the page is known to be tall: five roomy steps made
        # the window taller than a 720-pixel projector before its first resize.
        self.step_list.setProperty("compact", True)
        self.total_label = QLabel()
        self.total_label.setProperty("role", "muted")
        # Prompts are for the facilitator: they sit beside the agenda, not
        # between the question and what the room is saying.
        self.prompts_label = heading("", "prompt")
        self.prompts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.prompts_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.timer_label = QLabel()
        self.timer_label.setProperty("role", "timer")
        self.timer_button = QPushButton()
        self.timer_button.setToolTip(f"Start or pause the step timer ({shortcut_text(Act.TIMER_TOGGLE)})")
        self.timer_button.clicked.connect(self.timer.toggle)
        reset = QPushButton("Reset")
        reset.setToolTip(f"Set this step's time to zero ({shortcut_text(Act.TIMER_RESET)})")
        reset.clicked.connect(self.timer.reset)
        self.previous_button = QPushButton("◀ Previous")
        self.previous_button.setToolTip(f"Previous step ({shortcut_text(Act.PREVIOUS_STEP)})")
        self.previous_button.clicked.connect(self.previous_step)
        self.next_button = QPushButton("Next ▶")
        self.next_button.setProperty("role", "primary")
        self.next_button.setToolTip(f"Next step ({shortcut_text(Act.NEXT_STEP)})")
        self.next_button.clicked.connect(self.next_step)
        for button in (self.timer_button, reset, self.previous_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        timer_buttons = QHBoxLayout()
        timer_buttons.addWidget(self.timer_button, 1)
        timer_buttons.addWidget(reset)

        left_widget = QWidget()
        left_widget.setFixedWidth(320)
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(heading("Agenda", "subheading"))
        left.addWidget(self.step_list)
        left.addSpacing(8)
        left.addWidget(self.timer_label)
        left.addLayout(timer_buttons)
        left.addWidget(self.total_label)
        left.addSpacing(8)
        # On a short screen the prompts scroll rather than push the window
        # taller than the projector.
        self.prompts_area = QScrollArea()
        self.prompts_area.setWidgetResizable(True)
        self.prompts_area.setFrameShape(QFrame.Shape.NoFrame)
        self.prompts_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.prompts_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.prompts_area.setWidget(self.prompts_label)
        # Below its scroll bar's own minimum too: the steps and the timer come
        # first, and a larger zoom or font must not push the window off the screen.
        self.prompts_area.setMinimumHeight(1)
        left.addWidget(self.prompts_area, 1)

        self.position_label = heading("", "subheading")
        self.question_label = heading("", "question")
        self.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(self.position_label, 1)
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)

        self.contents = QStackedWidget()
        for step in agenda.steps:
            self.contents.addWidget(StepContent(editor, step))

        right = QVBoxLayout()
        right.addLayout(top)
        right.addWidget(self.question_label)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        right.addWidget(rule)
        right.addWidget(self.contents, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(left_widget)
        layout.addSpacing(16)
        layout.addLayout(right, 1)

        self._position_unsaved = False
        self._flush_timer = QTimer(self, singleShot=True, interval=FLUSH_AFTER_MS)
        self._flush_timer.timeout.connect(self.flush)
        self.timer.ticked.connect(self._show_time)
        self.timer.running_changed.connect(lambda _running: self._show_time())
        self._show_prompts = True
        start_at = agenda.index_of(editor.event.current_step_id) if self._known_step() else 0
        self.go_to(start_at, store=False)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Use the compact question size and step rows on short screens (the 28 pt rule is for 1080p)."""
        compact = event.size().height() < COMPACT_BELOW_HEIGHT
        if self.question_label.property("compact") != compact:
            self.question_label.setProperty("compact", compact)
            self.question_label.style().unpolish(self.question_label)
            self.question_label.style().polish(self.question_label)
        if self.step_list.property("compact") != compact:
            self.step_list.setProperty("compact", compact)
            self.step_list.style().unpolish(self.step_list)
            self.step_list.style().polish(self.step_list)
            self._fit_step_list()
        super().resizeEvent(event)

    def _known_step(self) -> bool:
        step_id = self.editor.event.current_step_id
        return bool(step_id) and any(step.id == step_id for step in self.agenda.steps)

    @property
    def step(self):
        """Return the current agenda step."""
        return self.agenda.steps[self.index]

    def set_prompts_visible(self, visible: bool) -> None:
        """Show or hide the facilitator prompts (a remembered setting)."""
        self._show_prompts = visible
        self.prompts_area.setVisible(visible and bool(self.prompts_label.text()))

    def go_to(self, index: int, *, store: bool = True) -> None:
        """Show step ``index``; remember it so reopening the event returns here."""
        if not 0 <= index < len(self.agenda.steps) or index == self.index:
            return
        self.index = index
        step = self.agenda.steps[index]
        self.contents.setCurrentIndex(index)
        self.position_label.setText(f"Step {index + 1} of {len(self.agenda.steps)} · {step.title}")
        self.question_label.setText(step.question)
        prompts = "\n".join(f"• {p}" for p in step.prompts)
        self.prompts_label.setText(prompts)
        self.prompts_area.setVisible(self._show_prompts and bool(prompts))
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.agenda.steps) - 1)
        self.timer.set_step(step.id)
        if self.isVisible():
            # Focus follows the room, so keys never act on a step it has left;
            # Ctrl+Enter then starts the step's first record. (Focusing the
            # first field itself would restyle it on every switch.)
            self.contents.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_steps()
        self._show_time()
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

        def store(session) -> None:
            if move:
                events.move_to_step(session, event_id, step_id)
            for step, seconds in readings.items():
                events.record_step_time(session, event_id, step, seconds)

        if self.editor.store(store):
            self._position_unsaved = False
            self.timer.mark_saved()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API)
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
        self.contents.currentWidget().add_record()

    def _show_steps(self) -> None:
        if self.step_list.count() != len(self.agenda.steps):
            self.step_list.clear()
            self.step_list.addItems(["" for _ in self.agenda.steps])
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
            item.setToolTip(f"{step.title} — {state}")
        self.step_list.setCurrentRow(self.index)
        if rebuilt:
            self._fit_step_list()

    def _fit_step_list(self) -> None:
        # Every step stays visible; the item delegate's hint leaves out the
        # stylesheet's item border, hence the few pixels per row.
        rows = sum(self.step_list.sizeHintForRow(r) + 6 for r in range(self.step_list.count()))
        self.step_list.setFixedHeight(rows + 2 * self.step_list.frameWidth())

    def _show_time(self) -> None:
        step = self.step
        used = self.timer.seconds()
        limit = step.timebox_minutes * 60
        over = used > limit
        text = f"{format_seconds(used)} / {step.timebox_minutes}:00"
        if over:
            text += f"  +{format_seconds(used - limit)} over"
        self.timer_label.setText(text)
        if self.timer_label.property("state") != ("over" if over else ""):
            self.timer_label.setProperty("state", "over" if over else "")
            self.timer_label.style().unpolish(self.timer_label)
            self.timer_label.style().polish(self.timer_label)
        self.timer_button.setText("Pause" if self.timer.running else "Start timer")
        total = format_seconds(self.timer.total_seconds())
        self.total_label.setText(f"Event time {total} of {self.agenda.total_minutes}:00")
        current = self.step_list.item(self.index)
        if current is not None:
            current.setText(self._step_text(self.index, "▶"))

    def _step_text(self, position: int, mark: str) -> str:
        step = self.agenda.steps[position]
        used = format_seconds(self.timer.seconds(step.id))
        return f"{mark} {position + 1}. {step.title}\n     {used} of {step.timebox_minutes}:00"
