"""Write screenshots of every screen to docs/screenshots/ (offscreen, no display needed).

Run: .venv/bin/python docs/make_screenshots.py [--size 1280x720] [--out DIR]
Each screen is rendered in the light and the high-contrast theme with the sample event.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    """Render the start page, Prepare tabs, each walk-through step, Review and F1."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))

    with tempfile.TemporaryDirectory() as tmp:
        # Fresh settings and data: the screenshots never depend on this machine's state.
        os.environ["XDG_CONFIG_HOME"] = tmp
        os.environ["SCALE_ACROSS_DATA_DIR"] = tmp
        from PySide6.QtWidgets import QApplication

        from facilitator.demo import create_demo_event
        from facilitator.storage import open_database
        from ui.fonts import register_fonts
        from ui.main_window import MainWindow
        from ui.shortcuts_dialog import ShortcutsDialog

        app = QApplication.instance() or QApplication([])
        app.setFont(register_fonts())
        args.out.mkdir(parents=True, exist_ok=True)
        db = open_database(Path(tmp) / "shots.sqlite3")
        with db.transaction() as session:
            event_id = create_demo_event(session).id
        window = MainWindow(db)
        window.resize(width, height)
        window.show()

        def shot(name: str, widget=None) -> None:
            app.processEvents()
            target = widget or window
            target.grab().save(str(args.out / f"{name}-{theme}.png"))

        for theme in ("light", "high_contrast"):
            window.set_theme(theme)
            window.show_start()
            shot("start")
            window.open_event(event_id, view=0)
            prepare = window.screen_.prepare
            for index, name in enumerate(("details", "participants", "capacity", "outcomes", "patterns")):
                prepare.show_section(index)
                shot(f"prepare-{name}")
            window.show_view(1)
            walkthrough = window.screen_.walkthrough
            for index, step in enumerate(walkthrough.agenda.steps):
                walkthrough.go_to(index)
                shot(f"walkthrough-{index + 1}-{step.id}")
            window.show_view(2)
            shot("review")
            dialog = ShortcutsDialog(window)
            dialog.show()
            shot("shortcuts", dialog)
            dialog.close()
        window.close()
        db.close()
    print(f"screenshots written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
