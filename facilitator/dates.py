"""How dates and times are written, for people and for programs: the one place.

Every layer (the window, the command line, the PDFs, files) writes dates
through these functions, so a date reads the same way wherever its context
is the same, and ``tests/packaging/test_date_formats.py`` fails on a date format
written anywhere else. One style per context:

===================  ===========================  =====================================
function             example                      context
===================  ===========================  =====================================
``day(d)``           ``Wed 2 Dec 2026``           a date in the window: event dates,
                                                  check-ins, table cells, messages. The
                                                  weekday, because people agree a
                                                  meeting or a check-in by its day.
``day_time(m)``      ``2 Dec 2026, 14:32``        a moment in the window: a backup, a
                                                  status change, an event closed
``clock(m)``         ``14:32``                    a moment of today in passing ("Saved")
``long_day(d)``      ``2 December 2026``          printed documents: the PDFs
``iso(d)``           ``2026-12-02``               what a program, a sort or a column
                                                  reads: command-line output, file
                                                  names, event files
``iso_time(m)``      ``2026-12-02 14:32:05``      a moment in command-line output
``iso_moment(m)``    ``2026-12-02T14:32:05``      a moment stored in a file (ISO 8601)
``file_stamp(m)``    ``20261202-143205-123456``   a moment in a file or folder name
``quarter(y, n)``    ``2026 Q3``                  a calendar quarter, everywhere
``short_quarter``    ``Q3 ’26``                   a quarter on a chart's axis
===================  ===========================  =====================================

``QT_DAY`` is ``day``'s style in Qt's spelling, for date fields.

Names of days and months, and the order of a date's parts, follow the
language in use (:mod:`facilitator.i18n`, so a document in its reader's
language writes its dates in it too): English keeps the house style above,
another language takes CLDR's pattern for the same parts through Babel
("Mi., 2. Dez. 2026", "2. Dezember 2026"). What programs read (``iso``,
``file_stamp``) never changes.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import TYPE_CHECKING

from facilitator.i18n import SOURCE_LANGUAGE, _, language

if TYPE_CHECKING:
    from babel import Locale

__all__ = [
    "QT_DAY",
    "babel_locale",
    "clock",
    "day",
    "day_time",
    "file_stamp",
    "iso",
    "iso_moment",
    "iso_time",
    "long_day",
    "parse_file_stamp",
    "qt_day",
    "quarter",
    "short_quarter",
]

# English, the house style, is written here by hand: the window starts
# without loading Babel and its locale data (~45 ms) unless it needs them.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_FILE_STAMP = "%Y%m%d-%H%M%S-%f"

#: ``day``'s style in English as a Qt date format ("Wed 2 Dec 2026"); :func:`qt_day` for any language.
QT_DAY = "ddd d MMM yyyy"
# Another language takes CLDR's pattern for the same parts.
_SKELETONS = {"day": "yMMMEd", "day_time": "yMMMd"}


@cache
def _locale(code: str) -> Locale | None:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None


def _other_locale() -> Locale | None:
    """Return the Babel locale of a language other than English; None writes the English house style.

    A language Babel has no data for (a test's pseudo-locale) writes dates as English does.
    """
    code = language()
    return None if code == SOURCE_LANGUAGE else _locale(code)


def babel_locale() -> Locale:
    """Return the Babel locale of the language in use, for formatting dates and numbers."""
    return _other_locale() or _locale(SOURCE_LANGUAGE) or _never()


def _never() -> Locale:
    raise LookupError("Babel has no English")


def _date(value: dt.date, style: str, locale: Locale) -> str:
    from babel.dates import format_date, format_skeleton

    if style == "long_day":
        return format_date(value, "long", locale=locale)
    return format_skeleton(_SKELETONS[style], value, locale=locale)


def day(value: dt.date) -> str:
    """Return a date as the window shows it: "Wed 2 Dec 2026" ("Mi., 2. Dez. 2026" in German)."""
    if (locale := _other_locale()) is not None:
        return _date(value, "day", locale)
    return f"{_WEEKDAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1][:3]} {value.year}"


def qt_day() -> str:
    """Return :func:`day`'s style for the language in use as a Qt date format (for date fields).

    Give the field the same language's ``QLocale`` so its names match.
    """
    if (locale := _other_locale()) is None:
        return QT_DAY
    from babel.dates import match_skeleton

    found = match_skeleton(_SKELETONS["day"], locale.datetime_skeletons)
    return _qt_format(str(locale.datetime_skeletons[found]) if found else "EEE d MMM y")


def _qt_format(pattern: str) -> str:
    """Spell a CLDR date pattern the way Qt does: day names ``ddd``/``dddd``, years ``yyyy``."""
    parts = re.findall(r"'[^']*'|E+|y+|[A-Za-z]+|[^A-Za-z']+", pattern)
    spelled = {"E": "ddd", "y": "yyyy"}
    return "".join(
        ("dddd" if len(part) >= 4 else "ddd")
        if part[0] == "E"
        else spelled.get(part[0], part)
        if part[0] == "y"
        else part
        for part in parts
    )


def day_time(value: dt.datetime, *, seconds: bool = False) -> str:
    """Return a moment as the window shows it: "2 Dec 2026, 14:32".

    Args:
        value: The moment, shown as it is (no time zone is converted).
        seconds: Add the seconds, where moments in one list can fall in
            the same minute (the backups list): "2 Dec 2026, 14:32:05".
    """
    if (locale := _other_locale()) is not None:
        return f"{_date(value, 'day_time', locale)}, {clock(value, seconds=seconds)}"
    return f"{value.day} {_MONTHS[value.month - 1][:3]} {value.year}, {clock(value, seconds=seconds)}"


def clock(value: dt.datetime | dt.time, *, seconds: bool = False) -> str:
    """Return the time of day on the 24-hour clock: "14:32" (or "14:32:05")."""
    text = f"{value.hour:02}:{value.minute:02}"
    return f"{text}:{value.second:02}" if seconds else text


def long_day(value: dt.date) -> str:
    """Return a date as a printed document writes it: "2 December 2026" ("2. Dezember 2026")."""
    if (locale := _other_locale()) is not None:
        return _date(value, "long_day", locale)
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def iso(value: dt.date) -> str:
    """Return a date for programs, sorting and columns: "2026-12-02" (ISO 8601)."""
    return f"{value.year:04}-{value.month:02}-{value.day:02}"


def iso_time(value: dt.datetime) -> str:
    """Return a moment for command-line output: "2026-12-02 14:32:05"."""
    return f"{iso(value)} {clock(value, seconds=True)}"


def iso_moment(value: dt.datetime) -> str:
    """Return a moment as a file stores it: "2026-12-02T14:32:05" (ISO 8601, as it is)."""
    return value.isoformat()


def file_stamp(value: dt.datetime) -> str:
    """Return a moment for a file or folder name, sorting in time order: "20261202-143205-123456"."""
    return value.strftime(_FILE_STAMP)


def parse_file_stamp(text: str) -> dt.datetime:
    """Read back what :func:`file_stamp` wrote.

    Raises:
        ValueError: ``text`` is not such a stamp.
    """
    return dt.datetime.strptime(text, _FILE_STAMP)


def quarter(year: int, number: int) -> str:
    """Return a calendar quarter: "2026 Q3" (its year first, so quarters sort as text)."""
    # Translators: a calendar quarter; keep the year first, so quarters sort as text.
    return _("{year} Q{number}").format(year=year, number=number)


def short_quarter(year: int, number: int) -> str:
    """Return a quarter short enough for a chart's axis: "Q3 ’26"."""
    # Translators: a quarter on a chart's axis, as short as can be.
    return _("Q{number} ’{year:02d}").format(number=number, year=year % 100)
