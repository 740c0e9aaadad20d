"""Which screen the room view goes to: the one that is not the console's, or the one chosen for this set."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QScreen


def screen_set_key(screens: Sequence[QScreen]) -> str:
    """Return a name for a set of screens (a laptop alone, the laptop with room 2's projector).

    Names with sizes, sorted: the same projector plugged into another port
    is the same set only when the system names it the same.
    """
    parts = sorted(f"{s.name()}={s.geometry().width()}x{s.geometry().height()}" for s in screens)
    return "|".join(parts)


def room_screen(screens: Sequence[QScreen], console: QScreen | None, chosen: str = "") -> QScreen | None:
    """Return the screen for the room view.

    The screen chosen for this set of screens, when it is there; else the
    largest screen that is not the console's (a projector is rarely smaller
    than the laptop); else the console's own screen (one screen).
    """
    if not screens:
        return None
    for screen in screens:
        if chosen and screen.name() == chosen:
            return screen
    others = [s for s in screens if s is not console]
    if others:
        return max(others, key=lambda s: s.geometry().width() * s.geometry().height())
    return console if console is not None else screens[0]
