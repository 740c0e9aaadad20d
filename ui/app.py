"""Start the Qt application on a database."""

from __future__ import annotations

import sys

from facilitator.storage import StorageError, open_database


def run_gui(db_target: str | None) -> int:
    """Open the database and show the main window; return the exit status."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.fonts import register_fonts
    from ui.main_window import MainWindow
    from ui.settings import APPLICATION, ORGANIZATION

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setFont(register_fonts())
    try:
        db = open_database(db_target)
    except StorageError as exc:
        QMessageBox.critical(None, APPLICATION, f"Cannot open the database.\n\n{exc}")
        print(f"scale-across: error: {exc}", file=sys.stderr)
        return 1
    window = MainWindow(db)
    if window.saveGeometry().isEmpty() or not window.settings.window_state()[0]:
        window.resize(1280, 760)
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
