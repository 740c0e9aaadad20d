"""Date fields that write a date as the rest of the window does."""

from __future__ import annotations

from PySide6.QtCore import QLocale
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
