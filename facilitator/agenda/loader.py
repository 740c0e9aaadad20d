"""Read an agenda YAML file strictly (schema: ``agendas/README.md``)."""

from __future__ import annotations

from pathlib import Path

from facilitator.agenda.model import CAPTURE_KINDS, Agenda, AgendaStep
from facilitator.agenda.texts import read_text, read_text_list
from facilitator.documents.loader import load_document, parse_document
from facilitator.documents.located import LocatedMapping, error_at
from facilitator.documents.schema import (
    at_index,
    check_keys,
    expect_mapping,
    get_enum_list,
    get_int,
    get_sequence,
    get_slug,
    get_text,
    value_error,
)
from facilitator.i18n import _

AGENDA_FORMAT = "scale-across-agenda"
AGENDA_VERSION = 1
MAX_AGENDA_BYTES = 256 * 1024
MAX_STEPS = 30
MAX_TIMEBOX_MINUTES = 240
MAX_PROMPTS = 20

_TITLE_LENGTH = 120
_QUESTION_LENGTH = 1000
_PROMPT_LENGTH = 500
_NOTES_LENGTH = 5000

_TOP_REQUIRED = {"format", "version", "id", "title", "steps"}
_TOP_OPTIONAL = {"description"}
_STEP_REQUIRED = {"id", "title", "question", "timebox_minutes", "captures"}
_STEP_OPTIONAL = {"prompts", "notes"}

__all__ = [
    "AGENDA_FORMAT",
    "AGENDA_VERSION",
    "MAX_AGENDA_BYTES",
    "agenda_from_document",
    "check_agenda_file",
    "load_agenda",
    "parse_agenda",
]


def load_agenda(path: Path | str, *, shipped: bool = False) -> Agenda:
    """Load and validate the agenda file at ``path`` (at most 256 KB).

    Raises:
        DocumentError: Naming the file, line, column and problem.
    """
    document = load_document(path, max_bytes=MAX_AGENDA_BYTES)
    return agenda_from_document(document, str(path), shipped=shipped)


def check_agenda_file(path: Path | str) -> Agenda:
    """Validate an agenda file, e.g. before copying it into the agenda folder."""
    return load_agenda(path)


def parse_agenda(data: bytes, source: str, *, shipped: bool = False) -> Agenda:
    """Validate agenda YAML given as bytes (``source`` names it in messages)."""
    document = parse_document(data, source, max_bytes=MAX_AGENDA_BYTES)
    return agenda_from_document(document, source, shipped=shipped)


def agenda_from_document(document: object, source: str, *, shipped: bool = False) -> Agenda:
    """Build an :class:`Agenda` from a loaded document, checking every rule."""
    top = expect_mapping(document, "", source=source)
    _check_format(top)
    check_keys(top, "", required=_TOP_REQUIRED, optional=_TOP_OPTIONAL)
    agenda_id = get_slug(top, "id", "")
    title = read_text(top, "title", "", single_line=True, max_length=_TITLE_LENGTH)
    description = read_text(
        top, "description", "", required=False, allow_empty=True, max_length=_NOTES_LENGTH
    )
    items = get_sequence(top, "steps", "", min_items=1, max_items=MAX_STEPS, item_name="step")
    steps: list[AgendaStep] = []
    first_line: dict[str, int] = {}
    for index, item in enumerate(items):
        where = at_index("steps", index)
        raw = expect_mapping(item, where, source=source, mark=items.item_mark(index))
        step = _step(raw, where)
        if step.id in first_line:
            raise value_error(
                raw,
                "id",
                where,
                _('duplicate step id "{id}" (first used on line {line})').format(
                    id=step.id, line=first_line[step.id]
                ),
            )
        first_line[step.id] = raw.value_mark("id").line
        steps.append(step)
    return Agenda(
        id=agenda_id,
        title_text=title,
        description_text=description,
        steps=tuple(steps),
        source=source,
        shipped=shipped,
    )


def _check_format(top: LocatedMapping) -> None:
    # Checked before the other keys so that a file that is not an agenda at
    # all (an event file, a random YAML) says so instead of listing keys.
    if "format" not in top:
        raise error_at(
            top.source,
            top.mark,
            _('missing required key "format"; an agenda file starts with "format: {format}"').format(
                format=AGENDA_FORMAT
            ),
        )
    found = get_text(top, "format", "", single_line=True)
    if found != AGENDA_FORMAT:
        raise value_error(
            top,
            "format",
            "",
            _('must be "{format}", got "{found}"').format(format=AGENDA_FORMAT, found=found[:40]),
        )
    if "version" not in top:
        raise error_at(top.source, top.mark, _('missing required key "version"'))
    version = get_int(top, "version", "")
    if version != AGENDA_VERSION:
        raise value_error(
            top,
            "version",
            "",
            _("unsupported agenda version {version} (this app reads version {supported})").format(
                version=version, supported=AGENDA_VERSION
            ),
        )


def _step(raw: LocatedMapping, where: str) -> AgendaStep:
    check_keys(raw, where, required=_STEP_REQUIRED, optional=_STEP_OPTIONAL)
    return AgendaStep(
        id=get_slug(raw, "id", where),
        title_text=read_text(raw, "title", where, single_line=True, max_length=_TITLE_LENGTH),
        question_text=read_text(raw, "question", where, max_length=_QUESTION_LENGTH),
        prompt_texts=read_text_list(raw, "prompts", where, max_items=MAX_PROMPTS, max_length=_PROMPT_LENGTH),
        notes_text=read_text(raw, "notes", where, required=False, allow_empty=True, max_length=_NOTES_LENGTH),
        timebox_minutes=get_int(
            raw,
            "timebox_minutes",
            where,
            minimum=1,
            maximum=MAX_TIMEBOX_MINUTES,
            unit="minutes",
        ),
        captures=get_enum_list(raw, "captures", where, CAPTURE_KINDS),
    )
