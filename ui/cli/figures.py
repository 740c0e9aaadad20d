"""``scale-across figures`` and ``scale-across report``: the adoption figures, on screen or as a PDF."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator import numbers
from facilitator.i18n import N_, _
from ui.cli.common import CommandError, Handler, Subcommands, open_db
from ui.terminal import printable, say_created

if TYPE_CHECKING:
    from facilitator.figures import Figures, FiguresReport, QuarterFigures

NAME_WIDTH = 40


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """Add ``figures`` and ``report`` to the parser."""
    today = argparse.ArgumentParser(add_help=False)
    today.add_argument(
        "--today",
        type=_date,
        default=None,
        metavar="DATE",
        help=_("judge the six-month windows on DATE (YYYY-MM-DD) instead of today"),
    )
    figures = commands.add_parser(
        "figures",
        parents=[common, today],
        help=_("print the adoption figures: every scope all-time, and by quarter"),
    )
    figures.add_argument(
        "--coalition",
        metavar="NAME",
        default=None,
        help=_("one coalition's figures by quarter, with its top patterns (default: overall)"),
    )
    report = commands.add_parser(
        "report",
        parents=[common, today],
        help=_("write the adoption report for leadership as a PDF"),
    )
    report.add_argument("--out", type=Path, required=True, metavar="FILE", help=_("PDF file to write"))
    report.add_argument(
        "--page-size", choices=["A4", "Letter"], default="A4", help=_("paper size (default: A4)")
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("must be a date like 2026-11-21, not {value}").format(value=repr(text))
        ) from None


def _compute(args: argparse.Namespace) -> FiguresReport:
    from facilitator.figures import compute_figures

    db = open_db(args)
    try:
        # Plain SQL: the process ends before the ORM would have paid for its import.
        with db.plain_transaction() as connection:
            return compute_figures(connection, today=args.today)
    finally:
        db.close()


def _cmd_figures(args: argparse.Namespace) -> int:
    from facilitator.dates import iso
    from facilitator.figures import STARTED_FIT_TITLE, started_fit_text

    report = _compute(args)
    scope = report.overall if args.coalition is None else report.scope(args.coalition)
    if scope is None:
        # Translators: in place of the list of coalitions, when there is none.
        known = ", ".join(_name(f.scope) for f in report.coalitions) or _("none yet")
        raise CommandError(
            _("no coalition named {name}; coalitions: {known}").format(
                name=repr(_name(args.coalition)), known=known
            )
        )
    if report.is_empty:
        print(_("No figures yet: no events or patterns are recorded."))
        return 0
    print(_("Scale Across adoption figures as of {date}").format(date=iso(report.today)))
    print()
    summary_head = [_(word) for word in _SUMMARY_HEAD]
    if args.coalition is None:
        print(_("All time"))
        _print_table(summary_head, [_summary_row(f) for f in report.scopes])
        print()
    print(_("{scope}, by quarter of the event date").format(scope=_name(scope.scope)))
    _print_table([_(word) for word in _QUARTER_HEAD], [_quarter_row(q) for q in scope.quarters])
    print()
    fit = started_fit_text(scope.fit)
    print(f"{_(STARTED_FIT_TITLE)}: {fit.at_risk} · {fit.fits} · {fit.not_checked}")
    if args.coalition is not None:
        values = _summary_row(scope)[1:]
        pairs = " · ".join(f"{name} {value}" for name, value in zip(summary_head[1:], values, strict=True))
        # Translators: one coalition's figures over all time, after its table by quarter.
        print(_("All time: {figures}").format(figures=pairs))
        print()
        print(_("Patterns that reached the most teams"))
        _print_table(
            # Translators: the column heads of the table of a coalition's top patterns.
            [_("teams"), _("boundaries"), _("pattern")],
            [
                # Translators: whether a top pattern's boundaries are documented, in its table row.
                [
                    numbers.integer(p.teams),
                    _("documented") if p.documented else _("incomplete"),
                    _name(p.name),
                ]
                for p in scope.top_patterns
            ],
        )
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from exports.files import missing_folder
    from exports.report_file import export_report

    created = missing_folder(args.out)
    report = _compute(args)
    from ui.cli.progress import progress_bar

    # Translators: the progress bar's label and its unit (parts of the PDF report).
    with progress_bar(_("Writing the report"), _("parts")) as progress:
        path = export_report(report, args.out, page_size=args.page_size, progress=progress)
    say_created(created)
    print(_("Wrote the adoption report to {path}").format(path=path))
    return 0


# The column heads of the figures tables (short: the tables must fit a terminal).
_SUMMARY_HEAD = [
    # Translators: a column head of `scale-across figures`: a coalition, or all of them.
    N_("scope"),
    # Translators: a column head of `scale-across figures` (the adoption rate).
    N_("adoption"),
    # Translators: a column head of `scale-across figures` (teams per pattern).
    N_("teams/pattern"),
    # Translators: a column head of `scale-across figures` (share of patterns with documented boundaries).
    N_("documented"),
    # Translators: a column head of `scale-across figures` (median days from agreement to adoption).
    N_("median days"),
    # Translators: a column head of `scale-across figures` (failures shared).
    N_("failures"),
]
_QUARTER_HEAD = [
    # Translators: a column head of `scale-across figures`.
    N_("quarter"),
    # Translators: a column head of `scale-across figures` (events in the quarter).
    N_("events"),
    N_("adoption"),
    # Translators: a column head of `scale-across figures` (adopter teams still open).
    N_("open"),
    N_("teams/pattern"),
    N_("documented"),
    N_("median days"),
    N_("failures"),
]


def _summary_row(figures: Figures) -> list[str]:
    from facilitator.figures import format_value, short_value

    v = figures.totals
    return [
        _name(figures.scope),
        format_value("adoption_rate", v.adoption_rate),
        format_value("teams_per_pattern", v.teams_per_pattern),
        format_value("boundary_share", v.boundary_share),
        short_value("median_days", v.median_days),
        numbers.integer(v.failures),
    ]


def _quarter_row(q: QuarterFigures) -> list[str]:
    from facilitator.figures import format_value, short_value

    adoption = format_value("adoption_rate", q.adoption_rate)
    if q.adopter_teams:
        adoption += f" ({numbers.integer(q.adopted_teams)}/{numbers.integer(q.adopter_teams)})"
    return [
        q.quarter.label,
        numbers.integer(q.events),
        adoption,
        numbers.integer(q.open_teams),
        format_value("teams_per_pattern", q.teams_per_pattern),
        format_value("boundary_share", q.boundary_share),
        short_value("median_days", q.median_days),
        numbers.integer(q.failures),
    ]


def _print_table(head: list[str], rows: list[list[str]]) -> None:
    """Print columns padded to their widest cell; text left, numbers right."""
    widths = [max(len(cell) for cell in column) for column in zip(head, *rows, strict=True)]
    numeric = [all(_is_number(row[i]) for row in rows) for i in range(len(head))]
    for row in [head, *rows]:
        cells = [
            cell.rjust(w) if right else cell.ljust(w)
            for cell, w, right in zip(row, widths, numeric, strict=True)
        ]
        print("  ".join(cells).rstrip())


def _is_number(cell: str) -> bool:
    return bool(re.fullmatch(r"[\d,.]+( %)?|—", cell))


def _name(value: str) -> str:
    """A stored name on one line, without control characters, cut to a table's width."""
    text = " ".join(printable(value).split())
    return text if len(text) <= NAME_WIDTH else text[: NAME_WIDTH - 1].rstrip() + "…"


HANDLERS: dict[str, Handler] = {"figures": _cmd_figures, "report": _cmd_report}
