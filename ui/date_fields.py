"""Date fields that write a date as the rest of the window does, and QDate conversions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit

from facilitator.dates import QT_DAY

# Day and month names in English, like every date the window writes
# (facilitator.dates), whatever the system's language.
_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def show_days(edit: QDateEdit) -> QDateEdit:
    """Make ``edit`` show "Wed 2 Dec 2026", as ``facilitator.dates.day`` writes a date; return it."""
    edit.setLocale(_ENGLISH)
    edit.setDisplayFormat(QT_DAY)
    return edit


def to_qdate(date: dt.date) -> QDate:
    """Return ``date`` as a QDate."""
    return QDate(date.year, date.month, date.day)


def from_qdate(date: QDate) -> dt.date:
    """Return a QDate as a ``datetime.date``."""
    return dt.date(date.year(), date.month(), date.day())


def date_edit(date: dt.date) -> QDateEdit:
    """Return a date field with a calendar pop-up (Alt+Down opens it)."""
    edit = QDateEdit(to_qdate(date))
    edit.setCalendarPopup(True)
    show_days(edit)  # "Tue 5 May 2026": what people say when they agree a date
    return edit
