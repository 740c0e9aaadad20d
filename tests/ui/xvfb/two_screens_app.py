"""Run by test_two_screens.py on a real X display with two monitors: present, unplug, plug in.

Prints one line of JSON with what it saw and exits 0 when every check held.
Waits on conditions, never on the clock alone (a generous limit only ends a hang).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

LIMIT_MS = 30_000


def wait_until(condition) -> bool:
    """Spin the event loop until ``condition()`` holds; False after LIMIT_MS."""
    if condition():
        return True
    loop = QEventLoop()
    poll = QTimer(interval=10)
    poll.timeout.connect(lambda: condition() and loop.quit())
    limit = QTimer(singleShot=True, interval=LIMIT_MS)
    limit.timeout.connect(loop.quit)
    poll.start()
    limit.start()
    loop.exec()
    poll.stop()
    return bool(condition())


def main() -> int:
    app = QApplication(sys.argv[:1])
    from facilitator.demo import create_demo_event
    from facilitator.storage import open_database
    from ui.actions import Act
    from ui.fonts import register_fonts
    from ui.main_window import MainWindow
    from ui.views import WALK_THROUGH

    app.setFont(register_fonts())
    seen: dict[str, object] = {"screens": [s.name() for s in QGuiApplication.screens()]}
    laptop = next(s for s in QGuiApplication.screens() if s.name() == "LAPTOP")
    db = open_database(Path(tempfile.mkdtemp()) / "events.sqlite3")
    with db.transaction() as session:
        event_id = create_demo_event(session, date=dt.date(2026, 11, 3)).id
    window = MainWindow(db)
    window.setScreen(laptop)
    window.setGeometry(laptop.availableGeometry())
    window.show()
    window.activateWindow()
    window.open_event(event_id, view=WALK_THROUGH)
    window.screen_.walkthrough.go_to(1)
    ok = wait_until(lambda: isinstance(app.focusWidget(), QLineEdit))
    field = app.focusWidget()
    assert ok and isinstance(field, QLineEdit), "no field took the cursor"
    field.insert("Typed just before the cable came out")
    room = window.room

    def on(name: str) -> bool:
        screen = room.room.screen()
        return (
            room.room.isVisible()
            and screen is not None
            and screen.name() == name
            and room.room.isFullScreen()
            and room.room.geometry() == screen.geometry()
        )

    window.actions_[Act.PRESENT].trigger()
    seen["full screen on the projector"] = wait_until(lambda: on("PROJ"))
    seen["console stays on the laptop"] = window.screen() is laptop
    seen["console keeps the keyboard"] = wait_until(lambda: app.activeWindow() is window)
    subprocess.run(["xrandr", "--delmonitor", "PROJ"], check=True, capture_output=True)
    seen["back on the laptop after unplugging"] = wait_until(
        lambda: len(QGuiApplication.screens()) == 1 and on("LAPTOP")
    )
    seen["typing kept"] = field.text().endswith("Typed just before the cable came out")
    seen["still presenting"] = room.presenting
    subprocess.run(
        ["xrandr", "--setmonitor", "PROJ", "1920/508x1080/286+1280+0", "none"],
        check=True,
        capture_output=True,
    )
    seen["on the projector again after plugging in"] = wait_until(lambda: on("PROJ"))
    window.close()
    print(json.dumps(seen))
    return 0 if all(v is True for k, v in seen.items() if k != "screens") else 1


if __name__ == "__main__":
    sys.exit(main())
