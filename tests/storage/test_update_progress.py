"""Opening a database after an update says how far the backup, the migration and the index got."""

from __future__ import annotations

import sqlite3

import pytest
from older_database import make_older

from facilitator.progress import BACKUP_BEFORE_UPDATE, INDEX, STAGES, UPDATE, Cancelled
from facilitator.storage import open_database
from facilitator.storage.backups import BACKUP_STEPS, backup_due, backup_folder, list_backups, take_backup
from facilitator.storage.constants import HEAD_REVISION, shipped_revisions
from facilitator.storage.migrate import known_revisions
from facilitator.storage.quick_read import events_before_update, recent_events


class Heard:
    """Records each stage's reports, in order."""

    def __init__(self) -> None:
        self.reports: list[tuple[str, int, int]] = []

    def __call__(self, name: str):
        assert name in STAGES
        return lambda done, total: self.reports.append((name, done, total))

    def of(self, name: str) -> list[tuple[int, int]]:
        return [(done, total) for stage, done, total in self.reports if stage == name]


def test_an_update_reports_its_backup_its_changes_and_the_index_to_the_end(db_path):
    make_older(db_path)
    heard = Heard()
    open_database(db_path, stages=heard).close()

    order = list(dict.fromkeys(stage for stage, _done, _total in heard.reports))
    assert order == [BACKUP_BEFORE_UPDATE, UPDATE, INDEX]
    assert heard.of(BACKUP_BEFORE_UPDATE) == [(n, len(BACKUP_STEPS)) for n in range(len(BACKUP_STEPS) + 1)]
    changes = heard.of(UPDATE)
    due = len([r for r in shipped_revisions() if r > "0002"])
    assert changes[0] == (0, due) and changes[-1] == (due, due)
    assert [done for done, _ in changes] == sorted(done for done, _ in changes)
    index = heard.of(INDEX)
    documents = sqlite3.connect(db_path).execute("SELECT count(*) FROM search_docs").fetchone()[0]
    assert documents > 20 and index[0] == (0, documents) and index[-1] == (documents, documents)
    assert [r.reason for r in list_backups(db_path)] == ["before-migration"]


def test_a_database_at_head_opens_without_a_word(db_path):
    open_database(db_path).close()
    heard = Heard()
    open_database(db_path, stages=heard).close()
    assert heard.reports == []


def test_a_backup_reports_each_step_and_a_cancelled_one_leaves_no_file(db_path):
    open_database(db_path).close()
    seen: list[tuple[int, int]] = []
    take_backup(db_path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]

    def stop_at_the_copy(done: int, total: int) -> None:
        if done == 2:  # the pages are copied into the temporary file: stop before it is kept
            raise Cancelled

    with pytest.raises(Cancelled):
        take_backup(db_path, progress=stop_at_the_copy)
    assert len(list_backups(db_path)) == 1
    assert sorted(p.name for p in backup_folder().iterdir()) == [list_backups(db_path)[0].path.name]


def test_a_backup_is_due_only_when_the_file_changed_after_the_newest(db_path):
    assert not backup_due(db_path)  # nothing there yet
    open_database(db_path).close()
    assert backup_due(db_path)
    take_backup(db_path)
    assert not backup_due(db_path)


def test_the_revisions_read_from_file_names_are_alembics(db_path):
    assert shipped_revisions() == known_revisions()
    assert HEAD_REVISION in shipped_revisions()


def test_the_events_of_an_older_file_are_read_for_the_window_but_not_as_current(db_path):
    make_older(db_path)
    [summary] = events_before_update(db_path)
    assert summary.title == "Scale Across — checkout delivery patterns"
    assert recent_events(db_path) is None  # the fast path is for files at the current schema
    open_database(db_path).close()
    assert events_before_update(db_path) is None  # updated: nothing to update
    assert recent_events(db_path) is not None


def test_a_file_from_a_newer_version_is_not_taken_for_an_older_one(db_path):
    open_database(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    assert events_before_update(db_path) is None
