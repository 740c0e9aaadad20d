"""The fonts that ship with the app, registered once with ReportLab.

ReportLab draws every character of a text run with one font and does not fall
back per glyph, so the renderers ask :func:`font_for` which registered font
has a glyph for a character (see ``exports.pdf.markup``).

DejaVu Sans (the four faces every document uses) is registered up front; a
fallback font (CJK, Hangul, symbols: 12 MB of the 15) only when
:func:`font_for` first picks it for a character. Which font has which
character is known without parsing them (``exports.pdf.font_coverage``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from exports.pdf.font_coverage import read_coverage
from exports.pdf.tounicode import install_to_unicode_fix

# Names the fonts are registered under; they appear in paragraph markup.
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
CJK = "DroidSansFallback"
# Droid Sans Fallback stops at Unicode 4.0: ideographs after U+9FA5 and a few kana
# (U+309F, U+30FF...) would print as U+FFFD. Two small subsets hold only the CJK
# characters no other shipped font has (resources/fonts/README.md): the Kai one the
# ideographs and kana, in a weight close to Droid's; the Mincho one the rarer rest
# (Kanbun, Ainu katakana, compatibility ideographs, half-width jamo, hentaigana).
CJK_EXTRA = "CJKExtraKai"
CJK_RARE = "CJKExtraMincho"
HANGUL = "NanumGothic"
SYMBOLS = "Symbola"

# Registered name -> file in resources/fonts.
FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    CJK_EXTRA: "CJKExtraKai.ttf",
    CJK_RARE: "CJKExtraMincho.ttf",
    HANGUL: "NanumGothic.ttf",
    SYMBOLS: "Symbola.ttf",
}

# After the style's own face: where a character missing from it is looked for.
FALLBACKS = (REGULAR, CJK, CJK_EXTRA, CJK_RARE, HANGUL, SYMBOLS)


# Registered with the styles; every document draws with them.
FAMILY = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)


@dataclass(frozen=True)
class _Registry:
    coverage: dict[str, frozenset[int]]
    loaded: set[str]


_lock = threading.Lock()
_registry: _Registry | None = None


def font_dir() -> Traversable:
    """Return the folder that holds the shipped fonts."""
    return files("resources") / "fonts"


def register_fonts() -> None:
    """Register DejaVu Sans with ReportLab (once per process); the fallbacks follow when needed.

    DejaVu Sans becomes a family so that ``<b>`` and ``<i>`` pick its bold and
    oblique faces; the CJK and symbol fonts are families of one face each, so
    that ``<font face=...>`` inside bold text resolves instead of failing.
    """
    _registered()


def _registered() -> _Registry:
    global _registry
    if _registry is not None:
        return _registry
    with _lock:
        if _registry is None:
            install_to_unicode_fix()
            registry = _Registry(read_coverage(font_dir()), set())
            for name in FAMILY:
                _load(registry, name)
            pdfmetrics.registerFontFamily(
                REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
            )
            for name in (CJK, CJK_EXTRA, CJK_RARE, SYMBOLS):
                for bold in (0, 1):
                    for italic in (0, 1):
                        addMapping(name, bold, italic, name)
            _registry = registry
    return _registry


def _load(registry: _Registry, name: str) -> None:
    """Parse and register one shipped font (the caller holds the lock, or is alone)."""
    with as_file(font_dir() / FILES[name]) as path:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    registry.loaded.add(name)


def _ready(registry: _Registry, name: str) -> str:
    """Return ``name`` once its font is registered (parsing it the first time)."""
    if name not in registry.loaded:
        with _lock:
            if name not in registry.loaded:
                _load(registry, name)
    return name


def has_glyph(font: str, char: str) -> bool:
    """Return whether the registered ``font`` has a glyph for ``char``."""
    return ord(char) in _registered().coverage[font]


def covers(font: str, text: str) -> bool:
    """Return whether the registered ``font`` has a glyph for every character of ``text``."""
    return _registered().coverage[font].issuperset(map(ord, text))


def font_for(char: str, face: str = REGULAR) -> str | None:
    """Return the first font that can draw ``char``: ``face``, then the fallbacks.

    Returns None when no shipped font has the character.
    """
    registry = _registered()
    coverage, code = registry.coverage, ord(char)
    if code in coverage[face]:
        return _ready(registry, face)
    for name in FALLBACKS:
        if code in coverage[name]:
            return _ready(registry, name)
    return None
