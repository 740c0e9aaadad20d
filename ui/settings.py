"""User options, declared once with their defaults, stored through QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

ORGANIZATION = "Scale Across"
APPLICATION = "Scale Across Facilitator"


@dataclass(frozen=True)
class Option:
    """One stored option: its key, default and type."""

    key: str
    default: Any
    kind: type


OPTIONS = {
    "theme": Option("view/theme", "light", str),
    "zoom": Option("view/zoom", 100, int),
    "show_prompts": Option("view/show_prompts", True, bool),
    # "" follows the system; otherwise a language code (ui.language).
    "language": Option("view/language", "", str),
    # The step's time is the facilitator's unless shown to the room on purpose.
    "room_timer": Option("room/show_timer", False, bool),
    "page_size": Option("export/page_size", "A4", str),
    "open_after_export": Option("export/open_after", True, bool),
    "export_folder": Option("export/folder", "", str),
    # How many verified backups of the database are kept (oldest go first).
    "backups_keep": Option("storage/backups_keep", 20, int),
}
ZOOM_STEPS = (70, 80, 90, 100, 110, 125, 150, 175, 200)


class Settings:
    """Typed access to the options; window geometry and state too."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings(ORGANIZATION, APPLICATION)

    def get(self, name: str) -> Any:
        """Return the option's stored value, or its default when unset or unreadable."""
        option = OPTIONS[name]
        value = self._q.value(option.key, option.default)
        if option.kind is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
        try:
            return option.kind(value)
        except (TypeError, ValueError):
            return option.default

    def set(self, name: str, value: Any) -> None:
        """Store an option."""
        self._q.setValue(OPTIONS[name].key, value)

    def store_language(self, code: str) -> None:
        """Store the View-menu language ("" for the system's) on disk now: a restart follows."""
        self.set("language", code)
        self.sync()

    def export_folder(self) -> Path:
        """Return where exports are suggested: the last folder written to, else Documents."""
        stored = self.get("export_folder")
        if stored and Path(stored).is_dir():
            return Path(stored)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents or Path.home())

    def room_screen(self, screen_set: str) -> str:
        """Return the screen chosen for the room view while ``screen_set`` is connected, or ""."""
        value = self._q.value(f"room/screens/{_key(screen_set)}", "")
        return value if isinstance(value, str) else ""

    def set_room_screen(self, screen_set: str, name: str) -> None:
        """Remember ``name`` as the room's screen for ``screen_set``; "" forgets the choice."""
        self._q.setValue(f"room/screens/{_key(screen_set)}", name)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """Return the saved (geometry, state), each None when never saved."""
        return self._q.value("window/geometry"), self._q.value("window/state")

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the window's geometry and toolbar/dock state."""
        self._q.setValue("window/geometry", geometry)
        self._q.setValue("window/state", state)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._q.sync()


def _key(text: str) -> str:
    # QSettings keys treat "/" and "\\" as groups: keep the screen names flat.
    return "".join(c if c.isalnum() or c in "=x|-_." else "_" for c in text)
