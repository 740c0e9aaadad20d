"""The first start after an update shows the window at once and updates the database on the pool.

The worker is held at a chosen stage by a threading.Event that only the GUI
thread opens: if the update ran on the GUI thread, or blocked it, the gate
would never open and the guard would fail the test. No sleeps.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from pathlib import Path

import pytest
from helpers import started
from older_database import make_older
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from refused_files import overwrite_pages

import facilitator.storage
import ui.start_tasks
from facilitator.progress import BACKUP, INDEX
from facilitator.storage import StorageError
from facilitator.storage.backups import backup_folder, list_backups, take_backup
from facilitator.storage.constants import HEAD_REVISION
from facilitator.storage.integrity import check_database
from ui import recovery
from ui.actions import Act
from ui.app import start_window
from ui.background import CANCELLED
from ui.recovery import Choice
from ui.start_tasks import BACKUP_TASK, UPDATE_NOTE, UPDATE_TASK
from ui.window_database import NOT_READY

GUARD = 60  # seconds a held worker waits: reached only when something is broken
LONG = 120_000  # ms; nothing here is timed


class StageGate:
    """Holds the worker at the first report of one stage until the test opens the gate."""

    def __init__(self, monkeypatch, stage: str, at: int = 0) -> None:
        self.reached = threading.Event()
        self.open = threading.Event()
        self.texts: list[str] = []
        real = ui.start_tasks.staged

        def staged(report):
            stages = real(report)

            def of(name):
                progress = stages(name)

                def held(done, total):
                    if name == stage and done == at and not self.reached.is_set():
                        self.reached.set()
                        assert self.open.wait(GUARD), "the GUI thread never let the worker go on"
                    progress(done, total)

                return held

            return of

        monkeypatch.setattr(ui.start_tasks, "staged", staged)

    def release(self) -> None:
        self.open.set()


@pytest.fixture
def hold(monkeypatch):
    """Return a maker of ``StageGate``; every gate is opened at teardown, so no worker is left waiting."""
    gates: list[StageGate] = []

    def make(stage: str, at: int = 0) -> StageGate:
        gates.append(StageGate(monkeypatch, stage, at))
        return gates[-1]

    yield make
    for gate in gates:
        gate.release()


@pytest.fixture
def older(db_path):
    make_older(db_path)
    return db_path


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_the_window_shows_at_once_while_the_update_runs_on_the_pool(qtbot, older, hold):
    gate = hold(INDEX)
    texts: list[str] = []
    window = start_window(str(older))
    qtbot.addWidget(window)
    task = window.tasks.running(UPDATE_TASK)
    assert task is not None and not task.cancellable
    task.progressed.connect(lambda *_: texts.append(task.text))
    window.resize(1280, 720)
    window.show()

    # The GUI thread opens the gate from its event loop, while the worker waits in the index build.
    qtbot.waitUntil(gate.reached.is_set, timeout=LONG)
    QTimer.singleShot(0, gate.release)
    assert window.start.proxy.rowCount() == 1  # the events are on screen, from the older file
    assert not window.start.isEnabled()
    with pytest.raises(StorageError, match=re.escape(NOT_READY)):
        window.db  # noqa: B018  (whatever asks for it early is told why, in words)
    row = window.progress_panel.row(UPDATE_TASK)
    assert window.progress_panel.isVisible() and not row.cancel_button.isVisibleTo(window)
    assert (
        row.note.text() == UPDATE_NOTE
        and row.note.isVisible()
        and "cannot be cancelled" in row.note.toolTip()
    )
    for act in (Act.HOME, Act.NEW_EVENT, Act.OPEN_SAMPLE, Act.IMPORT_EVENT_FILE, Act.HISTORY, Act.BACKUPS):
        action = window.actions_[act]
        assert action.toolTip() == "Not now: “Updating the database” is running. Wait for it.", act
        assert not action.isEnabled(), act

    with qtbot.waitSignal(window.opened, timeout=LONG):
        pass
    assert gate.open.is_set()
    assert window.start.isEnabled() and window._db is not None
    assert _revision(older) == HEAD_REVISION
    indexing = [
        re.fullmatch(r"Updating the database: indexing ([\d,]+) of ([\d,]+) records", t) for t in texts
    ]
    done, total = [m.groups() for m in indexing if m][-1]
    assert done == total and int(total.replace(",", "")) > 20
    # The adoption figures are worked out and kept with the update: the first look is a quick one.
    assert "Updating the database: working out the adoption figures" in texts
    with sqlite3.connect(older) as connection:
        assert connection.execute("SELECT count(*) FROM figures_stale").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM figures_quarters").fetchone()[0] > 0
    assert window.actions_[Act.NEW_EVENT].isEnabled()
    qtbot.waitUntil(lambda: not window.tasks.tasks(), timeout=LONG)  # the backup at start
    assert sorted(b.reason for b in list_backups(older)) == ["at-start", "before-migration"]
    window.start.open_current()
    assert window.editor is not None and window.editor.event.title.startswith("Scale Across")
    window.close()
    window.close_database()


def test_closing_during_the_update_waits_for_it_then_closes(qtbot, older, hold):
    gate = hold(INDEX)
    window = start_window(str(older))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(gate.reached.is_set, timeout=LONG)
    window.close()
    assert window.isVisible()  # an update is one transaction that must finish
    assert "Closing when" in window.statusBar().currentMessage()
    gate.release()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=LONG)
    assert _revision(older) == HEAD_REVISION
    window.close_database()


def test_an_update_that_fails_says_why_and_closes(qtbot, older, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))

    def full(*_args, **_kwargs):
        raise StorageError("cannot write /data/events.sqlite3: No space left on device")

    monkeypatch.setattr(facilitator.storage, "open_database", full)
    window = start_window(str(older))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=LONG)
    assert shown == [
        "Cannot open the database.\n\ncannot write /data/events.sqlite3: No space left on device"
    ]
    assert _revision(older) != HEAD_REVISION  # nothing was changed


def test_the_backup_at_start_runs_on_the_pool_and_cancel_leaves_no_file(qtbot, db_path, hold):
    facilitator.storage.open_database(db_path).close()  # changed since its (no) newest backup
    gate = hold(BACKUP, at=1)  # after the check, before the copy
    window = start_window(str(db_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(gate.reached.is_set, timeout=LONG)
    task = window.tasks.running(BACKUP_TASK)
    assert task.cancellable and window.progress_panel.row(BACKUP_TASK).cancel_button.isVisible()
    assert not window.actions_[Act.BACKUPS].isEnabled()
    assert window.start.isEnabled()  # the facilitator may start working meanwhile
    with qtbot.waitSignal(task.ended, timeout=LONG):
        window.progress_panel.row(BACKUP_TASK).cancel_button.click()
        gate.release()
    assert task.outcome == CANCELLED
    assert list_backups(db_path) == []
    folder = backup_folder()
    assert not folder.exists() or os.listdir(folder) == []  # no half-written copy either
    assert window.actions_[Act.BACKUPS].isEnabled()
    window.close()
    window.close_database()


def test_damage_the_update_finds_is_moved_aside_and_the_backup_updated_instead(qtbot, older, monkeypatch):
    take_backup(older)  # a verified copy of the older file, from before the damage
    overwrite_pages(older, "participants")  # pages the quick read never reads; the check does
    damaged = older.read_bytes()
    asked = []
    monkeypatch.setattr(recovery, "ask_recovery", lambda damage: asked.append(damage) or Choice.RESTORE)
    window = start_window(str(older))
    qtbot.addWidget(window)
    assert window.start.proxy.rowCount() == 1  # painted from the damaged file
    started(qtbot, window)
    [damage] = asked
    assert (damage.moved_to / older.name).read_bytes() == damaged  # kept byte for byte
    assert _revision(older) == HEAD_REVISION and check_database(older) == []
    assert window.start.isEnabled() and window.start.proxy.rowCount() == 1
    window.start.open_current()
    assert len(window.editor.event.participants) == 6
    window.close()
    window.close_database()
