"""Date fields that write a date as the rest of the window does, and QDate conversions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit

from facilitator import i18n
from facilitator.dates import QT_DAY, qt_day

# English's house style ("Wed 2 Dec 2026") writes English names whatever the system's language.
_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def show_days(edit: QDateEdit) -> QDateEdit:
    """Make ``edit`` show a date as ``facilitator.dates.day`` writes it, in the language in use; return it.

    "Wed 2 Dec 2026" in English, "Mi., 2. Dez. 2026" in German: the format and
    the names of days and months are the language's. A language Babel has no
    dates for writes them as English does (``facilitator.dates``), and so does
    the field.
    """
    display = qt_day()
    edit.setLocale(_ENGLISH if display == QT_DAY else QLocale(i18n.language()))
    edit.setDisplayFormat(display)
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
