"""CSV for spreadsheets: every record as typed, formulas defused, ISO dates, a BOM only when asked."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import uuid

import pytest
from pdf_helpers import HOSTILE, loaded_event, make_event

from exports.csv_export import (
    AGREEMENT_COLUMNS,
    HISTORY_COLUMNS,
    SUPPORT_COLUMNS,
    TRACKER_COLUMNS,
    agreement_rows,
    csv_bytes,
    support_rows,
    write_csv,
)
from exports.errors import ExportError
from facilitator.domain import ParticipantRole, SupportType
from facilitator.services import agreements, participants, patterns

# Text a spreadsheet would run, and text that only looks odd; each must come back as typed.
FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+1", "-2", "@SUM(A1)", "\t=1", "=1+2", "  =1"]
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
PLAIN = ["a, b, c", 'say "hi"', "line one\nline two", "'already quoted", "1,5", "x=1", *HOSTILE]


def read(path, encoding="utf-8"):
    """Return the CSV file's rows as dicts, read the way the csv module documents."""
    with open(path, newline="", encoding=encoding) as file:
        return list(csv.DictReader(file))


def defused(text: str) -> str:
    """Return ``text`` as the CSV holds it: with a leading ' when a spreadsheet would run it."""
    return f"'{text}" if text[:1] in "=+-@\t\n" or text.lstrip()[:1] in "=+-@" else text


def names(items) -> str:
    return "; ".join(items)


def test_the_columns_are_a_stable_contract():
    # Spreadsheets are built on these names: add at the end, never rename or move.
    assert AGREEMENT_COLUMNS == (
        "event_id",
        "event_date",
        "event_title",
        "coalitions",
        "agreement_id",
        "adopter",
        "adopter_team",
        "adopter_email",
        "patterns",
        "sponsor",
        "sponsor_team",
        "owners",
        "check_in",
        "status",
        "status_reason",
        "not_included",
        "notes",
        "support_items",
    )
    assert SUPPORT_COLUMNS == (
        "event_id",
        "event_date",
        "agreement_id",
        "support_item_id",
        "adopter",
        "adopter_team",
        "type",
        "amount",
        "unit",
        "owner",
        "owner_team",
        "description",
        "limits",
        "not_included",
    )
    assert TRACKER_COLUMNS == (
        "agreement_id",
        "event_id",
        "event_date",
        "event_title",
        "coalitions",
        "adopter",
        "adopter_team",
        "patterns",
        "sponsor",
        "owners",
        "check_in",
        "status",
        "status_reason",
        "last_changed",
        "overdue",
        "days_overdue",
        "fit",
        "open_questions",
    )
    assert HISTORY_COLUMNS == (
        "event_id",
        "event_date",
        "event_title",
        "coalitions",
        "status",
        "participants",
        "agreements",
        "adopted",
        "overdue",
    )


def test_every_agreement_of_the_demo_event_is_there_as_typed(demo_event, tmp_path):
    path = write_csv(tmp_path / "agreements.csv", AGREEMENT_COLUMNS, agreement_rows(demo_event))
    rows = read(path)
    assert list(rows[0]) == list(AGREEMENT_COLUMNS)
    assert len(rows) == len(demo_event.agreements) == 4
    for row, agreement in zip(rows, demo_event.agreements, strict=True):
        owners = list(dict.fromkeys(i.owner.name for i in agreement.support_items if i.owner))
        assert row == {
            "event_id": str(demo_event.id),
            "event_date": demo_event.date.isoformat(),
            "event_title": demo_event.title,
            "coalitions": "Checkout Reliability Coalition",
            "agreement_id": str(agreement.id),
            "adopter": agreement.adopter.name,
            "adopter_team": agreement.adopter.team,
            "adopter_email": "",
            "patterns": names(p.name for p in agreement.patterns),
            "sponsor": agreement.sponsor.name,
            "sponsor_team": agreement.sponsor.team,
            "owners": names(owners),
            "check_in": agreement.check_in.isoformat(),
            "status": "Agreed",
            "status_reason": agreement.status_reason,
            "not_included": agreement.limits,
            "notes": agreement.notes,
            "support_items": str(len(agreement.support_items)),
        }
    ana = rows[0]
    assert ana["adopter"] == "Ana Núñez" and ana["sponsor"] == "田中 愛子 (Aiko Tanaka)"
    assert ana["patterns"] == "Trunk-based development with feature flags; Long code freezes before peaks"
    assert all(ISO_DAY.fullmatch(row[k]) for row in rows for k in ("event_date", "check_in"))


