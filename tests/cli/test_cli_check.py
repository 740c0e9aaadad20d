"""`scale-across check EVENT_ID`: what an event leaves open, one a line; exit 1 when anything is."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.domain import BoundaryKind, FitAnswerKind, OutcomeKind
from facilitator.services import agreements, events, fit, outcomes, participants, patterns
from ui.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _base(session):
    """An event with a lead (10 h to give), two adopters, a sponsor and a pattern with three conditions."""
    event = events.plan_event(session, coalitions=["Koalition Zahlungsverkehr"], date=dt.date(2026, 6, 2))
    add = participants.add_participant
    lead = add(session, event.id, "Zoë Lefèvre", "Checkout", "coalition_member")
    ana = add(session, event.id, "Ana Souza", "Payments", "potential_adopter")
    kenji = add(session, event.id, "Kenji Sato", "Search", "potential_adopter")
    sponsor = add(session, event.id, "Jürgen Groß", "Leadership", "sponsor")
    participants.set_capacity(session, event.id, lead.id, 10)
    win = outcomes.add_outcome(session, event.id, OutcomeKind.SUCCESS, "Canary releases cut incidents")
    pattern = patterns.create_pattern(session, event.id, "Canary releases", outcome_ids=[win.id])
    conditions = {
        kind: patterns.add_boundary(session, pattern.id, kind, text)
        for kind, text in [
            (BoundaryKind.WORKS_WHEN, "Traffic is steady"),
            (BoundaryKind.BREAKS_WHEN, "Releases ship weekly at most"),
            (BoundaryKind.PREREQUISITE, "Per-request metrics"),
        ]
    }
    return event, lead, ana, kenji, sponsor, pattern, conditions


def build_complete(db):
    """Every agreement whole: one that fits, one at risk with the risk accepted."""
    with db.transaction() as session:
        event, lead, ana, kenji, sponsor, pattern, conditions = _base(session)
        answers = {
            ana: {
                BoundaryKind.WORKS_WHEN: FitAnswerKind.HOLDS,
                BoundaryKind.BREAKS_WHEN: FitAnswerKind.DOES_NOT_HOLD,
                BoundaryKind.PREREQUISITE: FitAnswerKind.HOLDS,
            },
            kenji: {
                BoundaryKind.WORKS_WHEN: FitAnswerKind.HOLDS,
                BoundaryKind.BREAKS_WHEN: FitAnswerKind.HOLDS,  # at risk …
                BoundaryKind.PREREQUISITE: FitAnswerKind.HOLDS,
            },
        }
        for adopter, answered in answers.items():
            agreement = agreements.add_agreement(
                session,
                event.id,
                adopter.id,
                pattern_ids=[pattern.id],
                sponsor_id=sponsor.id,
                check_in="2026-07-01",
                limits="Two sprints of pairing, no on-call",
            )
            agreements.add_support_item(session, agreement.id, "coaching", amount=4, owner_id=lead.id)
            for kind, answer in answered.items():
                fit.set_fit_answer(session, agreement.id, conditions[kind].id, answer)
        # … and Kenji's risk accepted deliberately.
        fit.accept_risk(session, agreement.id, sponsor.id, note="Weekly releases are the plan anyway")
        return event.id


def build_incomplete(db):
    """An agreement missing everything, a failure nobody learnt from, a pattern with no boundaries."""
    with db.transaction() as session:
        event, lead, ana, kenji, sponsor, pattern, _conditions = _base(session)
        outcomes.add_outcome(session, event.id, OutcomeKind.FAILURE, "Big-bang migration stalled")
        bare = patterns.create_pattern(session, event.id, "Feature flags")
        agreement = agreements.add_agreement(session, event.id, ana.id, pattern_ids=[pattern.id, bare.id])
        agreements.add_support_item(session, agreement.id, "coaching")  # no owner, no amount
        over = agreements.add_agreement(
            session,
            event.id,
            kenji.id,
            pattern_ids=[],
            sponsor_id=sponsor.id,
            check_in="2026-07-01",
            limits="Only reviews",
        )
        agreements.add_support_item(session, over.id, "time", amount=14, owner_id=lead.id)  # over her 10 h
        return event.id


def test_a_complete_event_has_nothing_open_and_exits_0(capsys, db, db_path):
    event_id = build_complete(db)
    code, out, err = run(capsys, "check", str(event_id)[:8], "--db", str(db_path))
    assert (code, err) == (0, "")
    assert out == f"Nothing is open in event {event_id}: it is ready to close\n"


def test_an_incomplete_event_names_each_open_item_and_exits_1(capsys, db, db_path):
    event_id = build_incomplete(db)
    code, out, err = run(capsys, "--db", str(db_path), "check", str(event_id))
    assert code == 1
    assert out.splitlines() == [
        "The failure “Big-bang migration stalled” has no pattern learnt from it.",
        "“Feature flags” is adopted but has no boundaries recorded.",
        "Ana Souza (Payments): the agreement has no sponsor.",
        "Ana Souza (Payments): no limits are written (where the coalition's support stops).",
        "Ana Souza (Payments): no check-in date.",
        "Ana Souza (Payments): coaching support has no owner.",
        "Ana Souza (Payments): coaching support has no amount.",
        "Ana Souza (Payments): 3 fit questions not answered.",
        "Zoë Lefèvre is promised 14 h of support but has 10 h, and the room has not accepted it.",
    ]
    assert err == f"9 items are still open in event {event_id}\n"


def test_an_unknown_event_is_one_clear_line_and_exit_1(capsys, db, db_path):
    build_complete(db)
    code, out, err = run(capsys, "check", "ffffffff", "--db", str(db_path))
    assert (code, out) == (1, "")
    assert err == "scale-across: error: no event with an id starting 'ffffffff'\n"


def test_check_never_creates_a_database(capsys, tmp_path):
    missing = tmp_path / "typo.sqlite3"
    code, out, err = run(capsys, "check", "abc", "--db", str(missing))
    assert (code, out) == (1, "")
    assert err.startswith(f"scale-across: error: no database at {missing}")
    assert not missing.exists()


def test_check_is_in_the_help(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out, _ = capsys.readouterr()
    assert "check" in out and "still leaves open" in out
