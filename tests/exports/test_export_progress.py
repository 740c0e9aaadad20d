"""Long exports say how far they got, and a Cancelled from the watcher leaves nothing behind."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from exports.files import export_agreements
from exports.formats import write_mail_drafts
from exports.mail import agreement_drafts, write_drafts
from exports.report_file import export_report
from exports.values import adopters
from facilitator.figures import compute_figures
from facilitator.progress import Cancelled
from facilitator.storage import open_database

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "figures"))
from figures_history import TODAY, build_history


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("report") / "history.sqlite3")
    try:
        build_history(db)
        with db.transaction() as session:
            return compute_figures(session, today=TODAY)
    finally:
        db.close()


class Recorder:
    """A progress callback that keeps every report and raises Cancelled at the ``stop_at``-th."""

    def __init__(self, stop_at: int | None = None) -> None:
        self.calls: list[tuple[int, int]] = []
        self.stop_at = stop_at

    def __call__(self, done: int, total: int) -> None:
        self.calls.append((done, total))
        if self.stop_at is not None and len(self.calls) >= self.stop_at:
            raise Cancelled


def _counts_up_to_one_total(calls: list[tuple[int, int]]) -> None:
    totals = {total for _done, total in calls}
    assert len(totals) == 1
    done = [d for d, _total in calls]
    assert done == sorted(set(done)) and done[0] >= 1


def test_agreements_report_one_unit_per_adopter(demo_event, tmp_path):
    people = len(adopters(demo_event))
    progress = Recorder()
    written = export_agreements(demo_event, tmp_path / "out", progress=progress)
    assert progress.calls == [(n, people) for n in range(1, people + 1)]
    assert len(written) == people


@pytest.mark.parametrize("stop_at", [1, 4])
def test_a_cancelled_agreements_export_leaves_no_file_and_no_folder(demo_event, tmp_path, stop_at):
    folder = tmp_path / "new" / "agreements"
    with pytest.raises(Cancelled):
        export_agreements(demo_event, folder, progress=Recorder(stop_at))
    assert not folder.parent.exists()


def test_mail_drafts_report_one_unit_per_draft_and_cancel_writes_nothing(demo_event, tmp_path):
    people = len(adopters(demo_event))
    progress = Recorder()
    assert len(agreement_drafts(demo_event, progress=progress)) == people
    assert progress.calls == [(n, people) for n in range(1, people + 1)]

    through_formats = Recorder()
    assert len(write_mail_drafts(demo_event, tmp_path / "drafts", progress=through_formats)) == people
    assert through_formats.calls[-1] == (people, people)

    folder = tmp_path / "cancelled"
    with pytest.raises(Cancelled):
        write_drafts(demo_event, folder, progress=Recorder(stop_at=people))
    assert not folder.exists()


def test_the_report_counts_its_parts_up_to_the_total(report, tmp_path):
    progress = Recorder()
    target = tmp_path / "report.pdf"
    export_report(report, target, progress=progress)
    assert target.read_bytes().startswith(b"%PDF")
    _counts_up_to_one_total(progress.calls)
    done, total = progress.calls[-1]
    # Enough steps for a bar that moves: a title, a summary, a section per scope.
    assert done == total and total >= 10 and len(progress.calls) >= 5


@pytest.mark.parametrize("stop_at", [1, "last"])
def test_a_cancelled_report_leaves_the_old_file_and_no_new_one(report, tmp_path, stop_at):
    steps = Recorder()
    export_report(report, tmp_path / "measure.pdf", progress=steps)
    stop = len(steps.calls) if stop_at == "last" else stop_at
    folder = tmp_path / "new"
    with pytest.raises(Cancelled):
        export_report(report, folder / "report.pdf", progress=Recorder(stop))
    assert not folder.exists()
    old = tmp_path / "old.pdf"
    old.write_bytes(b"the old report")
    with pytest.raises(Cancelled):
        export_report(report, old, progress=Recorder(stop))
    assert old.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["measure.pdf", "old.pdf"]
