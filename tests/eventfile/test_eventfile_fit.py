"""Fit answers and an accepted risk travel in event files, and are checked on the way in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from eventfile_builders import row_counts

from facilitator.documents import DocumentError
from facilitator.domain import BoundaryKind, FitAnswerKind
from facilitator.eventfile import event_to_document, export_event, import_event_file, read_event_file
from facilitator.services import agreements, events, fit, participants, patterns


def build_fit_event(db):
    """Store an event whose agreement has fit answers, an open question and an accepted risk."""
    with db.transaction() as session:
        event = events.plan_event(session, coalitions=["Checkout"], date=dt.date(2026, 11, 21))
        ana = participants.add_participant(session, event.id, "Ana Núñez", "Payments")
        zoe = participants.add_participant(session, event.id, "Zoë Lefèvre", "Checkout", "coalition_member")
        aiko = participants.add_participant(session, event.id, "Aiko Tanaka", "Leadership", "sponsor")
        flags = patterns.create_pattern(session, event.id, "Feature flags")
        owns = patterns.add_boundary(session, flags.id, BoundaryKind.WORKS_WHEN, "The team owns its pipeline")
        cab = patterns.add_boundary(session, flags.id, BoundaryKind.BREAKS_WHEN, "A change board approves")
        service = patterns.add_boundary(session, flags.id, BoundaryKind.PREREQUISITE, "A flag service")
        patterns.add_boundary(session, flags.id, BoundaryKind.WORKS_WHEN, "Tests run in minutes")
        agreement = agreements.add_agreement(session, event.id, ana.id, pattern_ids=[flags.id])
        fit.set_fit_answer(session, agreement.id, owns.id, "holds", note="Since May", owner_id=zoe.id)
        fit.set_fit_answer(session, agreement.id, cab.id, FitAnswerKind.HOLDS, note="Weekly CAB")
        fit.set_fit_answer(session, agreement.id, service.id, "not_known", owner_id=ana.id)
        fit.accept_risk(session, agreement.id, aiko.id, note="CAB to be waived for flags")
        return event.id


def fit_values(db, event_id):
    """The answers and the acceptance of each agreement, as values that do not depend on ids."""
    with db.transaction() as session:
        event = events.load_event(session, event_id)
        result = []
        for agreement in event.agreements:
            answers = sorted(
                (
                    q.condition.kind.value,
                    q.condition.text,
                    q.answer.answer.value,
                    q.answer.note,
                    q.answer.owner.name if q.answer.owner else None,
                    q.answer.answered_at,
                )
                for q in fit.fit_questions(agreement)
                if q.answer is not None
            )
            acceptance = agreement.risk_acceptance
            accepted = (
                (acceptance.accepted_by.name, acceptance.accepted_at, acceptance.note) if acceptance else None
            )
            result.append((answers, accepted, fit.risks(agreement)))
        return result


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_answers_and_accepted_risk_come_back_in_a_fresh_database(db, other_db, tmp_path, suffix):
    event_id = build_fit_event(db)
    path = tmp_path / f"fit{suffix}"
    with db.transaction() as session:
        export_event(session, event_id, path)

    imported = import_event_file(other_db, path)

    before, after = fit_values(db, event_id), fit_values(other_db, imported)
    assert after == before
    answers, accepted, reasons = after[0]
    assert len(answers) == 3
    assert accepted[0] == "Aiko Tanaka" and accepted[2] == "CAB to be waived for flags"
    assert reasons == ["Feature flags: it breaks when “A change board approves”, and that is so here."]
    again = tmp_path / f"again{suffix}"
    with other_db.transaction() as session:
        export_event(session, imported, again)
    assert again.read_bytes() == path.read_bytes()


def test_export_names_each_condition_by_id_with_its_words(db):
    event_id = build_fit_event(db)
    with db.transaction() as session:
        document = event_to_document(events.load_event(session, event_id))
    (agreement,) = document["agreements"]
    pattern = document["patterns"][0]
    owns = pattern["works_when"][0]
    first = next(a for a in agreement["fit"] if a["text"] == owns["text"])
    assert first["condition"] == owns["id"]
    assert first["text"] == "The team owns its pipeline"
    assert (first["answer"], first["note"]) == ("holds", "Since May")
    owner = next(p for p in document["participants"] if p["id"] == first["owner"])
    assert owner["name"] == "Zoë Lefèvre"
    assert sorted(a["answer"] for a in agreement["fit"]) == ["holds", "holds", "not_known"]
    sponsor = next(p for p in document["participants"] if p["id"] == agreement["risk_accepted"]["by"])
    assert sponsor["name"] == "Aiko Tanaka"
    assert agreement["risk_accepted"]["note"] == "CAB to be waived for flags"


def test_copy_with_new_ids_answers_the_shared_conditions(db, tmp_path):
    event_id = build_fit_event(db)
    path = tmp_path / "copy.yaml"
    with db.transaction() as session:
        export_event(session, event_id, path)

    copy = import_event_file(db, path, new_ids=True)

    assert fit_values(db, copy) == fit_values(db, event_id)


HAND_WRITTEN = """\
format: scale-across-event
version: 1
event:
  date: 2026-11-21
