"""The question asked before an event is closed: once, naming what is still open.

With nothing open it is the plain "Close this event?". With items open the
same one question lists them (how many, then each) and its buttons say what
they do: "Close anyway" or "Go back". It stays a ``QMessageBox.question``
so there is one place that asks, and its answer can be given in tests.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QChildEvent, QEvent, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.i18n import N_, _, ngettext
from facilitator.numbers import integer
from facilitator.services.readiness import OpenItem

TITLE = N_("Close event")
CLOSE_ANYWAY = N_("&Close anyway")
GO_BACK = N_("&Go back")
#: The most items the question lists; the rest are counted (the Review step lists them all).
MOST_LISTED = 12
_HISTORY = N_("It becomes history: nothing can be changed until it is reopened. Everything is already saved.")

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def close_question(items: Sequence[OpenItem]) -> str:
    """Return the text of the question, listing ``items`` when there are any."""
    history = _(_HISTORY)
    if not items:
        return _("Close this event?") + f"\n\n{history}"
    count = ngettext("{count} item is still open:", "{count} items are still open:", len(items))
    listed = [f"•  {item.text}" for item in items[:MOST_LISTED]]
    if len(items) > MOST_LISTED:
        more = len(items) - MOST_LISTED
        listed.append(
            ngettext(
                "…and {count} more (all are listed in the Review step).",
                "…and {count} more (all are listed in the Review step).",
                more,
            ).format(count=integer(more))
        )
    return (
        count.format(count=integer(len(items)))
        + "\n\n"
        + "\n".join(listed)
        + "\n\n"
        + _("Close the event anyway, or go back and fix them?")
        + f"\n{history}"
    )


class _ButtonTexts(QObject):
    """Names the Yes and No buttons of the question its parent is about to show.

    ``QMessageBox.question`` only offers standard buttons; the box is a child
    of the parent, polished just before it is shown, so that is when the
    texts change (and its text is made plain: items quote what users typed).
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished and isinstance(event, QChildEvent):
            box = event.child()
            if isinstance(box, QMessageBox):
                box.setTextFormat(Qt.TextFormat.PlainText)
                for button, text in ((Yes, CLOSE_ANYWAY), (No, GO_BACK)):
                    shown = box.button(button)
                    if shown is not None:
                        shown.setText(_(text))
        return False


def confirm_close(parent: QWidget, items: Sequence[OpenItem]) -> bool:
    """Ask once whether to close the event; return True when the facilitator says so.

    Args:
        parent: The widget the question belongs to.
        items: What the event still leaves open (may be empty).
    """
    text = close_question(items)
    if not items:
        return QMessageBox.question(parent, _(TITLE), text, Yes | No, No) == Yes
    namer = _ButtonTexts(parent)
    parent.installEventFilter(namer)
    try:
        return QMessageBox.question(parent, _(TITLE), text, Yes | No, No) == Yes
    finally:
        parent.removeEventFilter(namer)
        namer.deleteLater()
