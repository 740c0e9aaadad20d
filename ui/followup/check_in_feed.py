"""The adoption tracker's calendar feed: every open check-in of a coalition, as one calendar file.

A lead subscribes their calendar to what needs following up: one entry per
open agreement's check-in date, with stable ids, so importing the file again
next month updates the entries instead of doubling them. Written like the
tracker's CSV (``ui.followup.table_csv``), then opened in the calendar program.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from exports.names import safe_file_name
from facilitator import numbers
from facilitator.i18n import N_, _, ngettext
from facilitator.services.errors import ServiceError
from facilitator.storage import StorageError
from ui.followup.table_csv import write_reported
from ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from facilitator.storage import Database

# Translators: a button that writes the open check-ins as a calendar file
BUTTON_TEXT = N_("Check-ins to ca&lendar…")


def calendar_button() -> QPushButton:
    """Return the button that writes the chosen coalition's open check-ins as a calendar file."""
    button = QPushButton(_(BUTTON_TEXT))
    button.setToolTip(
        _(
            "Every open check-in of the coalition chosen above (of all coalitions when none is), "
            "for your calendar; importing it again updates the entries"
        )
    )
    button.setAccessibleName(_("Add the open check-ins to a calendar"))
    button.setAutoDefault(False)  # Enter in a filter opens the selected row
    return button


def export_check_ins(
    page: QWidget,
    problem: SignalInstance,
    settings: Settings,
    db: Callable[[], Database],
    *,
    coalition: str | None,
    today: dt.date,
) -> Path | None:
    """Ask where, write the open check-ins of ``coalition`` (a name; None: all), and open the file.

    Returns the file written, or None when cancelled or nothing was written
    (the reason then goes to the window's banner through ``problem``).
    """
    from exports.calendar import coalition_check_ins, write_calendar
    from facilitator.services.coalitions import find_coalition
    from ui.opening import not_opened, open_path

    # Translators: the check-ins of which coalitions, inside a sentence ("… of {scope} …")
    scope = coalition or _("all coalitions")
    try:
        with db().transaction() as session:
            found = find_coalition(session, coalition) if coalition else None
            if coalition and found is None:
                problem.emit(_("the coalition {name} is no longer in the history").format(name=coalition))
                return None
            items = coalition_check_ins(session, found.id if found else None, today=today)
    except (StorageError, ServiceError) as exc:
        problem.emit(_("the check-ins could not be read: {error}").format(error=exc))
        return None
    if not items:
        problem.emit(
            _("no open agreement of {scope} has a check-in date, so there is nothing to add").format(
                scope=scope
            )
        )
        return None
    # File names stay as they were: scripts and earlier exports know them.
    stem = f"{coalition or 'all coalitions'} check-ins"
    suggested = settings.export_folder() / f"{safe_file_name(stem)}.ics"
    name, _filter = QFileDialog.getSaveFileName(
        page,
        _("Add the check-ins of {scope} to a calendar").format(scope=scope),
        str(suggested),
        _("Calendar files (*.ics)"),
    )
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".ics") else Path(f"{name}.ics")
    count = len(items)
    # The calendar's name, shown in the person's calendar program.
    title = _("Scale Across check-ins: {scope}").format(scope=scope)
    written = write_reported(
        page,
        problem,
        settings,
        lambda: write_calendar(path, items, name=title),
        failed=_("the check-ins were not written: {error}"),
        done=ngettext(
            "Exported {count} check-in of {scope}", "Exported {count} check-ins of {scope}", count
        ).format(count=numbers.integer(count), scope=scope),
    )
    if written is None:
        return None
    if not open_path(written):
        problem.emit(not_opened(_("Wrote {file}").format(file=written.name), written))
    return written
