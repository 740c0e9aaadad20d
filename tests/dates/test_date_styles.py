"""One style per context, in English whatever the locale (facilitator.dates)."""

from __future__ import annotations

import datetime as dt
import locale
import re
from pathlib import Path

import pytest

from facilitator import dates

WED = dt.date(2026, 12, 2)
MOMENT = dt.datetime(2026, 12, 2, 14, 32, 5, 123456)


def test_the_window_writes_a_date_with_its_weekday():
    assert dates.day(WED) == "Wed 2 Dec 2026"
    assert dates.day(dt.date(2027, 1, 31)) == "Sun 31 Jan 2027"
    assert dates.day(MOMENT) == "Wed 2 Dec 2026"  # a datetime is a date too


def test_the_window_writes_a_moment_without_the_weekday():
    assert dates.day_time(MOMENT) == "2 Dec 2026, 14:32"
    assert dates.day_time(MOMENT, seconds=True) == "2 Dec 2026, 14:32:05"
    assert dates.day_time(dt.datetime(2026, 5, 9, 7, 3)) == "9 May 2026, 07:03"


def test_clock_is_the_24_hour_time():
    assert dates.clock(MOMENT) == "14:32"
    assert dates.clock(dt.time(7, 3, 9), seconds=True) == "07:03:09"


def test_printed_documents_write_the_month_in_full():
    assert dates.long_day(WED) == "2 December 2026"
    assert dates.long_day(dt.date(2026, 5, 14)) == "14 May 2026"


def test_programs_and_columns_read_iso_8601():
    assert dates.iso(WED) == "2026-12-02"
    assert dates.iso(dt.date(987, 3, 4)) == "0987-03-04"
    assert dates.iso_time(MOMENT) == "2026-12-02 14:32:05"
    assert dates.iso_moment(MOMENT.replace(microsecond=0)) == "2026-12-02T14:32:05"
    assert dt.datetime.fromisoformat(dates.iso_moment(MOMENT)) == MOMENT


def test_file_stamps_sort_in_time_order_and_read_back():
    stamp = dates.file_stamp(MOMENT)
    assert stamp == "20261202-143205-123456"
    assert dates.parse_file_stamp(stamp) == MOMENT
    later = dates.file_stamp(MOMENT + dt.timedelta(microseconds=1))
    assert sorted([later, stamp]) == [stamp, later]
    with pytest.raises(ValueError):
        dates.parse_file_stamp("2026-12-02")


def test_quarters():
    assert dates.quarter(2026, 3) == "2026 Q3"
    assert dates.short_quarter(2026, 3) == "Q3 ’26"
    assert dates.short_quarter(2005, 1) == "Q1 ’05"


@pytest.mark.parametrize("day", [dt.date(2026, m, 1) for m in range(1, 13)])
def test_every_month_and_weekday_reads_the_same_in_every_context(day):
    # The window's short names are the first three letters of the printed ones.
    weekday, number, month, year = dates.day(day).split()
    assert dates.long_day(day) == f"{number} {dates.long_day(day).split()[1]} {year}"
    assert dates.long_day(day).split()[1][:3] == month
    assert weekday == ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day.weekday()]


def test_names_do_not_follow_the_locale(monkeypatch):
    # Qt sets the process locale from the system at start; strftime's names
    # would follow it. Whatever locale is set, the names stay English.
    saved = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("C.UTF-8", "C", "POSIX"):
            try:
                locale.setlocale(locale.LC_TIME, name)
            except locale.Error:
                continue
            assert dates.day(WED) == "Wed 2 Dec 2026"
            assert dates.long_day(WED) == "2 December 2026"
    finally:
        locale.setlocale(locale.LC_TIME, saved)


def test_no_name_comes_from_strftime():
    # %a, %A, %b, %B, %p, %c and %x follow the locale; the module spells names itself.
    source = Path(dates.__file__).read_text(encoding="utf-8")
    code = source.split('"""', 2)[2]  # after the module's docstring
    assert not re.search(r"%[aAbBpcx]", code)
