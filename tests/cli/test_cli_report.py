"""``scale-across figures`` and ``scale-across report`` on the hand-checked history."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.storage import open_database
from ui.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "figures"))
from figures_history import build_history


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-figures") / "history.sqlite3"
    db = open_database(path)
    try:
        build_history(db)
    finally:
        db.close()
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_figures_prints_every_scope_then_the_overall_quarters(capsys, history):
    code, out, err = run(capsys, "figures", "--db", str(history), "--today", "2026-11-21")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Scale Across adoption figures as of 2026-11-21"
    assert lines[3].split() == [
        "scope",
        "adoption",
        "teams/pattern",
        "documented",
        "median",
        "days",
        "failures",
    ]
    assert lines[4].split() == ["Overall", "57", "%", "2.0", "80", "%", "60", "5"]
    assert lines[5].split() == ["Alpha", "33", "%", "1.5", "75", "%", "120.5", "4"]
    assert lines[6].split() == ["Beta", "60", "%", "4.0", "100", "%", "30", "2"]
    assert "2025 Q4       0  —" in out
    assert "2026 Q2       1  33 % (1/3)     1            2.2       100 %           30         1" in out
    # No fit check in this history: every agreement is counted apart, as not checked.
    assert "Started at risk vs fit: At risk: no agreements · Fit: no agreements · Not checked:" in out


def test_one_coalition_by_quarter_with_its_top_patterns(capsys, history):
    code, out, _ = run(
        capsys, "figures", "--coalition", "  alpha ", "--db", str(history), "--today", "2026-11-21"
    )
    assert code == 0
    assert "Alpha, by quarter of the event date" in out
    assert "2026 Q3       0  —              0            1.5        75 %            —         0" in out
    assert (
        "All time: adoption 33 % · teams/pattern 1.5 · documented 75 % · median days 120.5 · failures 4"
    ) in out
    assert "    3  documented  Feature flags" in out
    assert "    0  incomplete  Orphan pattern" in out


def test_an_unknown_coalition_is_one_line_naming_the_known_ones(capsys, history):
    code, out, err = run(capsys, "figures", "--coalition", "Gamma", "--db", str(history))
    assert code == 1 and out == ""
    assert err == "scale-across: error: no coalition named 'Gamma'; coalitions: Alpha, Beta\n"


def test_an_empty_database_says_so(capsys, db, db_path):
    code, out, _ = run(capsys, "figures", "--db", str(db_path))
    assert code == 0 and out == "No figures yet: no events or patterns are recorded.\n"


def test_report_writes_the_pdf_on_the_paper_asked_for(capsys, history, tmp_path):
    target = tmp_path / "report.pdf"
    code, out, err = run(
        capsys, "report", "--out", str(target), "--page-size", "Letter", "--db", str(history)
    )
    assert code == 0 and err == ""
    assert out == f"Wrote the adoption report to {target}\n"
    reader = PdfReader(target)
    assert reader.metadata.title == "Scale Across — adoption report"
    assert float(reader.pages[0].mediabox.width) == 612


def test_report_into_a_new_folder_creates_it_and_says_so(capsys, history, tmp_path):
    target = tmp_path / "reports" / "2026" / "r.pdf"
    code, out, err = run(capsys, "report", "--out", str(target), "--db", str(history))
    assert code == 0 and err == ""
    assert out == f"Created the folder {tmp_path / 'reports'}\nWrote the adoption report to {target}\n"
    assert target.read_bytes().startswith(b"%PDF")


def test_report_into_a_file_fails_in_one_line(capsys, history, tmp_path):
    (tmp_path / "taken").write_text("x")
    code, out, err = run(capsys, "report", "--out", str(tmp_path / "taken" / "r.pdf"), "--db", str(history))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "is a file, not a folder" in err


def test_a_bad_date_is_refused_by_the_parser(capsys, history):
    with pytest.raises(SystemExit) as exit_info:
        main(["figures", "--today", "2026-13-01", "--db", str(history)])
    assert exit_info.value.code == 2
    assert "must be a date like 2026-11-21" in capsys.readouterr().err


def test_names_reach_the_terminal_on_one_line_without_control_characters():
    from ui.cli.figures import _name

    assert _name("Pay\x1b[31mments\nTeam") == "Pay [31mments Team"
    assert _name("x" * 60) == "x" * 39 + "…"
