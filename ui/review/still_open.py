"""The review's "Still open" list: what the event leaves open, each item a link to where it is fixed.

An item names a record (:class:`~facilitator.services.readiness.OpenItem`);
the link takes the facilitator to the walk-through step that captures that
kind of record, with the record selected. Each item's text wraps on a narrow projector, and its
button is a Tab stop (Enter or Space opens it).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from facilitator.domain import Event
from facilitator.followup.locate import Place
from facilitator.i18n import N_, _, ngettext
from facilitator.numbers import integer
from facilitator.services.changes import RecordKind
from facilitator.services.readiness import OpenItem
from ui.review.sections import card, plain

# Translators: a button beside an open item that shows where it is fixed
GO_TEXT = N_("Go to fix")
NOTHING_OPEN = N_("Nothing is left open: every agreement is complete and every question answered.")

#: Where an open item of each kind is fixed: the capture kind of the panel.
#: A pattern with no boundaries is fixed on the boundaries step, not where it was named.
_CAPTURE_OF = {
    RecordKind.OUTCOME: "outcomes",
    RecordKind.PATTERN: "boundaries",
    RecordKind.AGREEMENT: "agreements",
    RecordKind.SUPPORT_ITEM: "agreements",
    RecordKind.CAPACITY: "capacity",
}


def place_of(item: OpenItem, event: Event) -> Place:
    """Return where the facilitator fixes ``item``.

    A support item is shown inside its agreement, so the agreement is the
    row to select; an over-commitment is accepted on the capacity strip,
    which the owner's id names.

    Args:
        item: One open item of ``event``.
        event: The loaded event the item belongs to.
    """
    row_id: uuid.UUID | None = item.record_id
    if item.kind == RecordKind.SUPPORT_ITEM:
        row_id = next(
            (a.id for a in event.agreements if any(s.id == item.record_id for s in a.support_items)),
            None,
        )
    return Place(_CAPTURE_OF.get(item.kind, "agreements"), row_id)


class GoButton(QPushButton):
    """A button that Enter presses too, as Space does: the facilitator tabs to an item and presses Enter."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.click()
            return
        super().keyPressEvent(event)


class ItemLink(QWidget):
    """One open item: its text, wrapping, and a "Go to fix" button that takes the facilitator there.

    A themed button rather than a rich-text link: it takes the theme's
    colours and focus frame (a link's colour is the platform's, unreadable
    on the dark and high-contrast themes), and Tab reaches each one in turn.
    Clicking the text opens the item too.
    """

    def __init__(self, item: OpenItem, on_open: Callable[[OpenItem], None]) -> None:
        super().__init__()
        self.item = item
        self.label = plain(item.text)
        self.label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.label.installEventFilter(self)
        self.button = GoButton(_(GO_TEXT))
        self.button.setAccessibleName(f"{_(GO_TEXT)}: {item.text}")
        self.button.setToolTip(_("Show the step and the record where this is fixed"))
        self.button.clicked.connect(lambda: on_open(item))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.label
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and not self.label.hasSelectedText()  # selecting the text to copy it is not a click
        ):
            self.button.click()
            return True
        return False


def still_open(items: Sequence[OpenItem], closed: bool, on_open: Callable[[OpenItem], None]) -> list[QWidget]:
    """Return the "Still open" heading and a card of links, or a sentence that nothing is.

    Args:
        items: What the event leaves open, in agenda order.
        closed: The event is closed: the list says what was left open.
        on_open: Called with the item whose link is activated.
    """
    title = _("Left open") if closed else _("Still open")
    if not items:
        return [plain(title, "heading"), card([plain(_(NOTHING_OPEN), "ok")])]
    if closed:
        count = ngettext("{count} item:", "{count} items:", len(items))
    else:
        count = ngettext(
            "{count} item to settle before the room leaves:",
            "{count} items to settle before the room leaves:",
            len(items),
        )
    links: list[QWidget] = [plain(count.format(count=integer(len(items))), "strong")]
    links += [ItemLink(item, on_open) for item in items]
    return [plain(title, "heading"), card(links)]
