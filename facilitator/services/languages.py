"""The languages documents are written in: each event's, and each participant's own.

An event's documents (its summary, report and agreements) are written in its
document language, a participant's agreement and mail in that person's
language when they have one (``exports.values.document_language`` and
``reader_language`` read them). ``None`` means "the app's language" for an
event, "the event's" for a person. A language is stored as the code of a
catalog the app has (``de``), so a document never asks for one it cannot
write.

The language of documents is not part of what the room recorded: it may be
changed on a closed event too, e.g. to send an adopter their agreement in
their own language after the event.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from facilitator import i18n
from facilitator.domain import Event, Participant
from facilitator.i18n import _
from facilitator.services.common import get
from facilitator.services.errors import ServiceError

__all__ = ["clean_language", "set_document_language", "set_participant_language"]


def clean_language(value: object) -> str | None:
    """Return the catalog's code for a language name (``de``, ``de_AT``, ``de-DE.UTF-8`` → ``de``).

    ``None`` or empty text is ``None`` (the default language).

    Raises:
        ServiceError: no catalog speaks ``value``; the message names the languages there are.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ServiceError(_("a language must be given as a code like en or de"))
    wanted = value.strip()
    if not wanted:
        return None
    available = i18n.available_languages()
    code = i18n.match_language(wanted)
    if code is None or code not in available:
        raise ServiceError(
            _('there is no translation for "{language}"; documents can be written in: {available}').format(
                language=wanted[:40], available=", ".join(available)
            )
        )
    return code


def set_document_language(session: Session, event_id: uuid.UUID | str, code: str | None) -> Event:
    """Write the event's documents in ``code`` from now on; ``None`` writes them in the app's language.

    Raises:
        NotFoundError: there is no such event.
        ServiceError: the app has no catalog for ``code`` (nothing changes).
    """
    language = clean_language(code)
    event = get(session, Event, event_id)
    event.document_language = language
    return event


def set_participant_language(
    session: Session, participant_id: uuid.UUID | str, code: str | None
) -> Participant:
    """Write documents for this person in ``code``; ``None`` writes them in the event's document language.

    Raises:
        NotFoundError: there is no such participant.
        ServiceError: the app has no catalog for ``code`` (nothing changes).
    """
    language = clean_language(code)
    participant = get(session, Participant, participant_id)
    participant.language = language
    return participant
