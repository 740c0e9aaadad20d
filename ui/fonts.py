"""Register the shipped fonts with Qt, so every name renders on any machine."""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtGui import QFont, QFontDatabase

UI_FAMILY = "DejaVu Sans"
CJK_FAMILY = "Droid Sans Fallback"
HANGUL_FAMILY = "NanumGothic"
EMOJI_FAMILY = "Symbola"


def register_fonts() -> QFont:
    """Load resources/fonts into Qt and return the application font.

    Qt falls back per character to the CJK font through a substitution, so a
    name like "田中 愛子" never turns into boxes, even with no fonts installed.
    """
    for entry in files("resources").joinpath("fonts").iterdir():
        if entry.name.endswith(".ttf"):
            with as_file(entry) as path:
                QFontDatabase.addApplicationFont(str(path))
    QFont.insertSubstitutions(UI_FAMILY, [CJK_FAMILY, HANGUL_FAMILY, EMOJI_FAMILY])
    font = QFont(UI_FAMILY)
    font.setPointSize(16)
    return font
