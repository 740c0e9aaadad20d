"""Write screenshots of every screen to docs/screenshots/ (offscreen, no display needed).

Run: .venv/bin/python docs/make_screenshots.py [--size 1280x720] [--zoom 100] [--out DIR]

At the default size and zoom (the README's images) every screen is rendered in
the light and the high-contrast theme with the sample event, and the follow-up
pages with a generated history. Every run also writes each walk-through step
named with its size and zoom, walkthrough-<step>-<size>[-zoom<z>]-<theme>.png:
light for every step, and high contrast for the Follow-Up Support step. For
example, for a 1080p projector at the largest zoom:

    .venv/bin/python docs/make_screenshots.py --size 1920x1080 --zoom 200

The window fills a screen of the given size (Qt's offscreen platform with a
screen layout), as on a projector in full screen.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from offscreen import app_with_sample, use_offscreen_screens

DEFAULT_SIZE, DEFAULT_ZOOM = "1280x720", 100


def main() -> int:
    """Render the start page, Prepare tabs, each walk-through step, Review and F1."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", default=DEFAULT_SIZE, help="the screen's size (default %(default)s)")
    parser.add_argument(
        "--zoom",
        type=int,
        default=DEFAULT_ZOOM,
        help="zoom in percent, one of the View menu's steps (default %(default)s)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--lang", help="the app's language, e.g. de (light theme only; default out: docs/screenshots/<lang>)"
    )
    args = parser.parse_args()
    if args.lang:
        from facilitator import i18n

        i18n.set_language(args.lang)
        if args.out == ROOT / "docs" / "screenshots":
            args.out = args.out / args.lang
    width, height = (int(n) for n in args.size.split("x"))
    # The README's images come from the default size and zoom; other runs add
    # only the walk-through, named with their size and zoom.
    everything = args.size == DEFAULT_SIZE and args.zoom == DEFAULT_ZOOM
    sized = f"{width}x{height}" + ("" if args.zoom == DEFAULT_ZOOM else f"-zoom{args.zoom}")

    with tempfile.TemporaryDirectory() as tmp:
        # A screen of the given size: dialogs size themselves against it.
        screen = {"name": "projector", "x": 0, "y": 0, "width": width, "height": height}
        use_offscreen_screens(Path(tmp), [screen], replace=False)
        from ui.language import choose_at_start
        from ui.main_window import MainWindow
        from ui.shortcuts_dialog import ShortcutsDialog

        app, db, event_id = app_with_sample(Path(tmp))
        choose_at_start(app, args.lang or "")
        args.out.mkdir(parents=True, exist_ok=True)
        window = MainWindow(db)
        window.settings.set("zoom", args.zoom)
        window.resize(width, height)
        window.show()

        def settle() -> None:
            # Rows and columns are fitted on the loop turns after a change.
            for _ in range(6):
                app.processEvents()

        def shot(name: str, widget=None) -> None:
            settle()
            target = widget or window
            target.grab().save(str(args.out / f"{name}-{theme}.png"))

        themes = ("light",) if args.lang else ("light", "high_contrast")
        for theme in themes:
            window.set_theme(theme)
            if everything:
                window.show_start()
                shot("start")
                window.open_event(event_id, view=0)
                prepare = window.screen_.prepare
                for index, name in enumerate(("details", "participants", "capacity", "outcomes", "patterns")):
                    prepare.show_section(index)
                    shot(f"prepare-{name}")
            else:
                window.open_event(event_id, view=0)
            window.show_view(1)
            walkthrough = window.screen_.walkthrough
            for index, step in enumerate(walkthrough.agenda.steps):
                walkthrough.go_to(index)
                name = f"walkthrough-{index + 1}-{step.id}"
                if everything:
                    shot(name)
                if theme == "light" or step.id == "follow-up-support":
                    shot(f"{name}-{sized}")
                if step.id == "follow-up-support":
                    _show_fit_check(walkthrough)
                    shot(f"fit-check-{sized}")
            if everything:
                window.show_view(2)
                shot("review")
                dialog = ShortcutsDialog(window)
                dialog.show()
                shot("shortcuts", dialog)
                dialog.close()
        window.close()
        db.close()
        if everything:
            _follow_up_shots(Path(tmp), args.out, (width, height), themes)
    print(f"screenshots written to {args.out}")
    return 0


def _show_fit_check(walkthrough) -> None:
    """Select the first agreement the fit check puts at risk and bring its questions into view."""
    from facilitator.services import fit

    panel = walkthrough.contents.currentWidget().panels[0]
    agreements = panel.editor.event.agreements
    chosen = next((a for a in agreements if fit.at_risk(a)), agreements[0] if agreements else None)
    if chosen is None:
        return
    panel.table.select_record(chosen.id)
    check = panel.agreement_editor.fit
    if check.rows:
        from PySide6.QtWidgets import QApplication, QScrollArea

        check.rows[0].setFocus()
        QApplication.processEvents()
        # The risk and the first question in view, whether or not the window has the focus.
        target = check.notice if check.notice.isVisible() else check.rows[0]
        parent = target.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.verticalScrollBar().setValue(
                    target.mapTo(parent.widget(), target.rect().topLeft()).y()
                )
            parent = parent.parentWidget()


def _follow_up_shots(tmp: Path, out: Path, size: tuple[int, int], themes: tuple[str, ...]) -> None:
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
        [
            sys.executable,
            str(ROOT / "bench" / "make_history.py"),
            "--events",
            "150",
            "--db",
            str(path),
            "--today",
            today.isoformat(),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    db = open_database(path)
    with db.transaction() as session:
        # The coalition with the most open agreements starts its next event with a review.
        from facilitator.followup.adoptions import adoption_rows

        open_rows = [
            r for r in adoption_rows(session, today=today) if r.status.value in ("agreed", "in_progress")
        ]
        coalition = max(
            {c for r in open_rows for c in r.coalitions},
            key=lambda name: sum(name in r.coalitions for r in open_rows),
        )
        review = events.plan_event(
            session,
            coalitions=[coalition],
            date=today + dt.timedelta(days=3),
            agenda_id="scale-across-follow-up",
            title="Quarterly Scale Across",
        )
        review_id = review.id
    app = QApplication.instance()
    window = MainWindow(db)
    window.resize(*size)
    window.show()

    for theme in themes:
        window.set_theme(theme)

        def shot(name: str, theme: str = theme) -> None:
            for _ in range(6):  # rows and columns are fitted on the loop turns after a change
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
