"""Rebuilding the search index reports its progress per batch and can be cancelled (both backends)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from facilitator.demo import create_demo_event
from facilitator.progress import Cancelled
from facilitator.search import reindex, search
from facilitator.storage import search_index


@pytest.fixture
def filled(db, monkeypatch):
    """The demo event twice, and batches small enough that a rebuild takes several."""
    with db.transaction() as session:
        create_demo_event(session)
        create_demo_event(session)
    monkeypatch.setattr(search_index, "REBUILD_BATCH", 7)
    return db


def documents(db) -> list[tuple[object, ...]]:
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT id, record_id, kind, body FROM search_docs ORDER BY id"))
        return [tuple(row) for row in rows]


def test_progress_goes_from_zero_to_a_fixed_total_in_batches(filled):
    calls: list[tuple[int, int]] = []

    count = reindex(filled, progress=lambda done, total: calls.append((done, total)))

    assert calls[0] == (0, count)
    assert calls[-1] == (count, count)
    assert {total for _, total in calls} == {count}
    done = [d for d, _ in calls]
    assert done == sorted(set(done))
    # One report per batch of 7 documents (plus the start), never one per document.
    assert len(calls) == 1 + -(-count // 7)
    assert count > 20


def test_a_rebuild_with_progress_indexes_the_same_as_one_without(filled):
    reindex(filled)
    plain = documents(filled)

    reindex(filled, progress=lambda done, total: None)

    assert documents(filled) == plain
    with filled.transaction() as session:
        assert search(session, "checkout")


@pytest.mark.parametrize("stop_at", ["start", "middle", "end"])
def test_cancelling_leaves_the_index_as_it_was(filled, stop_at):
    before = documents(filled)
    seen: list[int] = []

    def cancel(done: int, total: int) -> None:
        seen.append(done)
        if (stop_at, done) in (("start", 0), ("middle", 14), ("end", total)):
            raise Cancelled

    with pytest.raises(Cancelled):
        reindex(filled, progress=cancel)

    assert documents(filled) == before
    with filled.transaction() as session:
        assert search(session, "checkout")
