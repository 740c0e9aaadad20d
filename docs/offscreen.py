"""What the screenshot scripts share: Qt's offscreen platform with given screens, and the sample event.

Settings and data go to a temporary folder, so the screenshots never depend
on this machine's state.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from facilitator.storage import Database


def use_offscreen_screens(tmp: Path, screens: list[dict[str, Any]], *, replace: bool = True) -> None:
    """Give Qt's offscreen platform these screens (name, x, y, width, height).

    Settings and data start afresh in ``tmp``. With ``replace`` False, a
    platform already chosen in QT_QPA_PLATFORM is kept.
    """
    if replace or "QT_QPA_PLATFORM" not in os.environ:
        layout = tmp / "screens.json"
        layout.write_text(json.dumps({"screens": screens}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={layout}"
    os.environ["XDG_CONFIG_HOME"] = str(tmp)
    os.environ["SCALE_ACROSS_DATA_DIR"] = str(tmp)


def app_with_sample(tmp: Path) -> tuple[QApplication, Database, uuid.UUID]:
    """Start the QApplication with the app's fonts; return it, a new database and its sample event."""
    from PySide6.QtWidgets import QApplication

    from facilitator.demo import create_demo_event
    from facilitator.storage import open_database
    from ui.fonts import register_fonts

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    app.setFont(register_fonts())
    db = open_database(tmp / "shots.sqlite3")
    with db.transaction() as session:
        event_id = create_demo_event(session).id
    return app, db, event_id
