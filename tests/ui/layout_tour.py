"""Bring up every screen of the app at every zoom step and report text that does not fit.

Run by ``test_layout_fits.py`` in a process of its own, because Qt's offscreen
platform takes its screen size when it starts:

    QT_QPA_PLATFORM=offscreen:configfile=screens.json \
        python tests/ui/layout_tour.py --size 1920x1080 [--zoom 150] [--only walk]

with ``{"screens": [{"name": "s", "x": 0, "y": 0, "width": 1920, "height": 1080}]}``
in screens.json. The window fills the screen, as it does on a projector in full
screen; dialogs size themselves against that screen. Prints one JSON object
per clipped text (see ``layout_check.Clip``), then a line with the count and
the time taken.

The screens are visited with two events: the sample event, and a fuller one
with long accented names, six agreements with support, and an over-committed
owner; and with a third event on the follow-up agenda whose first step reviews
the fuller event's agreements.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from layout_sample_event import FULLER_COALITION, TODAY, fuller_event  # noqa: E402 (after sys.path)


@dataclasses.dataclass
class World:
    """The database and the events the tour shows."""

    db: object
    demo: object
    fuller: object
    review: object


def _dialog_makers(world: World, window) -> list[tuple[str, Callable[[], object]]]:
    """Return how to make each dialog the tour checks: (name, maker)."""
    from facilitator.domain.enums import EventStatus
    from facilitator.followup.adoptions import adoption_rows
    from facilitator.followup.library import CarryTarget
    from ui.backups_dialog import BackupsDialog
    from ui.crash import CrashDialog
    from ui.followup.adoptions.status_dialog import StatusDialog
    from ui.followup.library.carry_dialog import CarryDialog
    from ui.language import restart_question
    from ui.prepare.new_event import NewEventDialog
    from ui.recovery import Damage, RecoveryDialog
    from ui.shortcuts_dialog import ShortcutsDialog

    with world.db.transaction() as session:
        row = next(r for r in adoption_rows(session, today=TODAY) if r.adopter.startswith("María"))
    target = CarryTarget(
        world.review, TODAY, "Revue trimestrielle des adoptions", (FULLER_COALITION,), EventStatus.PLANNED
    )
    return [
        ("New event dialog", lambda: NewEventDialog(world.db, window)),
        ("F1 shortcuts dialog", lambda: ShortcutsDialog(window)),
        ("File ▸ Backups… dialog", lambda: BackupsDialog(world.db.path, window.settings, window)),
        ("Change status… dialog", lambda: StatusDialog(row, lambda *_: None, today=TODAY, parent=window)),
        (
            "crash dialog",
            lambda: CrashDialog(
                "a value was missing", "Traceback …", world.db.path.parent / "log.txt", window
            ),
        ),
        (
            "damaged database dialog",
            lambda: RecoveryDialog(
                Damage(world.db.path, ["the file is truncated"], world.db.path.parent, None, None), window
            ),
        ),
        ("Library ▸ Carry dialog", lambda: CarryDialog("Trunk-based development", [target], window)),
        ("View ▸ Language question", lambda: restart_question(window, "de")[0]),
    ]


def make_world(folder: Path) -> World:
    """Create the database with the sample, the fuller and the follow-up event."""
    from facilitator.demo import create_demo_event
    from facilitator.services import events
    from facilitator.storage import open_database
    from facilitator.storage.backups import take_backup

    db = open_database(folder / "tour.sqlite3")
    with db.transaction() as session:
        demo = create_demo_event(session, date=TODAY - dt.timedelta(days=60)).id
        fuller = fuller_event(session, date=TODAY - dt.timedelta(days=30)).id
        review = events.plan_event(
            session,
            coalitions=[FULLER_COALITION],
            date=TODAY + dt.timedelta(days=3),
            agenda_id="scale-across-follow-up",
            title="Revue trimestrielle des adoptions",
        ).id
    take_backup(db.path, reason="tour")
    return World(db, demo, fuller, review)


def _speak(lang: str, folder: Path) -> None:
    """Speak ``lang``, a shipped language or one of the pseudo-locales (built into ``folder``)."""
    from facilitator import i18n

    sys.path.insert(0, str(ROOT / "tests" / "i18n"))
    from pseudo import build

    build(folder / "pseudo")
    i18n.add_locale_dir(folder / "pseudo")
    i18n.set_language(lang)


def _allowed_words(world: World):
    """Return the words on screen that are data, not the app's: see ``untranslated.py``."""
    from babel import Locale
    from PySide6.QtCore import QCoreApplication
    from untranslated import Allowed, data_texts

    from facilitator import i18n
    from ui.language import language_name

    english = Locale.parse("en")
    names = [
        *english.months["format"]["abbreviated"].values(),
        *english.days["format"]["abbreviated"].values(),
    ]
    # The product's name is a name in every language; Qt names the keys of a shortcut
    # ("Ctrl+Shift+D", translated by its own catalog); sizes are in international units;
    # the tour's own backup is taken for the "tour" reason.
    keys = "Ctrl Shift Alt Meta PgUp PgDown Del Ins Enter Return Esc Space Tab Backspace Home End"
    keys += " Left Right Up Down"
    # Qt's catalog for the language names the arrow keys ("Alt+اليسار" under ar_XB).
    qt_keys = [QCoreApplication.translate("QShortcut", key) for key in keys.split()]
    # A language is offered under its own name ("Deutsch"), or its code when Babel has none.
    languages = [text for code in i18n.available_languages() for text in (code, language_name(code))]
    return Allowed(
        [*data_texts(world.db.path), "Scale Across Facilitator", *languages],
        [*names, *keys.split(), *qt_keys, "KB", "MB", "tour"],
    )


