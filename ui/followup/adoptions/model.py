"""The adoption tracker's table: a thin model over AdoptionRow that sorts itself.

Sorting and filtering happen on the Python list, not in a proxy model: with
tens of thousands of agreements a proxy would call back into Python for every
comparison.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget

from facilitator import numbers
from facilitator.dates import day
from facilitator.domain import AgreementStatus
from facilitator.folding import fold
from facilitator.followup.adoption_row import FitState
from facilitator.followup.adoptions import AdoptionRow
from facilitator.i18n import N_, _, ngettext
from ui import theme
from ui.widgets import tooltip_text

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

Role = Qt.ItemDataRole
_STATUS_ORDER = {status: n for n, status in enumerate(AgreementStatus)}
# What needs a look first: a risk nobody accepted, then an accepted one, then no check at all.
_FIT_ORDER = {FitState.AT_RISK: 0, FitState.AT_RISK_ACCEPTED: 1, FitState.NOT_CHECKED: 2, FitState.FITS: 3}


def late_text(row: AdoptionRow) -> str:
    """Return how overdue the check-in is in words ("12 days late"), or "" when it is not."""
    if not row.overdue:
        return ""
    days = row.days_overdue
    # Translators: how overdue a check-in is
    return ngettext("{count} day late", "{count} days late", days).format(count=numbers.integer(days))


def check_in_text(row: AdoptionRow, sep: str = " · ") -> str:
    """Return the check-in date, with how overdue it is in words; ``sep`` goes between them."""
    if row.check_in is None:
        return "—"
    late = late_text(row)
    return f"{day(row.check_in)}{sep}{late}" if late else day(row.check_in)


def event_text(row: AdoptionRow, sep: str = " · ") -> str:
    """Return the event as "date · title"; ``sep`` goes between them."""
    return f"{day(row.event_date)}{sep}{row.event_title}" if row.event_title else day(row.event_date)


def adopter_text(row: AdoptionRow, sep: str = " · ") -> str:
    """Return the adopter, then the team when it is not the adopter's own name."""
    return f"{row.adopter}{sep}{row.adopter_team}" if row.adopter_team != row.adopter else row.adopter


@dataclass(frozen=True)
class Column:
    """A column: its header, its text, and the key it sorts by.

    ``header`` is the English, marked for translation; :attr:`title` is it in
    the language in use (what the view shows).
    """

    header: str
    text: Callable[[AdoptionRow], str]
    key: Callable[[AdoptionRow], SupportsRichComparison]

    @property
    def title(self) -> str:
        """Return the header in the language in use."""
        return _(self.header)


