"""Writing exported documents to disk: atomically, with one clear error."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from exports.errors import ExportError
from exports.names import adopter_file_name
from exports.values import adopters
from facilitator.durable import missing_folder
from facilitator.durable import write_atomically as replace_atomically
from facilitator.i18n import _
from facilitator.progress import Progress, report

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; exporting only reads them
    from facilitator.domain import Event

__all__ = [
    "ExportError",
    "adopter_file_name",
    "export_agreement",
    "export_agreements",
    "export_summary",
    "missing_folder",
    "write_atomically",
]


def cannot_write(path: Path, reason: str) -> ExportError:
    """Return the one error of every export: "cannot write <path>: <reason>"."""
    # Translators: a file could not be written, e.g. "cannot write /x/a.pdf: permission denied"
    return ExportError(_("cannot write {path}: {reason}").format(path=path, reason=reason))


def _reason(error: OSError, path: Path) -> str:
    if isinstance(error, IsADirectoryError):
        return _("it is a folder")
    if isinstance(error, (NotADirectoryError, FileExistsError)):
        blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), path.parent)
        return _("{path} is a file, not a folder").format(path=blocker)
    if isinstance(error, PermissionError):
        return _("permission denied")
    # The system's own words (already in the system's language).
    return error.strerror or str(error)


def write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so it holds the old content or the new, never half.

    A missing folder is created with its parents. The bytes go to a temporary
    file in the same folder, are flushed to disk, and the temporary file is
    renamed over ``path`` (the app's one implementation,
    ``facilitator.durable``).

    Raises:
        ExportError: "cannot write <path>: <reason>"; ``path`` is left as it
            was and no temporary file remains.
    """
    path = Path(path)
    if path.is_dir():
        raise cannot_write(path, _("it is a folder"))
    try:
        replace_atomically(path, data)
    except OSError as error:
        raise cannot_write(path, _reason(error, path)) from error
    return path


def export_summary(
    event: Event, path: Path, *, page_size: str = "A4", left_open: Sequence[str] | None = None
) -> Path:
    """Render the event summary and write it to ``path``.

    ``left_open`` is what the event leaves open, as for ``render_summary``.
    """
    from exports.pdf import render_summary  # ReportLab loads when a PDF is made, not for a CSV

    return write_atomically(Path(path), render_summary(event, page_size=page_size, left_open=left_open))


def export_agreement(event: Event, adopter_id: uuid.UUID, path: Path, *, page_size: str = "A4") -> Path:
    """Render one adopter's agreement and write it to ``path``."""
    from exports.pdf import render_agreement

    return write_atomically(Path(path), render_agreement(event, adopter_id, page_size=page_size))


def export_agreements(
    event: Event, folder: Path, *, page_size: str = "A4", progress: Progress | None = None
) -> list[Path]:
    """Write one agreement PDF per adopter into ``folder``; return the paths written.

    An event without agreements writes nothing and returns []. A missing
    folder is created with its parents. Every document is rendered before the
    first is written, so a rendering problem leaves the folder untouched.
    Existing files of the same name are replaced (a re-export updates them).

    Args:
        event: A fully loaded event.
        folder: Where the PDFs go.
        page_size: "A4" or "Letter".
        progress: Told (adopters rendered, adopters in all) after each
            agreement; the last report comes before the first file is
            written, so a ``Cancelled`` from it leaves no file and no folder.

    Raises:
        ExportError: the folder cannot be made or a file cannot be written.
        Cancelled: ``progress`` stopped the export; nothing was written.
    """
    from exports.pdf import render_agreement

    folder = Path(folder)
    people = adopters(event)
    if not people:
        return []
    if folder.exists() and not folder.is_dir():
        raise cannot_write(folder, _("it is a file, not a folder"))
    taken: set[str] = set()
    documents: list[tuple[Path, bytes]] = []
    for person in people:
        path = folder / adopter_file_name(event, person, taken)
        documents.append((path, render_agreement(event, person.id, page_size=page_size)))
        report(progress, len(documents), len(people))
    return [write_atomically(path, data) for path, data in documents]