def tour(
    size: tuple[int, int],
    zooms: list[int],
    only: set[str] | None = None,
    shots: Path | None = None,
    lang: str | None = None,
    shots_all: bool = False,
) -> Iterator[dict]:
    """Visit every screen at every zoom; yield each clipped text as a dict.

    With ``shots``, a screen with clipped text is also saved there as a PNG
    (every screen with ``shots_all``). With ``lang``, the app speaks it, and
    under a pseudo-locale each text that did not go through translation is
    yielded too (``"why": "untranslated"``).
    """
    from layout_check import clipped
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    folder = Path(tempfile.mkdtemp(prefix="layout-tour-"))
    if lang:
        _speak(lang, folder)
    from ui.actions import Act
    from ui.fonts import register_fonts
    from ui.language import choose_at_start
    from ui.main_window import MainWindow
    from ui.views import PREPARE, REVIEW, WALK_THROUGH

    app = QApplication.instance() or QApplication([])
    app.setFont(register_fonts())
    choose_at_start(app, lang or "")
    world = make_world(folder)
    allowed = _allowed_words(world) if lang and lang.endswith(("_XA", "_XB")) else None
    check_overlaps = lang is not None
    window = MainWindow(world.db)
    window.resize(*size)
    window.show()
    width, height = size

    def settle() -> None:
        # A few turns of the loop: a new zoom refits rows on the next turn, and
        # the layouts above them take the new sizes on the turns after.
        for _ in range(5):
            QApplication.processEvents()
        # Screens left behind go now, as they would in the running app: restyling
        # them at the next zoom step would only cost time.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def check(root, screen: str, zoom: int) -> Iterator[dict]:
        settle()
        if root is window and (window.width(), window.height()) != size:
            # Back to the screen's size once this screen is laid out: a window
            # an earlier screen made grow must not be blamed on this one.
            window.resize(*size)
            settle()
        where = f"{screen} at {width}×{height}, zoom {zoom} %"
        found = clipped(root, where)
        if shots is not None and (found or shots_all):
            name = "".join(c if c.isalnum() else "-" for c in f"{screen}-{width}x{height}-{zoom}")
            root.grab().save(str(shots / f"{name}.png"))
        for clip in found:
            yield dataclasses.asdict(clip) | {"message": str(clip)}
        if check_overlaps:
            from layout_overlap import overlapping

            for first, second in overlapping(root):
                message = f"{where}: {first} and {second} are drawn over each other"
                yield {"screen": where, "widget": first, "text": second, "why": "overlap", "message": message}
        if allowed is not None:
            from untranslated import untranslated

            for widget, text, words in untranslated(root, allowed):
                message = f"{where}: {widget} shows untranslated {', '.join(words)} in {text!r}"
                yield {
                    "screen": where,
                    "widget": widget,
                    "text": text,
                    "why": "untranslated",
                    "message": message,
                }

    def present(on: bool) -> None:
        if window.room.presenting != on:
            window.actions_[Act.PRESENT].trigger()
        while window.room._pending.isActive():
            QApplication.processEvents()

    def zoomed() -> Iterator[int]:
        for zoom in zooms:
            window.settings.set("zoom", zoom)
            window.apply_view_settings()
            yield zoom

    def wanted(part: str) -> bool:
        return only is None or part in only

    # One zoom at a time, every screen at it: restyling the application is the
    # costliest step, and costs least while only the start page is open.
    dialogs = _dialog_makers(world, window) if wanted("dialogs") else []
    for zoom in zoomed():
        if wanted("start"):
            window.show_start()
            yield from check(window, "start page", zoom)
        if wanted("prepare") or wanted("walk") or wanted("review"):
            # The fuller event holds every kind of record the sample has, with
            # longer text, so it is the harder case at every zoom step; the
            # sample is checked at the smallest, normal and largest zoom.
            events = [("fuller event", world.fuller)]
            if zoom in (min(zooms), 100, max(zooms)):
                events.insert(0, ("sample event", world.demo))
            for label, event_id in events:
                window.open_event(event_id, view=PREPARE)
                screen = window.screen_
                if wanted("prepare"):
                    for section in range(screen.prepare.tabs.count()):
                        screen.prepare.show_section(section)
                        name = screen.prepare.tabs.tabText(section)
                        yield from check(window, f"Prepare ▸ {name} [{label}]", zoom)
                if wanted("walk"):
                    window.show_view(WALK_THROUGH)
                    page = screen.walkthrough
                    if lang:
                        # Presenting puts the room's view in the console's preview: its words are checked too.
                        present(True)
                    for index, step in enumerate(page.agenda.steps):
                        page.go_to(index, store=False)
                        yield from check(
                            window, f"walk-through step {index + 1} {step.title} [{label}]", zoom
                        )
                    if lang:
                        present(False)
                if wanted("review"):
                    window.show_view(REVIEW)
                    yield from check(window, f"Review [{label}]", zoom)
        if wanted("walk"):
            window.open_event(world.review, view=WALK_THROUGH)
            window.screen_.walkthrough.go_to(0, store=False)
            yield from check(window, "walk-through Adoption review [follow-up agenda]", zoom)
        if wanted("followup"):
            for act, name in (
                (Act.HISTORY, "History"),
                (Act.SEARCH, "Search"),
                (Act.ADOPTIONS, "Adoptions"),
                (Act.PATTERN_LIBRARY, "Pattern library"),
                (Act.FIGURES, "Figures"),
            ):
                window.show_followup(act)
                if act == Act.SEARCH:
                    search = window.followup.pages[Act.SEARCH]
                    search.field.setText("paiements")
                    search.run_search()
                yield from check(window, f"Follow-up ▸ {name}", zoom)
        window.show_start()
        for name, make in dialogs:
            dialog = make()
            dialog.show()
            yield from check(dialog, name, zoom)
            dialog.close()
            dialog.deleteLater()
    window.close()
    world.db.close()


