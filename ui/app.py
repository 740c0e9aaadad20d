"""Start the Qt application on a database."""

from __future__ import annotations

import sys

from facilitator.storage import StorageError, open_database


def run_gui(db_target: str | None) -> int:
    """Open the database and show the start window; return the exit status."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.start.window import StartWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Scale Across Facilitator")
    app.setOrganizationName("Scale Across")
    try:
        db = open_database(db_target)
    except StorageError as exc:
        QMessageBox.critical(None, "Scale Across Facilitator", f"Cannot open the database.\n\n{exc}")
        print(f"scale-across: error: {exc}", file=sys.stderr)
        return 1
    window = StartWindow(db)
    window.resize(1280, 720)
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
