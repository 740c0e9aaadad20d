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
        _follow_up_shots(Path(tmp), args.out, (width, height))
    print(f"screenshots written to {args.out}")
    return 0


def _follow_up_shots(tmp: Path, out: Path, size: tuple[int, int]) -> None:
    """Render the coalition lead's pages on a generated two-year history."""
    import datetime as dt
    import subprocess

    from PySide6.QtWidgets import QApplication

    from facilitator.services import events
    from facilitator.storage import open_database
    from ui.actions import Act
    from ui.main_window import MainWindow

    path = tmp / "history.sqlite3"
    today = dt.date(2026, 11, 21)
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_history.py"), "--events", "150", "--db", str(path),
         "--today", today.isoformat()],
        check=True, stdout=subprocess.DEVNULL,
    )
    db = open_database(path)
    with db.transaction() as session:
        # The coalition with the most open agreements starts its next event with a review.
        from facilitator.followup.adoptions import adoption_rows

        open_rows = [r for r in adoption_rows(session, today=today) if r.status.value in ("agreed", "in_progress")]
        coalition = max({c for r in open_rows for c in r.coalitions},
                        key=lambda name: sum(name in r.coalitions for r in open_rows))
        review = events.plan_event(session, coalitions=[coalition], date=today + dt.timedelta(days=3),
                                   agenda_id="scale-across-follow-up", title="Quarterly Scale Across")
        review_id = review.id
    app = QApplication.instance()
    window = MainWindow(db)
    window.resize(*size)
    window.show()

    for theme in ("light", "high_contrast"):
        window.set_theme(theme)

        def shot(name: str) -> None:
            app.processEvents()
            window.grab().save(str(out / f"{name}-{theme}.png"))

        window.show_followup(Act.HISTORY)
        shot("followup-history")
        window.show_followup(Act.SEARCH)
        search = window.followup.pages[Act.SEARCH]
        search.field.setText("zoe")
        search.run_search()
        shot("followup-search")
        window.show_followup(Act.ADOPTIONS)
        shot("followup-adoptions")
        window.show_followup(Act.PATTERN_LIBRARY)
        shot("followup-patterns")
        window.show_followup(Act.FIGURES)
        shot("followup-figures")
        window.open_event(review_id)
        window.show_view(1)
        window.screen_.walkthrough.go_to(0, store=False)
        shot("walkthrough-adoption-review")
        window.show_start()
    window.close()
    db.close()


if __name__ == "__main__":
    raise SystemExit(main())