def main(argv: list[str] | None = None) -> int:
    """Run the tour for one screen size; print the clipped texts as JSON lines."""
    from ui.settings import ZOOM_STEPS

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="1920x1080", help="the screen's size, e.g. 1280x720")
    parser.add_argument("--zoom", type=int, action="append", help="only this zoom step (repeatable)")
    parser.add_argument(
        "--only", action="append", choices=["start", "prepare", "walk", "review", "followup", "dialogs"]
    )
    parser.add_argument("--shots", type=Path, help="save each screen with clipped text here as a PNG")
    parser.add_argument("--shots-all", action="store_true", help="with --shots, save every screen")
    parser.add_argument("--lang", help="speak this language (en_XA, ar_XB: the pseudo-locales)")
    args = parser.parse_args(argv)
    size = tuple(int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory() as folder:
        # Fresh settings and data: nothing depends on this machine's state.
        os.environ["XDG_CONFIG_HOME"] = folder
        os.environ["SCALE_ACROSS_DATA_DIR"] = folder
        started = time.perf_counter()
        count = 0
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
        only = set(args.only) if args.only else None
        for found in tour(size, args.zoom or list(ZOOM_STEPS), only, args.shots, args.lang, args.shots_all):
            print(json.dumps(found, ensure_ascii=False), flush=True)
            count += 1
        print(json.dumps({"done": count, "seconds": round(time.perf_counter() - started, 1)}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
