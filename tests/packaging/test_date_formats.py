"""Dates are written only by facilitator/dates.py: no stray date format in the source.

Three formats for one date ("Wed 2 Dec 2026", "2026-12-02", "2 December
2026") crept into the app one hand-written f-string at a time. This walks
the syntax tree of every module of facilitator/, exports/ and ui/ and
names each place that formats a date by itself, so a new one cannot
sneak in: use a function of ``facilitator.dates`` instead.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("facilitator", "exports", "ui")
THE_MODULE = ROOT / "facilitator" / "dates.py"

# Formatting calls; parsing (fromisoformat) reads what others wrote and is fine.
FORMATTING_CALLS = {"strftime", "strptime", "isoformat"}
# Parts of a date or time that, put into an f-string, write a date by hand.
DATE_PARTS = {"year", "month", "day", "hour", "minute", "second", "microsecond"}
STRFTIME = re.compile(r"%[aAbBcdHIjmMpSUwWxXyYzZf]")
QT_FORMAT = re.compile(r"\b(yyyy|yy-MM|MMMM?|dddd?|HH:mm)\b")
NAMES = {
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
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Wed",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
}


def stray_formats(source: str) -> list[tuple[int, str]]:
    """Return (line, what) for every date format written in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in FORMATTING_CALLS
        ):
            found.append((node.lineno, f".{node.func.attr}()"))
        elif isinstance(node, ast.FormattedValue):
            spec = ast.unparse(node.format_spec) if node.format_spec else ""
            if STRFTIME.search(spec):
                found.append((node.lineno, f"format spec {spec}"))
            if isinstance(node.value, ast.Attribute) and node.value.attr in DATE_PARTS:
                found.append((node.lineno, f"f-string part .{node.value.attr}"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if STRFTIME.search(node.value):
                found.append((node.lineno, f"strftime format {node.value!r}"))
            elif QT_FORMAT.search(node.value):
                found.append((node.lineno, f"Qt date format {node.value!r}"))
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            names = [e.value for e in node.elts if isinstance(e, ast.Constant) and e.value in NAMES]
            if len(names) >= 3:
                found.append((node.lineno, f"month or day names {names[:3]}…"))
    first = {}
    for line, what in sorted(found):
        first.setdefault(line, what)  # one report a line: a format spec is also a constant
    return sorted(first.items())


def test_no_module_but_facilitator_dates_formats_a_date():
    problems = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if path == THE_MODULE or "migrations" in path.parts:
                continue
            for line, what in stray_formats(path.read_text(encoding="utf-8")):
                problems.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert not problems, "write dates with facilitator.dates:\n" + "\n".join(problems)


def test_the_walker_finds_each_kind_of_stray_format():
    source = """
when = moment.strftime("%d %b")
text = f"{when:%H:%M}"
iso = day.isoformat()
hand = f"{day.day} {day.month}"
fmt = "%Y-%m-%d"
edit.setDisplayFormat("yyyy-MM-dd")
MONTHS = ("January", "February", "March")
"""
    found = stray_formats(source)
    assert [line for line, _ in found] == [2, 3, 4, 5, 6, 7, 8], found
    assert {what.split()[0] for _, what in found} == {
        ".strftime()",
        "format",
        ".isoformat()",
        "f-string",
        "strftime",
        "Qt",
        "month",
    }


def test_the_walker_leaves_plain_text_and_parsing_alone():
    source = """
date = dt.date.fromisoformat(text)
share = f"{value:.0%}"
count = f"{len(rows):,} events"
qdate = QDate(day.year, day.month, day.day)
words = ("May I", "Monday morning")
"""
    assert stray_formats(source) == []