# The headers are marked here and translated when the view asks (headerData).
# Translators: a column header of the adoption tracker: the agreement's status
_STATUS = N_("Status")
# Translators: a column header of the adoption tracker: the team or person adopting
_ADOPTER = N_("Adopter")
# Translators: a column header of the adoption tracker: the date of the next check-in
_CHECK_IN = N_("Check-in")
# Translators: a column header of the adoption tracker: the event the agreement was made at
_EVENT = N_("Event")
COLUMNS: dict[str, Column] = {
    "status": Column(_STATUS, lambda r: r.status.label, lambda r: _STATUS_ORDER[r.status]),
    "adopter": Column(_ADOPTER, lambda r: r.adopter, lambda r: fold(r.adopter)),
    # Translators: a column header of the adoption tracker: the adopter's team
    "team": Column(N_("Team"), lambda r: r.adopter_team, lambda r: fold(r.adopter_team)),
    "patterns": Column(
        # Translators: a column header of the adoption tracker: the patterns adopted
        N_("Patterns"),
        lambda r: ", ".join(r.patterns),
        lambda r: fold(", ".join(r.patterns)),
    ),
    # Translators: a column header of the adoption tracker: the fit check's result
    "fit": Column(N_("Fit"), lambda r: r.fit_text, lambda r: (_FIT_ORDER[r.fit], -len(r.new_conditions))),
    # Translators: a column header of the adoption tracker: who owns the adoption (one or more people)
    "owners": Column(N_("Owner(s)"), lambda r: ", ".join(r.owners), lambda r: fold(", ".join(r.owners))),
    # No date sorts after every date; among overdue ones the date itself orders them.
    "check_in": Column(_CHECK_IN, check_in_text, lambda r: r.check_in or dt.date.max),
    "event": Column(_EVENT, event_text, lambda r: (r.event_date, fold(r.event_title))),
    "coalition": Column(
        # Translators: a column header of the adoption tracker: the coalitions of the event
        N_("Coalition"),
        lambda r: ", ".join(r.coalitions),
        lambda r: fold(", ".join(r.coalitions)),
    ),
    # Two-line cells for the walk-through's review, where a row is read as a whole.
    "check_in_lines": Column(
        _CHECK_IN, lambda r: check_in_text(r, "\n"), lambda r: r.check_in or dt.date.max
    ),
    "adopter_lines": Column(_ADOPTER, lambda r: adopter_text(r, "\n"), lambda r: fold(r.adopter)),
    "event_lines": Column(
        _EVENT, lambda r: event_text(r, "\n"), lambda r: (r.event_date, fold(r.event_title))
    ),
}
# The check-in next to the status: "12 days late" must be seen without scrolling.
TRACKER_COLUMNS = ("status", "check_in", "adopter", "team", "patterns", "fit", "owners", "event", "coalition")
REVIEW_COLUMNS = ("status", "check_in_lines", "adopter_lines", "patterns", "event_lines")
#: Columns drawn in the warning colour on an overdue row.
WARN_COLUMNS = frozenset({"status", "check_in", "check_in_lines"})
#: Columns drawn in the warning colour on an at-risk row.
RISK_COLUMNS = frozenset({"fit"})
#: Columns whose text may be bold, measured so.
BOLD_COLUMNS = WARN_COLUMNS | RISK_COLUMNS


OPEN = "open"
"""The status filter that keeps agreed and in-progress agreements."""

AT_RISK = "at_risk"
FITS = "fits"
NOT_CHECKED = "not_checked"
NEW_CONDITIONS = "new_conditions"
#: The fit filter's choices: (label, marked for translation, value); None keeps every row.
FIT_CHOICES: tuple[tuple[str, str | None], ...] = (
    # Translators: the first choice of the fit check filter
    (N_("All fit checks"), None),
    # Translators: a choice of the fit check filter
    (N_("At risk"), AT_RISK),
    # Translators: a choice of the fit check filter: the adopter's team fits the patterns
    (N_("Fits"), FITS),
    # Translators: a choice of the fit check filter: nobody answered its questions
    (N_("Not checked"), NOT_CHECKED),
    # Translators: a choice of the fit check filter: conditions learnt after the agreement
    (N_("New conditions to check"), NEW_CONDITIONS),
)


def fit_matches(row: AdoptionRow, fit: str | None) -> bool:
    """Return True when ``row`` passes the fit filter ``fit`` (one of FIT_CHOICES' values)."""
    if fit == AT_RISK:
        return row.fit.at_risk
    if fit == FITS:
        return row.fit == FitState.FITS
    if fit == NOT_CHECKED:
        return row.fit == FitState.NOT_CHECKED
    if fit == NEW_CONDITIONS:
        return bool(row.new_conditions)
    return True


@dataclass(frozen=True)
class AdoptionFilter:
    """What the tracker's filters ask for; ``text`` matches adopter or team, accents folded."""

    coalition: str | None = None
    status: AgreementStatus | str | None = None
    overdue_only: bool = False
    text: str = ""
    fit: str | None = None

    def accepts(self, row: AdoptionRow) -> bool:
        """Return True when ``row`` passes every filter."""
        if self.overdue_only and not row.overdue:
            return False
        if self.status == OPEN and not row.is_open:
            return False
        if self.status not in (None, OPEN) and row.status != self.status:
            return False
        if self.coalition is not None and self.coalition not in row.coalitions:
            return False
        if not fit_matches(row, self.fit):
            return False
        words = self.words
        if not words:
            return True
        person = f"{fold(row.adopter)} {fold(row.adopter_team)}"
        return all(word in person for word in words)

    @functools.cached_property
    def words(self) -> tuple[str, ...]:
        """Return the filter text's words, folded."""
        return tuple(fold(self.text).split())


