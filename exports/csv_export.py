"""CSV files for spreadsheets: an event's agreements and support, the adoption tracker, the history.

One writer (``csv_bytes``) serves every table: RFC 4180 (minimal quoting,
``\\r\\n`` between records), UTF-8, a byte order mark when asked for (Excel
reads UTF-8 without one as the system's old code page). The column lists
(``AGREEMENT_COLUMNS`` …) are a contract with the spreadsheets people build on
them: a column may be added at the end, never renamed or moved.

Cells are written the way spreadsheets read them back: dates as ISO
``YYYY-MM-DD``, numbers plain (``2.5``, ``8``), booleans ``true``/``false``,
nothing as an empty cell, several names in one cell joined with ``"; "``.
Text a user typed is cleaned (control characters other than line breaks and
tabs removed, line breaks kept inside the quoted cell) and **defused**: text
that a spreadsheet would run as a formula gets a leading ``'`` (OWASP, "CSV
Injection"). No Qt, no ReportLab.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import math
import re
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.dates import iso, iso_moment

if TYPE_CHECKING:  # the ORM classes load SQLAlchemy; the exports only read them
    from facilitator.domain import Agreement, Event, Participant
    from facilitator.followup.adoption_row import AdoptionRow
    from facilitator.followup.history import HistoryRow

__all__ = [
    "AGREEMENT_COLUMNS",
    "HISTORY_COLUMNS",
    "LIST_SEPARATOR",
    "SUPPORT_COLUMNS",
    "TRACKER_COLUMNS",
    "agreement_rows",
    "cell",
    "csv_bytes",
    "history_rows",
    "support_rows",
    "tracker_rows",
    "write_csv",
]

AGREEMENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "event_title",
    "coalitions",
    "agreement_id",
    "adopter",
    "adopter_team",
    "adopter_email",
    "patterns",
    "sponsor",
    "sponsor_team",
    "owners",
    "check_in",
    "status",
    "status_reason",
    "not_included",
    "notes",
    "support_items",
)
"""One row per agreement of an event (``agreement_rows``)."""

SUPPORT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "agreement_id",
    "support_item_id",
    "adopter",
    "adopter_team",
    "type",
    "amount",
    "unit",
    "owner",
    "owner_team",
    "description",
    "limits",
    "not_included",
)
"""One row per support item of an event (``support_rows``)."""

TRACKER_COLUMNS: tuple[str, ...] = (
    "agreement_id",
    "event_id",
    "event_date",
    "event_title",
    "coalitions",
    "adopter",
    "adopter_team",
    "patterns",
    "sponsor",
    "owners",
    "check_in",
    "status",
    "status_reason",
    "last_changed",
    "overdue",
    "days_overdue",
    "fit",
    "open_questions",
)
"""One row per agreement the adoption tracker lists (``tracker_rows``)."""

HISTORY_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "event_title",
    "coalitions",
    "status",
    "participants",
    "agreements",
    "adopted",
    "overdue",
)
"""One row per event the History page lists (``history_rows``): its columns, and the id."""

LIST_SEPARATOR = "; "
"""Between the names of one cell ("Feature flags; Contract tests")."""

_BOM = codecs.BOM_UTF8
# What a spreadsheet takes for the start of a formula (OWASP: = + - @, tab, carriage return).
# A carriage return is written as a line break, so a leading line break counts too.
_FORMULA_START = frozenset("=+-@\t\r\n")
# Line ends become one line feed, as the app stores them (facilitator.stored_text).
_LINE_END = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# C0 and C1 controls but tab and line feed, and lone surrogates, which UTF-8 cannot encode.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _text(value: str) -> str:
    """Return typed text cleaned and defused: line breaks kept, formulas made plain text."""
    text = _UNWANTED.sub("", _LINE_END.sub("\n", value))
    # Some programs trim leading spaces on import ("  =1" becomes a formula):
    # what follows the spaces counts as the start too.
    if text[:1] in _FORMULA_START or text.lstrip()[:1] in _FORMULA_START:
        return f"'{text}"
    return text


def _number(value: float) -> str:
    # 8.0 is "8", 2.5 stays "2.5": the shortest text that reads back as the same number.
    if math.isfinite(value) and value.is_integer():
        return str(int(value))
    return repr(value)


def cell(value: object) -> str:
    """Return one value as its CSV cell text.

    Values we format ourselves (dates, numbers, booleans, ids) are written
    as they are; a negative number keeps its sign. Every ``str`` is taken for
    text a user typed and cleaned and defused (see the module's docstring).

    Args:
        value: None, a bool, an int, a float, a date or datetime, a UUID, or text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: True is an int too
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, dt.datetime):
        return iso_moment(value.replace(microsecond=0))
    if isinstance(value, dt.date):
        return iso(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    return _text(str(value))


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]], *, bom: bool = False) -> bytes:
    """Return a CSV file: the header, then one record per row, as UTF-8.

    Args:
        header: The column names (ours: written as they are).
        rows: The values of each row, one per column, turned into text by ``cell``.
        bom: Start with a UTF-8 byte order mark, for spreadsheet programs that need it.

    Raises:
        ValueError: A row has more or fewer values than the header has columns.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header)
    for number, row in enumerate(rows, start=1):
        if len(row) != len(header):
            raise ValueError(f"row {number} has {len(row)} values for {len(header)} columns")
        writer.writerow([cell(value) for value in row])
    data = buffer.getvalue().encode("utf-8")
    return _BOM + data if bom else data


def write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[object]], *, bom: bool = False
) -> Path:
    """Write a CSV file (see ``csv_bytes``) atomically, creating its folder; return the path.

    Raises:
        ExportError: "cannot write <path>: <reason>"; the file is left as it was.
    """
    data = csv_bytes(header, rows, bom=bom)
    # Imported here: exports.files loads the PDF renderers, which a CSV does not need
    # until it is written.
    from exports.files import write_atomically

    return write_atomically(Path(path), data)


def _names(names: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(names)


def _name(person: Participant | None) -> str:
    return person.name if person is not None else ""


def _team(person: Participant | None) -> str:
    return person.team if person is not None else ""


def _owners(agreement: Agreement) -> list[str]:
    """Return the names of the agreement's support owners, each once, in order."""
    owners = [item.owner.name for item in agreement.support_items if item.owner is not None]
    return list(dict.fromkeys(owners))


