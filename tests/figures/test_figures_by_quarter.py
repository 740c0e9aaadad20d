"""Figures kept per quarter: after any write, the next look equals working the history out afresh.

Each test looks once (which stores every quarter's facts), writes the way a
user or another program would, looks again, and compares with the figures
worked out from all the rows. The look after a write reads only the
quarters the write touched.
"""

from __future__ import annotations

import datetime as dt

import pytest
from figures_history import TODAY, build_history
from fit_history import build_fit_history
from sqlalchemy import text

import facilitator.figures.kept as kept
from facilitator.domain import AgreementStatus, FitAnswerKind
from facilitator.figures import compute_figures
from facilitator.figures.compute import TOP_PATTERNS, _report
from facilitator.figures.dates import quarter_index
from facilitator.figures.kept import work_out_if_all_stale
from facilitator.figures.queries import read_history, read_live
from facilitator.figures.tally import tally
from facilitator.services import agreements, events, outcomes, patterns
from facilitator.services.fit import set_fit_answer
from facilitator.storage.figures_stale import FACTS, STALE, mark_everything

LATER = TODAY + dt.timedelta(days=200)


def look(db, today: dt.date = TODAY):
    with db.transaction() as session:
        return compute_figures(session, today=today)


def afresh(db, today: dt.date = TODAY):
    """The figures from every row, nothing kept."""
    with db.transaction() as session:
        return _report(tally(read_history(session)), read_live(session), today, TOP_PATTERNS)


@pytest.fixture
def quarters_read(monkeypatch):
    """Record the quarters each look reads rows for (None: the whole history)."""
    seen: list[object] = []

    def recording(session, quarters=None):
        seen.append(None if quarters is None else set(quarters))
        return read_history(session, quarters)

    monkeypatch.setattr(kept, "read_history", recording)
    return seen


def run_sql(db, *statements: str) -> None:
    with db.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def first(db, sql: str):
    with db.engine.connect() as connection:
        return connection.execute(text(sql)).scalar()


def one(table: str, column: str = "id", where: str = "") -> str:
    """Return a subquery for one row's column, the same row on both backends."""
    return f"(SELECT {column} FROM {table} {where} ORDER BY id LIMIT 1)"


def _adopt_an_open_agreement(db):
    agreement_id = first(db, "SELECT id FROM agreements WHERE status = 'agreed' ORDER BY id LIMIT 1")
    with db.transaction() as session:
        agreements.change_status(
            session, agreement_id, AgreementStatus.ADOPTED, when=dt.datetime(2026, 11, 20)
        )


def _undo_an_adoption(db):
    run_sql(
        db,
        "DELETE FROM status_changes WHERE id = " + one("status_changes", where="WHERE to_status = 'adopted'"),
    )


def _move_an_event_to_another_year(db):
    run_sql(
        db,
        f"UPDATE events SET date = '2024-05-02' WHERE id = {one('agreements', 'event_id')}",
    )


def _rename_the_teams(db):
    """Every adopter is now in one team: fewer teams per quarter."""
    run_sql(db, "UPDATE participants SET team = 'One team'")


def _delete_an_event(db):
    event_id = first(db, "SELECT event_id FROM agreements ORDER BY id LIMIT 1")
    with db.transaction() as session:
        events.delete_event(session, event_id)


def _turn_a_condition_around(db):
    run_sql(
        db,
        "UPDATE boundary_conditions SET kind = 'breaks_when' "
        "WHERE id = " + one("boundary_conditions", where="WHERE kind = 'works_when'"),
    )


def _drop_a_breaks_when(db):
    """Each pattern has one: its pattern is no longer documented."""
    run_sql(
        db,
        "DELETE FROM boundary_conditions WHERE id = "
        + one("boundary_conditions", where="WHERE kind = 'breaks_when'"),
    )


def _take_a_pattern_off_its_agreements(db):
    run_sql(
        db, f"DELETE FROM agreement_patterns WHERE pattern_id = {one('agreement_patterns', 'pattern_id')}"
    )


def _add_a_coalition_to_an_event(db):
    event_id = first(db, "SELECT event_id FROM agreements ORDER BY id LIMIT 1")
    with db.transaction() as session:
        events.add_coalition_to_event(session, event_id, "Gamma")


def _drop_an_event_coalition(db):
    run_sql(
        db, "DELETE FROM event_coalitions WHERE id = (SELECT id FROM event_coalitions ORDER BY id LIMIT 1)"
    )


def _add_a_failure(db):
    event_id = first(db, "SELECT event_id FROM outcomes ORDER BY id LIMIT 1")
    with db.transaction() as session:
        outcomes.add_outcome(session, event_id, "failure", "Rolled back twice")


def _delete_an_agreement(db):
    run_sql(db, "DELETE FROM agreements WHERE id = (SELECT id FROM agreements ORDER BY id LIMIT 1)")


def _move_a_pattern_to_another_coalition(db):
    run_sql(db, "UPDATE patterns SET coalition_id = (SELECT id FROM coalitions ORDER BY name DESC LIMIT 1)")


def _create_a_pattern(db):
    event_id = first(db, "SELECT event_id FROM event_coalitions ORDER BY id LIMIT 1")  # a pattern needs one
    with db.transaction() as session:
        patterns.create_pattern(session, event_id, "Brand new")


