"""One app per database: a second instance says so and exits; a killed holder's lock is reclaimed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import ui.app
from facilitator.storage.session_markers import previous_session_unclean
from ui.app import run_gui
from ui.main_window import MainWindow
from ui.single_instance import AlreadyOpenError, DatabaseLock, lock_path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Takes the same lock the app takes, says so, and holds it until killed.
HOLDER = r"""
import sys, time
from pathlib import Path
from ui.single_instance import DatabaseLock

lock = DatabaseLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def holder(db_path):
    """Start a second process that holds the database's lock; kill it afterwards."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline().strip()
        assert line == "locked", child.stderr.read()
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)
        child.stdout.close()
        child.stderr.close()


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append(text))
    return shown


def test_a_second_instance_on_the_same_file_says_so_and_exits(
    qapp, db_path, holder, warnings, capsys, monkeypatch
):
    monkeypatch.setattr("ui.new_database.ask_to_create", lambda *_: True)  # a new file: yes, create it
    assert run_gui(str(db_path)) == 1
    where = f"process {holder.pid} on host {socket.gethostname()}"
    message = f"This database is already open in Scale Across ({where})."
    assert warnings == [f"{message} Switch to that window."]
    assert message in capsys.readouterr().err
    assert not db_path.exists()  # never opened, not even created
    assert not previous_session_unclean(db_path)  # and no session marker of ours


def test_another_spelling_of_the_same_path_meets_the_same_lock(tmp_path, db_path, holder, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(AlreadyOpenError) as raised:
        DatabaseLock(Path("sub/../") / db_path.name).acquire()
    assert raised.value.holder.pid == holder.pid


def test_a_lock_left_by_a_killed_process_is_reclaimed(db_path, holder):
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    assert lock_path(db_path).exists()  # left behind, naming a dead process
    assert lock_path(db_path).read_text().split("\n")[0] == str(holder.pid)

    lock = DatabaseLock(db_path)
    lock.acquire()
    assert lock_path(db_path).read_text().split("\n")[0] == str(os.getpid())
    lock.release()
    assert not lock_path(db_path).exists()


def test_an_unreadable_lock_file_with_no_live_holder_is_reclaimed(db_path):
    # A crash between creating the lock file and writing it leaves it empty.
    path = lock_path(db_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    lock = DatabaseLock(db_path)
    lock.acquire()
    assert path.read_text().split("\n")[0] == str(os.getpid())
    lock.release()


def test_a_normal_run_takes_the_lock_and_leaves_nothing_behind(qapp, db_path, monkeypatch):
    monkeypatch.setattr("ui.new_database.ask_to_create", lambda *_: True)  # a new file: yes, create it
    seen = {}
    started: list[MainWindow] = []
    start_window = ui.app.start_window

    def start_and_keep(target):
        # The window this run starts, not some other test's window that is
        # still among the top-level widgets: looking for "a MainWindow" there
        # found a stale, hidden one and waited for it for ever.
        window = start_window(target)
        started.append(window)
        return window

    monkeypatch.setattr(ui.app, "start_window", start_and_keep)

    def look_then_quit():
        # Once the window is up, however long a busy machine takes to get there.
        if not started or not started[0].isVisible():
            return
        poll.stop()
        window = started[0]
        seen["lock"] = lock_path(db_path).exists()
        seen["unclean"] = previous_session_unclean(db_path)
        # A first start fills the screen: the tool is projected.
        room = window.screen().availableGeometry()
        seen["fills the screen"] = (
            window.width() >= room.width() * 0.95 and window.height() >= room.height() * 0.9
        )
        # Closing the last window ends the run, as when the facilitator
        # closes it. A window another test left open is closed too, so it cannot
        # keep the loop going; an explicit quit() would leave a quit pending
        # that ends the next test's event loop.
        for widget in QApplication.topLevelWidgets():
            widget.close()

    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(look_then_quit)
    poll.start()
    assert run_gui(str(db_path)) == 0
    assert seen == {"lock": True, "unclean": True, "fills the screen": True}  # locked, session open
    assert not lock_path(db_path).exists()
    assert not previous_session_unclean(db_path)  # a clean quit: no check next time
