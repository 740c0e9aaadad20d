"""import and export from the command line, with errors in one line."""

from __future__ import annotations

import json

import pytest

from facilitator.services import events
from facilitator.storage import open_database
from ui.cli import main


def _demo_id(capsys, db):
    assert main(["demo", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    return out.strip().split()[-1]


def test_export_by_prefix_then_import_elsewhere(capsys, tmp_path):
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    event_id = _demo_id(capsys, first)
    out_file = tmp_path / "event.json"

    assert main(["export", event_id[:8], "--out", str(out_file), "--db", str(first)]) == 0
    assert json.loads(out_file.read_text(encoding="utf-8"))["event"]["id"] == event_id
    capsys.readouterr()

    assert main(["--db", str(second), "import", str(out_file)]) == 0
    assert event_id in capsys.readouterr().out
    db = open_database(second)
    with db.transaction() as session:
        event = events.load_event(session, event_id)
        assert len(event.agreements) == 4
        assert event.participants[1].name == "Łukasz Wróblewski"
    db.close()


def test_export_format_follows_the_option_or_the_file_name(capsys, tmp_path):
    db = tmp_path / "a.sqlite3"
    event_id = _demo_id(capsys, db)
    main(["export", event_id, "--out", str(tmp_path / "e.yaml"), "--db", str(db)])
    main(["export", event_id, "--format", "json", "--out", str(tmp_path / "e.txt"), "--db", str(db)])
    assert (tmp_path / "e.yaml").read_text(encoding="utf-8").startswith("format: scale-across-event")
    assert json.loads((tmp_path / "e.txt").read_text(encoding="utf-8"))["format"] == "scale-across-event"


def test_a_malformed_event_file_is_one_line_with_file_line_column(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "format: scale-across-event\nversion: 1\nevent:\n  date: 2026-13-40\ncoalitions: []\n",
        encoding="utf-8",
    )
    code = main(["import", str(bad), "--db", str(tmp_path / "x.sqlite3")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"scale-across: error: {bad}:4:")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_unknown_event_id_is_reported(capsys, tmp_path, db, db_path):
    code = main(["export", "ffff", "--out", str(tmp_path / "x.yaml"), "--db", str(db_path)])
    assert code == 1
    assert "no event with an id starting 'ffff'" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_agenda_check_reports_ok_and_errors(capsys, tmp_path):
    from importlib.resources import files

    shipped = files("agendas").joinpath("scale-across-30.yaml")
    assert main(["agenda", "check", str(shipped)]) == 0
    assert "ok" in capsys.readouterr().out
    bad = tmp_path / "mine.yaml"
    bad.write_text(
        "format: scale-across-agenda\nversion: 1\nid: mine\ntitle: Mine\nsteps:\n"
        "  - id: a\n    title: A\n    question: Q?\n    timebox_minutes: 0\n    captures: []\n",
        encoding="utf-8",
    )
    assert main(["agenda", "check", str(bad)]) == 1
    assert f"{bad}:9:22:" in capsys.readouterr().err


def test_export_pdf_summary_and_one_pdf_per_adopter(capsys, tmp_path):
    from pypdf import PdfReader

    db = tmp_path / "a.sqlite3"
    event_id = _demo_id(capsys, db)
    summary = tmp_path / "summary.pdf"
    assert main(["export", event_id[:8], "--out", str(summary), "--db", str(db)]) == 0
    text = " ".join((p.extract_text() or "") for p in PdfReader(summary).pages)
    assert "Checkout Reliability Coalition" in " ".join(text.split())
    folder = tmp_path / "handouts" / "adopters"  # neither exists yet, as for a new user
    capsys.readouterr()
    assert (
        main(["export", event_id, "--adopters", str(folder), "--page-size", "Letter", "--db", str(db)]) == 0
    )
    written = sorted(folder.glob("*.pdf"))
    out = capsys.readouterr().out
    assert len(written) == 4 and out.count("Wrote ") == 4
    assert out.splitlines()[0] == f"Created the folder {tmp_path / 'handouts'}"
    assert round(float(PdfReader(written[0]).pages[0].mediabox.width)) == 612
    # Writing again into the folder that now exists says nothing about folders.
    assert main(["export", event_id, "--adopters", str(folder), "--db", str(db)]) == 0
    assert "Created" not in capsys.readouterr().out


def test_export_pdf_into_a_folder_that_cannot_be_written(capsys, tmp_path):
    db = tmp_path / "a.sqlite3"
    event_id = _demo_id(capsys, db)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code = main(["export", event_id, "--format", "pdf", "--out", str(blocker / "s.pdf"), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and str(blocker / "s.pdf") in err


@pytest.mark.parametrize("name", ["event.yaml", "summary.pdf"])
def test_export_out_into_a_new_folder_creates_it_and_says_so(capsys, tmp_path, name):
    db = tmp_path / "a.sqlite3"
    event_id = _demo_id(capsys, db)
    target = tmp_path / "new" / "deeper" / name
    assert main(["export", event_id, "--out", str(target), "--db", str(db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Created the folder {tmp_path / 'new'}"
    assert target.stat().st_size > 0 and out[1].startswith("Wrote ")


def test_import_of_pasted_text_prints_what_was_dropped_and_succeeds(capsys, tmp_path):
    prepared = tmp_path / "prepared.yaml"
    prepared.write_bytes(
        b"format: scale-across-event\r\nversion: 1\r\nevent:\r\n  date: 2026-11-21\r\n"
        b'  title: No\x07 freeze\r\ncoalitions:\r\n  - name: "Check\\u200bout"\r\n'
    )
    code = main(["import", str(prepared), "--db", str(tmp_path / "x.sqlite3")])
    out, err = capsys.readouterr()
    assert code == 0
    assert err.splitlines() == [
        f"{prepared}:5:12: dropped U+0007 (control character) in event.title",
        f"{prepared}:7:17: dropped U+200B (zero-width space) in coalitions[1].name",
    ]
    assert out.startswith("Imported event ") and out.count("\n") == 1
    db = open_database(tmp_path / "x.sqlite3")
    with db.transaction() as session:
        event = events.load_event(session, out.split()[2])
        assert (event.title, event.coalitions[0].name) == ("No freeze", "Checkout")
    db.close()


@pytest.mark.parametrize("name", ["event.docx", "event", "event.yaml.bak"])
def test_export_refuses_a_file_name_that_names_no_format(capsys, tmp_path, name):
    db = tmp_path / "a.sqlite3"
    event_id = _demo_id(capsys, db)
    out = tmp_path / "out" / name

    code = main(["export", event_id, "--out", str(out), "--db", str(db)])

    assert code == 1
    assert capsys.readouterr().err == (
        f"scale-across: error: cannot tell the format of {out}; "
        f"use .yaml, .yml, .json, .pdf, .md, .csv or .ics, or give --format\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("e.yml", b"format: "),
        ("e.JSON", b"{"),
        ("e.Pdf", b"%PDF-"),
        ("e.md", b"# "),
        ("e.markdown", b"# "),
        ("e.CSV", b"event_id,"),
        ("e.ics", b"BEGIN:VCALENDAR\r\n"),
    ],
)
def test_export_knows_every_format_by_its_file_name(capsys, tmp_path, name, start):
    db = tmp_path / "a.sqlite3"
    event_id = _demo_id(capsys, db)
    assert main(["export", event_id, "--out", str(tmp_path / name), "--db", str(db)]) == 0
    assert (tmp_path / name).read_bytes().startswith(start)


def test_export_with_format_writes_any_file_name(capsys, tmp_path):
    db = tmp_path / "a.sqlite3"
    event_id = _demo_id(capsys, db)
    out = tmp_path / "event.docx"
    assert main(["export", event_id, "--format", "yaml", "--out", str(out), "--db", str(db)]) == 0
    assert out.read_text(encoding="utf-8").startswith("format: scale-across-event")


def test_the_summary_pdf_states_what_the_event_left_open(tmp_path, capsys):
    from pypdf import PdfReader

    from facilitator.demo import create_demo_event
    from facilitator.storage import open_database

    db_path = tmp_path / "h.sqlite3"
    db = open_database(db_path)
    with db.transaction() as session:
        event_id = str(create_demo_event(session).id)
    db.close()
    out = tmp_path / "summary.pdf"
    assert main(["export", event_id, "--out", str(out), "--db", str(db_path)]) == 0
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages)
    assert "Left open" in text and "6 fit questions not answered" in text
    assert "not checked" not in text
