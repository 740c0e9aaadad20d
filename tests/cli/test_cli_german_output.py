"""Under ``LANG=de_DE.UTF-8`` the commands speak German: results, table heads, notes and errors.

What a program reads stays as it is: ids, ISO dates, file names, and the
``file:line:column`` of a problem in an event file. Each test runs real
commands, in a process of their own or through ``main()`` with the
environment a German user has.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import i18n
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]
GERMAN = {"LANG": "de_DE.UTF-8"}


@pytest.fixture
def german(monkeypatch):
    """Give ``main()`` a German system locale; English again afterwards."""
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    yield
    i18n.set_language("en")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _process(*argv: str) -> subprocess.CompletedProcess:
    """Run the command in a fresh process whose only locale setting is ``LANG=de_DE.UTF-8``."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    command = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())", *argv]
    return subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env={**env, **GERMAN}, timeout=120
    )


def test_a_new_database_and_its_events_in_a_german_process(tmp_path):
    db = str(tmp_path / "events.sqlite3")
    made = _process("demo", "--db", db)
    assert made.returncode == 0, made.stderr
    assert re.fullmatch(r"Beispielveranstaltung [0-9a-f-]{36} angelegt\n", made.stdout)

    listed = _process("events", "--db", db)
    assert (listed.returncode, listed.stderr) == (0, "")
    # The id and the ISO date are for scripts too; the status is a word for people.
    assert re.fullmatch(
        r"[0-9a-f-]{36}  \d{4}-\d{2}-\d{2}  Checkout Reliability Coalition  geplant\n", listed.stdout
    )

    missing = _process("events", "--db", str(tmp_path / "typo.sqlite3"))
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr == (
        f"scale-across: Fehler: keine Datenbank unter {tmp_path / 'typo.sqlite3'} (mit --db angegeben); "
        "legen Sie eine mit „scale-across demo“ oder „scale-across import FILE“ an oder prüfen Sie den Pfad\n"
    )


def test_events_check_and_figures_in_german(german, capsys, tmp_path):
    db = str(tmp_path / "events.sqlite3")
    assert run(capsys, "demo", "--db", db)[0] == 0
    event_id = run(capsys, "events", "--db", db)[1].split()[0]
    code, out, err = run(capsys, "check", event_id[:8], "--db", db)
    assert code == 1 and out  # the open items, one a line
    assert re.fullmatch(rf"\d+ Punkte? (ist|sind) in der Veranstaltung {event_id} noch offen\n", err)

    code, out, err = run(capsys, "figures", "--db", db, "--today", "2027-06-01")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Übernahme-Kennzahlen von Scale Across, Stand 2027-06-01"
    assert "Gesamter Zeitraum" in lines
    assert lines[3].split() == [
        "Bereich",
        "Übernahme",
        "Teams/Muster",
        "dokumentiert",
        "Median",
        "Tage",
        "Misserfolge",
    ]
    assert any(line.endswith(", nach Quartal des Veranstaltungsdatums") for line in lines)
    assert any(line.startswith("Quartal  Veranstaltungen  Übernahme  offen") for line in lines)
    # Numbers for people in German: a decimal comma, never a point.
    assert re.search(r"\s\d+,\d\s", out) and not re.search(r"\s\d+\.\d\s", out)
    for english in ("All time", "by quarter", "adoption figures", "median days"):
        assert english not in out

    code, out, err = run(capsys, "figures", "--db", db, "--coalition", "Nope")
    assert code == 1
    assert err == (
        "scale-across: Fehler: keine Koalition namens 'Nope'; Koalitionen: Checkout Reliability Coalition\n"
    )


def test_agendas_in_german(german, capsys):
    code, out, err = run(capsys, "agenda", "list")
    assert (code, err) == (0, "")
    assert re.search(r"^scale-across +60 Min\.  .*  \(mitgeliefert\)$", out, re.MULTILINE)

    code, out, err = run(capsys, "agenda", "check", str(ROOT / "agendas" / "scale-across.yaml"))
    assert (code, err) == (0, "")
    assert re.fullmatch(r".*scale-across\.yaml: in Ordnung — „.+“, \d+ Schritte, 60 Minuten\n", out)


def test_the_database_commands_in_german(german, capsys, tmp_path):
    db = tmp_path / "events.sqlite3"
    assert run(capsys, "demo", "--db", str(db))[0] == 0

    assert run(capsys, "db", "check", "--db", str(db)) == (0, f"{db}: in Ordnung\n", "")
    code, out, err = run(capsys, "db", "backups", "--db", str(db))
    assert (code, err) == (0, "")
    assert out.startswith(f"Noch keine Sicherungen von {db} in ")
    code, out, err = run(capsys, "db", "backup", "--db", str(db))
    assert (code, err) == (0, "")
    assert re.fullmatch(rf"{re.escape(str(db))} gesichert nach .+\.sqlite3 \(\d+ KB\)\n", out)

    notes = tmp_path / "notes.db"
    notes.write_text("shopping list\n")
    code, out, err = run(capsys, "events", "--db", str(notes))
    assert code == 1
    assert (
        err == f"scale-across: Fehler: {notes} ist keine Scale-Across-Datenbank (es ist keine SQLite-Datei)\n"
    )

    code, out, err = run(capsys, "db", "restore", "nothere.sqlite3", "--db", str(db))
    assert (code, err) == (1, "scale-across: Fehler: nothere.sqlite3: diese Sicherungsdatei gibt es nicht\n")


def test_event_file_problems_keep_their_place_and_speak_german(german, capsys, tmp_path):
    db = tmp_path / "events.sqlite3"
    assert run(capsys, "demo", "--db", str(db))[0] == 0
    event_id = run(capsys, "events", "--db", str(db))[1].split()[0]
    exported = tmp_path / "event.yaml"
    code, out, err = run(capsys, "export", event_id, "--db", str(db), "--out", str(exported))
    assert (code, out, err) == (0, f"Veranstaltung {event_id} nach {exported} geschrieben\n", "")

    code, out, err = run(capsys, "import", str(exported), "--db", str(db))
    assert code == 1
    assert re.fullmatch(
        rf"scale-across: Fehler: {re.escape(str(exported))}:\d+:\d+: event\.id: "
        rf"eine Veranstaltung mit der ID {event_id} ist bereits in dieser Datenbank; "
        r"importieren Sie mit --new-ids, um eine Kopie hinzuzufügen\n",
        err,
    )

    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(
        exported.read_text(encoding="utf-8").replace("format: ", "format: x", 1), encoding="utf-8"
    )
    code, out, err = run(capsys, "import", str(wrong), "--db", str(db))
    assert code == 1
    assert err.startswith(
        f"scale-across: Fehler: {wrong}:1:9: format: muss „scale-across-event“ sein; gefunden: "
    )
    assert err.endswith("; ist das eine Scale-Across-Veranstaltungsdatei?\n")

    code, out, err = run(capsys, "export", event_id, "--db", str(db), "--out", str(tmp_path / "e.docx"))
    assert code == 1 and err.startswith("scale-across: Fehler: das Format von ")
