"""All agendas the app can offer: the shipped ones and the user's own files.

A broken user file is reported in :attr:`AgendaCatalog.problems` and skipped,
never raised: one bad file in the agenda folder must not hide the good ones
or stop the app from starting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from facilitator import numbers, paths
from facilitator.agenda.loader import MAX_AGENDA_BYTES, agenda_from_document, parse_agenda
from facilitator.agenda.model import Agenda
from facilitator.documents.errors import DocumentError
from facilitator.documents.loader import load_document
from facilitator.documents.located import START, error_at
from facilitator.documents.schema import expect_mapping, value_error
from facilitator.i18n import _, ngettext

DEFAULT_AGENDA_ID = "scale-across"
MAX_USER_AGENDAS = 200
"""More files than this in the agenda folder is a mistake, not a library."""

_SUFFIXES = (".yaml", ".yml")


@dataclass
class AgendaCatalog:
    """The agendas on offer, and what went wrong loading the others.

    Attributes:
        agendas: Shipped agendas first (the default one leading), then the
            user's agendas sorted by title.
        problems: One error per user file that could not be used.
    """

    agendas: list[Agenda] = field(default_factory=list)
    problems: list[DocumentError] = field(default_factory=list)

    def get(self, agenda_id: str) -> Agenda:
        """Return the agenda with ``agenda_id``.

        Raises:
            KeyError: If there is no such agenda (e.g. an old event's agenda
                file was deleted).
        """
        for agenda in self.agendas:
            if agenda.id == agenda_id:
                return agenda
        raise KeyError(agenda_id)

    @property
    def default(self) -> Agenda:
        """The shipped 60-minute Scale Across agenda."""
        return self.get(DEFAULT_AGENDA_ID)


def load_catalog(user_dir: Path | None = None) -> AgendaCatalog:
    """Load the shipped agendas and every agenda file in ``user_dir``.

    Args:
        user_dir: Folder of the user's ``*.yaml``/``*.yml`` agendas; defaults
            to :func:`facilitator.paths.user_agenda_dir`. A missing folder
            simply means no user agendas.
    """
    catalog = AgendaCatalog()
    shipped = _load_shipped(catalog.problems)
    shipped_ids = {agenda.id for agenda in shipped}
    user = _load_user(
        user_dir if user_dir is not None else paths.user_agenda_dir(),
        shipped_ids,
        catalog.problems,
    )
    shipped.sort(key=lambda agenda: (agenda.id != DEFAULT_AGENDA_ID, agenda.title.casefold()))
    user.sort(key=lambda agenda: (agenda.title.casefold(), agenda.id))
    catalog.agendas = shipped + user
    return catalog


def _load_shipped(problems: list[DocumentError]) -> list[Agenda]:
    agendas, shipped_problems = _read_shipped()
    problems.extend(shipped_problems)
    return list(agendas)


@lru_cache(maxsize=1)
def _read_shipped() -> tuple[tuple[Agenda, ...], tuple[DocumentError, ...]]:
    # The shipped files are package data and cannot change while the app runs,
    # so they are parsed once per process (the strict, located YAML reader
    # costs about 10 ms an agenda, and every opened event asks for the list).
    # Agendas are frozen, so sharing them is safe. Read through
    # importlib.resources so this works from an installed wheel, not only
    # from a source checkout.
    problems: list[DocumentError] = []
    agendas: list[Agenda] = []
    root = resources.files("agendas")
    for entry in sorted(root.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(_SUFFIXES) or not entry.is_file():
            continue
        source = str(entry)
        try:
            agendas.append(parse_agenda(entry.read_bytes(), source, shipped=True))
        except DocumentError as error:
            problems.append(error)
        except OSError as error:
            problems.append(
                error_at(
                    source, START, _("cannot read file: {problem}").format(problem=error.strerror or error)
                )
            )
    return tuple(agendas), tuple(problems)


def _load_user(directory: Path, taken: set[str], problems: list[DocumentError]) -> list[Agenda]:
    try:
        files = sorted(
            path
            for path in directory.iterdir()
            if path.suffix.lower() in _SUFFIXES and not path.name.startswith(".")
        )
    except FileNotFoundError:
        return []
    except OSError as error:
        problems.append(
            error_at(
                str(directory),
                START,
                _("cannot read folder: {problem}").format(problem=error.strerror or error),
            )
        )
        return []
    if len(files) > MAX_USER_AGENDAS:
        problems.append(
            error_at(
                str(directory),
                START,
                ngettext(
                    "the folder holds {count} agenda file; only the first {maximum} were read",
                    "the folder holds {count} agenda files; only the first {maximum} were read",
                    len(files),
                ).format(count=numbers.integer(len(files)), maximum=numbers.integer(MAX_USER_AGENDAS)),
            )
        )
        files = files[:MAX_USER_AGENDAS]
    used_by: dict[str, str] = {}
    agendas: list[Agenda] = []
    for path in files:
        source = str(path)
        try:
            document = load_document(path, max_bytes=MAX_AGENDA_BYTES)
            agenda = agenda_from_document(document, source)
        except DocumentError as error:
            problems.append(error)
            continue
        top = expect_mapping(document, "", source=source)
        if agenda.id in taken:
            problems.append(
                value_error(
                    top,
                    "id",
                    "",
                    _(
                        '"{id}" is the id of an agenda that comes with the app; give this agenda another id'
                    ).format(id=agenda.id),
                )
            )
        elif agenda.id in used_by:
            problems.append(
                value_error(
                    top,
                    "id",
                    "",
                    _('"{id}" is already the id of {file}; give this agenda another id').format(
                        id=agenda.id, file=used_by[agenda.id]
                    ),
                )
            )
        else:
            used_by[agenda.id] = source
            agendas.append(agenda)
    return agendas
