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

Names of days and months are English whatever the system's locale: strftime's
``%a``/``%b``/``%B`` follow the locale Qt sets at start, and a date must not
change language between the window and its PDF. (A later issue translates
them; this module is where that will happen.)
"""

from __future__ import annotations

import datetime as dt

__all__ = [
    "QT_DAY",
    "clock",
    "day",
    "day_time",
    "file_stamp",
    "iso",
    "iso_moment",
    "iso_time",
    "long_day",
    "parse_file_stamp",
    "quarter",
    "short_quarter",
]

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

#: ``day``'s style as a Qt date format ("Wed 2 Dec 2026"); give the field an
#: English locale too, so its names match (see ``ui.date_fields``).
QT_DAY = "ddd d MMM yyyy"


def day(value: dt.date) -> str:
    """Return a date as the window shows it: "Wed 2 Dec 2026"."""
    return f"{_WEEKDAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1][:3]} {value.year}"


def day_time(value: dt.datetime, *, seconds: bool = False) -> str:
    """Return a moment as the window shows it: "2 Dec 2026, 14:32".

    Args:
        value: The moment, shown as it is (no time zone is converted).
        seconds: Add the seconds, where moments in one list can fall in
            the same minute (the backups list): "2 Dec 2026, 14:32:05".
    """
    return f"{value.day} {_MONTHS[value.month - 1][:3]} {value.year}, {clock(value, seconds=seconds)}"


def clock(value: dt.datetime | dt.time, *, seconds: bool = False) -> str:
    """Return the time of day on the 24-hour clock: "14:32" (or "14:32:05")."""
    text = f"{value.hour:02}:{value.minute:02}"
    return f"{text}:{value.second:02}" if seconds else text


def long_day(value: dt.date) -> str:
    """Return a date as a printed document writes it: "2 December 2026"."""
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
    return f"{year} Q{number}"


def short_quarter(year: int, number: int) -> str:
    """Return a quarter short enough for a chart's axis: "Q3 ’26"."""
    return f"Q{number} ’{year % 100:02d}"
