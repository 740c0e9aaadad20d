"""`scale-across search QUERY` and `scale-across db reindex` as a coalition lead sees them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from facilitator.services import events, participants
from tests.search.index_damage import break_index
from ui.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_prints_one_line_per_hit_with_the_match_marked(capsys, db, db_url, world):
    code, out, err = run(capsys, "search", "zoe", "--db", str(db_url))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "Participant  2025-03-01  Spring kiwi event  [Zoë] Lefèvre · Papaya squad" in lines
    assert "Event        2025-03-01  Spring kiwi event  Spring kiwi event · [Zoë] Lefèvre" in lines
    assert len(lines) == 2


def test_several_words_need_no_quotes(capsys, db_url, world):
    code, out, _ = run(capsys, "search", "--db", str(db_url), "walnut", "haz")
    assert code == 0
    assert out == (
        "Outcome  2025-03-01  Spring kiwi event  "
        "Quince freeze · The [walnut] release failed · Incident [hazelnut]-7\n"
    )


def test_no_matches_is_said_and_is_not_an_error(capsys, db_url, world):
    code, out, err = run(capsys, "search", 'NEAR("durian"', "--db", str(db_url))
    assert (code, out, err) == (0, 'No matches for “NEAR("durian"”\n', "")


def test_limit_says_when_there_is_more(capsys, db_url, world):
    code, out, err = run(capsys, "search", "the", "--limit", "1", "--db", str(db_url))
    assert code == 0 and len(out.splitlines()) == 1
    assert "more than 1 matches" in err
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "search", "the", "--limit", "0", "--db", str(db_url))
    assert exit_.value.code == 2 and "at least 1" in capsys.readouterr().err


def test_control_characters_in_records_do_not_reach_the_terminal(capsys, db, db_url):
    with db.transaction() as s:
        event = events.plan_event(s, coalitions=["Term"], date=dt.date(2025, 1, 1))
        person = participants.add_participant(s, event.id, "Bilby", "")
    with db.engine.begin() as conn:  # services strip them; an old file may still hold some
        conn.execute(
            text("UPDATE participants SET team = :team WHERE id = :id"),
            {"team": "\x1b[2J\x1b]0;pwned\x07", "id": person.id.hex},
        )
    code, out, _ = run(capsys, "search", "bilby", "--db", str(db_url))
    assert code == 0 and "\x1b" not in out and "\x07" not in out and "[Bilby]" in out


def test_db_reindex_rebuilds_a_wiped_index(capsys, db, db_url, world, backend):
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM search_docs")
    assert run(capsys, "search", "zoe", "--db", str(db_url))[1] == "No matches for “zoe”\n"

    code, out, err = run(capsys, "db", "reindex", "--db", str(db_url))

    with db.engine.connect() as conn:
        count = conn.exec_driver_sql("SELECT count(*) FROM search_docs").scalar_one()
    assert (code, err, count) == (0, "", 13)  # 2 events, 2 goals, 2 people, 7 other records
    shown = db.url if backend == "postgresql" else db_url
    assert out == f"Rebuilt the search index of {shown}: 13 records indexed\n"
    assert len(run(capsys, "search", "zoe", "--db", str(db_url))[1].splitlines()) == 2


def test_search_of_a_damaged_index_is_one_line_with_the_fix(capsys, db, db_url, world):
    with db.engine.begin() as conn:
        break_index(conn)
    code, out, err = run(capsys, "search", "zoe", "--db", str(db_url))
    assert code == 1 and out == ""
    assert err.startswith("scale-across: error: the search index cannot be read")
    assert err.rstrip().endswith("rebuild it with: scale-across db reindex")
    assert len(err.splitlines()) == 1
