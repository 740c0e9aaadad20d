"""Write screenshots of the room view and the console with its preview to docs/screenshots/.

Run: .venv/bin/python docs/make_room_screenshots.py [--projector 1920x1080] [--out DIR]

Qt's offscreen platform is given two screens, a 1280×720 laptop and a
projector of the given size, and the app presents for real (F5): the room
view goes full screen on the projector. Every step is written as
room-<step>-<size>-<theme>.png in the light, dark and high-contrast themes,
and the console as room-console-<size>-<theme>.png. Run once per projector size:

    .venv/bin/python docs/make_room_screenshots.py --projector 1920x1080
    .venv/bin/python docs/make_room_screenshots.py --projector 1280x720
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from offscreen import app_with_sample, use_offscreen_screens

LAPTOP = (1280, 720)


def main() -> int:
    """Present the sample event and grab the room view at every step, in every theme."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--projector", default="1920x1080", help="the projector's size (default %(default)s)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    width, height = (int(n) for n in args.projector.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        screens = [
            {"name": "laptop", "x": 0, "y": 0, "width": LAPTOP[0], "height": LAPTOP[1]},
            {"name": "projector", "x": LAPTOP[0], "y": 0, "width": width, "height": height},
        ]
        use_offscreen_screens(Path(tmp), screens)
        from PySide6.QtGui import QGuiApplication

        from ui.actions import Act
        from ui.main_window import MainWindow
        from ui.views import WALK_THROUGH

        app, db, event_id = app_with_sample(Path(tmp))
        args.out.mkdir(parents=True, exist_ok=True)
        window = MainWindow(db)
        laptop = QGuiApplication.screens()[0]
        window.setScreen(laptop)
        window.setGeometry(laptop.geometry())
        window.show()
        window.open_event(event_id, view=WALK_THROUGH)
        window.actions_[Act.PRESENT].trigger()

        def settle() -> None:
            for _ in range(8):
                app.processEvents()

        size = f"{width}x{height}"
        walkthrough = window.screen_.walkthrough
        for theme in ("light", "dark", "high_contrast"):
            window.set_theme(theme)
            for index, step in enumerate(walkthrough.agenda.steps):
                walkthrough.go_to(index)
                settle()
                window.room.refresh()
                settle()
                window.room.room.grab().save(str(args.out / f"room-{index + 1}-{step.id}-{size}-{theme}.png"))
            window.grab().save(str(args.out / f"room-console-{size}-{theme}.png"))
        window.close()
        db.close()
    print(f"room screenshots written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
