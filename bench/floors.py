"""The references of bench/speed_table.py: what the stack alone costs for the same work.

Each is a whole process, timed in turn with ours: Python, the libraries, and
the least code that does the same job, nothing of the app.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Row 2's floor as the issue defines it: one font, 120 short paragraphs.
FLOOR_EXPORT = """
import io, sys
import sqlalchemy
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
pdfmetrics.registerFont(TTFont("DejaVuSans", sys.argv[1]))
style = ParagraphStyle("Body", fontName="DejaVuSans", fontSize=9.5, leading=13.2)
story = [Paragraph(f"Paragraph {n}: the room agreed to adopt the pattern and to check in.", style)
         for n in range(120)]
SimpleDocTemplate(io.BytesIO(), initialFontName="DejaVuSans").build(story)
"""

# Rows 1 and 2's second floor: the event's very paragraphs, bare, in one process that
# imports SQLAlchemy and ReportLab and registers the four DejaVu faces and the
# fallbacks its markup names (its names in CJK): what any export of this
# document through this stack costs before reading a record or drawing a table.
FLOOR_DOCUMENT = """
import io, json, sys
from pathlib import Path
import sqlalchemy
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
document = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
for face, path in document["fonts"].items():
    pdfmetrics.registerFont(TTFont(face, path))
    pdfmetrics.registerFontFamily(face, normal=face, bold=face, italic=face, boldItalic=face)
faces = ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique")
pdfmetrics.registerFontFamily(faces[0], normal=faces[0], bold=faces[1], italic=faces[2], boldItalic=faces[3])
style = ParagraphStyle("Body", fontName=faces[0], fontSize=9.5, leading=13.2)
paragraphs = document["paragraphs"]
SimpleDocTemplate(io.BytesIO(), initialFontName=faces[0]).build([Paragraph(p, style) for p in paragraphs])
"""


def document_floor(paragraphs: list[str], markup: Path) -> list[str]:
    """Return the command that lays out ``paragraphs`` bare, in the fonts they name (FLOOR_DOCUMENT)."""
    from exports.pdf.fonts import FAMILY, FILES

    named = {face for face in FILES if any(f'"{face}"' in text for text in paragraphs)} | set(FAMILY)
    fonts = {face: str(ROOT / "resources" / "fonts" / FILES[face]) for face in sorted(named)}
    markup.write_text(json.dumps({"paragraphs": paragraphs, "fonts": fonts}), encoding="utf-8")
    return [sys.executable, "-c", FLOOR_DOCUMENT, str(markup)]


# Row 6's second reference: the start window's bones in bare PySide6, what
# any Qt app that shows this list pays: the events read with sqlite3, a table
# of them, a filter field, menus holding as many actions as ours, a status bar.
START_FLOOR = """
import sqlite3, sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QLineEdit, QMainWindow, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)
app = QApplication(sys.argv[:1])
rows = sqlite3.connect(sys.argv[1]).execute(
    "SELECT date, title, status, facilitator FROM events ORDER BY date DESC").fetchall()
w = QMainWindow()
for menu_name in ("&File", "&Edit", "&Event", "&View", "&Room", "&Help"):
    menu = w.menuBar().addMenu(menu_name)
    for n in range(8):
        action = QAction(f"Action {n}", w)
        action.setShortcut(QKeySequence(f"Ctrl+Shift+F{n + 1}"))
        menu.addAction(action)
centre = QWidget(); layout = QVBoxLayout(centre)
layout.addWidget(QLineEdit(placeholderText="Filter events"))
grid = QTableWidget(len(rows), 4)
grid.setHorizontalHeaderLabels(["Date", "Event", "Status", "Facilitator"])
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        item = QTableWidgetItem(str(value)); item.setTextAlignment(Qt.AlignmentFlag.AlignLeft)
        grid.setItem(r, c, item)
layout.addWidget(grid)
w.setCentralWidget(centre); w.statusBar().showMessage(sys.argv[1])
w.resize(1280, 720); w.show()
app.processEvents(); w.grab()
print("ready", flush=True)
"""
