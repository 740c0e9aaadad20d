"""The review's "Still open" list: what the event leaves open, each item a link to where it is fixed.

An item names a record (:class:`~facilitator.services.readiness.OpenItem`);
the link takes the facilitator to the walk-through step that captures that
kind of record, with the record selected. Each link is a label of its own, so
a long item wraps on a narrow projector, and Tab reaches it (Enter opens it).
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.domain import Event
from facilitator.followup.locate import Place
from facilitator.services.changes import RecordKind
from facilitator.services.readiness import OpenItem
from ui.review.sections import card, plain

NOTHING_OPEN = "Nothing is left open: every agreement is complete and every question answered."

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


class ItemLink(QLabel):
    """One open item as a link: click it, or Tab to it and press Enter."""

    def __init__(self, item: OpenItem, on_open: Callable[[OpenItem], None]) -> None:
        super().__init__(f'<a href="open">{html.escape(item.text)}</a>')
        self.item = item
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        # Keyboard access to the link also makes the label a Tab stop.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(item.text)
        self.setToolTip("Go to the place to fix this")
        self.linkActivated.connect(lambda _href: on_open(item))


def still_open(items: Sequence[OpenItem], closed: bool, on_open: Callable[[OpenItem], None]) -> list[QWidget]:
    """Return the "Still open" heading and a card of links, or a sentence that nothing is.

    Args:
        items: What the event leaves open, in agenda order.
        closed: The event is closed: the list says what was left open.
        on_open: Called with the item whose link is activated.
    """
    title = "Left open" if closed else "Still open"
    if not items:
        return [plain(title, "heading"), card([plain(NOTHING_OPEN, "ok")])]
    count = f"{len(items)} item" if len(items) == 1 else f"{len(items)} items"
    hint = "" if closed else " — each opens the place to fix it"
    links: list[QWidget] = [plain(f"{count}{hint}:", "strong")]
    links += [ItemLink(item, on_open) for item in items]
    return [plain(title, "heading"), card(links)]
