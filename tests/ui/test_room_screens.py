"""Which screen the room view takes, and the choice remembered per set of screens."""

from __future__ import annotations

from ui.room.screens import room_screen, screen_set_key
from ui.settings import Settings


class FakeScreen:
    """Stands in for a QScreen: a name and a size."""

    def __init__(self, name: str, width: int, height: int) -> None:
        self._name, self._size = name, (width, height)

    def name(self) -> str:
        return self._name

    def geometry(self):
        from PySide6.QtCore import QRect

        return QRect(0, 0, *self._size)


LAPTOP = FakeScreen("eDP-1", 1280, 720)
PROJECTOR = FakeScreen("HDMI-1", 1920, 1080)
SMALL = FakeScreen("DP-2", 1024, 768)


def test_the_room_takes_the_largest_screen_that_is_not_the_console():
    assert room_screen([LAPTOP, SMALL, PROJECTOR], LAPTOP) is PROJECTOR
    assert room_screen([LAPTOP], LAPTOP) is LAPTOP  # one screen: the room view covers the console
    assert room_screen([], None) is None


def test_a_chosen_screen_wins_while_it_is_there():
    assert room_screen([LAPTOP, SMALL, PROJECTOR], LAPTOP, "DP-2") is SMALL
    assert room_screen([LAPTOP, PROJECTOR], LAPTOP, "DP-2") is PROJECTOR  # unplugged: the rule again


def test_the_choice_is_remembered_for_each_set_of_screens(qapp):
    settings = Settings()
    office = screen_set_key([LAPTOP, PROJECTOR])
    room_two = screen_set_key([PROJECTOR, SMALL, LAPTOP])
    assert office != room_two and screen_set_key([PROJECTOR, LAPTOP]) == office
    settings.set_room_screen(room_two, "DP-2")
    settings.sync()
    again = Settings()
    assert again.room_screen(room_two) == "DP-2"
    assert again.room_screen(office) == ""
