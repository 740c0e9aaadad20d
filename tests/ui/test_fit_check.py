"""The fit check in the Follow-Up Support step, driven from the keyboard as a facilitator does."""

from __future__ import annotations

import datetime as dt

from helpers import focused, show_active, type_text
from PySide6.QtCore import Qt

from facilitator.domain import BoundaryKind, FitAnswerKind, ParticipantRole
from facilitator.services import agreements, events, participants, patterns
from facilitator.storage import open_database
from ui.main_window import MainWindow
from ui.panels.agreements.fit_rows import FitQuestionRow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _event(db):
    """One adopter, a sponsor, and a pattern with one condition of each kind, adopted."""
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout Coalition"], date=dt.date(2026, 5, 4))
        participants.add_participant(
            session, event.id, "Zoë Lefèvre", "Checkout", ParticipantRole.COALITION_MEMBER
        )
        adopter = participants.add_participant(session, event.id, "Çağla Yıldız", "Release Management")
        sponsor = participants.add_participant(
            session, event.id, "田中 愛子", "Leadership", ParticipantRole.SPONSOR
        )
        pattern = patterns.create_pattern(session, event.id, "Trunk-based development")
        for kind, text in (
            (BoundaryKind.WORKS_WHEN, "The team deploys at least daily"),
            (BoundaryKind.BREAKS_WHEN, "Releases need a change board"),
            (BoundaryKind.PREREQUISITE, "A fast, reliable test suite"),
        ):
            patterns.add_boundary(session, pattern.id, kind, text, event_id=event.id)
        agreements.add_agreement(
            session, event.id, adopter.id, pattern_ids=[pattern.id], sponsor_id=sponsor.id
        )
        return event.id


def _open(qtbot, db, event_id):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    show_active(qtbot, window)
    window.open_event(event_id, view=1)
    walk = window.screen_.walkthrough
    step = next(i for i, s in enumerate(walk.agenda.steps) if s.id == "follow-up-support")
    walk.go_to(step)
    panel = walk.contents.currentWidget().panels[0]
    return window, panel, panel.agreement_editor.fit


def _answers(editor):
    event = editor.event
    [agreement] = event.agreements
    names = {p.id: p.name for p in event.participants}
    texts = {c.id: c.text for p in agreement.patterns for c in p.boundaries}
    return {
        texts[answer.boundary_id]: (answer.answer, answer.note, names.get(answer.owner_id))
        for answer in agreement.fit_answers
    }


