"""Light, dark and high-contrast themes, rendered from one QSS template."""

from __future__ import annotations

import math
from importlib.resources import files
from string import Template

from facilitator.i18n import N_

THEMES = ("light", "dark", "high_contrast")
# Translators: the themes of View ▸ Theme.
THEME_LABELS = {"light": N_("Light"), "dark": N_("Dark"), "high_contrast": N_("High contrast")}

PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f7f7f4",
        "panel": "#ecece6",
        "field": "#ffffff",
        "alt_row": "#f3f3ee",
        "text": "#16161a",
        "muted": "#4a4a52",
        "border": "#9a9aa2",
        "accent": "#0a4f9c",
        "accent_text": "#ffffff",
        "button": "#ffffff",
        "button_text": "#16161a",
        "selection": "#0a4f9c",
        "selection_text": "#ffffff",
        "danger": "#8f000d",
        "danger_bg": "#fde8e8",
        "ok": "#0a5524",
    },
    "dark": {
        "window": "#17191e",
        "panel": "#22252c",
        "field": "#0f1115",
        "alt_row": "#1b1e24",
        "text": "#f1f1f1",
        "muted": "#b9bcc4",
        "border": "#5a5f6b",
        "accent": "#7cb7ff",
        "accent_text": "#0b0d12",
        "button": "#2b2f38",
        "button_text": "#f1f1f1",
        "selection": "#7cb7ff",
        "selection_text": "#0b0d12",
        "danger": "#ff8a8a",
        "danger_bg": "#3a1518",
        "ok": "#7be39a",
    },
    # Pure black and white with yellow focus: every text pair is at least 7:1.
    "high_contrast": {
        "window": "#000000",
        "panel": "#000000",
        "field": "#000000",
        "alt_row": "#141414",
        "text": "#ffffff",
        "muted": "#ffffff",
        "border": "#ffffff",
        "accent": "#ffe600",
        "accent_text": "#000000",
        "button": "#000000",
        "button_text": "#ffffff",
        "selection": "#ffe600",
        "selection_text": "#000000",
        "danger": "#ffe600",
        "danger_bg": "#000000",
        "ok": "#7dffa0",
    },
}

# Point sizes at 100 % zoom; the walk-through question must stay ≥ 28 pt
# and body text ≥ 16 pt so the back of the room can read them.
BASE_SIZES = {"body": 16, "small": 13, "subheading": 20, "heading": 24, "question": 28}


def font_sizes(zoom: int) -> dict[str, float]:
    """Return the point sizes at ``zoom`` percent.

    Each size is rounded up to a whole pixel at 96 DPI: 28 pt would be drawn
    at 37 px (27.75 pt), so it becomes 28.5 pt (38 px) and never falls below
    the size promised for the back of the room.
    """
    sizes = {}
    for name, size in BASE_SIZES.items():
        pixels = math.ceil(max(8.0, size * zoom / 100) * 96 / 72 - 1e-9)
        sizes[name] = pixels * 72 / 96
    return sizes


def stylesheet(theme: str, zoom: int = 100) -> str:
    """Render the application stylesheet for a theme and zoom level."""
    palette = PALETTES.get(theme, PALETTES["light"])
    template = Template(files("resources").joinpath("styles/app.qss").read_text(encoding="utf-8"))
    return template.substitute(palette, **{k: f"{v:g}" for k, v in font_sizes(zoom).items()})


def contrast_ratio(foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two ``#rrggbb`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