def warning_colour(widget: QWidget) -> QColor:
    """Return the theme's danger colour for the widget's background.

    The model cannot read the stylesheet; the theme whose field colour the
    widget was given tells which danger colour contrasts with it.
    """
    base = widget.palette().color(QPalette.ColorRole.Base).name().lower()
    for palette in theme.PALETTES.values():
        if palette["field"].lower() == base:
            return QColor(palette["danger"])
    return QColor(theme.PALETTES["light"]["danger"])


class AdoptionTableModel(QAbstractTableModel):
    """Rows are AdoptionRow objects; ``Qt.UserRole`` hands the row back."""

    def __init__(self, columns: Sequence[str] = TRACKER_COLUMNS, parent=None) -> None:
        super().__init__(parent)
        self.keys = tuple(columns)
        self.columns = [COLUMNS[key] for key in self.keys]
        self._rows: list[AdoptionRow] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self._warning = QColor(theme.PALETTES["light"]["danger"])
        self._bold = QFont()
        self._bold.setBold(True)

    def set_warning_colour(self, colour: QColor) -> None:
        """Use ``colour`` for overdue and at-risk rows (it follows the theme)."""
        if colour != self._warning:
            self._warning = colour
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.keys) - 1))

    def set_rows(self, rows: Sequence[AdoptionRow]) -> None:
        """Replace all rows, keeping the current sort order."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted_by is not None:
            self._rows.sort(
                key=self.columns[self._sorted_by[0]].key,
                reverse=self._sorted_by[1] == Qt.SortOrder.DescendingOrder,
            )
        self.endResetModel()

    def rows(self) -> list[AdoptionRow]:
        """Return the rows in the order shown."""
        return list(self._rows)

    def row_at(self, row: int) -> AdoptionRow:
        """Return the row shown at ``row``."""
        return self._rows[row]

    def row_of(self, agreement_id: uuid.UUID) -> int:
        """Return the position of an agreement, or -1 when it is not shown."""
        return next((n for n, r in enumerate(self._rows) if r.agreement_id == agreement_id), -1)

    def replace_row(self, row: AdoptionRow) -> None:
        """Show a re-read agreement in place of its old row."""
        position = self.row_of(row.agreement_id)
        if position >= 0:
            self._rows[position] = row
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.keys) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.keys)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole) -> Any:
        if (
            role == Role.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.keys)
        ):
            return self.columns[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self.keys[index.column()]
        if role == Role.UserRole:
            return row
        if role == Role.DisplayRole:
            return self.columns[index.column()].text(row)
        if role == Role.ToolTipRole:
            if key == "status" and row.status_reason:
                # Translators: a status and why it was set ("Abandoned: the team was split")
                why = _("{status}: {reason}")
                return tooltip_text(why.format(status=row.status.label, reason=row.status_reason))
            text = self.columns[index.column()].text(row)
            return tooltip_text(text) if text else None
        warn = (row.overdue and key in WARN_COLUMNS) or (row.fit.at_risk and key in RISK_COLUMNS)
        if warn:
            if role == Role.ForegroundRole:
                return QBrush(self._warning)
            if role == Role.FontRole:
                return self._bold
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``; equal keys keep their previous order."""
        if not 0 <= column < len(self.keys):
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        # The selection survives the sort: persistent indexes follow their rows.
        old = self.persistentIndexList()
        held = [self._rows[index.row()].agreement_id for index in old]
        self._rows.sort(key=self.columns[column].key, reverse=order == Qt.SortOrder.DescendingOrder)
        where = {r.agreement_id: n for n, r in enumerate(self._rows)}
        new = [
            self.index(where[agreement_id], index.column())
            for agreement_id, index in zip(held, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
