"""Calendar quarters and the six-month window, as plain date arithmetic."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from facilitator.dates import quarter, short_quarter


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter, e.g. ``Quarter(2026, 3)`` shown as "2026 Q3"."""

    year: int
    number: int  # 1..4

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        """Return the quarter ``day`` falls in."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def from_index(cls, index: int) -> Quarter:
        """Return the quarter of a :func:`quarter_index`."""
        year, offset = divmod(index, 4)
        return cls(year, offset + 1)

    @property
    def index(self) -> int:
        """Return a whole number that grows by one from one quarter to the next."""
        return self.year * 4 + self.number - 1

    @property
    def label(self) -> str:
        """Return "2026 Q3"."""
        return quarter(self.year, self.number)

    @property
    def short_label(self) -> str:
        """Return "Q3 '26", short enough for a chart's axis."""
        return short_quarter(self.year, self.number)

    @property
    def first_day(self) -> dt.date:
        """Return the quarter's first day."""
        return dt.date(self.year, self.number * 3 - 2, 1)

    @property
    def last_day(self) -> dt.date:
        """Return the quarter's last day."""
        month = self.number * 3
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        return self.label


def quarter_index(day: dt.date) -> int:
    """Return the :attr:`Quarter.index` of the quarter ``day`` falls in."""
    return day.year * 4 + (day.month - 1) // 3


def add_months(day: dt.date, months: int) -> dt.date:
    """Return ``day`` moved by whole calendar months, clamped to the month's end.

    31 August + 6 months is 28 February (29 in a leap year), not 3 March.
    """
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


class DayParser:
    """Turns stored dates into ``dt.date``, whatever the database driver returns.

    SQLite hands back ISO text ("2026-05-14", "2026-05-14 10:02:03.000123"),
    PostgreSQL date and datetime objects. Histories repeat the same few
    thousand dates, so each distinct value is parsed once.
    """

    def __init__(self) -> None:
        self._seen: dict[object, dt.date | None] = {}

    def __call__(self, value: object) -> dt.date | None:
        """Return the calendar day of ``value`` (None for None)."""
        # Timestamps are all different, their days are not: text is cached by its day.
        key = value[:10] if isinstance(value, str) else value
        day = self._seen.get(key)
        if day is None and key is not None:
            if isinstance(key, dt.datetime):
                day = key.date()
            elif isinstance(key, dt.date):
                day = key
            else:
                day = dt.date.fromisoformat(str(key)[:10])
            self._seen[key] = day
        return day

    def required(self, value: object) -> dt.date:
        """Return the calendar day of a column that is never NULL (an event's date, a timestamp)."""
        day = self(value)
        if day is None:
            raise ValueError("a required date is missing")
        return day