def _rename_a_coalition(db):
    run_sql(db, "UPDATE coalitions SET name = 'Zeta'")


WRITES = [
    _adopt_an_open_agreement,
    _undo_an_adoption,
    _move_an_event_to_another_year,
    _rename_the_teams,
    _delete_an_event,
    _turn_a_condition_around,
    _drop_a_breaks_when,
    _take_a_pattern_off_its_agreements,
    _add_a_coalition_to_an_event,
    _drop_an_event_coalition,
    _add_a_failure,
    _delete_an_agreement,
    _move_a_pattern_to_another_coalition,
    _create_a_pattern,
    _rename_a_coalition,
]


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.__name__.strip("_").replace("_", " "))
def test_after_a_write_the_next_look_equals_the_history_worked_out_afresh(db, write):
    build_history(db)
    before = look(db)
    look(db, LATER)
    write(db)
    after = look(db)
    assert after == afresh(db)
    assert look(db, LATER) == afresh(db, LATER)
    if write not in (_rename_a_coalition, _move_a_pattern_to_another_coalition):
        assert after != before  # else the test would not show anything was worked out again


def test_many_writes_in_a_row_stay_equal_to_the_history_worked_out_afresh(db):
    build_history(db)
    for write in WRITES:
        write(db)
        assert look(db) == afresh(db), write.__name__


def test_a_look_after_one_write_reads_only_the_quarters_it_touched(db, quarters_read):
    build_history(db)
    look(db)
    assert quarters_read == [None]  # the first look ever: the whole history
    old_day = dt.date.fromisoformat(
        str(
            first(
                db, "SELECT date FROM events WHERE id = (SELECT event_id FROM agreements ORDER BY id LIMIT 1)"
            )
        )
    )
    _move_an_event_to_another_year(db)
    look(db)
    assert quarters_read[1:] == [{quarter_index(dt.date(2024, 5, 2)), quarter_index(old_day)}]
    look(db, LATER)  # another day: the same facts, no rows read
    assert len(quarters_read) == 2
    with db.engine.connect() as connection:
        assert connection.execute(text(f"SELECT count(*) FROM {STALE}")).scalar() == 0


def test_renaming_a_coalition_or_moving_a_pattern_reads_no_rows_again(db, quarters_read):
    build_history(db)
    look(db)
    _rename_a_coalition(db)
    _move_a_pattern_to_another_coalition(db)
    assert look(db) == afresh(db)
    assert quarters_read == [None]


def test_fit_answers_changed_after_the_event_are_in_the_next_figures(db):
    build_fit_history(db)
    look(db)
    agreement_id, boundary_id = _an_answer(db)
    with db.transaction() as session:
        set_fit_answer(session, agreement_id, boundary_id, FitAnswerKind.NOT_KNOWN)
    assert look(db) == afresh(db)
    run_sql(db, "DELETE FROM fit_answers")
    assert look(db) == afresh(db)
    assert look(db).overall.fit.not_checked.agreements == first(db, "SELECT count(*) FROM agreements")


def _an_answer(db):
    with db.engine.connect() as connection:
        return connection.execute(
            text("SELECT agreement_id, boundary_id FROM fit_answers ORDER BY id LIMIT 1")
        ).one()


def test_unreadable_kept_facts_are_worked_out_again(db, quarters_read):
    build_history(db)
    look(db)
    run_sql(db, f"UPDATE {FACTS} SET facts = 'not json'")
    _add_a_failure(db)
    assert look(db) == afresh(db)
    assert quarters_read == [None, None]
    _add_a_failure(db)
    look(db)
    assert quarters_read[2] is not None  # stored whole again: back to one quarter


def test_an_empty_history_keeps_nothing(db):
    figures = look(db)
    assert figures.is_empty
    with db.engine.connect() as connection:
        assert connection.execute(text(f"SELECT count(*) FROM {FACTS}")).scalar() == 0
        assert connection.execute(text(f"SELECT count(*) FROM {STALE}")).scalar() == 0


def test_a_quarter_left_empty_by_a_delete_is_no_longer_kept(db):
    build_history(db)
    look(db)
    with db.transaction() as session:
        for event_id in [
            row for (row,) in session.execute(text("SELECT id FROM events WHERE date = '2026-07-20'"))
        ]:
            events.delete_event(session, event_id)
    assert look(db) == afresh(db)
    with db.engine.connect() as connection:
        kept_quarters = set(connection.execute(text(f"SELECT quarter FROM {FACTS}")).scalars())
    assert quarter_index(dt.date(2026, 7, 20)) not in kept_quarters


def test_after_an_update_every_quarter_is_worked_out_once_before_anyone_looks(db, quarters_read):
    build_history(db)
    with db.engine.begin() as connection:
        mark_everything(connection)  # what migration 0010 leaves
    heard: list[tuple[int, int]] = []
    assert work_out_if_all_stale(db, lambda done, total: heard.append((done, total)))
    assert heard == [(0, 1), (1, 1)]
    assert not work_out_if_all_stale(db)  # nothing left to do
    assert look(db) == afresh(db)
    assert quarters_read == [None]  # the work-out read the history; the look read nothing again


def test_a_database_opened_read_only_is_not_worked_out_at_start(db):
    db.read_only = True
    assert not work_out_if_all_stale(db)
