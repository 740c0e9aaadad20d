"""Support capacity: hours promised against hours the owners said they have."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator import numbers
from facilitator.i18n import N_, _
from facilitator.services import participants
from facilitator.services.participants import CapacityLine
from ui.editing import EventEditor
from ui.flow_layout import FlowLayout
from ui.panels.agreements.support_text import format_hours, over_commitment_text
from ui.panels.shared.base import RecordPanel
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

    One line above the agreements: the sentence, and beside it the button for
    the room's decision (the sentence wraps when the window is narrow).
    """

    def __init__(self, line: CapacityLine, read_only: bool, on_accept, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = line
        # An accepted over-commitment stays visible, but as a card, not an alarm.
        self.setProperty("role", "card" if line.accepted else "banner")
        suffix = " · " + _("accepted by the room") if line.accepted else ""
        self.text = plain_label(over_commitment_text(line) + suffix, "" if line.accepted else "strong")
        self.text.setObjectName("overCommitmentText")
        self.button = QPushButton(_("Withdraw acceptance") if line.accepted else _("Accept over-commitment"))
        self.button.setAccessibleName(
            (
                _("Withdraw acceptance for {name}")
                if line.accepted
                else _("Accept over-commitment for {name}")
            ).format(name=line.owner_name)
        )
        self.button.clicked.connect(lambda: on_accept(line, not line.accepted))
        # The button beside the sentence (which wraps), or below it when the
        # window leaves the sentence too little room for that.
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(12, 6, 12, 6)
        self._layout.setSpacing(12)
        self._layout.addWidget(self.text, 1)
        self._layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        # Only after it has a parent: showing a parentless button opens it as a window.
        self.button.setVisible(not read_only)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        margins, frame = self._layout.contentsMargins(), self.contentsMargins()
        edges = margins.left() + margins.right() + frame.left() + frame.right() + self._layout.spacing()
        room = event.size().width() - self.button.sizeHint().width() - edges
        # Beside while the sentence keeps its characters a line and its longest word (a long name).
        sentence = self.text.fontMetrics().averageCharWidth() * SENTENCE_CHARS
        least = max(sentence, self.text.minimumSizeHint().width())
        beside = room >= least
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
            self._layout.setAlignment(
                self.button, Qt.AlignmentFlag.AlignVCenter if beside else Qt.AlignmentFlag.AlignRight
            )


# The button stays beside a banner's sentence while the sentence keeps this many characters a line.
SENTENCE_CHARS = 30


def _left_text(line: CapacityLine) -> str:
    remaining = line.remaining_hours
    if remaining < 0:
        # Translators: hours promised beyond what an owner has, e.g. "6 h over"
        return _("{hours} over").format(hours=format_hours(-remaining))
    # Translators: hours an owner has left to promise, e.g. "6 h left"
    return _("{hours} left").format(hours=format_hours(remaining))


def _detail_text(line: CapacityLine) -> str:
    promised = format_hours(line.promised_hours)
    if line.stated_hours is None:
        return _("{promised} promised, none stated").format(promised=promised)
    # Translators: e.g. "30 h promised of 24 h": promised of the hours the owner said they have
    return _("{promised} promised of {stated}").format(
        promised=promised, stated=format_hours(line.stated_hours)
    )


class OwnerCapacity(QWidget):
    """One owner in the capacity line: name, what is left (or over), promised of stated."""

    def __init__(self, line: CapacityLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = plain_label(line.owner_name, "strong")
        self.left = plain_label(_left_text(line), "danger" if line.needs_attention else "")
        # Translators: after an owner's hours: the room accepted their over-commitment
        accepted = " · " + _("accepted") if line.over_committed and line.accepted else ""
        self.detail = plain_label(_detail_text(line) + accepted, "muted")
        layout = FlowLayout(self, spacing=8, line_spacing=0)
        for label in (self.name, self.left, self.detail):
            layout.addWidget(label)

    def texts(self) -> list[str]:
        """Return what the room reads, in order."""
        return [self.name.text(), self.left.text(), self.detail.text()]


class CapacityView(RecordPanel):
    """Live support capacity per owner, with over-commitments shown plainly.

    A strip above the agreements rather than a column beside them: the
    agreements need the width more than the capacity needs the height. Each
    over-committed owner gets a one-line banner naming the numbers with an
    "Accept over-commitment" button (an accepted one is shown as accepted);
    below, one line gives the hours of every other owner, wrapping when
    narrow (an owner is never said twice: every line counts on a projector).
    Only support measured in hours counts (the service decides which units).
    """

    shows = participants.CAPACITY_REPORT_READS

    title = N_("Support capacity")

    def __init__(self, editor: EventEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.lines: list[CapacityLine] = []
        self.banners: list[OverCommitmentBanner] = []
        self.owners: list[OwnerCapacity] = []
        self._owners_shown: list[QWidget] = []  # the owners' line as drawn (an owner, or "no owners yet")
        self._banners = QVBoxLayout()
        self._banners.setSpacing(4)
        # Over-commitments the room accepted are decided: the owners' line says
        # so, and their cards (with "Withdraw acceptance") wait behind a toggle
        # instead of taking a line each above the agreements.
        self.accepted_box = QWidget()
        self._accepted = QVBoxLayout(self.accepted_box)
        self._accepted.setContentsMargins(0, 0, 0, 0)
        self._accepted.setSpacing(4)
        self.accepted_box.hide()
        self.toggle = QPushButton()
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._show_accepted)
        self.heading = QLabel(_("Support capacity:"))
        self.heading.setProperty("role", "strong")
        # One flow of heading, owners and toggle: an owner starts the next line
        # only when it does not fit beside the one before.
        self._row = QWidget()
        self._owners = FlowLayout(self._row, spacing=16, line_spacing=2)
        self._owners.addWidget(self.heading)
        self._owners.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(4)
        layout.addLayout(self._banners)
        layout.addWidget(self._row)
        layout.addWidget(self.accepted_box)

    def hasHeightForWidth(self) -> bool:
        # A strip above the agreements: every wrapped line of it must show.
        layout = self.layout()
        return layout is not None and layout.hasHeightForWidth()

    def refresh(self) -> None:
        """Read the capacity report and redraw banners and the owners' line."""
        event_id = self.editor.event_id
        self.lines = self.editor.read(lambda s: participants.capacity_report(s, event_id))
        self._draw_banners()
        self._draw_owners()

    def show_record(self, record_id: uuid.UUID) -> None:
        """Put the keyboard on an over-committed owner's decision (an open item the lead opened)."""
        self.refresh_if_stale()
        banner = self.banner_for(record_id)
        if banner is not None and banner.button.isVisible():
            banner.button.setFocus(Qt.FocusReason.OtherFocusReason)

    def banner_for(self, owner_id: uuid.UUID) -> OverCommitmentBanner | None:
        """Return the banner of an owner, or None when they are within capacity."""
        return next((b for b in self.banners if b.line.owner_id == owner_id), None)

    def shown_rows(self) -> list[list[str]]:
        """Return the owners' line as text, owner by owner (what the room reads).

        Over-committed owners are in their banners instead.
        """
        return [owner.texts() for owner in self.owners]

    def _draw_banners(self) -> None:
        _clear(self._banners)
        _clear(self._accepted)
        self.banners = [
            OverCommitmentBanner(line, self.editor.read_only, self.accept)
            for line in self.lines
            if line.over_committed
        ]
        for banner in self.banners:
            (self._accepted if banner.line.accepted else self._banners).addWidget(banner)
            banner.show()  # now, not on the next loop turn, so the sizes below count it
        self.toggle.setVisible(any(banner.line.accepted for banner in self.banners))
        self.toggle.setToolTip(_("Show or hide the over-commitments the room accepted, to withdraw one"))
        self._show_accepted(self.toggle.isChecked())

    def _show_accepted(self, shown: bool) -> None:
        accepted = sum(banner.line.accepted for banner in self.banners)
        # Translators: a button that shows the over-commitments the room accepted, and how many
        label = _("Accepted ({count})").format(count=numbers.integer(accepted))
        self.toggle.setText(f"{label} {'▾' if shown else '▸'}")
        self.accepted_box.setVisible(shown and bool(accepted))

    def _draw_owners(self) -> None:
        for widget in self._owners_shown:
            self._owners.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._owners.removeWidget(self.toggle)
        # An owner the room must still decide on is in a banner, not again here.
        self.owners = [OwnerCapacity(line) for line in self.lines if not line.needs_attention]
        self._owners_shown = list(self.owners)
        for owner in self.owners:
            self._owners.addWidget(owner)
            owner.show()
        # Every owner is in a banner: the line would only repeat its heading.
        self._row.setVisible(bool(self.owners) or not self.lines)
        if not self.lines:
            empty = plain_label(
                _(
                    "No support owners yet. Hours appear here as soon as an owner states "
                    "their capacity or support in hours is promised."
                ),
                "muted",
            )
            self._owners.addWidget(empty)
            empty.show()
            self._owners_shown.append(empty)
        self._owners.addWidget(self.toggle)

    def accept(self, line: CapacityLine, accept: bool = True) -> bool:
        """Accept (or withdraw acceptance of) an owner's over-commitment, undoably."""
        event_id, owner_id = self.editor.event_id, line.owner_id
        text = _("Accept over-commitment of {name}") if accept else _("Withdraw acceptance of {name}")
        return self.editor.call(
            text.format(name=line.owner_name),
            lambda s: participants.accept_over_commitment(s, event_id, owner_id, accept=accept),
            lambda s: participants.accept_over_commitment(s, event_id, owner_id, accept=not accept),
        )
