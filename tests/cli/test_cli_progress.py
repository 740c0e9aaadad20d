"""Long commands draw a progress bar on stderr at a terminal, and print nothing extra elsewhere."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from sqlalchemy import func, select

from facilitator.demo import create_demo_event
from facilitator.domain import Event
from facilitator.eventfile.copying import copy_history
from facilitator.progress import Cancelled
from facilitator.storage import open_database
from ui.cli import main
from ui.cli.progress import progress_bar


class Terminal(io.StringIO):
    """A stderr that says it is a terminal and keeps what is written to it."""

    def isatty(self) -> bool:
        return True


def make_history(path: Path, events: int = 3) -> None:
    db = open_database(path)
    try:
        with db.transaction() as session:
            for _ in range(events):
                create_demo_event(session)
    finally:
        db.close()


def event_count(path: Path) -> int:
    db = open_database(path)
    try:
        with db.transaction() as session:
            return session.scalar(select(func.count()).select_from(Event)) or 0
    finally:
        db.close()


def run_at_terminal(tmp_path: Path, *argv: str) -> tuple[int, str, str]:
    """Run ``scale-across ARGV`` in a fresh interpreter whose stderr is a pseudo-terminal."""
    master, slave = pty.openpty()
    # A new pty is 0 columns wide, where tqdm draws nothing: give it a real terminal's width.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    out_file = tmp_path / "stdout.txt"
    code = "import sys; from ui.cli import main; sys.exit(main(sys.argv[1:]))"
    with out_file.open("wb") as out:
        child = subprocess.Popen([sys.executable, "-c", code, *argv], stdout=out, stderr=slave)
        os.close(slave)
        err = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            err += chunk
        os.close(master)
        status = child.wait(timeout=120)
    return status, out_file.read_text(), err.decode()


# The adapter


def test_a_terminal_gets_a_bar_that_reaches_the_total_and_is_cleared():
    terminal = Terminal()
    with progress_bar("Indexing records", "records", stream=terminal) as progress:
        assert progress is not None
        for done in range(0, 101, 25):
            progress(done, 100)
    shown = terminal.getvalue()
    assert "Indexing records" in shown
    assert "100%" in shown and "100/100" in shown and "records/s" in shown
    # leave=False: the line is blanked at the end, so the command's summary stands alone.
    assert shown.endswith("\r") and shown.rstrip("\r").split("\r")[-1].strip() == ""


def test_no_terminal_no_callback_and_not_one_character(capsys):
    with progress_bar("Indexing records", "records") as progress:
        assert progress is None
    assert capsys.readouterr() == ("", "")


def test_no_report_no_bar():
    terminal = Terminal()
    with progress_bar("Copying events", "events", stream=terminal):
        pass
    assert terminal.getvalue() == ""


# The commands at a terminal


def test_reindex_at_a_terminal_shows_the_bar_reaching_every_record(tmp_path):
    path = tmp_path / "history.sqlite3"
    make_history(path)

    status, out, err = run_at_terminal(tmp_path, "db", "reindex", "--db", str(path))

    assert status == 0
    count = int(out.split(": ")[1].split()[0])
    assert out == f"Rebuilt the search index of {path}: {count} records indexed\n"
    assert "Indexing records" in err and f"{count}/{count}" in err and "100%" in err


def test_copy_at_a_terminal_shows_the_bar_reaching_every_event(tmp_path):
    source, target = tmp_path / "laptop.sqlite3", tmp_path / "copy.sqlite3"
    make_history(source)

    status, out, err = run_at_terminal(tmp_path, "db", "copy", "--from", str(source), "--to", str(target))

    assert status == 0
    assert out.startswith(f"Copied 3 events to {target}; 0 were already there")
    assert "Copying events" in err and "3/3" in err and "100%" in err


# The commands in a pipe: exactly the output scripts read before


def test_reindex_in_a_pipe_prints_only_its_summary(tmp_path, capsys):
    path = tmp_path / "history.sqlite3"
    make_history(path)

    assert main(["db", "reindex", "--db", str(path)]) == 0

    out, err = capsys.readouterr()
    count = int(out.split(": ")[1].split()[0])
    assert (out, err) == (f"Rebuilt the search index of {path}: {count} records indexed\n", "")


def test_copy_in_a_pipe_prints_only_its_report(tmp_path, capsys):
    source, target = tmp_path / "laptop.sqlite3", tmp_path / "copy.sqlite3"
    make_history(source, events=1)

    assert main(["db", "copy", "--from", str(source), "--to", str(target)]) == 0

    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert (
        lines[0]
        == f"Copied 1 event to {target}; 0 were already there unchanged; 0 differ; 0 could not be copied"
    )
    assert len(lines) == 2 and lines[1].startswith("  copied: ")


# copy_history's progress and cancelling


def test_copy_reports_every_event_against_a_fixed_total(tmp_path):
    source_path, target_path = tmp_path / "laptop.sqlite3", tmp_path / "copy.sqlite3"
    make_history(source_path)
    calls: list[tuple[int, int]] = []
    source, target = open_database(source_path), open_database(target_path)
    try:
        copy_history(source, target, progress=lambda done, total: calls.append((done, total)))
    finally:
        source.close()
        target.close()
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize(("stop_at", "kept"), [(0, 0), (1, 0), (2, 1), (3, 2)])
def test_cancelling_a_copy_rolls_back_the_event_it_was_on(tmp_path, stop_at, kept):
    """Cancelled at the start copies nothing; later, the events finished before stay (as after a crash)."""
    source_path, target_path = tmp_path / "laptop.sqlite3", tmp_path / "copy.sqlite3"
    make_history(source_path)

    def cancel(done: int, total: int) -> None:
        if done == stop_at:
            raise Cancelled

    source, target = open_database(source_path), open_database(target_path)
    try:
        with pytest.raises(Cancelled):
            copy_history(source, target, progress=cancel)
    finally:
        source.close()
        target.close()
    assert event_count(target_path) == kept
    assert event_count(source_path) == 3
