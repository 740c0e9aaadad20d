"""The command line speaks the user's language: ``LANG``/``LANGUAGE``, or ``--lang`` anywhere on the line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import i18n
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    i18n.set_language("en")


def _run(*argv: str, **environ: str) -> subprocess.CompletedProcess:
    """Run the installed command in a fresh process with ``environ`` as its only locale settings."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    command = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())", *argv]
    return subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env={**env, **environ}, timeout=60
    )


def test_help_follows_a_german_system_locale():
    result = _run("--help", LANG="de_DE.UTF-8")
    assert result.returncode == 0
    assert result.stdout.startswith("Aufruf: scale-across")
    for german in (
        "Positionsargumente:",
        "Optionen:",
        "Veranstaltungen auflisten, neueste zuerst",
        "Standard",
    ):
        assert german in result.stdout
    assert "list events" not in result.stdout


def test_help_is_english_under_an_english_or_c_locale():
    for environ in ({"LANG": "en_US.UTF-8"}, {"LANG": "C.UTF-8"}, {"LANG": "C", "LANGUAGE": "de"}):
        result = _run("--help", **environ)
        assert result.stdout.startswith("usage: scale-across"), environ
        assert "list events, newest first" in result.stdout


def test_lang_overrides_the_system_before_or_after_the_command(capsys):
    result = _run("--lang", "en", "--help", LANG="de_DE.UTF-8")
    assert result.stdout.startswith("usage: scale-across")
    with pytest.raises(SystemExit):
        main(["events", "--lang=de", "--help"])
    assert capsys.readouterr().out.startswith("Aufruf: scale-across events")


def test_argparse_errors_and_ours_come_in_german(capsys, tmp_path):
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "de", "export"])
    assert exited.value.code == 2
    assert "scale-across export: Fehler: folgende Argumente fehlen: EVENT_ID" in capsys.readouterr().err
    missing = tmp_path / "nowhere" / "events.sqlite3"
    assert main(["--lang", "de", "--db", str(missing), "events"]) == 1
    assert capsys.readouterr().err.startswith("scale-across: Fehler: ")


def test_an_unknown_language_is_one_line_naming_the_ones_there_are(capsys):
    assert main(["--lang", "xx", "events"]) == 2
    err = capsys.readouterr().err
    assert err == "scale-across: error: no translation for 'xx'; available: en, de\n"
    # Said in the system's language.
    result = _run("--lang", "xx", "events", LANG="de_DE.UTF-8")
    assert (result.returncode, result.stderr) == (
        2,
        "scale-across: Fehler: keine Übersetzung für 'xx'; verfügbar: en, de\n",
    )
