"""PDF documents of an event: the full summary, and one agreement per adopter.

Both take a fully loaded event (``facilitator.services.events.load_event``)
and return the PDF as bytes; writing files is ``exports.files``' job. Each is
written in its reader's language: the summary in the event's document
language, an agreement in its adopter's (else the event's); either falls back
to the app's. Only the thread that renders speaks it (``i18n.speaking``).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from exports.pdf.agreement import AgreementRenderer
from exports.pdf.summary import SummaryRenderer
from exports.values import adopters, document_language, reader_language
from facilitator.i18n import speaking

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the documents only read them
    from facilitator.domain import Event

__all__ = ["adopters", "render_agreement", "render_summary"]


def render_summary(event: Event, *, page_size: str = "A4", left_open: Sequence[str] | None = None) -> bytes:
    """Return the event summary PDF ("A4" or "Letter").

    Args:
        event: A fully loaded event.
        page_size: "A4" or "Letter".
        left_open: What the event leaves open (the texts of
            ``facilitator.services.readiness.open_items``). When not given,
            they are read through the event's session if it still has one;
            otherwise the summary says they were not checked.

    Raises:
        ValueError: an unknown page size.
    """
    with speaking(document_language(event)):
        if left_open is None:
            left_open = _open_item_texts(event)
        return SummaryRenderer(event, page_size, left_open).render()


def _open_item_texts(event: Event) -> list[str] | None:
    from sqlalchemy.orm import object_session

    from facilitator.services.readiness import open_items

    session = object_session(event)
    if session is None:
        return None
    return [item.text for item in open_items(session, event.id)]


def render_agreement(event: Event, adopter_id: uuid.UUID, *, page_size: str = "A4") -> bytes:
    """Return the agreement PDF of one adopter ("A4" or "Letter").

    Raises:
        ValueError: the participant adopts nothing at this event, or an
            unknown page size.
    """
    renderer = AgreementRenderer(event, adopter_id, page_size)
    with speaking(reader_language(event, renderer.adopter)):
        return renderer.render()
