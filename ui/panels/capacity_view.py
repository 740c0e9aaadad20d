"""Support capacity: hours promised against hours the owners said they have."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import participants
from facilitator.services.participants import CapacityLine
from ui.editing import EventEditor
from ui.panels.base import RecordPanel, heading
from ui.panels.support_text import format_hours, over_commitment_text
from ui.widgets import plain_label


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            # Hidden, not unparented: an unparented widget becomes a window, and
            # destroying a window makes Qt drop the keyboard focus.
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


class OverCommitmentBanner(QFrame):
    """One owner's over-commitment, in plain words, with the room's decision on it.

    Text above the button, so the banner stays readable in a narrow side column.
    """

    def __init__(self, line: CapacityLine, read_only: bool, on_accept, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = line
        # An accepted over-commitment stays visible, but as a card, not an alarm.
        self.setProperty("role", "card" if line.accepted else "banner")
        suffix = " · accepted by the room" if line.accepted else ""
        self.text = plain_label(over_commitment_text(line) + suffix, "" if line.accepted else "subheading")
        self.text.setObjectName("overCommitmentText")
        self.button = QPushButton("Withdraw acceptance" if line.accepted else "Accept over-commitment")
        self.button.setAccessibleName(f"{self.button.text()} for {line.owner_name}")
        self.button.clicked.connect(lambda: on_accept(line, not line.accepted))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        # Only after it has a parent: showing a parentless button opens it as a window.
        self.button.setVisible(not read_only)


def _left_text(line: CapacityLine) -> str:
    remaining = line.remaining_hours
    return f"{format_hours(-remaining)} over" if remaining < 0 else f"{format_hours(remaining)} left"


def _detail_text(line: CapacityLine) -> str:
    stated = "none stated" if line.stated_hours is None else f"of {format_hours(line.stated_hours)}"
    return f"{format_hours(line.promised_hours)} promised {stated}".replace("promised none", "promised, none")


class CapacityView(RecordPanel):
    """Live support capacity per owner, with over-commitments shown plainly.

    Each over-committed owner gets a banner naming the numbers and an
    "Accept over-commitment" button; an accepted one is shown as accepted.
    Only support measured in hours counts (the service decides which units).
    Laid out to stay readable in a narrow column beside the agreements.
    """

    title = "Support capacity"

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.lines: list[CapacityLine] = []
        self.banners: list[OverCommitmentBanner] = []
        self._banners = QVBoxLayout()
        self._banners.setSpacing(8)
        self._table = QGridLayout()
        self._card = QFrame()
        self._card.setProperty("role", "card")
        card_layout = QVBoxLayout(self._card)
        card_layout.setContentsMargins(14, 10, 14, 10)
        card_layout.addLayout(self._table)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(heading("Support capacity", "subheading"))
        body_layout.addLayout(self._banners)
        body_layout.addWidget(self._card)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self._scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(360, 400)

    def refresh(self) -> None:
        """Read the capacity report and redraw banners and the table."""
        event_id = self.editor.event_id
        self.lines = self.editor.read(lambda s: participants.capacity_report(s, event_id))
        self._draw_banners()
        self._draw_table()
        # Never narrower than a banner's button: a clipped "Accept" is no use to the room.
        body = self._scroll.widget()
        body.ensurePolished()  # the stylesheet sets the font the sizes depend on
        body.layout().activate()
        scrollbar = self._scroll.verticalScrollBar().sizeHint().width()
        self._scroll.setMinimumWidth(max(260, body.minimumSizeHint().width() + scrollbar))

    def banner_for(self, owner_id: uuid.UUID) -> OverCommitmentBanner | None:
        """Return the banner of an owner, or None when they are within capacity."""
        return next((b for b in self.banners if b.line.owner_id == owner_id), None)

    def shown_rows(self) -> list[list[str]]:
        """Return the owner table as text, row by row (what the room reads)."""
        rows = []
        for row in range(self._table.rowCount()):
            widgets: list[QLabel] = []
            for column in range(2):
                item = self._table.itemAtPosition(row, column)
                # A cell spanning both columns is found at both positions.
                if item is not None and item.widget() is not None and item.widget() not in widgets:
                    widgets.append(item.widget())
            rows.append([w.text() for w in widgets])
        return rows

    def _draw_banners(self) -> None:
        _clear(self._banners)
        self.banners = [
            OverCommitmentBanner(line, self.editor.read_only, self.accept)
            for line in self.lines
            if line.over_committed
        ]
        # Unaccepted ones first: they are what the room must still decide.
        for banner in sorted(self.banners, key=lambda b: b.line.accepted):
            self._banners.addWidget(banner)
            banner.show()  # now, not on the next loop turn, so the sizes below count it

    def _draw_table(self) -> None:
        # A fresh grid each time: QGridLayout never forgets rows it once had.
        # A plain layout, not a host widget: a widget would paint the window colour over the card.
        _clear(self._table)
        self._card.layout().removeItem(self._table)
        self._table.deleteLater()
        self._table = QGridLayout()
        self._table.setContentsMargins(0, 0, 0, 0)
        self._table.setHorizontalSpacing(16)
        self._table.setVerticalSpacing(2)
        self._table.setColumnStretch(0, 1)
        self._card.layout().addLayout(self._table)
        if not self.lines:
            self._table.addWidget(
                plain_label(
                    "No support owners yet. Hours appear here as soon as an owner states "
                    "their capacity or support in hours is promised.",
                    "muted",
                ),
                0, 0, 1, 2,
            )
            return
        row = 0
        for line in self.lines:
            left = plain_label(_left_text(line), "danger" if line.needs_attention else "")
            left.setWordWrap(False)
            left.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self._table.addWidget(plain_label(line.owner_name), row, 0)
            self._table.addWidget(left, row, 1)
            self._table.addWidget(plain_label(_detail_text(line), "muted"), row + 1, 0, 1, 2)
            self._table.setRowMinimumHeight(row + 2, 10)
            row += 3

    def accept(self, line: CapacityLine, accept: bool = True) -> bool:
        """Accept (or withdraw acceptance of) an owner's over-commitment, undoably."""
        event_id, owner_id = self.editor.event_id, line.owner_id
        text = "Accept over-commitment" if accept else "Withdraw acceptance"
        return self.editor.call(
            f"{text} of {line.owner_name}",
            lambda s: participants.accept_over_commitment(s, event_id, owner_id, accept=accept),
            lambda s: participants.accept_over_commitment(s, event_id, owner_id, accept=not accept),
        )