def agreement_rows(event: Event) -> list[tuple[object, ...]]:
    """Return one row per agreement of a fully loaded event, in ``AGREEMENT_COLUMNS`` order.

    ``not_included`` is what the coalition's support does not include (the
    agreement's limits); ``support_items`` counts its support items.
    """
    coalitions = _names(c.name for c in event.coalitions)
    return [
        (
            event.id,
            event.date,
            event.title,
            coalitions,
            agreement.id,
            agreement.adopter.name,
            agreement.adopter.team,
            agreement.adopter.email,
            _names(p.name for p in agreement.patterns),
            _name(agreement.sponsor),
            _team(agreement.sponsor),
            _names(_owners(agreement)),
            agreement.check_in,
            agreement.status.label,
            agreement.status_reason,
            agreement.limits,
            agreement.notes,
            len(agreement.support_items),
        )
        for agreement in event.agreements
    ]


def support_rows(event: Event) -> list[tuple[object, ...]]:
    """Return one row per support item of a fully loaded event, in ``SUPPORT_COLUMNS`` order.

    ``limits`` is the item's own scope and limits; ``not_included`` is its
    agreement's, repeated on each of its items so a filtered sheet keeps it.
    An item without an amount has an empty ``amount``.
    """
    return [
        (
            event.id,
            event.date,
            agreement.id,
            item.id,
            agreement.adopter.name,
            agreement.adopter.team,
            item.type.label,
            item.amount,
            item.unit,
            _name(item.owner),
            _team(item.owner),
            item.description,
            item.limits,
            agreement.limits,
        )
        for agreement in event.agreements
        for item in agreement.support_items
    ]


def tracker_rows(rows: Iterable[AdoptionRow]) -> list[tuple[object, ...]]:
    """Return the adoption tracker's rows, in ``TRACKER_COLUMNS`` order.

    ``fit`` is the fit check's state ("At risk"); new conditions to check are
    counted in ``open_questions``.
    """
    return [
        (
            row.agreement_id,
            row.event_id,
            row.event_date,
            row.event_title,
            _names(row.coalitions),
            row.adopter,
            row.adopter_team,
            _names(row.patterns),
            row.sponsor,
            _names(row.owners),
            row.check_in,
            row.status.label,
            row.status_reason,
            row.last_changed,
            row.overdue,
            row.days_overdue,
            row.fit.label,
            row.open_questions,
        )
        for row in rows
    ]


def history_rows(rows: Iterable[HistoryRow]) -> list[tuple[object, ...]]:
    """Return the History page's rows, in ``HISTORY_COLUMNS`` order.

    ``participants`` is the table's "People"; ``overdue`` counts open
    agreements past their check-in date.
    """
    return [
        (
            row.event_id,
            row.date,
            row.title,
            _names(row.coalitions),
            row.status.label,
            row.participants,
            row.agreements,
            row.adopted,
            row.overdue,
        )
        for row in rows
    ]