def test_fit_check_from_the_keyboard_with_undo_risk_acceptance_and_a_new_window(qtbot, db, db_path):
    event_id = _event(db)
    window, panel, check = _open(qtbot, db, event_id)
    editor = window.editor
    # The conditions in the pattern's order: breaks when, prerequisites, works when.
    assert [row.condition.text() for row in check.rows] == [
        "Releases need a change board",
        "A fast, reliable test suite",
        "The team deploys at least daily",
    ]
    assert [row.source.text() for row in check.rows][0] == "Trunk-based development · Breaks when"
    assert "H holds" in check.keys.text() and "Tab" in check.keys.text()
    assert check.keys.isVisible() and not check.notice.isVisible()

    # Alt+T puts the keyboard on the first question; H answers it, Tab goes to the next.
    qtbot.keyClick(window, Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: focused() is check.rows[0])
    # "Releases need a change board" holds: the pattern breaks here.
    qtbot.keyClick(focused(), Qt.Key.Key_H)
    assert check.rows[0].answer_text() == "Holds"
    assert check.notice.isVisible()
    assert "it breaks when “Releases need a change board”, and that is so here" in check.notice.reasons.text()
    assert check.rows[0].risk.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is check.rows[1]
    qtbot.keyClick(focused(), Qt.Key.Key_H)
    assert check.rows[1].answer_text() == "Holds" and not check.rows[1].risk.isVisible()
    assert "⚠ at risk" in panel.table.records.index(0, 1).data()

    # Down to the last condition: not known yet (3), then a note and who finds out.
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert focused() is check.rows[2]
    qtbot.keyClick(focused(), Qt.Key.Key_3)
    row = check.rows[2]
    assert row.answer_text() == "Not known yet" and row.owner.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is row.note
    type_text(focused(), "Ask the build team for the suite's run time")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # Tab stores the note, then the owner
    assert focused() is row.owner
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # — none — → Zoë
    assert _answers(editor) == {
        "A fast, reliable test suite": (FitAnswerKind.HOLDS, "", None),
        "Releases need a change board": (FitAnswerKind.HOLDS, "", None),
        "The team deploys at least daily": (
            FitAnswerKind.NOT_KNOWN,
            "Ask the build team for the suite's run time",
            "Zoë Lefèvre",
        ),
    }

    # Undo (Ctrl+Z) the owner, the note and the answer, one at a time; redo them all.
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert _answers(editor)["The team deploys at least daily"] == (
        FitAnswerKind.NOT_KNOWN,
        "Ask the build team for the suite's run time",
        None,
    )
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert _answers(editor)["The team deploys at least daily"] == (FitAnswerKind.NOT_KNOWN, "", None)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert "The team deploys at least daily" not in _answers(editor)
    assert check.rows[2].answer_text() == ""
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _answers(editor)["The team deploys at least daily"] == (
        FitAnswerKind.NOT_KNOWN,
        "Ask the build team for the suite's run time",
        "Zoë Lefèvre",
    )
    assert check.rows[2].owner.currentText() == "Zoë Lefèvre (Checkout)"

    # Changing an answer and undoing it restores the one before exactly.
    check.rows[1].setFocus()
    qtbot.keyClick(check.rows[1], Qt.Key.Key_N)
    assert _answers(editor)["A fast, reliable test suite"][0] == FitAnswerKind.DOES_NOT_HOLD
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert _answers(editor)["A fast, reliable test suite"] == (FitAnswerKind.HOLDS, "", None)

    # Accept the risk from the keyboard: the sponsor is proposed; Alt+K accepts.
    notice = check.notice
    assert notice.who.currentText() == "田中 愛子 (Leadership)"
    qtbot.keyClick(window, Qt.Key.Key_K, ALT)
    # A mnemonic clicks on the loop's next turns.
    qtbot.waitUntil(lambda: editor.event.agreements[0].risk_acceptance is not None)
    [agreement] = editor.event.agreements
    assert agreement.risk_acceptance is not None
    sponsor = next(p for p in editor.event.participants if p.name == "田中 愛子")
    assert agreement.risk_acceptance.accepted_by_id == sponsor.id
    qtbot.waitUntil(lambda: "Risk accepted by 田中 愛子 on" in notice.accepted.text())
    assert notice.withdraw_button.isVisible() and not notice.accept_button.isVisible()
    assert "⚠ at risk, accepted" in panel.table.records.index(0, 1).data()
    window.close()
    db.close()

    # A new window on the same file shows every answer, note, owner and who accepted the risk.
    db = open_database(db_path)
    again, _panel, check = _open(qtbot, db, event_id)
    assert [row.answer_text() for row in check.rows] == ["Holds", "Holds", "Not known yet"]
    assert check.rows[2].note.text() == "Ask the build team for the suite's run time"
    assert check.rows[2].owner.currentText() == "Zoë Lefèvre (Checkout)"
    assert check.rows[0].risk.isVisible() and check.notice.isVisible()
    assert "Risk accepted by 田中 愛子 on" in check.notice.accepted.text()
    again.close()
    db.close()


def test_a_closed_event_shows_the_fit_check_but_takes_no_answers(qtbot, db):
    event_id = _event(db)
    with db.transaction() as session:
        events.close_event(session, event_id)
    window, _panel, check = _open(qtbot, db, event_id)
    row = check.rows[0]
    assert isinstance(row, FitQuestionRow) and row.read_only
    assert not check.keys.isVisible()
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_H)
    assert row.answer_text() == "" and not window.editor.event.agreements[0].fit_answers
    assert not any(button.isEnabled() for button in row.buttons.values())
