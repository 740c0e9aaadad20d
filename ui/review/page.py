"""Everything captured at the event on one scrollable, read-only page, and closing it.

The page opens with what the event still leaves open, each item a link to
the place to fix it; closing with items open asks once, listing them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.followup.locate import Place
from facilitator.i18n import N_, _
from facilitator.services import participants, readiness
from facilitator.services.changes import Changes
from facilitator.services.readiness import OpenItem
from ui.editing import EventEditor
from ui.review import sections
from ui.review.closing import confirm_close
from ui.review.still_open import place_of, still_open

CLOSE_TEXT = N_("Close event")
REOPEN_TEXT = N_("Reopen event for edits")


class ReviewPage(QWidget):
    """The whole event, large and clear, with a button to close (or reopen) it.

    Redraws after every change to the event; while hidden it only notes that
    it is out of date and redraws when shown.

    Signals:
        open_requested(Place): an open item's link was activated: show that
            record where it is fixed (the event screen does).
    """

    open_requested = Signal(object)

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._stale = True
        # Why closing must wait (a task writing the event's documents), or "".
        self._close_held = ""
        #: What the event left open when the page was last drawn.
        self.open_items: list[OpenItem] = []
        # Parented from the start: a parentless button is a window of its own.
        self.close_button = QPushButton(_(CLOSE_TEXT), self)
        self.close_button.setProperty("role", "primary")
        self.close_button.clicked.connect(self.toggle_closed)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.scroll_area.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        editor.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        # The review shows every step's records: any change is its business.
        if not changes:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Rebuild the page from the loaded event, keeping the scroll position."""
        self._stale = False
        event = self.editor.event
        lines = participants.capacity_lines(event)
        # From the event the editor holds: it is caught up after every stored change.
        self.open_items = readiness.open_items_of(event)
        position = self.scroll_area.verticalScrollBar().value()

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 24, 32, 32)
        layout.setSpacing(10)
        top = QHBoxLayout()
        facts = QVBoxLayout()
        for widget in sections.title_block(event):
            facts.addWidget(widget)
        top.addLayout(facts, 1)
        # The button is re-parented into the new content; the old content is deleted below.
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        for part in (
            still_open(self.open_items, self.editor.read_only, self.open_item),
            sections.goals(event),
            sections.participants(event),
            sections.outcomes(event),
            sections.patterns(event),
            sections.agreement_section(event),
            sections.capacity(lines),
        ):
            layout.addSpacing(14)
            for widget in part:
                layout.addWidget(widget)
        layout.addStretch(1)

        self.close_button.setText(_(REOPEN_TEXT) if self.editor.read_only else _(CLOSE_TEXT))
        self._follow_close_state()
        old = self.scroll_area.takeWidget()
        self.scroll_area.setWidget(content)
        if old is not None:
            old.deleteLater()
        self.content = content
        self.scroll_area.verticalScrollBar().setValue(position)

    def hold_close(self, reason: str) -> None:
        """Hold the Close button back for ``reason``, as the window's Close event is; "" frees it.

        The window calls this whenever a background task starts or ends
        (ui/window_menus.py): closing waits while the event's documents are
        being written. Reopening a closed event is never held.
        """
        self._close_held = reason
        self._follow_close_state()

    def _follow_close_state(self) -> None:
        # A role that may only read can neither close nor reopen.
        if self.editor.db.read_only:
            self.close_button.setEnabled(False)
            self.close_button.setToolTip(self.editor.read_only_note(""))
            return
        held = "" if self.editor.read_only else self._close_held
        self.close_button.setEnabled(not held)
        self.close_button.setToolTip(held)

    def open_item(self, item: OpenItem) -> None:
        """Ask for the place where ``item`` is fixed to be shown."""
        place: Place = place_of(item, self.editor.event)
        self.open_requested.emit(place)

    def toggle_closed(self) -> bool:
        """Close the event, or reopen a closed one, after asking; return whether it changed."""
        return self.request_reopen() if self.editor.read_only else self.request_close()

    def request_close(self) -> bool:
        """Ask, naming what is still open, then mark the event closed (only a confirmed reopen undoes it).

        The list is made now from the editor's event, not taken from the last
        drawing: the page may be hidden and out of date when the menu closes the event.
        """
        items = readiness.open_items_of(self.editor.event)
        if not confirm_close(self, items):
            return False
        return self.editor.close_event()

    def request_reopen(self) -> bool:
        """Ask, then make a closed event editable again (closing it is again a confirmed step)."""
        answer = QMessageBox.question(
            self,
            _("Reopen event"),
            _("Reopen this event for edits?") + "\n\n" + _("Only do this to correct what was recorded."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.editor.reopen_event()