def test_every_support_item_of_the_demo_event_is_there_as_typed(demo_event, tmp_path):
    path = write_csv(tmp_path / "support.csv", SUPPORT_COLUMNS, support_rows(demo_event))
    rows = read(path)
    items = [(a, item) for a in demo_event.agreements for item in a.support_items]
    assert len(rows) == len(items) == 6
    for row, (agreement, item) in zip(rows, items, strict=True):
        assert row == {
            "event_id": str(demo_event.id),
            "event_date": demo_event.date.isoformat(),
            "agreement_id": str(agreement.id),
            "support_item_id": str(item.id),
            "adopter": agreement.adopter.name,
            "adopter_team": agreement.adopter.team,
            "type": item.type.label,
            "amount": f"{item.amount:g}",
            "unit": item.unit,
            "owner": item.owner.name,
            "owner_team": item.owner.team,
            "description": item.description,
            "limits": item.limits,
            "not_included": agreement.limits,
        }
    assert [r["amount"] for r in rows] == ["8", "1", "6", "4", "10", "2"]
    assert rows[0]["limits"] == "Pairing sessions in the first two sprints only"
    assert rows[0]["not_included"].startswith("No on-call cover for Payments")


def spreadsheet_event(session):
    """Formula-like text in every typed field, an address, half hours, and the gaps a room leaves."""
    event = make_event(session, title=FORMULAS[0])
    adopter = participants.add_participant(
        session, event.id, FORMULAS[3], FORMULAS[2], email="ana@example.org"
    )
    owner = participants.add_participant(
        session, event.id, "Zoë, the owner", 'Team "A"', ParticipantRole.COALITION_MEMBER
    )
    sponsor = participants.add_participant(session, event.id, FORMULAS[1], "", ParticipantRole.SPONSOR)
    pattern = patterns.create_pattern(session, event.id, FORMULAS[5])
    other = patterns.create_pattern(session, event.id, "a, b; c")
    agreement = agreements.add_agreement(
        session,
        event.id,
        adopter.id,
        pattern_ids=[pattern.id, other.id],
        sponsor_id=sponsor.id,
        check_in=dt.date(2026, 7, 1),
        limits="line one\nline two, with a comma",
        notes=FORMULAS[0],
    )
    agreements.add_support_item(
        session,
        agreement.id,
        SupportType.TIME,
        amount=2.5,
        unit="days",
        owner_id=owner.id,
        description='say "hi"',
        limits="-2 sessions",
    )
    agreements.add_support_item(session, agreement.id, SupportType.ARTIFACT, description="@SUM(A1)")
    bare = participants.add_participant(session, event.id, "Bo")
    agreements.add_agreement(session, event.id, bare.id)  # no pattern, sponsor, check-in or support
    return event


@pytest.fixture(scope="module")
def spreadsheet(tmp_path_factory):
    return loaded_event(tmp_path_factory, spreadsheet_event)


def test_formula_like_text_round_trips_with_only_a_leading_quote(spreadsheet, tmp_path):
    agreement_csv = write_csv(tmp_path / "a.csv", AGREEMENT_COLUMNS, agreement_rows(spreadsheet), bom=True)
    support_csv = write_csv(tmp_path / "s.csv", SUPPORT_COLUMNS, support_rows(spreadsheet))
    first, bare = read(agreement_csv, "utf-8-sig")
    assert first["event_title"] == """'=HYPERLINK("http://evil","x")"""
    assert first["notes"] == """'=HYPERLINK("http://evil","x")"""
    assert (first["adopter"], first["adopter_team"], first["sponsor"]) == ("'@SUM(A1)", "'-2", "'+1+1")
    assert first["adopter_email"] == "ana@example.org"
    assert first["patterns"] == "'=1+2; a, b; c"
    assert first["owners"] == "Zoë, the owner"
    assert first["not_included"] == "line one\nline two, with a comma"
    assert first["support_items"] == "2"
    # What the room left open is empty, not "None" or "not set".
    assert [bare[k] for k in ("patterns", "sponsor", "sponsor_team", "owners", "check_in")] == [""] * 5
    assert bare["support_items"] == "0"
    time, artifact = read(support_csv)
    assert (time["type"], time["amount"], time["unit"]) == ("Time", "2.5", "days")
    assert (time["owner"], time["owner_team"]) == ("Zoë, the owner", 'Team "A"')
    assert (time["description"], time["limits"]) == ('say "hi"', "'-2 sessions")
    assert time["not_included"] == "line one\nline two, with a comma"
    assert (artifact["amount"], artifact["owner"], artifact["description"]) == ("", "", "'@SUM(A1)")


