"""Date fields show a date as the window writes it, in English."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit

from facilitator.dates import day
from ui.date_fields import show_days


def test_a_date_field_reads_like_every_other_date_in_the_window(qtbot):
    edit = show_days(QDateEdit(QDate(2026, 12, 2)))
    qtbot.addWidget(edit)
    assert edit.text() == day(dt.date(2026, 12, 2)) == "Wed 2 Dec 2026"


def test_a_date_field_stays_english_under_another_default_locale(qtbot):
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        edit = show_days(QDateEdit(QDate(2026, 3, 5)))
        qtbot.addWidget(edit)
        assert edit.text() == "Thu 5 Mar 2026"
    finally:
        QLocale.setDefault(saved)
