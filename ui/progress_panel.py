"""A strip under the error banner that shows the background work and offers Cancel.

It never takes the keyboard: the facilitator keeps typing where they were
while 25 agreements are written. Cancel is reached with the mouse or Tab,
never by a click that moves the focus away from a field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from facilitator.i18n import _
from ui.background import BackgroundTasks, Task


class TaskRow(QWidget):
    """One running task: what it is doing, a bar, and Cancel where cancelling is safe."""

    def __init__(self, task: Task, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.label = QLabel()
        # At the largest zoom on a 720p projector the text wraps rather than being cut.
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(task.title)
        self.bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The label says "7 of 25"; a percentage over the accent colour would not read well.
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setToolTip(_("Stop: {task}; nothing is written").format(task=task.title))
        # A click must not pull the focus out of the field the facilitator types in.
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.cancel_button.clicked.connect(task.cancel)
        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.bar, 1)
        below.addWidget(self.cancel_button)
        #: Work that must finish says so where Cancel would be (its tooltip says why).
        self.note = QLabel(task.note)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setToolTip(task.note_tip)
        below.addWidget(self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addLayout(below)
        # Only once it has a parent: a parentless widget made visible opens as a window of its own.
        self.cancel_button.setVisible(task.cancellable)
        self.note.setVisible(bool(task.note))
        task.progressed.connect(self.update_from_task)
        self.update_from_task()

    def update_from_task(self) -> None:
        """Show the task's latest report."""
        task = self.task
        self.label.setText(task.text)
        if task.total:
            self.bar.setRange(0, task.total)
            self.bar.setValue(task.done)
        else:
            self.bar.setRange(0, 0)  # moving, until the work knows how much there is
        self.cancel_button.setEnabled(not task.cancelling)


class ProgressPanel(QFrame):
    """Shows every running task of ``tasks``; hidden when none runs."""

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "progress")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rows: dict[Task, TaskRow] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 8, 16, 8)
        self._layout.setSpacing(8)
        tasks.started.connect(self._add)
        tasks.ended.connect(self._remove)
        self.hide()

    def row(self, kind: str) -> TaskRow | None:
        """Return the row of the running task of ``kind``, if any."""
        return next((row for task, row in self.rows.items() if task.kind == kind), None)

    def _add(self, task: Task) -> None:
        row = TaskRow(task, self)
        self.rows[task] = row
        self._layout.addWidget(row)
        self.show()

    def _remove(self, task: Task) -> None:
        row = self.rows.pop(task, None)
        if row is not None:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.setVisible(bool(self.rows))