def test_hostile_text_round_trips_exactly(hostile, tmp_path):
    rows = read(write_csv(tmp_path / "a.csv", AGREEMENT_COLUMNS, agreement_rows(hostile)))
    (agreement,) = hostile.agreements
    (row,) = rows
    assert row["event_title"] == hostile.title == f"{HOSTILE[0]} {HOSTILE[6]}"
    assert row["adopter"] == HOSTILE[6] and row["adopter_team"] == HOSTILE[2]
    assert row["sponsor"] == HOSTILE[0]
    assert row["not_included"] == HOSTILE[5] and row["notes"] == HOSTILE[4]
    assert row["patterns"] == agreement.patterns[0].name == HOSTILE[4]
    (item,) = read(write_csv(tmp_path / "s.csv", SUPPORT_COLUMNS, support_rows(hostile)))
    assert (item["owner"], item["owner_team"]) == (HOSTILE[3], "Team & <Co>")
    assert (item["description"], item["limits"]) == (HOSTILE[1], HOSTILE[2])


@pytest.mark.parametrize("text", FORMULAS + PLAIN)
def test_any_text_comes_back_as_typed_apart_from_the_documented_quote(text):
    data = csv_bytes(["value"], [[text]])
    header, row = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    assert header == ["value"]
    assert row == [defused(text)]
    assert row[0] == (f"'{text}" if text in FORMULAS else text)


def test_numbers_dates_and_ids_we_write_are_not_touched():
    ident = uuid.UUID("12345678-1234-5678-1234-567812345678")
    data = csv_bytes(
        ["n", "x", "d", "when", "id", "flag", "none"],
        [
            [-2, -2.5, dt.date(2026, 5, 14), dt.datetime(2026, 5, 14, 9, 30), ident, True, None],
            [8.0, 0.1, dt.date(999, 1, 2), dt.datetime(2026, 5, 14, 9, 30, 5, 123), ident, False, ""],
        ],
    )
    _, first, second = list(csv.reader(io.StringIO(data.decode(), newline="")))
    assert first == ["-2", "-2.5", "2026-05-14", "2026-05-14T09:30:00", str(ident), "true", ""]
    assert second == ["8", "0.1", "0999-01-02", "2026-05-14T09:30:05", str(ident), "false", ""]


def test_control_characters_go_and_line_breaks_stay_inside_the_quoted_cell():
    data = csv_bytes(["a", "b"], [["one\x00\x07\x1b[31m\x7f\x85two\r\nthree\rfour\u2028five", "tab\there"]])
    assert data == b'a,b\r\n"one[31m\ntwo\nthree\nfour\nfive",tab\there\r\n'
    (_, row) = list(csv.reader(io.StringIO(data.decode(), newline="")))
    assert row == ["one[31m\ntwo\nthree\nfour\nfive", "tab\there"]


def test_records_end_in_crlf_and_cells_are_quoted_only_when_needed():
    data = csv_bytes(["a", "b", "c"], [["plain", "a, b", 'say "hi"']])
    assert data == b'a,b,c\r\nplain,"a, b","say ""hi"""\r\n'


def test_a_byte_order_mark_only_when_asked(demo_event, tmp_path):
    plain = write_csv(tmp_path / "plain.csv", AGREEMENT_COLUMNS, agreement_rows(demo_event))
    excel = write_csv(tmp_path / "excel.csv", AGREEMENT_COLUMNS, agreement_rows(demo_event), bom=True)
    assert not plain.read_bytes().startswith(codecs.BOM_UTF8)
    assert plain.read_bytes().startswith(b"event_id,")
    assert excel.read_bytes() == codecs.BOM_UTF8 + plain.read_bytes()
    assert read(excel, "utf-8-sig") == read(plain)
    # Read as plain UTF-8, the mark is there, glued to the first column's name.
    assert list(read(excel)[0])[0] == "\ufeffevent_id"


def test_write_csv_makes_the_folder_and_replaces_the_file(tmp_path):
    target = tmp_path / "new" / "folder" / "t.csv"
    assert write_csv(target, ["a"], [["old"]]) == target
    write_csv(target, ["a"], [["new"]])
    assert target.read_bytes() == b"a\r\nnew\r\n"
    assert [p.name for p in target.parent.iterdir()] == ["t.csv"]


def test_a_folder_in_the_way_is_one_clear_error_and_nothing_is_left(tmp_path):
    folder = tmp_path / "taken.csv"
    folder.mkdir()
    with pytest.raises(ExportError, match=r"cannot write .*taken\.csv: it is a folder"):
        write_csv(folder, ["a"], [["x"]])
    assert list(folder.iterdir()) == [] and [p.name for p in tmp_path.iterdir()] == ["taken.csv"]


def test_a_row_of_the_wrong_width_is_refused():
    with pytest.raises(ValueError, match="row 2 has 1 values for 2 columns"):
        csv_bytes(["a", "b"], [["1", "2"], ["3"]])
