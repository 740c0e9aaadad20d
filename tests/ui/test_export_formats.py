"""Export menu: the agreements go where people work, as the same files the command line writes."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import email
import email.policy
import re

import pytest
from helpers import answer_save_dialog, show_active
from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog

from facilitator.demo import create_demo_event
from facilitator.services import participants
from ui.actions import Act
from ui.cli import main
from ui.csv_dialog import PLAIN, WITH_BOM
from ui.main_window import MainWindow

ADOPTERS = ("Ana Núñez", "Søren Ødegård", "Çağla Yıldız", "Łukasz Wróblewski")


@pytest.fixture
def event_id(db):
    with db.transaction() as session:
        event = create_demo_event(session, date=dt.date(2026, 11, 3))
        ana = next(p for p in event.participants if p.name == "Ana Núñez")
        participants.update_participant(session, ana.id, email="ana.nunez@example.org")
        return str(event.id)


@pytest.fixture
def window(qtbot, db, event_id):
    win = MainWindow(db)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    win.open_event(event_id, view=2)
    return win


def _cli(db_path, event_id, *options):
    assert main(["export", event_id, *options, "--db", str(db_path)]) == 0


def test_markdown_and_csv_from_the_menu_are_the_command_lines_bytes(
    window, db_path, event_id, tmp_path, monkeypatch, opened, capsys
):
    actions = window.actions_
    answer_save_dialog(monkeypatch, tmp_path / "menu" / "summary")
    actions[Act.EXPORT_MARKDOWN].trigger()
    answer_save_dialog(monkeypatch, tmp_path / "menu" / "agreements.csv", PLAIN)
    actions[Act.EXPORT_CSV_AGREEMENTS].trigger()
    answer_save_dialog(monkeypatch, tmp_path / "menu" / "support.csv", WITH_BOM)
    actions[Act.EXPORT_CSV_SUPPORT].trigger()

    _cli(db_path, event_id, "--out", str(tmp_path / "cli" / "summary.md"))
    _cli(db_path, event_id, "--out", str(tmp_path / "cli" / "agreements.csv"))
    _cli(db_path, event_id, "--out", str(tmp_path / "cli" / "support.csv"), "--rows", "support", "--bom")

    for name in ("summary.md", "agreements.csv", "support.csv"):
        assert (tmp_path / "menu" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name
    assert (tmp_path / "menu" / "support.csv").read_bytes().startswith(codecs.BOM_UTF8)
    assert not (tmp_path / "menu" / "agreements.csv").read_bytes().startswith(codecs.BOM_UTF8)
    with open(tmp_path / "menu" / "agreements.csv", newline="", encoding="utf-8") as file:
        assert sorted(row["adopter"] for row in csv.DictReader(file)) == sorted(ADOPTERS)
    assert "# Scale Across" in (tmp_path / "menu" / "summary.md").read_text(encoding="utf-8")
    assert opened == [str(tmp_path / "menu" / "summary.md")]  # "Open files after export" is on


def _without_stamp(data: bytes) -> bytes:
    # DTSTAMP is when the file was made; everything else is the event's.
    return re.sub(rb"DTSTAMP:[0-9TZ]+\r\n", b"", data)


def test_check_ins_are_added_to_the_calendar_program(
    qtbot, window, db_path, event_id, tmp_path, monkeypatch, opened
):
    window.settings.set("open_after_export", False)  # adding to the calendar opens it all the same
    answer_save_dialog(monkeypatch, tmp_path / "check-ins")
    # In the background: the first calendar of a session loads icalendar, which takes a moment.
    with qtbot.waitSignal(window.tasks.ended, timeout=120_000) as ended:
        window.actions_[Act.EXPORT_CALENDAR].trigger()
        assert not window.actions_[Act.EXPORT_CALENDAR].isEnabled()
        assert window.progress_panel.row("check-ins").cancel_button.isHidden()  # done in a moment
        assert window.actions_[Act.CLOSE_EVENT].toolTip() == (
            "Not now: “Check-ins for the calendar” is being written. Wait for it."
        )

    assert ended.args[0].outcome == "done"

    path = tmp_path / "check-ins.ics"
    assert opened == [str(path)]
    entries = list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert sorted(a.check_in for a in window.editor.event.agreements) == [
        e.decoded("DTSTART") for e in entries
    ]
    attendees = [str(e.get("ATTENDEE")) for e in entries if "Ana Núñez" in str(e["SUMMARY"])]
    assert attendees == ["mailto:ana.nunez@example.org"]
    _cli(db_path, event_id, "--out", str(tmp_path / "cli.ics"))
    assert _without_stamp(path.read_bytes()) == _without_stamp((tmp_path / "cli.ics").read_bytes())


def test_send_agreements_opens_one_draft_per_adopter_in_the_mail_program(
    qtbot, window, db_path, event_id, tmp_path, monkeypatch, opened
):
    folder = tmp_path / "drafts"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.tasks.ended, timeout=120_000):  # the drafts are made in the background
        window.actions_[Act.SEND_AGREEMENTS].trigger()

    drafts = sorted(folder.glob("*.eml"))
    assert len(drafts) == 4 and sorted(opened) == [str(d) for d in drafts]
    messages = [email.message_from_bytes(d.read_bytes(), policy=email.policy.default) for d in drafts]
    assert all(m["X-Unsent"] == "1" for m in messages)
    addressed = {str(m["To"]) for m in messages if m["To"]}
    assert addressed == {"Ana Núñez <ana.nunez@example.org>"}
    assert "3 without an address" in window.statusBar().currentMessage()
    # The command line writes the same drafts (the PDFs inside differ only in their time stamps).
    _cli(db_path, event_id, "--mail", str(tmp_path / "cli"))
    cli = [
        email.message_from_bytes(d.read_bytes(), policy=email.policy.default)
        for d in sorted((tmp_path / "cli").glob("*.eml"))
    ]
    assert [d.name for d in drafts] == [d.name for d in sorted((tmp_path / "cli").glob("*.eml"))]
    for ours, theirs in zip(messages, cli, strict=True):
        # The MIME boundary is random in every message made.
        assert [h for h in ours.items() if h[0] != "Content-Type"] == [
            h for h in theirs.items() if h[0] != "Content-Type"
        ]
        assert ours.get_body(("plain",)).get_content() == theirs.get_body(("plain",)).get_content()


def test_nothing_to_send_or_add_is_said_not_asked(qtbot, db, monkeypatch, opened):
    from facilitator.services import events

    with db.transaction() as session:
        event_id = events.plan_event(session, coalitions=["Checkout"], date=dt.date(2026, 11, 3)).id
    win = MainWindow(db)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    win.open_event(event_id)
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: asked.append(a) or "")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))

    win.actions_[Act.SEND_AGREEMENTS].trigger()
    assert win.banner.label.text() == "This event has no agreements yet, so there is nothing to send."
    win.actions_[Act.EXPORT_CALENDAR].trigger()
    assert "no agreement of this event has a check-in date yet" in win.banner.label.text().lower()
    assert asked == [] and opened == []


def test_an_unwritable_folder_for_the_drafts_is_reported_and_nothing_opens(
    qtbot, window, tmp_path, monkeypatch, opened
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(blocker))
    with qtbot.waitSignal(window.tasks.ended, timeout=120_000):
        window.actions_[Act.SEND_AGREEMENTS].trigger()
    assert window.banner.isVisible() and str(blocker) in window.banner.label.text()
    assert opened == []
