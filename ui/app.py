"""Start the Qt application on a database."""

from __future__ import annotations

import sys

from facilitator.storage import StorageError
from facilitator.storage.location import database_target, plain_sqlite_path
from facilitator.storage.quick_read import recent_events


def start_window(db_target: str | None):
    """Return the main window for the database, showing its events as fast as possible.

    When the file is a known database at the current schema, the event list is
    read without the ORM and the database is opened after the first paint;
    anything else (a first start, a migration, a URL, a problem) takes the
    careful path first.

    Raises:
        StorageError: the database cannot be opened.
    """
    from ui.main_window import MainWindow

    target = database_target(db_target)
    path = plain_sqlite_path(target)
    rows = recent_events(path) if path is not None else None
    if rows is None:
        from facilitator.storage import open_database

        return MainWindow(open_database(target))

    def opener():
        from facilitator.storage import open_database

        return open_database(target)

    return MainWindow(opener=opener, initial_rows=rows, location=str(path))


def run_gui(db_target: str | None) -> int:
    """Open the database and show the main window; return the exit status."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.fonts import register_fonts
    from ui.settings import APPLICATION, ORGANIZATION

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setFont(register_fonts())
    try:
        window = start_window(db_target)
    except StorageError as exc:
        QMessageBox.critical(None, APPLICATION, f"Cannot open the database.\n\n{exc}")
        print(f"scale-across: error: {exc}", file=sys.stderr)
        return 1
    if window.settings.window_state()[0] is None:
        window.resize(1280, 760)
    window.show()
    try:
        return app.exec()
    finally:
        window.close_database()
