"""Agendas as data: the model, the strict YAML loader and the catalog.

The schema of an agenda file is documented in ``agendas/README.md``. Texts for
people may be given in several languages and are read in the language in use
(:mod:`facilitator.agenda.texts`).
"""

from facilitator.agenda.catalog import DEFAULT_AGENDA_ID, AgendaCatalog, load_catalog
from facilitator.agenda.loader import (
    AGENDA_FORMAT,
    AGENDA_VERSION,
    MAX_AGENDA_BYTES,
    agenda_from_document,
    check_agenda_file,
    load_agenda,
    parse_agenda,
)
from facilitator.agenda.model import CAPTURE_KINDS, Agenda, AgendaStep
from facilitator.agenda.texts import Text
from facilitator.documents.errors import DocumentError

__all__ = [
    "AGENDA_FORMAT",
    "AGENDA_VERSION",
    "CAPTURE_KINDS",
    "DEFAULT_AGENDA_ID",
    "MAX_AGENDA_BYTES",
    "Agenda",
    "AgendaCatalog",
    "AgendaStep",
    "DocumentError",
    "Text",
    "agenda_from_document",
    "check_agenda_file",
    "load_agenda",
    "load_catalog",
    "parse_agenda",
]
