"""Event-file export and import report how far they got, and a Cancel leaves nothing behind.

The window runs both on a pool thread (ui/import_task.py, ui/export_tasks.py);
its Cancel is a ``progress`` that raises ``Cancelled``, as here.
"""

from __future__ import annotations

import pytest
from eventfile_builders import build_demo, document_of, row_counts

from facilitator.eventfile import dump_event_document, export_event, import_event_file
from facilitator.eventfile.importer import IMPORT_STEPS
from facilitator.progress import Cancelled


class Recorder:
    """A ``Progress`` that records every report and raises Cancelled at one of them."""

    def __init__(self, stop_at: tuple[int, int] | None = None) -> None:
        self.steps: list[tuple[int, int]] = []
        self.stop_at = stop_at

    def __call__(self, done: int, total: int) -> None:
        self.steps.append((done, total))
        if (done, total) == self.stop_at:
            raise Cancelled


@pytest.fixture
def event_file(other_db, tmp_path):
    """An event file of the demo event, made on a colleague's machine."""
    path = tmp_path / "event.yaml"
    path.write_bytes(dump_event_document(document_of(other_db, build_demo(other_db)), "yaml"))
    return path


def test_an_import_reports_every_step_up_to_its_total(db, event_file):
    progress = Recorder()
    import_event_file(db, event_file, progress=progress)
    assert progress.steps == [(done, IMPORT_STEPS) for done in range(IMPORT_STEPS + 1)]


@pytest.mark.parametrize("stop_at", [0, 1, 2, 3])
def test_an_import_cancelled_before_its_commit_stores_nothing(db, event_file, stop_at):
    before = row_counts(db)
    progress = Recorder(stop_at=(stop_at, IMPORT_STEPS))
    with pytest.raises(Cancelled):
        import_event_file(db, event_file, progress=progress)
    # At 3 the records were added and flushed: the rollback took them all back.
    assert row_counts(db) == before
    assert progress.steps[-1] == (stop_at, IMPORT_STEPS)


def test_a_cancel_after_the_commit_comes_too_late_and_the_event_is_stored(db, event_file):
    before = row_counts(db)
    event_id = import_event_file(db, event_file, progress=Recorder(stop_at=(IMPORT_STEPS, IMPORT_STEPS)))
    assert row_counts(db) != before
    assert document_of(db, event_id)["event"]["id"] == str(event_id)


def test_an_export_reports_its_steps_and_a_cancel_before_the_write_keeps_the_old_file(db, tmp_path):
    event_id = build_demo(db)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "event.yaml"
    target.write_bytes(b"last week's file")
    for stop_at in (1, 2):
        with db.transaction() as session, pytest.raises(Cancelled):
            export_event(session, event_id, target, progress=Recorder(stop_at=(stop_at, 3)))
        # Neither a new file nor a temporary one: the old file as it was.
        assert [p.name for p in folder.iterdir()] == ["event.yaml"]
        assert target.read_bytes() == b"last week's file"

    progress = Recorder(stop_at=(3, 3))  # after the write: too late to stop anything
    with db.transaction() as session:
        export_event(session, event_id, target, progress=progress)
    assert progress.steps == [(1, 3), (2, 3), (3, 3)]
    assert target.read_bytes() == dump_event_document(document_of(db, event_id), "yaml")
