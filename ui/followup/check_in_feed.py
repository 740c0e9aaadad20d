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
from facilitator.services.errors import ServiceError
from facilitator.storage import StorageError
from ui.followup.table_csv import write_reported
from ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from facilitator.storage import Database

BUTTON_TEXT = "Check-ins to ca&lendar…"


def calendar_button() -> QPushButton:
    """Return the button that writes the chosen coalition's open check-ins as a calendar file."""
    button = QPushButton(BUTTON_TEXT)
    button.setToolTip(
        "Every open check-in of the coalition chosen above (of all coalitions when none is), "
        "for your calendar; importing it again updates the entries"
    )
    button.setAccessibleName("Add the open check-ins to a calendar")
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

    scope = coalition or "all coalitions"
    try:
        with db().transaction() as session:
            found = find_coalition(session, coalition) if coalition else None
            if coalition and found is None:
                problem.emit(f"the coalition {coalition} is no longer in the history")
                return None
            items = coalition_check_ins(session, found.id if found else None, today=today)
    except (StorageError, ServiceError) as exc:
        problem.emit(f"the check-ins could not be read: {exc}")
        return None
    if not items:
        problem.emit(f"no open agreement of {scope} has a check-in date, so there is nothing to add")
        return None
    suggested = settings.export_folder() / f"{safe_file_name(f'{scope} check-ins')}.ics"
    name, _ = QFileDialog.getSaveFileName(
        page, f"Add the check-ins of {scope} to a calendar", str(suggested), "Calendar files (*.ics)"
    )
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".ics") else Path(f"{name}.ics")
    noun = "check-in" if len(items) == 1 else "check-ins"
    written = write_reported(
        page,
        problem,
        settings,
        lambda: write_calendar(path, items, name=f"Scale Across check-ins: {scope}"),
        what="check-ins",
        done=f"Exported {len(items):,} {noun} of {scope}",
    )
    if written is None:
        return None
    if not open_path(written):
        problem.emit(not_opened(f"Wrote {written.name}", written))
    return written
