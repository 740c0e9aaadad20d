"""How the event documents word a record's values: the plain wording of ``exports.values``.

Plain strings, not yet markup: a caller passes them through ``markup.text``
(``blocks.para``) like any other user text. Only the running footer is the
PDF's own (it marks a right-to-left name for the line it sits in).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exports.pdf.markup import embedded
from exports.values import (
    amount_text,
    coalition_names,
    date_text,
    event_name,
    person_text,
    status_text,
    support_headline,
)
from facilitator.i18n import _

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the documents only read them
    from facilitator.domain import Event

__all__ = [
    "amount_text",
    "coalition_names",
    "date_text",
    "event_name",
    "person_text",
    "running_footer",
    "status_text",
    "support_headline",
]


def running_footer(event: Event) -> str:
    """Return the line that names the event at the foot of every page."""
    # Translators: the foot of every page of an event document: the event's name and date
    return _("{event} · {date}").format(event=embedded(event_name(event)), date=date_text(event.date))
