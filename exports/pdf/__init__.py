"""PDF documents of an event: the full summary, and one agreement per adopter.

Both take a fully loaded event (``facilitator.services.events.load_event``)
and return the PDF as bytes; writing files is ``exports.files``' job.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from exports.pdf.agreement import AgreementRenderer, adopters
from exports.pdf.summary import SummaryRenderer

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the documents only read them
    from facilitator.domain import Event

__all__ = ["adopters", "render_agreement", "render_summary"]


def render_summary(event: Event, *, page_size: str = "A4") -> bytes:
    """Return the event summary PDF ("A4" or "Letter").

    Raises:
        ValueError: an unknown page size.
    """
    return SummaryRenderer(event, page_size).render()


def render_agreement(event: Event, adopter_id: uuid.UUID, *, page_size: str = "A4") -> bytes:
    """Return the agreement PDF of one adopter ("A4" or "Letter").

    Raises:
        ValueError: the participant adopts nothing at this event, or an
            unknown page size.
    """
    return AgreementRenderer(event, adopter_id, page_size).render()
