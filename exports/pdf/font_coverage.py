"""Which characters each shipped font draws, kept beside the fonts in ``coverage.json``.

Reading a font's character map means parsing the whole TTF with ReportLab
(about 0.3 s for the seven files, 4 MB of it for CJK most events never use).
The renderers only need to know *whether* a fallback font has a character
until a document actually holds one; so the coverage ships precomputed and a
font is parsed the first time a text needs it. ``tests/exports`` checks that
the file matches the fonts. After changing a font, write it again with::

    python -m exports.pdf.font_coverage
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from importlib.resources.abc import Traversable
from pathlib import Path

COVERAGE_FILE = "coverage.json"


def ranges(codes: Iterable[int]) -> list[list[int]]:
    """Return sorted code points as ``[first, last]`` runs."""
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return runs


def read_coverage(folder: Traversable) -> dict[str, frozenset[int]]:
    """Return each font's drawable code points from the shipped ``coverage.json``."""
    data = json.loads((folder / COVERAGE_FILE).read_text(encoding="utf-8"))
    return {
        name: frozenset(code for first, last in runs for code in range(first, last + 1))
        for name, runs in data.items()
    }


def measured_coverage(folder: Path, files: Mapping[str, str]) -> dict[str, frozenset[int]]:
    """Return each font's drawable code points, read from the TTF files themselves."""
    from reportlab.pdfbase.ttfonts import TTFont

    coverage = {}
    for name, file_name in files.items():
        font = TTFont(name, str(folder / file_name))
        # Glyph 0 is .notdef: a character mapped to it has no glyph.
        coverage[name] = frozenset(code for code, glyph in font.face.charToGlyph.items() if glyph)
    return coverage


def main() -> None:
    """Write ``coverage.json`` from the fonts in resources/fonts."""
    from exports.pdf.fonts import FILES

    folder = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    coverage = measured_coverage(folder, FILES)
    text = json.dumps({name: ranges(codes) for name, codes in coverage.items()}, separators=(",", ":"))
    (folder / COVERAGE_FILE).write_text(text + "\n", encoding="utf-8")
    print(f"wrote {folder / COVERAGE_FILE}: {len(text):,} bytes")


if __name__ == "__main__":
    main()
