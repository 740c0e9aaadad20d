"""The start window is built and painted before SQLAlchemy is loaded (issue 18: start-up).

In a fresh interpreter: other tests in this process have long loaded it.
The database opens after the first paint; until then nothing may import the
ORM, not even for a type annotation.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

START = """
import sys
from PySide6.QtWidgets import QApplication
from ui.app import start_window
from ui.fonts import register_fonts
app = QApplication(sys.argv[:1])
app.setFont(register_fonts())
window = start_window(sys.argv[1])
heavy = {"sqlalchemy", "alembic", "reportlab"}
print("before paint:", sorted({m.split(".")[0] for m in sys.modules} & heavy))
window.resize(1280, 720)
window.show()
app.processEvents()
window.grab()
print("rows:", window.start.proxy.rowCount())
"""


def test_the_start_window_is_built_before_sqlalchemy_is_imported(tmp_path):
    from facilitator.services.events import plan_event
    from facilitator.storage import open_database

    db_path = tmp_path / "history.sqlite3"
    db = open_database(db_path)
    with db.transaction() as session:
        plan_event(session, coalitions=["Payments"], date=dt.date(2026, 12, 3))
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", START, str(db_path)], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "before paint: []" in done.stdout
    assert "rows: 1" in done.stdout
