"""Write screenshots of the app's screens to docs/screenshots/ (offscreen).

Run: .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    """Render every screen at 1280×720 and save it as PNG."""
    from PySide6.QtWidgets import QApplication

    from facilitator.demo import create_demo_event
    from facilitator.storage import open_database
    from ui.start.window import StartWindow

    app = QApplication.instance() or QApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "shots.sqlite3")
        with db.transaction() as session:
            create_demo_event(session)
        window = StartWindow(db)
        window.resize(1280, 720)
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / "start-light.png"))
        window.close()
        db.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
