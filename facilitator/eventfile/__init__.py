"""Event files: one whole event as YAML or JSON, to prepare by hand or pass on.

The format is documented in ``docs/event-file-format.md``. Typical use::

    export_event(session, event_id, "checkout.yaml")
    doc = read_event_file("checkout.yaml")          # checks everything first
    with db.transaction() as session:
        event = import_event(session, doc)
"""

from facilitator.eventfile.errors import EventFileError
from facilitator.eventfile.export import (
    dump_event_document,
    event_to_document,
    export_event,
    format_for,
)
from facilitator.eventfile.importer import (
    import_event,
    import_event_file,
    parse_event_file,
    read_event_file,
)
from facilitator.eventfile.records import EventDocument
from facilitator.eventfile.schema import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    validate_event_document,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "EventDocument",
    "EventFileError",
    "dump_event_document",
    "event_to_document",
    "export_event",
    "format_for",
    "import_event",
    "import_event_file",
    "parse_event_file",
    "read_event_file",
    "validate_event_document",
]
