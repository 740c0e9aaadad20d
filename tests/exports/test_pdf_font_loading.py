"""Fallback fonts are parsed only when a document holds a character they draw.

Each check runs in a fresh interpreter: the fonts are registered once per
process, and other tests in this one may already have needed the CJK font.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from exports.pdf.font_coverage import measured_coverage, ranges, read_coverage
from exports.pdf.fonts import FAMILY, FILES, font_dir

ROOT = Path(__file__).resolve().parents[2]

RENDER = """
import datetime as dt, os, sys
os.environ["SCALE_ACROSS_DATA_DIR"] = sys.argv[1]
from exports.pdf import render_summary
from exports.pdf import fonts
from facilitator.services import events, outcomes, participants
from facilitator.storage import open_database
db = open_database(os.path.join(sys.argv[1], "h.sqlite3"))
with db.transaction() as session:
    event = events.plan_event(session, coalitions=["Payments"], date=dt.date(2026, 5, 14))
    outcomes.add_outcome(session, event.id, "success", "Déploiements quotidiens — sans incident")
    participants.add_participant(session, event.id, "Zoë Ørsted", "Plateforme")
    participants.add_participant(session, event.id, sys.argv[2], "Payments")
    event_id = event.id
with db.transaction() as session:
    pdf = render_summary(events.load_event(session, event_id))
assert pdf.startswith(b"%PDF")
print(" ".join(sorted(fonts._registered().loaded)))
"""


def loaded_fonts(tmp_path: Path, name: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", RENDER, str(tmp_path), name],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_a_latin_event_parses_only_dejavu(tmp_path):
    assert loaded_fonts(tmp_path, "Ana Souza") == set(FAMILY)


def test_a_japanese_name_brings_in_the_cjk_font_and_nothing_else(tmp_path):
    assert loaded_fonts(tmp_path, "田中 花子") == {*FAMILY, "DroidSansFallback"}


def test_an_emoji_and_a_korean_name_bring_in_their_fonts(tmp_path):
    assert loaded_fonts(tmp_path, "김민준 🚀") == {*FAMILY, "NanumGothic", "Symbola"}


def test_the_shipped_coverage_is_what_the_fonts_draw():
    """Else a changed font would print boxes or pick the wrong fallback: run font_coverage again."""
    with_files = font_dir()
    assert read_coverage(with_files) == measured_coverage(ROOT / "resources" / "fonts", FILES)


def test_ranges_join_neighbours_only():
    assert ranges([5, 1, 2, 3, 7]) == [[1, 3], [5, 5], [7, 7]]
    assert ranges([]) == []