coalitions:
  - name: Checkout Reliability Coalition
participants:
  - {id: ana, name: Ana Núñez}
  - {id: zoe, name: Zoë Lefèvre}
patterns:
  - id: flags
    name: Feature flags
    works_when:
      - The team owns its pipeline
    breaks_when:
      - {id: cab, text: A change board approves}
  - id: other
    name: Release trains
    prerequisites:
      - A release calendar
agreements:
  - adopter: ana
    patterns: [flags]
"""
FIT = """\
    fit:
      - condition: The team owns its pipeline
        answer: holds
      - condition: cab
        answer: not_known
        owner: zoe
    risk_accepted:
      by: zoe
      note: Deliberately
"""


def test_hand_written_answers_name_conditions_by_text_or_key(db, tmp_path):
    path = tmp_path / "prepared.yaml"
    path.write_text(HAND_WRITTEN + FIT, encoding="utf-8")

    event_id = import_event_file(db, path)

    ((answers, accepted, _reasons),) = fit_values(db, event_id)
    assert [a[:5] for a in answers] == [
        ("breaks_when", "A change board approves", "not_known", "", "Zoë Lefèvre"),
        ("works_when", "The team owns its pipeline", "holds", "", None),
    ]
    assert (accepted[0], accepted[2]) == ("Zoë Lefèvre", "Deliberately")


def test_file_without_fit_still_imports(db, tmp_path):
    path = tmp_path / "older.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")

    event_id = import_event_file(db, path)

    ((answers, accepted, _reasons),) = fit_values(db, event_id)
    assert (answers, accepted) == ([], None)


@pytest.mark.parametrize(
    ("change", "line", "column", "phrase"),
    [
        (
            ("condition: cab", "condition: cabb"),
            27,
            20,
            'agreements[1].fit[2].condition: no condition has the text or id "cabb" (did you mean',
        ),
        (
            ("condition: cab", "condition: A release calendar"),
            27,
            20,
            "is a condition of the pattern “Release trains”, which this agreement does not adopt",
        ),
        (
            ("answer: holds", "answer: yes"),
            26,
            17,
            "agreements[1].fit[1].answer",
        ),
        (
            ("owner: zoe", "owner: zoey"),
            29,
            16,
            'agreements[1].fit[2].owner: no participant has the id "zoey"',
        ),
        (
            ("by: zoe", "by: nobody"),
            31,
            11,
            'agreements[1].risk_accepted.by: no participant has the id "nobody"',
        ),
        (
            ("condition: cab", "condition: The team owns its pipeline"),
            27,
            20,
            "this condition is already answered in agreements[1].fit[1]",
        ),
        (
            ("        answer: holds\n", "        answer: holds\n        answred: x\n"),
            27,
            9,
            'unknown key "answred"',
        ),
    ],
    ids=[
        "unknown condition",
        "pattern not adopted",
        "bad answer",
        "unknown owner",
        "unknown accepter",
        "answered twice",
        "unknown key",
    ],
)
def test_bad_fit_is_refused_at_its_position(db, tmp_path, change, line, column, phrase):
    path = tmp_path / "bad.yaml"
    path.write_text(HAND_WRITTEN + FIT.replace(*change), encoding="utf-8")
    before = row_counts(db)

    with pytest.raises(DocumentError) as caught:
        read_event_file(path)
    with pytest.raises(DocumentError):
        import_event_file(db, path)

    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:{column}: "), message
    assert phrase in message
    assert row_counts(db) == before


def test_same_words_in_two_adopted_conditions_need_the_id(db, tmp_path):
    content = HAND_WRITTEN.replace("      - A release calendar\n", "      - The team owns its pipeline\n")
    content = content.replace("patterns: [flags]", "patterns: [flags, other]")
    path = tmp_path / "twice.yaml"
    path.write_text(content + FIT, encoding="utf-8")

    with pytest.raises(DocumentError) as caught:
        read_event_file(path)

    assert "2 conditions of the adopted patterns read" in str(caught.value)


def test_documented_fit_example_imports(db, tmp_path):
    example = Path(__file__).parents[2] / "docs" / "examples" / "prepared-event.yaml"
    docs = (Path(__file__).parents[2] / "docs" / "event-file-format.md").read_text(encoding="utf-8")
    snippet = docs.split("    fit:\n", 1)[1].split("```", 1)[0]
    content = example.read_text(encoding="utf-8").replace(
        "    check_in: 2027-01-02\n", "    check_in: 2027-01-02\n    fit:\n" + snippet, 1
    )
    path = tmp_path / "with-fit.yaml"
    path.write_text(content, encoding="utf-8")

    event_id = import_event_file(db, path)

    answers, accepted, reasons = fit_values(db, event_id)[0]
    assert sorted(a[2] for a in answers) == ["holds", "holds", "not_known"]
    assert accepted[0] == "田中 愛子 (Aiko Tanaka)"
    assert accepted[1] == dt.datetime(2026, 11, 21, 15, 40)
    assert len(reasons) == 1
